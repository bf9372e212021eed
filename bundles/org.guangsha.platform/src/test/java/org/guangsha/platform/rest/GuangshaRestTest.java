package org.guangsha.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import javax.ws.rs.core.CacheControl;
import org.junit.jupiter.api.Test;

class GuangshaRestTest {

    @Test
    void aUtf8FileNameReadAsLatin1IsReadAgainAsUtf8() {
        String asParsed =
                new String("身份证.jpg".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertEquals("身份证.jpg", GuangshaRest.uploadedFileName(asParsed));
    }

    @Test
    void otherNamesStayAsTheyCame() {
        assertEquals("café.jpg", GuangshaRest.uploadedFileName("café.jpg")); // not valid UTF-8
        assertEquals("低保证.jpg", GuangshaRest.uploadedFileName("低保证.jpg")); // already decoded
        assertEquals("scan.pdf", GuangshaRest.uploadedFileName("scan.pdf"));
        assertNull(GuangshaRest.uploadedFileName(null));
    }

    @Test
    void personalAnswersAreNeitherStoredNorShared() {
        CacheControl c = GuangshaRest.noStore();
        assertTrue(c.isNoStore());
        assertTrue(c.isPrivate());
    }
}
