package org.guangsha.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The two HTML documents: the citizen portal at {@code /} and the caseworker console at {@code
 * /console/}. Each is a small shell that loads its application as an ES module through an import
 * map, so the pages of every line ({@code /ui/<module-id>/}) import the same Vue, Vant and shared
 * library ({@code guangsha}) by name, without any build step of their own.
 *
 * <p>The import map names the Vue and vue-i18n files by the versions of the WebJar bundles actually
 * installed. The Content-Security-Policy allows scripts from this origin only, plus the import map
 * by its hash; {@code 'unsafe-eval'} is needed because line pages are plain modules whose Vue
 * templates are compiled in the browser (no template ever contains data: data reaches the page
 * through bindings, which Vue escapes).
 */
@Component(service = Servlet.class)
// Named: Pax Web otherwise names every servlet javax.servlet.Servlet and keeps only the first.
@HttpWhiteboardServletName("guangsha-web-pages")
@HttpWhiteboardServletPattern({"/", "/console/*"})
public class WebPages extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient BundleContext context;

    /** Built by DS. */
    @Activate
    public WebPages(BundleContext context) {
        this.context = context;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String path =
                request.getServletPath()
                        + (request.getPathInfo() == null ? "" : request.getPathInfo());
        switch (path) {
            case "/", "/index.html" -> page(response, "portal", "广厦 · 公共住房服务");
            case "/console" -> response.sendRedirect("/console/");
            case "/console/", "/console/index.html" -> page(response, "console", "广厦 · 业务审核台");
            default -> notFound(response);
        }
    }

    private void page(HttpServletResponse response, String app, String title) throws IOException {
        String importMap = importMap();
        String html =
                """
                <!doctype html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width,initial-scale=1,viewport-fit=cover">
                <meta name="referrer" content="no-referrer">
                <title>%s</title>
                <link rel="icon" href="data:,">
                <link rel="stylesheet" href="/web/vendor/vant.css">
                <link rel="stylesheet" href="/web/css/guangsha.css">
                <script type="importmap">%s</script>
                <script type="module" src="/web/%s/main.js"></script>
                </head>
                <body class="gs-%s">
                <div id="app"><p class="gs-loading">正在加载… Loading…</p></div>
                <noscript><p class="gs-loading">请启用浏览器的 JavaScript 后使用本服务。Please enable JavaScript.</p></noscript>
                </body>
                </html>
                """
                        .formatted(title, importMap, app, app);
        headers(response, importMap);
        response.getWriter().write(html);
    }

    private void notFound(HttpServletResponse response) throws IOException {
        response.setStatus(404);
        headers(response, "");
        response.getWriter()
                .write(
                        """
                        <!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
                        <meta name="viewport" content="width=device-width,initial-scale=1">
                        <title>页面不存在</title><link rel="stylesheet" href="/web/css/guangsha.css"></head>
                        <body><main class="gs-notfound"><h1>页面不存在</h1><p>Page not found.</p>
                        <p><a href="/">返回首页 Home</a></p></main></body></html>
                        """);
    }

    private static void headers(HttpServletResponse response, String importMap) {
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", contentSecurityPolicy(importMap));
    }

    /** The policy of both documents; the import map is allowed by its hash alone. */
    static String contentSecurityPolicy(String importMap) {
        return "default-src 'self'; script-src 'self' 'unsafe-eval' 'sha256-"
                + sha256(importMap)
                + "'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:;"
                + " frame-src 'self' blob:; object-src 'none'; base-uri 'none';"
                + " form-action 'self'; frame-ancestors 'none'";
    }

    /** The import map of both documents, naming the WebJar files by installed version. */
    String importMap() {
        Map<String, String> imports = new LinkedHashMap<>();
        imports.put("vue", webjar("org.webjars.npm.vue", "vue", "dist/vue.esm-browser.prod.js"));
        imports.put(
                "vue-i18n",
                webjar(
                        "org.webjars.npm.vue-i18n",
                        "vue-i18n",
                        "dist/vue-i18n.esm-browser.prod.js"));
        imports.put("vant", "/web/vendor/vant.es.js");
        imports.put("@vant/use", "/web/vendor/vant-use.js");
        imports.put("@vant/popperjs", "/web/vendor/vant-popperjs.js");
        imports.put("@vue/shared", "/web/vendor/vue-shared.js");
        imports.put("guangsha", "/web/lib/guangsha.js");
        // the console's page frame and fields, for lines' console pages (console.js)
        imports.put("guangsha/console", "/web/console/common.js");
        return imports.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", "{\"imports\":{", "}}"));
    }

    private String webjar(String symbolicName, String name, String file) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                org.osgi.framework.Version v = bundle.getVersion();
                String version = v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
                return "/web/webjars/" + name + "/" + version + "/" + file;
            }
        }
        // Absent WebJar: the page then fails to load its modules, which the browser reports.
        return "/web/webjars/" + name + "/missing/" + file;
    }

    static String sha256(String text) {
        try {
            return Base64.getEncoder()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
