package org.guangsha.platform.internal.util;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The core's QR codes, one way for every use: the verification code printed on documents and the
 * PNG images of {@code GET /api/platform/qr}. Error correction M; UTF-8 (with its ECI marker) when
 * the text is not ISO-8859-1, so Chinese text reads back as it was.
 */
public final class QrCodes {

    /** White modules around the code of a PNG, as ISO/IEC 18004 asks (4 modules). */
    public static final int QUIET_ZONE = 4;

    private QrCodes() {}

    /**
     * The modules of {@code text}'s QR code, without a quiet zone (one module per cell).
     *
     * @throws IllegalArgumentException when the text is too long for any QR code
     */
    public static BitMatrix encode(String text) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 0);
        if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)) {
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("The text does not fit a QR code", e);
        }
    }

    /** The smallest square PNG, in pixels, that draws {@code modules} with its quiet zone. */
    public static int minimumPixels(BitMatrix modules) {
        return modules.getWidth() + 2 * QUIET_ZONE;
    }

    /**
     * A black-and-white PNG exactly {@code pixels} square: every module the same whole number of
     * pixels (no blurred edges for the scanner), the code centred, at least the quiet zone around
     * it.
     *
     * @throws IllegalArgumentException when {@code pixels} is below {@link #minimumPixels}
     */
    public static byte[] png(BitMatrix modules, int pixels) {
        int cells = minimumPixels(modules);
        if (pixels < cells) {
            throw new IllegalArgumentException(
                    "The code needs at least " + cells + " pixels, not " + pixels);
        }
        int scale = pixels / cells;
        int offset = (pixels - modules.getWidth() * scale) / 2;
        BufferedImage image = new BufferedImage(pixels, pixels, BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster raster = image.getRaster();
        int[] white = new int[pixels];
        Arrays.fill(white, 1);
        for (int y = 0; y < pixels; y++) {
            raster.setPixels(0, y, pixels, 1, white);
        }
        int[] dark = new int[scale * scale];
        for (int row = 0; row < modules.getHeight(); row++) {
            for (int column = 0; column < modules.getWidth(); column++) {
                if (modules.get(column, row)) {
                    raster.setPixels(
                            offset + column * scale, offset + row * scale, scale, scale, dark);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
