package org.guangsha.platform.internal.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.SecurityContext;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.internal.platform.PlatformConstants;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.ProblemException;

/** Small helpers every resource of the core uses the same way. */
public final class RestSupport {

    private RestSupport() {}

    /** The caller of a request that passed {@code @RequiresTrustLevel}; null when anonymous. */
    public static Caller caller(SecurityContext security) {
        return security.getUserPrincipal() instanceof Caller c ? c : null;
    }

    /**
     * The caller when it is an operator; anyone else is refused with 403 problem+json {@code
     * forbidden} saying, in {@code title} and {@code titleEn}, what only operators may do.
     */
    public static Caller operator(SecurityContext security, String title, String titleEn) {
        Caller caller = caller(security);
        if (caller == null || !caller.roles().contains("OPERATOR")) {
            throw ProblemException.forbidden(title, titleEn);
        }
        return caller;
    }

    /** Refuses a missing body with 400 naming no field. */
    public static <T> T required(T body) {
        if (body == null) {
            throw ProblemException.invalidField(null, "请求体不能为空", "A body is required");
        }
        return body;
    }

    /** An instant as the city reads it (ISO-8601 with the city's offset); null stays null. */
    public static OffsetDateTime cityTime(Instant instant) {
        return instant == null
                ? null
                : instant.atZone(PlatformConstants.CITY_ZONE).toOffsetDateTime();
    }

    /**
     * A {@code Content-Disposition} value for a file name that may be Chinese (RFC 6266: an ASCII
     * fallback plus the UTF-8 name in {@code filename*}).
     */
    public static String contentDisposition(boolean download, String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded =
                java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20");
        return (download ? "attachment" : "inline")
                + "; filename=\""
                + ascii
                + "\"; filename*=UTF-8''"
                + encoded;
    }

    /**
     * A file answer: the bytes with their type, name and the headers that keep a browser from
     * running anything inside them.
     */
    public static javax.ws.rs.core.Response file(
            byte[] bytes, String mediaType, String fileName, boolean download) {
        return javax.ws.rs.core.Response.ok(bytes, mediaType)
                .header("Content-Disposition", contentDisposition(download, fileName))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .cacheControl(noStore())
                .build();
    }

    /** For answers holding tokens or personal data: no cache may keep them. */
    public static CacheControl noStore() {
        return GuangshaRest.noStore();
    }
}
