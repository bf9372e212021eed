package org.guangsha.sandbox.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.guangsha.platform.casework.EconomicStatusProvider;
import org.guangsha.platform.casework.EconomicStatusQuery;
import org.guangsha.platform.casework.EconomicStatusReport;
import org.guangsha.platform.i18n.LocalizedText;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The simulated economic-status check (家庭经济状况核对). It has no data about anybody, so it makes them
 * up, the same way every time, from each member's ID number, and applies the limits configured in
 * {@code etc/org.guangsha.sandbox.economic.cfg}. Members whose ID sequence digits (15–17) are
 * {@code 888} own a home, so their family fails: a predictable way to demo a refusal.
 */
@Component(service = EconomicStatusProvider.class, configurationPid = SandboxEconomicStatus.PID)
@Designate(ocd = SandboxEconomicStatus.Config.class)
public class SandboxEconomicStatus implements EconomicStatusProvider {

    /** The configuration PID. */
    public static final String PID = "org.guangsha.sandbox.economic";

    /** The limits the simulation applies. */
    @ObjectClassDefinition(id = PID, name = "Guangsha sandbox economic-status check")
    public @interface Config {
        @AttributeDefinition(description = "Highest yearly income per family member, in yuan")
        long income_per_capita_limit() default 120_000;

        @AttributeDefinition(description = "Highest total vehicle value of the family, in yuan")
        long vehicle_value_limit() default 200_000;

        @AttributeDefinition(description = "Homes the family may own")
        int homes_limit() default 0;
    }

    private final Clock clock = Clock.systemUTC();
    private volatile Config config;

    /** Built by DS. */
    @Activate
    public SandboxEconomicStatus(Config config) {
        this.config = config;
    }

    @Modified
    void modified(Config changed) {
        config = changed;
    }

    @Override
    public String id() {
        return "sandbox";
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("家庭经济状况核对（沙箱模拟）", "Economic-status check (sandbox simulation)");
    }

    @Override
    public EconomicStatusReport check(EconomicStatusQuery query) {
        Config c = config;
        long income = 0;
        long vehicles = 0;
        int homes = 0;
        for (EconomicStatusQuery.Member m : query.members()) {
            byte[] h = digest(m.idNumber());
            income += 20_000 + (h[0] & 0xff) * 400L; // 20,000 … 122,000 yuan a year
            vehicles += (h[1] & 0x3) == 0 ? (h[2] & 0xff) * 1_000L : 0;
            homes += m.idNumber() != null && m.idNumber().startsWith("888", 14) ? 1 : 0;
        }
        long perCapita = income / query.members().size();
        List<EconomicStatusReport.Finding> findings = new ArrayList<>();
        findings.add(
                new EconomicStatusReport.Finding(
                        LocalizedText.of("家庭人均年收入", "Yearly income per member"),
                        perCapita + " 元",
                        "≤ " + c.income_per_capita_limit() + " 元",
                        perCapita <= c.income_per_capita_limit()));
        findings.add(
                new EconomicStatusReport.Finding(
                        LocalizedText.of("车辆总价值", "Vehicles"),
                        vehicles + " 元",
                        "≤ " + c.vehicle_value_limit() + " 元",
                        vehicles <= c.vehicle_value_limit()));
        findings.add(
                new EconomicStatusReport.Finding(
                        LocalizedText.of("自有住房", "Homes owned"),
                        homes + " 套",
                        "≤ " + c.homes_limit() + " 套",
                        homes <= c.homes_limit()));
        boolean passed = findings.stream().allMatch(EconomicStatusReport.Finding::passed);
        return new EconomicStatusReport(
                "SANDBOX-ECO-"
                        + Integer.toHexString(query.members().hashCode() & 0xfffffff).toUpperCase(),
                id(),
                passed,
                findings,
                clock.instant());
    }

    private static byte[] digest(String idNumber) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(idNumber).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
