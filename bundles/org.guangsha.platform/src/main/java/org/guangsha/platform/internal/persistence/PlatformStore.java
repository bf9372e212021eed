package org.guangsha.platform.internal.persistence;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.persistence.Schema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's own rows: settings shared by all nodes (among them the installation id, made once for
 * the life of a database) and the migration history. Starts only when the platform schema is
 * migrated.
 */
@Component(service = PlatformStore.class)
public class PlatformStore {

    /** Setting naming this installation; the same on every node that shares the database. */
    public static final String INSTALLATION_ID = "installation.id";

    private static final Logger LOG = LoggerFactory.getLogger(PlatformStore.class);

    private final JpaTransactions tx;
    private final Clock clock;

    /** Built by DS once the unit and the schema are there. */
    @Activate
    public PlatformStore(
            @Reference(target = "(osgi.unit.name=guangsha-platform)") EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=platform)") Schema schema) {
        this(new JpaTransactions(emf), Clock.systemUTC());
        LOG.info("Installation {} (platform schema V{})", installationId(), schema.version());
    }

    PlatformStore(JpaTransactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** This installation's id, created on first use; several nodes agree through the key. */
    public String installationId() {
        String existing = setting(INSTALLATION_ID);
        if (existing != null) {
            return existing;
        }
        try {
            tx.run(
                    em ->
                            em.persist(
                                    new SettingEntity(
                                            INSTALLATION_ID,
                                            UUID.randomUUID().toString(),
                                            clock.instant())));
        } catch (PersistenceException anotherNodeWasFirst) {
            LOG.debug("Installation id created concurrently", anotherNodeWasFirst);
        }
        return setting(INSTALLATION_ID);
    }

    /** A setting's value, or null. */
    public String setting(String key) {
        return tx.read(
                em -> {
                    SettingEntity s = em.find(SettingEntity.class, key);
                    return s == null ? null : s.value();
                });
    }

    /** Every applied migration of every module, oldest first. */
    public List<SchemaHistoryEntity> schemaHistory() {
        return tx.read(
                em ->
                        em.createQuery(
                                        "SELECT h FROM SchemaHistoryEntity h"
                                                + " ORDER BY h.installedAt, h.module, h.version",
                                        SchemaHistoryEntity.class)
                                .getResultList());
    }
}
