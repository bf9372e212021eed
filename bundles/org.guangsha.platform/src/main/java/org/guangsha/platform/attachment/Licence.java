package org.guangsha.platform.attachment;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An electronic licence as the licence service returns it.
 *
 * @param content the licence file: PDF, PNG or JPEG
 * @param fileName a name for people, e.g. {@code 居民身份证.pdf}
 * @param licenceNumber the licence's own number at the issuing service
 * @param issuer the authority that issued it
 * @param validUntil the end of its validity, or null when it has none
 */
public record Licence(
        byte[] content,
        String fileName,
        String licenceNumber,
        String issuer,
        LocalDate validUntil) {

    /** Checks the required members. */
    public Licence {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(fileName, "fileName");
    }
}
