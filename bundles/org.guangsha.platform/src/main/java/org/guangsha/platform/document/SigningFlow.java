package org.guangsha.platform.document;

import java.time.Instant;

/**
 * A signing ceremony as it stands.
 *
 * @param id the flow's id, used in {@code /api/signing/{id}} and in the face-check purpose {@code
 *     sign:<id>}
 * @param module the business module that started it
 * @param reference the line's own reference
 * @param accountId the citizen who signs
 * @param documentTypeId the contract's type
 * @param step the step the server expects next
 * @param readableAt during a reading step, when the countdown ends; otherwise null
 * @param expiresAt when the flow lapses if not finished
 * @param documentId the signed contract once {@link SigningStep#DONE}, otherwise null
 */
public record SigningFlow(
        String id,
        String module,
        String reference,
        String accountId,
        String documentTypeId,
        SigningStep step,
        Instant readableAt,
        Instant expiresAt,
        String documentId) {}
