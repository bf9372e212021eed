package org.guangsha.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;
import org.guangsha.platform.casework.EconomicStatusQuery;
import org.guangsha.platform.casework.EconomicStatusReport;
import org.junit.jupiter.api.Test;

class SandboxEconomicStatusTest {

    private static final EconomicStatusQuery.Member FAMILY =
            new EconomicStatusQuery.Member("张三", "440304199001011233");
    private static final EconomicStatusQuery.Member HOME_OWNER =
            new EconomicStatusQuery.Member("赵六", "440304199001018881");

    @Test
    void aFamilyWithinTheLimitsPassesTheSameWayEveryTime() {
        SandboxEconomicStatus check = new SandboxEconomicStatus(config(1_000_000, 1_000_000));
        EconomicStatusReport a =
                check.check(new EconomicStatusQuery(null, "440304", List.of(FAMILY)));
        EconomicStatusReport b =
                check.check(new EconomicStatusQuery(null, "440304", List.of(FAMILY)));
        assertTrue(a.passed());
        assertEquals(a.findings(), b.findings());
        assertEquals("sandbox", a.providerId());
    }

    @Test
    void aHomeOwnerOrAnIncomeAboveTheLimitFails() {
        SandboxEconomicStatus generous = new SandboxEconomicStatus(config(1_000_000, 1_000_000));
        EconomicStatusReport owner =
                generous.check(
                        new EconomicStatusQuery(null, "440304", List.of(FAMILY, HOME_OWNER)));
        assertFalse(owner.passed());
        assertFalse(owner.findings().get(2).passed());

        SandboxEconomicStatus strict = new SandboxEconomicStatus(config(1, 1_000_000));
        EconomicStatusReport income =
                strict.check(new EconomicStatusQuery(null, "440304", List.of(FAMILY)));
        assertFalse(income.passed());
        assertFalse(income.findings().get(0).passed());
    }

    private static SandboxEconomicStatus.Config config(long income, long vehicles) {
        return new SandboxEconomicStatus.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SandboxEconomicStatus.Config.class;
            }

            @Override
            public long income_per_capita_limit() {
                return income;
            }

            @Override
            public long vehicle_value_limit() {
                return vehicles;
            }

            @Override
            public int homes_limit() {
                return 0;
            }
        };
    }
}
