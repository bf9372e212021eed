package org.guangsha.platform.internal.util;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.Constants;

/**
 * The providers of one SPI a component follows through a dynamic, multiple reference, and which of
 * them is in use: the highest service ranking, then the oldest service (OSGi's own rule), so a
 * city's real provider wins over the sandbox's when both are installed.
 *
 * @param <T> the SPI
 */
public final class RankedServices<T> {

    private record Ranked<T>(T service, int ranking, long serviceId) {}

    private final List<Ranked<T>> services = new CopyOnWriteArrayList<>();

    /** A service came, with its registration properties. */
    public void add(T service, Map<String, Object> properties) {
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        Object id = properties.get(Constants.SERVICE_ID);
        services.add(
                new Ranked<>(
                        service,
                        ranking instanceof Integer r ? r : 0,
                        id instanceof Long l ? l : 0L));
    }

    /** A service went. */
    public void remove(T service) {
        services.removeIf(r -> r.service() == service);
    }

    /** The one in use, if any. */
    public Optional<T> best() {
        return services.stream()
                .min(
                        Comparator.<Ranked<T>>comparingInt(Ranked::ranking)
                                .reversed()
                                .thenComparingLong(Ranked::serviceId))
                .map(Ranked::service);
    }

    /** All of them, in no particular order. */
    public List<T> all() {
        return services.stream().map(Ranked::service).toList();
    }
}
