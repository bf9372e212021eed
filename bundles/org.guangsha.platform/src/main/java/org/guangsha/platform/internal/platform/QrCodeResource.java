package org.guangsha.platform.internal.platform;

import com.google.zxing.common.BitMatrix;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Response;
import org.guangsha.platform.identity.RequiresTrustLevel;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.internal.rest.RestSupport;
import org.guangsha.platform.internal.util.QrCodes;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/platform/qr}: a QR code as a PNG for the web pages (a face check's link, a
 * payment's payload), drawn by the same encoder as the documents' verification codes. For any
 * signed-in caller; the answer is never cached, since the text may be personal.
 */
@Component(service = QrCodeResource.class)
@JaxrsResource
@JaxrsApplicationSelect(GuangshaRest.APPLICATION_SELECT)
@JSONRequired
@Path("platform/qr")
@Tag(name = "platform")
public class QrCodeResource {

    static final int MAX_TEXT = 1024;
    static final int MIN_SIZE = 120;
    static final int MAX_SIZE = 600;
    static final int DEFAULT_SIZE = 240;

    /**
     * The QR code of {@code text} (at most 1024 characters), {@code size} pixels square (120 to
     * 600, default 240). Every module is a whole number of pixels; a text too long for the size
     * asked is a 400 naming {@code size} with the smallest size that fits.
     */
    @GET
    @Produces({"image/png", GuangshaRest.PROBLEM_JSON})
    @RequiresTrustLevel(TrustLevel.L1)
    @Operation(summary = "二维码图片 / A QR code as a PNG (signed-in callers)")
    public Response qr(@QueryParam("text") String text, @QueryParam("size") String size) {
        return Response.ok(png(text, size), "image/png")
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(RestSupport.noStore())
                .build();
    }

    /** The PNG, or 400 problem+json naming {@code text} or {@code size}. */
    static byte[] png(String text, String size) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalidField("text", "请填写二维码内容", "The text is required");
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            throw ProblemException.invalidField(
                    "text", "二维码内容不能超过" + MAX_TEXT + "个字符", "At most " + MAX_TEXT + " characters");
        }
        int pixels = pixels(size);
        BitMatrix modules;
        try {
            modules = QrCodes.encode(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(
                    "text", "二维码内容过长，无法生成二维码", "The text is too long for a QR code");
        }
        int least = QrCodes.minimumPixels(modules);
        if (pixels < least) {
            throw ProblemException.invalidField(
                    "size",
                    "二维码内容较多，图片边长至少应为" + least + "像素",
                    "This text needs at least " + least + " pixels");
        }
        return QrCodes.png(modules, pixels);
    }

    private static int pixels(String size) {
        if (size == null || size.isBlank()) {
            return DEFAULT_SIZE;
        }
        int pixels;
        try {
            pixels = Integer.parseInt(size.strip());
        } catch (NumberFormatException e) {
            pixels = -1;
        }
        if (pixels < MIN_SIZE || pixels > MAX_SIZE) {
            throw ProblemException.invalidField(
                    "size",
                    "图片边长应为" + MIN_SIZE + "到" + MAX_SIZE + "像素",
                    "The size is " + MIN_SIZE + " to " + MAX_SIZE + " pixels");
        }
        return pixels;
    }
}
