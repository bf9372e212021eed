package org.guangsha.web.internal;

import java.util.Locale;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The static files: {@code /web/*} from this bundle (the shared library, the portal and console
 * code, styles and the Vant files copied in at build time) and {@code /web/webjars/*} from the
 * WebJar bundles through {@link WebJarContext}.
 */
public final class WebFiles {

    private WebFiles() {}

    /** The media type of a served file, with UTF-8 for text: module scripts must be JavaScript. */
    static String mimeType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".js") || lower.endsWith(".mjs")) {
            return "text/javascript;charset=UTF-8";
        }
        if (lower.endsWith(".css")) {
            return "text/css;charset=UTF-8";
        }
        if (lower.endsWith(".json")) {
            return "application/json;charset=UTF-8";
        }
        if (lower.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".html")) {
            return "text/html;charset=UTF-8";
        }
        return null;
    }

    /** This bundle's own files under {@code /web/}. */
    @Component(service = Own.class)
    @HttpWhiteboardResource(pattern = "/web/*", prefix = "/web")
    public static final class Own {}

    /** The WebJar files under {@code /web/webjars/}. */
    @Component(service = WebJars.class)
    @HttpWhiteboardResource(pattern = "/web/webjars/*", prefix = "/META-INF/resources/webjars")
    @HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=" + WebJarContext.NAME + ")")
    public static final class WebJars {}
}
