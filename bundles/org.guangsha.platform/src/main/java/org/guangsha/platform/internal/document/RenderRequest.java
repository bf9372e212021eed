package org.guangsha.platform.internal.document;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one printable document is made of.
 *
 * @param templateText the document in the markup of {@link TemplateMarkup}
 * @param values what each {@code ${key}} of the template stands for, inserted literally; an empty
 *     value prints as a blank line to fill in by hand
 * @param documentNumber printed in every page's footer
 * @param issuedOn printed under the title
 * @param validUntil printed beside {@code issuedOn}; {@code null} for documents without an expiry
 * @param verificationUrl encoded in a QR code in the first page's top-right corner; {@code null}
 *     for none
 * @param signaturePngs PNG images by signature field name, each drawn in its field's box; fields
 *     without an image stay blank for a handwritten signature, images for fields the template lacks
 *     are ignored
 * @param stamp written diagonally in light grey across every page, e.g. {@code "已撤销 REVOKED"};
 *     {@code null} for none
 */
public record RenderRequest(
        String templateText,
        Map<String, String> values,
        String documentNumber,
        LocalDate issuedOn,
        LocalDate validUntil,
        String verificationUrl,
        Map<String, byte[]> signaturePngs,
        String stamp) {

    /** Copies the maps; refuses missing required parts and {@code null} values. */
    public RenderRequest {
        Objects.requireNonNull(templateText, "templateText");
        values = Map.copyOf(Objects.requireNonNull(values, "values"));
        Objects.requireNonNull(documentNumber, "documentNumber");
        Objects.requireNonNull(issuedOn, "issuedOn");
        signaturePngs = signaturePngs == null ? Map.of() : Map.copyOf(signaturePngs);
    }
}
