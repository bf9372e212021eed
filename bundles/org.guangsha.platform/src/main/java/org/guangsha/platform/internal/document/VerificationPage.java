package org.guangsha.platform.internal.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.guangsha.platform.document.DocumentStatus;
import org.guangsha.platform.document.DocumentVerification;
import org.guangsha.platform.internal.ratelimit.RateLimiter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The public page a document's QR code leads to, {@code /verify/{number}} (P-2): no login, one
 * small self-contained HTML page (phones scan these codes), showing type, issue date, validity,
 * status and the holder's masked name, never an ID number. Rate-limited per address like the other
 * public endpoints, so numbers cannot be swept.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("guangsha-verification-page")
@HttpWhiteboardServletPattern("/verify/*")
public class VerificationPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient DocumentIssuer documents;
    private final transient RateLimiter limiter;

    /** Built by DS. */
    @Activate
    public VerificationPage(@Reference DocumentIssuer documents, @Reference RateLimiter limiter) {
        this.documents = documents;
        this.limiter = limiter;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(
                "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        try {
            limiter.address("verify", request.getRemoteAddr());
        } catch (RateLimiter.TooManyRequests e) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            response.getWriter()
                    .write(
                            page(
                                    "请求过于频繁",
                                    "Too many requests",
                                    "<p>请稍后再试。<br><span class=en>Please try again later.</span></p>"));
            return;
        }
        String path = request.getPathInfo();
        String number = path == null ? "" : path.replaceFirst("^/", "");
        Optional<DocumentVerification> found = documents.verify(number);
        if (found.isEmpty()) {
            response.setStatus(404);
            response.getWriter()
                    .write(
                            page(
                                    "未找到该文书",
                                    "Document not found",
                                    "<p class=bad>编号 "
                                            + escape(number)
                                            + " 不是本平台签发的文书，请核对。<br><span class=en>No"
                                            + " document with this number was issued here.</span></p>"));
            return;
        }
        response.getWriter().write(page("文书核验", "Document verification", details(found.get())));
    }

    static String details(DocumentVerification v) {
        String status =
                switch (v.status()) {
                    case VALID -> "<b class=ok>有效 Valid</b>";
                    case EXPIRED -> "<b class=warn>已过期 Expired</b>";
                    case REVOKED -> "<b class=bad>已撤销 Revoked</b>";
                };
        StringBuilder b = new StringBuilder("<table>");
        row(
                b,
                "文书类型",
                "Type",
                escape(v.type().zh()) + " <span class=en>" + escape(v.type().en()) + "</span>");
        row(b, "文书编号", "Number", escape(v.number()));
        row(b, "持有人", "Holder", escape(v.holderName()));
        row(b, "签发日期", "Issued", v.issuedOn().toString());
        row(
                b,
                "有效期至",
                "Valid until",
                v.validUntil() == null
                        ? "长期 <span class=en>No expiry</span>"
                        : v.validUntil().toString());
        row(b, "状态", "Status", status);
        row(
                b,
                "数字签章",
                "Digital seal",
                v.signed()
                        ? "已加盖 <span class=en>Signed by the city</span>"
                        : "无 <span class=en>None</span>");
        b.append("</table>");
        if (v.status() != DocumentStatus.VALID) {
            b.append(
                    "<p class=bad>此文书当前无效，请勿作为办事依据。<br><span class=en>This document"
                            + " is not valid now.</span></p>");
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String zh, String en, String value) {
        b.append("<tr><th>")
                .append(zh)
                .append("<br><span class=en>")
                .append(en)
                .append("</span></th><td>")
                .append(value)
                .append("</td></tr>");
    }

    private static String page(String zh, String en, String body) {
        return "<!DOCTYPE html><html lang=zh-CN><head><meta charset=utf-8>"
                + "<meta name=viewport content=\"width=device-width,initial-scale=1\">"
                + "<title>"
                + zh
                + " "
                + en
                + " · 广厦</title><style>"
                + "body{font-family:system-ui,sans-serif;margin:0;padding:1rem;font-size:18px;"
                + "color:#222;background:#f6f7f9}main{max-width:36rem;margin:auto;background:#fff;"
                + "padding:1rem 1.25rem;border-radius:8px}h1{font-size:1.3rem}"
                + "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.5rem;"
                + "border-bottom:1px solid #eee;vertical-align:top}th{width:8rem;color:#555;"
                + "font-weight:normal}.en{color:#777;font-size:.8em}.ok{color:#0a7d32}"
                + ".warn{color:#b36b00}.bad{color:#c0392b}</style></head><body><main><h1>"
                + zh
                + " <span class=en>"
                + en
                + "</span></h1>"
                + body
                + "<p class=en>广厦公共住房服务平台 Guangsha public housing platform</p>"
                + "</main></body></html>";
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
