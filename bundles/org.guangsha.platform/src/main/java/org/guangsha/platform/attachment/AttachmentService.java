package org.guangsha.platform.attachment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.guangsha.platform.identity.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Stores and guards the files of citizens. Every refusal is a {@code ProblemException}
 * carrying the problem+json the REST layer answers with: 400 naming the field {@code file} for a
 * bad file, 404 for a file the caller may not see, 409 for a frozen one.
 */
@ProviderType
public interface AttachmentService {

    /**
     * Checks {@code content} (type from the bytes, size, decodes, no active content), strips image
     * metadata, stores it and records it for {@code ownerId}. The same bytes of the same kind
     * uploaded again by the same owner give back the existing attachment; nothing is stored twice.
     * A refused or failed upload leaves neither a file nor a row.
     */
    Attachment upload(String ownerId, String kind, String fileName, byte[] content);

    /** The attachment if {@code caller} may read it (its owner or a caseworker of its case). */
    Optional<Attachment> find(Caller caller, String attachmentId);

    /** The owner's attachments, newest first; all kinds when {@code kind} is null. */
    List<Attachment> list(String ownerId, String kind);

    /** The stored bytes of an attachment the caller may read (see {@link #find}). */
    Optional<byte[]> content(Caller caller, String attachmentId);

    /**
     * Files the owner's attachments with a case ("upload once": an earlier file may be filed with a
     * new case). Refuses with 404 any id that is not the owner's, so another citizen's file can
     * never be attached.
     */
    void fileWithCase(String caseId, String ownerId, Collection<String> attachmentIds);

    /** Takes an attachment off a case that is still editable; 409 when the case froze it. */
    void unfileFromCase(String caseId, String ownerId, String attachmentId);

    /** The attachments filed with a case. */
    List<Attachment> ofCase(String caseId);

    /** Freezes every attachment filed with the case: called when the case is submitted. */
    void freezeCase(String caseId);
}
