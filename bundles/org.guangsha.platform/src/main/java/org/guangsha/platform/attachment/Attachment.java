package org.guangsha.platform.attachment;

import java.time.Instant;

/**
 * A stored file as the platform describes it. The bytes are read through {@link
 * AttachmentService#content(String)}.
 *
 * @param id the attachment's id
 * @param ownerId the account that uploaded it (or for which a licence was fetched)
 * @param kind what it is, e.g. {@link AttachmentKinds#ID_CARD_FRONT}
 * @param fileName the name shown to people; never used to decide the type
 * @param mediaType decided from the bytes: {@code image/jpeg}, {@code image/png} or {@code
 *     application/pdf}
 * @param size bytes as stored (after metadata was stripped)
 * @param sha256 the hex SHA-256 of the stored bytes
 * @param source {@code upload}, or {@code licence:<provider id>} for an electronic licence
 * @param subjectName for a licence, whose licence it is (masked); null for uploads
 * @param createdAt when it was stored
 * @param frozen true once a case it is filed with was submitted: no delete, no replace
 */
public record Attachment(
        String id,
        String ownerId,
        String kind,
        String fileName,
        String mediaType,
        long size,
        String sha256,
        String source,
        String subjectName,
        Instant createdAt,
        boolean frozen) {

    /** Source of files the citizen uploaded. */
    public static final String UPLOAD = "upload";

    /** Prefix of the source of electronic licences. */
    public static final String LICENCE_PREFIX = "licence:";

    /** Whether this is an electronic licence rather than an upload. */
    public boolean isLicence() {
        return source.startsWith(LICENCE_PREFIX);
    }
}
