package org.guangsha.platform.document;

import java.time.Period;
import java.util.Optional;
import org.guangsha.platform.i18n.LocalizedText;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of printable document (P-1), registered as a service by the bundle that issues it. The
 * core registers the generic ones every line reuses: {@code lease-contract}, {@code
 * occupancy-notice}, {@code authorization-commitment-letter} and {@code power-of-attorney}.
 *
 * <p>The template is text in the platform's document markup (a small Markdown subset described in
 * the core's README): {@code # title}, {@code ## heading}, paragraphs, {@code | table | rows |},
 * {@code [signature:field 标签]}, {@code > note}, {@code ---} for a page break and {@code ${key}}
 * placeholders filled from the issuing request's values.
 */
@ConsumerType
public interface DocumentType {

    /** Stable id, e.g. {@code lease-contract}; lower-case words joined by hyphens. */
    String id();

    /** The document's name, used as PDF title and file name. */
    LocalizedText name();

    /** How long an issued document is valid (P-2: property share 1 month, POA 3 months). */
    Optional<Period> validity();

    /** The template text. */
    String template();

    /** A document type from its parts; {@code validity} may be null. */
    static DocumentType of(String id, LocalizedText name, Period validity, String template) {
        return new Simple(id, name, validity, template);
    }

    /**
     * A document type held in memory.
     *
     * @param id the id
     * @param name the name
     * @param period how long issued documents are valid, or null
     * @param template the template text
     */
    record Simple(String id, LocalizedText name, Period period, String template)
            implements DocumentType {

        /** Checks the parts. */
        public Simple {
            java.util.Objects.requireNonNull(id, "id");
            java.util.Objects.requireNonNull(name, "name");
            java.util.Objects.requireNonNull(template, "template");
        }

        @Override
        public Optional<Period> validity() {
            return Optional.ofNullable(period);
        }
    }
}
