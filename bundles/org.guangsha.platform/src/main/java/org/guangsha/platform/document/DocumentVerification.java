package org.guangsha.platform.document;

import java.time.LocalDate;
import org.guangsha.platform.i18n.LocalizedText;

/**
 * What anybody who scans a document's QR code may learn about it: never an ID number.
 *
 * @param number the document number
 * @param type the document's name
 * @param issuedOn issue date
 * @param validUntil last valid day, or null
 * @param status valid, expired or revoked
 * @param holderName the holder's masked name, e.g. {@code 张*}
 * @param signed whether the PDF carries the city's digital signature
 */
public record DocumentVerification(
        String number,
        LocalizedText type,
        LocalDate issuedOn,
        LocalDate validUntil,
        DocumentStatus status,
        String holderName,
        boolean signed) {}
