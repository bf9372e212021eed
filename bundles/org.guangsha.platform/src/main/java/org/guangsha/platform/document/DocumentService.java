package org.guangsha.platform.document;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Issues, keeps and verifies printable documents (P-1, P-2). Every refusal is a {@code
 * ProblemException}: 400 for an unknown type or a missing value, 404 for a document the caller may
 * not see.
 */
@ProviderType
public interface DocumentService {

    /**
     * Renders the document as a PDF (Chinese text, the platform's font embedded), gives it a
     * number, an issue date, a validity when its type has one and a QR code to the public
     * verification page, and stores it.
     */
    IssuedDocument issue(IssueRequest request);

    /** The document with this id. */
    Optional<IssuedDocument> find(String documentId);

    /** The documents issued to an account, newest first. */
    List<IssuedDocument> ofHolder(String holderId);

    /** The PDF of a document. */
    byte[] pdf(String documentId);

    /**
     * Revokes a document (its verification page says 已撤销 from now on). Revoking twice changes
     * nothing the second time.
     */
    IssuedDocument revoke(String documentId, String actorId, String reason);

    /** What the public verification page shows for a number; empty for an unknown number. */
    Optional<DocumentVerification> verify(String number);

    /**
     * Renders a template without issuing anything (no number, nothing stored): previews, and
     * samples such as the sandbox's licences. {@code stamp} is a watermark on every page, or null.
     */
    byte[] render(String template, Map<String, String> values, String stamp);
}
