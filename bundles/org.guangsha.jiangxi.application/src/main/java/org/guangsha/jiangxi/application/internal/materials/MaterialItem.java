package org.guangsha.jiangxi.application.internal.materials;

import java.time.OffsetDateTime;
import java.util.List;
import org.guangsha.platform.i18n.LocalizedText;

/**
 * One line of an application's materials checklist (JX-8): a material of the category, for the
 * family or for one member, with what is filed for it and whether that is enough.
 *
 * @param code the material's code, e.g. {@code dibao-certificate}
 * @param name what people see
 * @param hint a line of help, or null
 * @param required whether submitting needs it
 * @param licence {@code ID_CARD} or {@code HOUSEHOLD_REGISTER} when an electronic licence may stand
 *     for it, else null
 * @param uploadKind the attachment kind an upload is stored as unless another of {@code kinds} is
 *     asked for
 * @param kinds the attachment kinds accepted
 * @param memberId the member it is for ({@code perMember} materials), or null for the family
 * @param memberName that member's name, or null
 * @param attachments the files filed for it, oldest first
 * @param satisfied a licence is filed, or one file of every other kind
 */
public record MaterialItem(
        String code,
        LocalizedText name,
        LocalizedText hint,
        boolean required,
        String licence,
        String uploadKind,
        List<String> kinds,
        String memberId,
        String memberName,
        List<Filed> attachments,
        boolean satisfied) {

    /** Copies the lists. */
    public MaterialItem {
        kinds = List.copyOf(kinds);
        attachments = List.copyOf(attachments);
    }

    /**
     * A file filed for a material, as the core describes it.
     *
     * @param id the attachment's id (its bytes: {@code GET /api/attachments/{id}/content})
     * @param kind its attachment kind
     * @param fileName the name people gave it
     * @param mediaType decided from the bytes
     * @param size bytes
     * @param source {@code upload} or {@code licence:<provider>}
     * @param subjectName for a licence, whose it is (masked), else null
     * @param createdAt when it was stored, in the city's time
     */
    public record Filed(
            String id,
            String kind,
            String fileName,
            String mediaType,
            long size,
            String source,
            String subjectName,
            OffsetDateTime createdAt) {}

    /**
     * The answer of the materials endpoints.
     *
     * @param items the checklist now
     */
    public record Checklist(List<MaterialItem> items) {

        /** Copies the list. */
        public Checklist {
            items = List.copyOf(items);
        }
    }
}
