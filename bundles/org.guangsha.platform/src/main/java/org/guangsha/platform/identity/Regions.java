package org.guangsha.platform.identity;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The region tree of this installation (province → city → district/county), from the city's
 * configuration, and the rule that a caseworker acts only inside its region.
 */
@ProviderType
public interface Regions {

    /** The top-level regions with everything below them. */
    List<Region> tree();

    /** The region with this code, if the installation knows it. */
    Optional<Region> region(String code);

    /** Whether {@code regionCode} is {@code scopeCode} or lies below it. */
    boolean covers(String scopeCode, String regionCode);

    /**
     * Whether {@code caller} may act in {@code regionCode}: operators everywhere, caseworkers
     * inside their region, nobody else.
     */
    boolean mayAct(Caller caller, String regionCode);

    /**
     * Refuses with 403 problem+json {@code out-of-region} unless {@code caller} {@link #mayAct may
     * act} in {@code regionCode}.
     */
    void checkScope(Caller caller, String regionCode);
}
