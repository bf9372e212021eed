package org.guangsha.platform.internal.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.guangsha.platform.internal.persistence.SchemaStatus;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the platform's health. The DataSource and the migrations are optional references: the
 * health check must still answer (503) when the database is gone, so it cannot depend on it.
 */
@Component(service = HealthService.class)
public class HealthService {

    private static final Logger LOG = LoggerFactory.getLogger(HealthService.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final String version;
    private final Clock clock;

    @Reference(
            target = PlatformConstants.DATASOURCE_TARGET,
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DataSource dataSource;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SchemaStatus migrations;

    /** Built by DS. */
    @Activate
    public HealthService(BundleContext context) {
        this(
                context.getBundle().getHeaders().get(PlatformConstants.VERSION_HEADER),
                Clock.system(PlatformConstants.CITY_ZONE),
                null,
                null);
    }

    /** Built by tests: a null DataSource means the database is gone. */
    HealthService(String version, Clock clock, DataSource dataSource, SchemaStatus migrations) {
        this.version = version;
        this.clock = clock;
        this.dataSource = dataSource;
        this.migrations = migrations;
    }

    /** Checks now. */
    public Health check() {
        boolean reachable = reachable(dataSource);
        SchemaStatus m = migrations;
        boolean migrated = reachable && m != null && m.failures().isEmpty();
        return new Health(
                reachable && migrated ? "UP" : "DOWN",
                version,
                new Health.Database(reachable, migrated),
                OffsetDateTime.now(clock));
    }

    private static boolean reachable(DataSource ds) {
        if (ds == null) {
            return false;
        }
        try (Connection c = ds.getConnection()) {
            return c.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Database is not reachable: {}", e.toString());
            return false;
        }
    }
}
