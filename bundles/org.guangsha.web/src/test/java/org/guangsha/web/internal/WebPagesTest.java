package org.guangsha.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

class WebPagesTest {

    @Test
    void importMapNamesTheInstalledWebJarVersions() {
        WebPages pages =
                new WebPages(
                        context(
                                bundle("org.webjars.npm.vue", "3.5.22", Map.of()),
                                bundle("org.webjars.npm.vue-i18n", "11.1.3", Map.of())));
        String map = pages.importMap();
        assertTrue(
                map.contains("\"vue\":\"/web/webjars/vue/3.5.22/dist/vue.esm-browser.prod.js\""),
                map);
        assertTrue(
                map.contains(
                        "\"vue-i18n\":\"/web/webjars/vue-i18n/11.1.3/dist/vue-i18n.esm-browser.prod.js\""),
                map);
        assertTrue(map.contains("\"guangsha\":\"/web/lib/guangsha.js\""), map);
        assertTrue(map.contains("\"guangsha/console\":\"/web/console/common.js\""), map);
    }

    @Test
    void thePolicyAllowsTheImportMapByItsHashAndNoInlineScript() throws Exception {
        String map = "{\"imports\":{\"vue\":\"/x.js\"}}";
        String csp = WebPages.contentSecurityPolicy(map);
        String hash =
                Base64.getEncoder()
                        .encodeToString(
                                MessageDigest.getInstance("SHA-256")
                                        .digest(map.getBytes(StandardCharsets.UTF_8)));
        assertTrue(csp.contains("'sha256-" + hash + "'"), csp);
        String scripts =
                csp.substring(
                        csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src")));
        assertFalse(scripts.contains("unsafe-inline"), scripts);
        assertTrue(csp.contains("frame-ancestors 'none'"));
        assertTrue(csp.contains("object-src 'none'"));
    }

    @Test
    void theWebJarContextReadsWebJarFilesAndNothingElse() throws Exception {
        URL file = new URL("file:/vue.js");
        Bundle vue =
                bundle(
                        "org.webjars.npm.vue",
                        "3.5.22",
                        Map.of(
                                "META-INF/resources/webjars/vue/3.5.22/dist/vue.js", file,
                                "META-INF/MANIFEST.MF", file));
        Bundle other =
                bundle(
                        "org.example.secret",
                        "1.0.0",
                        Map.of("META-INF/resources/webjars/x/secret.js", file));
        WebJarContext context = new WebJarContext(context(vue, other));
        assertNotNull(context.getResource("/META-INF/resources/webjars/vue/3.5.22/dist/vue.js"));
        assertNull(context.getResource("/META-INF/MANIFEST.MF"));
        assertNull(context.getResource("/META-INF/resources/webjars/../../MANIFEST.MF"));
        assertNull(
                context.getResource("/META-INF/resources/webjars/x/secret.js"),
                "not a WebJar bundle");
        assertNull(context.getResource("/META-INF/resources/webjars/vue/"));
        assertEquals("text/javascript;charset=UTF-8", context.getMimeType("a/b.js"));
    }

    private static BundleContext context(Bundle... bundles) {
        return (BundleContext)
                Proxy.newProxyInstance(
                        WebPagesTest.class.getClassLoader(),
                        new Class<?>[] {BundleContext.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("getBundles")) {
                                return bundles;
                            }
                            throw new UnsupportedOperationException(method.getName());
                        });
    }

    private static Bundle bundle(String name, String version, Map<String, URL> entries) {
        return (Bundle)
                Proxy.newProxyInstance(
                        WebPagesTest.class.getClassLoader(),
                        new Class<?>[] {Bundle.class},
                        (proxy, method, args) ->
                                switch (method.getName()) {
                                    case "getSymbolicName" -> name;
                                    case "getVersion" -> Version.parseVersion(version);
                                    case "getEntry" -> entries.get((String) args[0]);
                                    default -> throw new UnsupportedOperationException(
                                            method.getName());
                                });
    }
}
