package org.guangsha.web.internal;

import java.net.URL;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContext;

/**
 * Reads files from the WebJar bundles the pages use (Vue and vue-i18n). The whiteboard's default
 * context only reads the registering bundle, so serving another bundle's files needs a context of
 * its own; this one looks the file up in the installed WebJar bundles and nowhere else, so it can
 * never serve a class or a configuration file of some other bundle.
 */
@Component(service = ServletContextHelper.class)
@HttpWhiteboardContext(name = WebJarContext.NAME, path = "/")
public class WebJarContext extends ServletContextHelper {

    /** The context name resources select. */
    public static final String NAME = "guangsha-webjars";

    /** Symbolic names of the WebJar bundles whose files are served. */
    static final List<String> WEBJARS = List.of("org.webjars.npm.vue", "org.webjars.npm.vue-i18n");

    private static final String ROOT = "META-INF/resources/webjars/";

    private final BundleContext context;

    /** Built by DS. */
    @Activate
    public WebJarContext(BundleContext context) {
        this.context = context;
    }

    @Override
    public URL getResource(String name) {
        String path = name.startsWith("/") ? name.substring(1) : name;
        if (!path.startsWith(ROOT) || path.contains("..") || path.endsWith("/")) {
            return null;
        }
        for (Bundle bundle : context.getBundles()) {
            if (WEBJARS.contains(bundle.getSymbolicName())) {
                URL entry = bundle.getEntry(path);
                if (entry != null) {
                    return entry;
                }
            }
        }
        return null;
    }

    @Override
    public String getMimeType(String name) {
        return WebFiles.mimeType(name);
    }
}
