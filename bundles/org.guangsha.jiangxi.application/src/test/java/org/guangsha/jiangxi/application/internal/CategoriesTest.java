package org.guangsha.jiangxi.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.guangsha.jiangxi.application.internal.Categories.Category;
import org.guangsha.jiangxi.application.internal.Categories.Material;
import org.junit.jupiter.api.Test;

/**
 * JX-4: the shipped province list ({@code config/guangsha/jiangxi-categories.json}) parses, and the
 * category decides the materials: a 城镇低保住房困难家庭 must bring its 低保证.
 */
class CategoriesTest {

    private static final Path SHIPPED = Path.of("../../config/guangsha/jiangxi-categories.json");

    private static Categories shipped() throws IOException {
        try (InputStream in = Files.newInputStream(SHIPPED)) {
            return Categories.read(in);
        }
    }

    @Test
    void theShippedListParses() throws IOException {
        Categories c = shipped();

        assertEquals(
                List.of(
                        "dibao",
                        "tekun",
                        "low-income",
                        "lower-middle-income",
                        "new-employee",
                        "migrant-worker",
                        "public-service-worker",
                        "special-care"),
                c.categories().stream().map(Category::code).toList());
        for (Category cat : c.categories()) {
            assertFalse(cat.materials().isEmpty(), cat.code() + " has its own materials");
            assertTrue(
                    cat.materials().stream().anyMatch(Material::required),
                    cat.code() + " requires one of its materials");
        }
        // the electronic licences may stand for the ID card and the household register
        Material idCard = c.common().get(0);
        assertEquals("id-card", idCard.code());
        assertEquals("ID_CARD", idCard.licence());
        assertTrue(idCard.perMember() && idCard.adultsOnly() && idCard.required());
        assertEquals(List.of("id-card-front", "id-card-back", "id-card-licence"), idCard.kinds());
        assertEquals("HOUSEHOLD_REGISTER", c.common().get(1).licence());
        assertEquals("MARRIED", c.common().get(2).when());
    }

    @Test
    void aDibaoFamilyMustBringItsDibaoCertificate() throws IOException {
        Categories c = shipped();

        Category dibao = c.category("dibao").orElseThrow();
        assertEquals("城镇低保住房困难家庭", dibao.name().zh());
        assertEquals(List.of(Categories.IN_KIND, Categories.SUBSIDY), dibao.applicationTypes());
        Material certificate =
                c.materialsOf("dibao").stream()
                        .filter(m -> m.code().equals("dibao-certificate"))
                        .findFirst()
                        .orElseThrow();
        assertTrue(certificate.required());
        assertFalse(certificate.perMember());
        assertEquals("dibao-certificate", certificate.uploadKind());
        // and only the 低保 family
        assertFalse(
                c.materialsOf("new-employee").stream()
                        .anyMatch(m -> m.code().equals("dibao-certificate")));
        // every category needs the common materials first
        assertEquals(
                c.common().stream().map(Material::code).toList(),
                c.materialsOf("dibao").stream()
                        .map(Material::code)
                        .limit(c.common().size())
                        .toList());
    }

    @Test
    void aFileACityGotWrongIsRefusedNamingWhat() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Categories.read(
                                        json(
                                                "{\"categories\": [{\"code\": \"x\", \"name\":"
                                                        + " {\"zh\": \"某类\"}, \"applicationTypes\":"
                                                        + " [\"RENT\"]}]}")));
        assertTrue(e.getMessage().contains("applicationTypes"), e.getMessage());
    }

    private static InputStream json(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
