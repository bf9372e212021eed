package org.guangsha.platform.rest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import javax.ws.rs.core.CacheControl;

/** Names and small helpers every bundle needs to join the platform's REST application. */
public final class GuangshaRest {

    /** The JAX-RS whiteboard name of the application. */
    public static final String APPLICATION_NAME = "guangsha";

    /** The application's base path below the HTTP root. */
    public static final String APPLICATION_BASE = "/api";

    /** Filter for {@code @JaxrsApplicationSelect} that puts a resource or extension in it. */
    public static final String APPLICATION_SELECT = "(osgi.jaxrs.name=" + APPLICATION_NAME + ")";

    /** Media type of every error body (RFC 7807). */
    public static final String PROBLEM_JSON = "application/problem+json";

    private GuangshaRest() {}

    /**
     * {@code no-store, private}: for every answer that carries someone's data (since 1.2).
     *
     * @return a new cache control
     */
    public static CacheControl noStore() {
        CacheControl c = new CacheControl();
        c.setNoStore(true);
        c.setPrivate(true);
        return c;
    }

    /**
     * The file name of a multipart part as the user wrote it (since 1.2). Browsers send a name such
     * as 身份证.jpg as raw UTF-8 bytes and the multipart parser reads header bytes as ISO-8859-1: the
     * name is read again as UTF-8 when its bytes form valid UTF-8, else kept as it came.
     *
     * @param name the {@code filename} of the part's {@code Content-Disposition}, or null
     * @return the name, or null
     */
    public static String uploadedFileName(String name) {
        if (name == null || name.chars().anyMatch(c -> c > 0xff)) {
            return name;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(name.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return name;
        }
    }
}
