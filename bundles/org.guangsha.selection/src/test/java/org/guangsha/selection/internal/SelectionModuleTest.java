package org.guangsha.selection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.module.ConsoleEntry;
import org.junit.jupiter.api.Test;

class SelectionModuleTest {

    private final SelectionModule module = new SelectionModule();

    @Test
    void announcesTheContractOthersRelyOn() {
        assertEquals("selection", module.id());
        assertEquals("在线选房签约", module.name().zh());
        assertEquals("Online selection & signing", module.name().en());
        assertEquals("/ui/selection/", module.ui());
    }

    @Test
    void housingServicesNeedARealNameVerifiedAccount() {
        // DOMAIN.md I-4: housing services require L2 or above, for the line and each entry.
        assertEquals(TrustLevel.L2, module.requiredTrustLevel());
        assertFalse(module.menu().isEmpty());
        module.menu().forEach(e -> assertEquals(TrustLevel.L2, e.requiredTrustLevel()));
        assertFalse(TrustLevel.L1.satisfies(module.requiredTrustLevel()));
    }

    @Test
    void staffFindTheBatchesInTheConsoleAndOperatorsTheImport() {
        assertEquals(
                List.of("batches", "import"),
                module.consoleMenu().stream().map(ConsoleEntry::id).toList());
        assertFalse(module.consoleMenu().get(0).operatorsOnly(), "caseworkers read the batches");
        assertTrue(module.consoleMenu().get(1).operatorsOnly(), "operators import");
        assertNotNull(
                SelectionModule.class.getResource("/ui/console.js"),
                "a line with console entries serves ui/console.js");
    }
}
