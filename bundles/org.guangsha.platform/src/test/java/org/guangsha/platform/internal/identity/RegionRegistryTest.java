package org.guangsha.platform.internal.identity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.rest.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionRegistryTest {

    private static final String TREE =
            """
            {"regions": [
              {"code": "440000", "level": "PROVINCE", "name": {"zh": "广东省", "en": "Guangdong"},
               "children": [
                {"code": "440300", "level": "CITY", "name": {"zh": "深圳市", "en": "Shenzhen"},
                 "children": [
                  {"code": "440304", "level": "DISTRICT", "name": {"zh": "福田区", "en": "Futian"}},
                  {"code": "440305", "level": "DISTRICT", "name": {"zh": "南山区", "en": "Nanshan"}}
                 ]}
               ]}
            ]}
            """;

    @TempDir Path dir;

    private RegionRegistry registry() throws Exception {
        Path file = dir.resolve("regions.json");
        Files.writeString(file, TREE);
        return new RegionRegistry(RegionRegistry.load(file));
    }

    @Test
    void readsTheTree() throws Exception {
        RegionRegistry r = registry();
        assertEquals("广东省", r.tree().get(0).name().zh());
        assertEquals("Futian", r.region("440304").orElseThrow().name().en());
        assertTrue(r.region("999999").isEmpty());
    }

    @Test
    void aScopeCoversItselfAndEverythingBelow() throws Exception {
        RegionRegistry r = registry();
        assertTrue(r.covers("440304", "440304"));
        assertTrue(r.covers("440300", "440305"));
        assertTrue(r.covers("440000", "440304"));
        assertFalse(r.covers("440304", "440305"), "a district does not cover its neighbour");
        assertFalse(r.covers("440304", "440300"), "nor its city");
        assertFalse(r.covers("440304", "999999"));
    }

    @Test
    void caseworkersActOnlyInTheirRegionOperatorsEverywhere() throws Exception {
        RegionRegistry r = registry();
        Caller futian = staff("CASEWORKER", "440304");
        Caller city = staff("CASEWORKER", "440300");
        Caller operator = staff("OPERATOR", null);
        Caller citizen =
                new Caller("c", AccountKind.CITIZEN, TrustLevel.L2, Set.of("CITIZEN"), null);
        assertDoesNotThrow(() -> r.checkScope(futian, "440304"));
        ProblemException e =
                assertThrows(ProblemException.class, () -> r.checkScope(futian, "440305"));
        assertEquals("urn:guangsha:problem:out-of-region", e.problem().type());
        assertDoesNotThrow(() -> r.checkScope(city, "440305"));
        assertDoesNotThrow(() -> r.checkScope(operator, "440305"));
        assertThrows(ProblemException.class, () -> r.checkScope(citizen, "440304"));
    }

    @Test
    void aMissingFileMeansNoRegions() {
        assertEquals(List.of(), RegionRegistry.load(dir.resolve("missing.json")));
    }

    private static Caller staff(String role, String region) {
        return new Caller("s", AccountKind.STAFF, TrustLevel.L3, Set.of(role), region);
    }
}
