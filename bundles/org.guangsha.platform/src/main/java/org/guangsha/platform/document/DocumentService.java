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

    /**
     * Issues a document signed by hand, as {@link #issue} does, with each PNG of {@code
     * signaturePngs} drawn into the signature box ({@code [signature:field …]}) of its key's field
     * and the PDF then digitally signed by the city, like the contract of a signing ceremony; the
     * document is marked signed. For letters signed on a phone's signature pad without a ceremony,
     * such as the authorization commitment letter (授权承诺书). Boxes without an image stay blank.
     *
     * <p>400 naming {@code signature} when there is no image, a key is not a signature field of the
     * type's template, or an image is not a PNG, is larger than 512 KB or has no stroke on it (an
     * empty pad). 503 when the city's signing key is not available.
     *
     * @param signaturePngs PNG images by signature field name
     * @since 1.1
     */
    IssuedDocument issueSigned(IssueRequest request, Map<String, byte[]> signaturePngs);

    /**
     * The document type with this id, registered by a line or one of the core's generic ones
     * ({@code authorization-commitment-letter} …): a line that prints a generic type unsigned first
     * (to be signed on paper) renders its template with {@link #render}.
     *
     * @since 1.1
     */
    Optional<DocumentType> type(String typeId);

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
