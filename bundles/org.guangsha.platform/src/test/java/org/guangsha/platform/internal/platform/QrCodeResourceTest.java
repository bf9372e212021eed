package org.guangsha.platform.internal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import javax.ws.rs.core.Response;
import org.guangsha.platform.rest.ProblemException;
import org.junit.jupiter.api.Test;

class QrCodeResourceTest {

    @Test
    void thePngIsTheSizeAskedForAndReadsBackAsTheText() throws Exception {
        String text = "https://gs.example.cn/face/7KQ4M2XD?t=广厦 公租房";
        BufferedImage image = image(QrCodeResource.png(text, "333"));
        assertEquals(333, image.getWidth());
        assertEquals(333, image.getHeight());
        assertEquals(text, decode(image));
        // the quiet zone: the corners are white
        assertEquals(0xFFFFFFFF, image.getRGB(0, 0));
        assertEquals(0xFFFFFFFF, image.getRGB(332, 332));
    }

    @Test
    void theDefaultSizeIs240AndTheAnswerIsNeverCached() throws Exception {
        Response r = new QrCodeResource().qr("GS20261123-7KQ4M2XD", null);
        assertEquals(200, r.getStatus());
        assertEquals("image/png", r.getMediaType().toString());
        assertTrue(r.getHeaderString("Cache-Control").contains("no-store"));
        assertEquals("nosniff", r.getHeaderString("X-Content-Type-Options"));
        BufferedImage image = image((byte[]) r.getEntity());
        assertEquals(240, image.getWidth());
        assertEquals("GS20261123-7KQ4M2XD", decode(image));
    }

    @Test
    void theSmallestAndLargestSizesWork() throws Exception {
        assertEquals(120, image(QrCodeResource.png("a", "120")).getWidth());
        assertEquals(600, image(QrCodeResource.png("a", " 600 ")).getWidth());
    }

    @Test
    void wrongInputIsA400NamingTheField() {
        assertField("text", null, null);
        assertField("text", "  ", "240");
        assertField("text", "字".repeat(1025), null);
        assertField("size", "a", "119");
        assertField("size", "a", "601");
        assertField("size", "a", "big");
        assertField("size", "a", "-240");
        // 1024 characters fit, 1025 do not; 1024 Chinese characters are too many bytes for any
        // QR code; a long text needs more than 120 pixels, and the 400 says how many
        assertEquals(600, image(QrCodeResource.png("a".repeat(1024), "600")).getWidth());
        assertField("text", "a".repeat(1025), "600");
        assertField("text", "字".repeat(1024), "600");
        ProblemException small = assertField("size", "a".repeat(1024), "120");
        String message = small.problem().errors().get(0).message();
        assertTrue(message.contains("至少应为"), message);
    }

    private static ProblemException assertField(String field, String text, String size) {
        ProblemException e =
                assertThrows(ProblemException.class, () -> QrCodeResource.png(text, size));
        assertEquals(400, e.problem().status());
        assertEquals(field, e.problem().errors().get(0).field());
        return e;
    }

    private static BufferedImage image(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String decode(BufferedImage image) throws Exception {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        return new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels))))
                .getText();
    }
}
