package org.guangsha.platform.internal.platform;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.guangsha.platform.module.BusinessModule;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the {@link BusinessModule} services as bundles come and go. When two services claim the
 * same id, the one registered first stays and the other is ignored with a warning: a module id must
 * mean one thing.
 */
@Component(service = ModuleRegistry.class)
public class ModuleRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleRegistry.class);
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    private final Map<Long, Registered> byServiceId = new ConcurrentHashMap<>();

    /** A module with the id of the service that registered it. */
    public record Registered(long serviceId, BusinessModule module) {}

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addModule(BusinessModule module, Map<String, Object> properties) {
        long serviceId = (Long) properties.get(Constants.SERVICE_ID);
        String id = module.id();
        if (id == null || !ID.matcher(id).matches()) {
            LOG.warn("Business module ignored: id '{}' is not of the form {}", id, ID);
            return;
        }
        boolean taken = byServiceId.values().stream().anyMatch(r -> r.module().id().equals(id));
        if (taken) {
            LOG.warn(
                    "Business module id '{}' is registered twice; service {} waits", id, serviceId);
        }
        byServiceId.put(serviceId, new Registered(serviceId, module));
        LOG.info("Business module '{}' ({}) is available", id, module.name().zh());
    }

    void removeModule(BusinessModule module, Map<String, Object> properties) {
        Registered gone = byServiceId.remove((Long) properties.get(Constants.SERVICE_ID));
        if (gone != null) {
            LOG.info("Business module '{}' is gone", gone.module().id());
        }
    }

    /** The modules present now, in menu order, one per id (the earliest service wins). */
    public List<BusinessModule> modules() {
        Map<String, BusinessModule> firstById = new HashMap<>();
        byServiceId.values().stream()
                .sorted(Comparator.comparingLong(Registered::serviceId))
                .forEach(r -> firstById.putIfAbsent(r.module().id(), r.module()));
        return firstById.values().stream()
                .sorted(
                        Comparator.comparingInt(BusinessModule::order)
                                .thenComparing(BusinessModule::id))
                .toList();
    }
}
