package org.guangsha.platform.internal.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The generic document templates shipped with the core, in {@link TemplateMarkup}, as resources
 * under {@code org/guangsha/platform/internal/document/templates/}. Cities and business bundles may
 * use them as they are or as the start of their own.
 */
public final class DocumentTemplates {

    /** 公共租赁住房租赁合同, two pages. */
    public static final String LEASE_CONTRACT = "lease-contract";

    /** 入住通知书. */
    public static final String OCCUPANCY_NOTICE = "occupancy-notice";

    /** 授权承诺书 of a public-rental application (income, assets and records checks). */
    public static final String AUTHORIZATION_COMMITMENT_LETTER = "authorization-commitment-letter";

    /** 授权委托书. */
    public static final String POWER_OF_ATTORNEY = "power-of-attorney";

    /** Every shipped template. */
    public static final List<String> NAMES =
            List.of(
                    LEASE_CONTRACT,
                    OCCUPANCY_NOTICE,
                    AUTHORIZATION_COMMITMENT_LETTER,
                    POWER_OF_ATTORNEY);

    private DocumentTemplates() {}

    /**
     * The text of the template {@code name} (one of {@link #NAMES}).
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static String text(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("No document template '" + name + "'");
        }
        try (InputStream in =
                DocumentTemplates.class.getResourceAsStream("templates/" + name + ".md")) {
            if (in == null) {
                throw new IllegalStateException("Template resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read template " + name, e);
        }
    }
}
