package org.guangsha.jiangxi.application.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guangsha.platform.attachment.AttachmentKinds;
import org.guangsha.platform.i18n.LocalizedText;

/**
 * The applicant categories (申请人类别) of the province and the materials each needs (JX-4, JX-8), read
 * from the city's JSON file ({@code etc/guangsha/jiangxi-categories.json}). Every category needs
 * the common materials plus its own; a category lists the application types it may choose.
 *
 * @param common the materials of every category
 * @param categories the categories, in the file's order
 */
public record Categories(List<Material> common, List<Category> categories) {

    /** 实物配租: a public rental home. */
    public static final String IN_KIND = "IN_KIND";

    /** 租赁补贴: a rental subsidy. */
    public static final String SUBSIDY = "SUBSIDY";

    /**
     * A material an application must or may carry.
     *
     * @param code stable code, e.g. {@code dibao-certificate}
     * @param name what people see
     * @param hint a line of help, or null
     * @param required whether submitting needs it
     * @param perMember one per family member (else one for the family)
     * @param adultsOnly with {@code perMember}: only members aged 18 or more
     * @param when the applicant's marital status that makes it apply, or null for always
     * @param licence {@code ID_CARD} or {@code HOUSEHOLD_REGISTER} when an electronic licence may
     *     stand for it, else null
     * @param kinds the attachment kinds accepted; the first is the kind of uploads. It is satisfied
     *     by a licence, or by one file of every other kind (an ID card's two sides)
     */
    public record Material(
            String code,
            LocalizedText name,
            LocalizedText hint,
            boolean required,
            boolean perMember,
            boolean adultsOnly,
            String when,
            String licence,
            List<String> kinds) {

        /** Copies the kinds. */
        public Material {
            kinds = List.copyOf(kinds);
        }

        /** The kind an upload is stored as. */
        public String uploadKind() {
            return kinds.get(0);
        }
    }

    /**
     * An applicant category.
     *
     * @param code stable code, e.g. {@code dibao}
     * @param name what people see, e.g. 城镇低保住房困难家庭
     * @param description a line on who belongs to it, or null
     * @param applicationTypes {@link #IN_KIND} and/or {@link #SUBSIDY}
     * @param materials the category's own materials (without the common ones)
     */
    public record Category(
            String code,
            LocalizedText name,
            LocalizedText description,
            List<String> applicationTypes,
            List<Material> materials) {

        /** Copies the lists. */
        public Category {
            applicationTypes = List.copyOf(applicationTypes);
            materials = List.copyOf(materials);
        }
    }

    /** Copies the lists. */
    public Categories {
        common = List.copyOf(common);
        categories = List.copyOf(categories);
    }

    /** The category with this code. */
    public Optional<Category> category(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /**
     * Every material of a category: the common ones, then its own; a code listed twice counts once
     * (the category's own wins).
     */
    public List<Material> materialsOf(String categoryCode) {
        Map<String, Material> all = new LinkedHashMap<>();
        common.forEach(m -> all.put(m.code(), m));
        category(categoryCode).ifPresent(c -> c.materials().forEach(m -> all.put(m.code(), m)));
        return List.copyOf(all.values());
    }

    /** Reads the file; a relative path is resolved under Karaf's {@code etc/}. */
    public static Categories load(String file) {
        Path path = Path.of(file);
        String etc = System.getProperty("karaf.etc");
        if (!path.isAbsolute() && etc != null) {
            path = Path.of(etc).resolve(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("No applicant categories at " + path);
        }
        try (InputStream in = Files.newInputStream(path)) {
            return read(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the applicant categories " + path, e);
        }
    }

    /** Parses the JSON; refuses a file a city got wrong, naming what is wrong. */
    public static Categories read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        List<Material> common = materials(root.path("common"), "common");
        List<Category> categories = new ArrayList<>();
        for (JsonNode n : root.path("categories")) {
            String code = text(n, "code", "categories");
            List<String> types = new ArrayList<>();
            n.path("applicationTypes").forEach(t -> types.add(t.asText()));
            if (types.isEmpty() || !List.of(IN_KIND, SUBSIDY).containsAll(types)) {
                throw new IllegalArgumentException(
                        "category " + code + ": applicationTypes must be IN_KIND and/or SUBSIDY");
            }
            categories.add(
                    new Category(
                            code,
                            localized(n.path("name"), "category " + code + " name"),
                            n.has("description") ? localized(n.path("description"), code) : null,
                            types,
                            materials(n.path("materials"), "category " + code)));
        }
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("no categories");
        }
        return new Categories(common, categories);
    }

    private static List<Material> materials(JsonNode list, String where) {
        List<Material> out = new ArrayList<>();
        for (JsonNode n : list) {
            String code = text(n, "code", where);
            if (!AttachmentKinds.isValid(code)) {
                throw new IllegalArgumentException(where + ": bad material code " + code);
            }
            List<String> kinds = new ArrayList<>();
            n.path("kinds").forEach(k -> kinds.add(k.asText()));
            if (kinds.isEmpty()) {
                kinds.add(code);
            }
            for (String k : kinds) {
                if (!AttachmentKinds.isValid(k)) {
                    throw new IllegalArgumentException(where + ": bad attachment kind " + k);
                }
            }
            String when = n.path("when").asText(null);
            if (when != null && !List.of("MARRIED", "DIVORCED", "WIDOWED").contains(when)) {
                throw new IllegalArgumentException(where + ": bad when " + when);
            }
            String licence = n.path("licence").asText(null);
            if (licence != null && !List.of("ID_CARD", "HOUSEHOLD_REGISTER").contains(licence)) {
                throw new IllegalArgumentException(where + ": bad licence " + licence);
            }
            out.add(
                    new Material(
                            code,
                            localized(n.path("name"), where + " " + code),
                            n.has("hint") ? localized(n.path("hint"), code) : null,
                            n.path("required").asBoolean(false),
                            n.path("perMember").asBoolean(false),
                            n.path("adultsOnly").asBoolean(false),
                            when,
                            licence,
                            kinds));
        }
        return out;
    }

    private static String text(JsonNode n, String field, String where) {
        String v = n.path(field).asText("");
        if (v.isBlank()) {
            throw new IllegalArgumentException(where + ": " + field + " missing");
        }
        return v;
    }

    private static LocalizedText localized(JsonNode n, String where) {
        String zh = n.path("zh").asText("");
        if (zh.isBlank()) {
            throw new IllegalArgumentException(where + ": zh missing");
        }
        return LocalizedText.of(zh, n.path("en").asText(zh));
    }
}
