package org.guangsha.platform.casework;

import java.time.Instant;
import java.util.List;
import org.guangsha.platform.i18n.LocalizedText;

/**
 * The check service's answer.
 *
 * @param reportNumber the report's number at the check service
 * @param providerId the provider that produced it
 * @param passed whether the family lies within every limit
 * @param findings one line per item checked
 * @param checkedAt when
 */
public record EconomicStatusReport(
        String reportNumber,
        String providerId,
        boolean passed,
        List<Finding> findings,
        Instant checkedAt) {

    /** Copies the findings. */
    public EconomicStatusReport {
        findings = List.copyOf(findings);
    }

    /**
     * One item checked.
     *
     * @param item what was checked, e.g. 人均年收入
     * @param value what was found, in words
     * @param limit the city's limit, in words
     * @param passed whether it lies within the limit
     */
    public record Finding(LocalizedText item, String value, String limit, boolean passed) {}
}
