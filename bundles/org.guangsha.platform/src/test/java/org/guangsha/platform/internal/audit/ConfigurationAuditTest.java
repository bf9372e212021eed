package org.guangsha.platform.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;

class ConfigurationAuditTest {

    private final Map<String, Dictionary<String, Object>> configs = new TreeMap<>();
    private final List<String> recorded = new ArrayList<>();

    @Test
    void onlyTheNamesOfChangedKeysAreRecorded() {
        configs.put(
                "org.guangsha.documents",
                dict(
                        "keystore.password",
                        "s3cret-Old",
                        "city.name",
                        "深圳市",
                        "service.pid",
                        "org.guangsha.documents"));
        ConfigurationAudit audit = audit();
        configs.put(
                "org.guangsha.documents",
                dict("keystore.password", "s3cret-New", "city.name", "深圳市", "extra", "1"));
        audit.configurationEvent(event(ConfigurationEvent.CM_UPDATED, "org.guangsha.documents"));
        assertEquals(
                List.of(
                        "config.updated|null|org.guangsha.documents|null|"
                                + "changed keys: extra, keystore.password"),
                recorded);
        assertFalse(recorded.get(0).contains("s3cret"));
    }

    @Test
    void aNewConfigurationListsAllItsKeysAndADeletionWhatItHad() {
        ConfigurationAudit audit = audit();
        configs.put(
                "org.guangsha.ratelimit",
                dict("per.address.per.minute", "60", "felix.fileinstall.filename", "file:x"));
        audit.configurationEvent(event(ConfigurationEvent.CM_UPDATED, "org.guangsha.ratelimit"));
        configs.remove("org.guangsha.ratelimit");
        audit.configurationEvent(event(ConfigurationEvent.CM_DELETED, "org.guangsha.ratelimit"));
        assertEquals(
                List.of(
                        "config.updated|null|org.guangsha.ratelimit|null|"
                                + "changed keys: per.address.per.minute",
                        "config.deleted|null|org.guangsha.ratelimit|null|"
                                + "keys: per.address.per.minute"),
                recorded);
    }

    @Test
    void otherConfigurationsAreNotAudited() {
        ConfigurationAudit audit = audit();
        configs.put("org.ops4j.pax.web", dict("org.osgi.service.http.port", "8181"));
        audit.configurationEvent(event(ConfigurationEvent.CM_UPDATED, "org.ops4j.pax.web"));
        audit.configurationEvent(
                event(ConfigurationEvent.CM_LOCATION_CHANGED, "org.guangsha.identity"));
        assertTrue(recorded.isEmpty(), recorded.toString());
    }

    @Test
    void arraysAreComparedByContent() {
        configs.put("org.guangsha.attachments", dict("types", new String[] {"jpg", "png"}));
        ConfigurationAudit audit = audit();
        configs.put("org.guangsha.attachments", dict("types", new String[] {"jpg", "png"}));
        audit.configurationEvent(event(ConfigurationEvent.CM_UPDATED, "org.guangsha.attachments"));
        configs.put("org.guangsha.attachments", dict("types", new String[] {"jpg", "pdf"}));
        audit.configurationEvent(event(ConfigurationEvent.CM_UPDATED, "org.guangsha.attachments"));
        assertEquals(
                List.of(
                        "config.updated|null|org.guangsha.attachments|null|changed keys: ",
                        "config.updated|null|org.guangsha.attachments|null|changed keys: types"),
                recorded);
    }

    private ConfigurationAudit audit() {
        return new ConfigurationAudit(
                (action, actor, target, source, detail) ->
                        recorded.add(
                                action + "|" + actor + "|" + target + "|" + source + "|" + detail),
                configAdmin());
    }

    private ConfigurationAdmin configAdmin() {
        return (ConfigurationAdmin)
                Proxy.newProxyInstance(
                        getClass().getClassLoader(),
                        new Class<?>[] {ConfigurationAdmin.class},
                        (proxy, method, args) -> {
                            if (!method.getName().equals("listConfigurations")) {
                                throw new UnsupportedOperationException(method.getName());
                            }
                            String filter = (String) args[0];
                            String pid =
                                    filter.substring("(service.pid=".length(), filter.length() - 1);
                            List<Configuration> found = new ArrayList<>();
                            configs.forEach(
                                    (p, d) -> {
                                        if (pid.endsWith("*")
                                                ? p.startsWith(pid.substring(0, pid.length() - 1))
                                                : p.equals(pid)) {
                                            found.add(configuration(p, d));
                                        }
                                    });
                            return found.isEmpty() ? null : found.toArray(new Configuration[0]);
                        });
    }

    private Configuration configuration(String pid, Dictionary<String, Object> properties) {
        return (Configuration)
                Proxy.newProxyInstance(
                        getClass().getClassLoader(),
                        new Class<?>[] {Configuration.class},
                        (proxy, method, args) ->
                                switch (method.getName()) {
                                    case "getPid" -> pid;
                                    case "getProperties" -> properties;
                                    default -> throw new UnsupportedOperationException(
                                            method.getName());
                                });
    }

    @SuppressWarnings("unchecked")
    private ConfigurationEvent event(int type, String pid) {
        ServiceReference<ConfigurationAdmin> reference =
                (ServiceReference<ConfigurationAdmin>)
                        Proxy.newProxyInstance(
                                getClass().getClassLoader(),
                                new Class<?>[] {ServiceReference.class},
                                (proxy, method, args) -> null);
        return new ConfigurationEvent(reference, type, null, pid);
    }

    private static Dictionary<String, Object> dict(Object... keysAndValues) {
        Hashtable<String, Object> d = new Hashtable<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            d.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return d;
    }
}
