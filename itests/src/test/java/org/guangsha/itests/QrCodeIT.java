package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * {@code GET /api/platform/qr}: a PNG of the size asked for that scans back to the text, for
 * citizens, organizations and staff, never cached; wrong input is a 400 naming the field.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class QrCodeIT extends CitizenTestSupport {

    @Inject SessionFactory sessions;

    @Test
    public void signedInCallersGetAPngThatScansBackToTheText() throws Exception {
        awaitIdentity();
        String text = "https://gs.example.cn/face/abc?k=广厦 公租房&x=1";
        String path = "/api/platform/qr?text=" + URLEncoder.encode(text, StandardCharsets.UTF_8);

        String citizen = registerAndLogin(Person.random());
        HttpResponse<byte[]> png = bytes(path + "&size=300", citizen);
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        assertTrue(png.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertEquals(300, image.getWidth());
        assertEquals(300, image.getHeight());
        assertEquals(text, decode(image));
        assertEquals(
                240,
                ImageIO.read(new ByteArrayInputStream(bytes(path, citizen).body())).getWidth());

        String caseworker = staffToken(sessions, "CASEWORKER", "440304");
        assertEquals(200, bytes(path + "&size=120", caseworker).statusCode());
        assertEquals(200, bytes(path + "&size=600", organization()).statusCode());
        assertEquals(401, bytes(path, null).statusCode());

        assertField(call("GET", "/api/platform/qr", citizen, null), "text");
        assertField(call("GET", "/api/platform/qr?text=", citizen, null), "text");
        assertField(
                call("GET", "/api/platform/qr?text=" + "a".repeat(1025), citizen, null), "text");
        assertField(call("GET", path + "&size=119", citizen, null), "size");
        assertField(call("GET", path + "&size=601", citizen, null), "size");
        assertField(call("GET", path + "&size=big", citizen, null), "size");
    }

    /** The sandbox's demo organization, seeded in the background; its token. */
    private String organization() throws Exception {
        String[] token = {null};
        await(
                "the demo organization can log in",
                () -> {
                    try {
                        String id = json(get("/api/identity/captcha")).path("id").asText();
                        ObjectNode body =
                                JSON.createObjectNode()
                                        .put("creditCode", "91440300MA5G20260T")
                                        .put("password", "Demo@2026")
                                        .put("captchaId", id)
                                        .put(
                                                "captchaAnswer",
                                                json(get("/api/sandbox/captcha/" + id))
                                                        .path("answer")
                                                        .asText());
                        HttpResponse<String> r = post("/api/identity/organizations/login", body);
                        token[0] = r.statusCode() == 200 ? json(r).path("token").asText() : null;
                        return token[0] != null;
                    } catch (Exception e) {
                        return false;
                    }
                });
        return token[0];
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
