package org.guangsha.platform.internal.audit;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.guangsha.platform.audit.AuditLog;
import org.guangsha.platform.internal.util.Digests;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audits every change of a Guangsha configuration ({@code org.guangsha*} PIDs, factory
 * configurations too): {@code config.updated} or {@code config.deleted}, the PID as target and the
 * names of the keys that changed as detail. Values are never recorded, they may be passwords; to
 * tell which keys changed, a salted hash of each value is kept in memory.
 */
@Component(service = ConfigurationListener.class)
public class ConfigurationAudit implements ConfigurationListener {

    static final String PREFIX = "org.guangsha";

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationAudit.class);

    private final AuditLog audit;
    private final ConfigurationAdmin configAdmin;
    private final String salt = Digests.randomToken(16);
    private final Map<String, Map<String, String>> known = new ConcurrentHashMap<>();

    /** Built by DS; remembers the configurations as they are now. */
    @Activate
    public ConfigurationAudit(
            @Reference AuditLog audit, @Reference ConfigurationAdmin configAdmin) {
        this.audit = audit;
        this.configAdmin = configAdmin;
        try {
            Configuration[] all = configAdmin.listConfigurations("(service.pid=" + PREFIX + "*)");
            for (Configuration c : all == null ? new Configuration[0] : all) {
                known.put(c.getPid(), fingerprints(c.getProperties()));
            }
        } catch (IOException | InvalidSyntaxException e) {
            LOG.warn("Could not read the configurations; their first change lists all keys", e);
        }
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        String pid = event.getPid();
        if (pid == null || !pid.startsWith(PREFIX)) {
            return;
        }
        if (event.getType() == ConfigurationEvent.CM_DELETED) {
            Map<String, String> before = known.remove(pid);
            AuditLogs.record(
                    audit,
                    "config.deleted",
                    null,
                    pid,
                    null,
                    "keys: " + String.join(", ", new TreeSet<>(keys(before))));
        } else if (event.getType() == ConfigurationEvent.CM_UPDATED) {
            Map<String, String> after = fingerprints(current(pid));
            Map<String, String> before = known.put(pid, after);
            AuditLogs.record(
                    audit,
                    "config.updated",
                    null,
                    pid,
                    null,
                    "changed keys: " + String.join(", ", changedKeys(before, after)));
        }
    }

    /** Keys added, removed or given another value, sorted; all keys when nothing was known. */
    static Set<String> changedKeys(Map<String, String> before, Map<String, String> after) {
        Set<String> changed = new TreeSet<>();
        Map<String, String> old = before == null ? Map.of() : before;
        for (Map.Entry<String, String> e : after.entrySet()) {
            if (!e.getValue().equals(old.get(e.getKey()))) {
                changed.add(e.getKey());
            }
        }
        for (String key : old.keySet()) {
            if (!after.containsKey(key)) {
                changed.add(key);
            }
        }
        return changed;
    }

    private Dictionary<String, Object> current(String pid) {
        try {
            // listConfigurations, not getConfiguration: it never binds the configuration to us
            Configuration[] found =
                    configAdmin.listConfigurations("(service.pid=" + escape(pid) + ")");
            return found == null || found.length == 0 ? null : found[0].getProperties();
        } catch (IOException | InvalidSyntaxException e) {
            LOG.warn("Could not read configuration {}", pid, e);
            return null;
        }
    }

    /** Key to a salted hash of its value; the framework's own keys are left out. */
    Map<String, String> fingerprints(Dictionary<String, Object> properties) {
        Map<String, String> result = new HashMap<>();
        if (properties == null) {
            return result;
        }
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            if (isFrameworkKey(key)) {
                continue;
            }
            Object value = properties.get(key);
            String text =
                    value instanceof Object[] array
                            ? Arrays.deepToString(array)
                            : value != null && value.getClass().isArray()
                                    ? Arrays.deepToString(new Object[] {value})
                                    : String.valueOf(value);
            result.put(key, Digests.sha256Hex(salt + text));
        }
        return result;
    }

    static boolean isFrameworkKey(String key) {
        return key.startsWith("service.")
                || key.startsWith("felix.fileinstall.")
                || key.startsWith(":")
                || key.equals("component.name")
                || key.equals("component.id");
    }

    private static Set<String> keys(Map<String, String> map) {
        return map == null ? Collections.emptySet() : map.keySet();
    }

    private static String escape(String value) {
        return value.replaceAll("([\\\\()*])", "\\\\$1");
    }
}
