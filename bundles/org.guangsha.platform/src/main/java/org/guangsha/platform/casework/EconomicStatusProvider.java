package org.guangsha.platform.casework;

import org.guangsha.platform.i18n.LocalizedText;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The government economic-status check (家庭经济状况核对) a line asks for before it accepts an application
 * or a renewal (Shenzhen renewal, seed 001): the check service looks at the family's income, real
 * estate, vehicles and business registrations and reports whether they lie within the city's
 * limits. A city installs its real provider; the sandbox installs a simulator.
 */
@ConsumerType
public interface EconomicStatusProvider {

    /** Stable id, recorded in every report. */
    String id();

    /** The service's name. */
    LocalizedText name();

    /** Checks a family; throwing means the service failed (the line may try again). */
    EconomicStatusReport check(EconomicStatusQuery query);
}
