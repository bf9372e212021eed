package org.guangsha.platform.internal.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.guangsha.platform.internal.platform.PlatformConstants;
import org.guangsha.platform.persistence.Schema;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migration extender: for every started bundle carrying the {@value Schema#HEADER} header it
 * applies the bundle's scripts, then registers the module's {@link Schema} service. When the bundle
 * stops, or the DataSource goes away, the service goes too.
 */
@Component(service = SchemaStatus.class)
public class MigrationExtender implements SchemaStatus {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationExtender.class);

    private final SchemaMigrator migrator;
    private final BundleTracker<ServiceRegistration<Schema>> tracker;
    private final Map<String, String> failures = new ConcurrentHashMap<>();

    /** Starts following bundles at once. */
    @Activate
    public MigrationExtender(
            BundleContext context,
            @Reference(target = PlatformConstants.DATASOURCE_TARGET) DataSource dataSource) {
        this.migrator = new SchemaMigrator(dataSource);
        this.tracker =
                new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, null) {
                    @Override
                    public ServiceRegistration<Schema> addingBundle(
                            Bundle bundle, BundleEvent event) {
                        return migrate(context, bundle);
                    }

                    @Override
                    public void removedBundle(
                            Bundle bundle, BundleEvent event, ServiceRegistration<Schema> reg) {
                        unregister(reg);
                    }
                };
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    @Override
    public Map<String, String> failures() {
        return Collections.unmodifiableMap(failures);
    }

    @Override
    public Map<String, Integer> versions() {
        Map<String, Integer> versions = new TreeMap<>();
        tracker.getTracked()
                .values()
                .forEach(
                        reg ->
                                versions.put(
                                        (String)
                                                reg.getReference()
                                                        .getProperty(Schema.MODULE_PROPERTY),
                                        (Integer)
                                                reg.getReference()
                                                        .getProperty(Schema.VERSION_PROPERTY)));
        return versions;
    }

    private ServiceRegistration<Schema> migrate(BundleContext context, Bundle bundle) {
        String module = bundle.getHeaders().get(Schema.HEADER);
        if (module == null || module.isBlank()) {
            return null;
        }
        module = module.strip();
        try {
            int version = migrator.migrate(module, scripts(bundle));
            failures.remove(module);
            Dictionary<String, Object> props = new Hashtable<>();
            props.put(Schema.MODULE_PROPERTY, module);
            props.put(Schema.VERSION_PROPERTY, version);
            return context.registerService(Schema.class, new ReadySchema(module, version), props);
        } catch (MigrationException | IOException e) {
            failures.put(module, e.getMessage());
            LOG.error(
                    "Schema of module '{}' (bundle {}) is not ready; its services stay off",
                    module,
                    bundle.getSymbolicName(),
                    e);
            return null;
        }
    }

    private static List<MigrationScript> scripts(Bundle bundle) throws IOException {
        List<MigrationScript> scripts = new ArrayList<>();
        Enumeration<URL> entries = bundle.findEntries(Schema.SCRIPT_FOLDER, "V*.sql", false);
        if (entries == null) {
            return scripts;
        }
        while (entries.hasMoreElements()) {
            URL url = entries.nextElement();
            String path = url.getPath();
            String name = path.substring(path.lastIndexOf('/') + 1);
            try (InputStream in = url.openStream()) {
                scripts.add(
                        MigrationScript.fromFile(
                                name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                throw new IOException(
                        "Bundle " + bundle.getSymbolicName() + ": " + e.getMessage(), e);
            }
        }
        return scripts;
    }

    private static void unregister(ServiceRegistration<Schema> reg) {
        try {
            reg.unregister();
        } catch (IllegalStateException alreadyGone) {
            LOG.debug("Schema service already unregistered", alreadyGone);
        }
    }

    private record ReadySchema(String module, int version) implements Schema {}
}
