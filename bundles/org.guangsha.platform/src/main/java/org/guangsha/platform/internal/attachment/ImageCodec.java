package org.guangsha.platform.internal.attachment;

import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * ImageIO, used only on bytes that have passed the structural checks. Streams are memory-cached:
 * ImageIO's default would write every upload to a temporary file.
 */
final class ImageCodec {

    /** Close to the look of the original; phones save at 0.85 to 0.95. */
    static final float JPEG_QUALITY = 0.92f;

    private ImageCodec() {}

    /** Decodes the whole image, or refuses the file as undecodable. */
    static BufferedImage decode(byte[] bytes, FileType type) {
        BufferedImage image;
        ImageReader reader = null;
        try (ImageInputStream in = stream(bytes)) {
            reader = reader(type);
            // Metadata is ignored: it was stripped or is not needed to draw the pixels.
            reader.setInput(in, true, true);
            image = reader.read(0);
        } catch (IOException | RuntimeException e) {
            throw RejectedUploadException.undecodable(type, e);
        } finally {
            if (reader != null) {
                reader.dispose();
            }
        }
        if (image == null || image.getWidth() <= 0 || image.getHeight() <= 0) {
            throw RejectedUploadException.undecodable(type, null);
        }
        return image;
    }

    private static ImageInputStream stream(byte[] bytes) {
        return new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes));
    }

    private static ImageReader reader(FileType type) throws IIOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format(type));
        if (!readers.hasNext()) {
            throw new IIOException("No ImageIO reader for " + type);
        }
        return readers.next();
    }

    private static String format(FileType type) {
        return type == FileType.PNG ? "png" : "jpeg";
    }

    /**
     * The image as it is meant to be seen, given the EXIF orientation (1 to 8) of the stored
     * pixels. The result is sRGB (or grey), so colour profiles no longer matter once re-encoded.
     */
    static BufferedImage orient(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        // Where the stored pixel (x, y) appears in the upright picture (TIFF 6.0, tag 274).
        AffineTransform transform =
                switch (orientation) {
                    case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
                    case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
                    case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
                    case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
                    case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
                    case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
                    case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
                    default -> new AffineTransform();
                };
        boolean swapped = orientation >= 5 && orientation <= 8;
        boolean grey = image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        BufferedImage upright =
                new BufferedImage(
                        swapped ? h : w,
                        swapped ? w : h,
                        grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        var g = upright.createGraphics();
        try {
            // Quarter turns and mirrors move whole pixels; nothing may be interpolated.
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION,
                    RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(image, transform, null);
        } finally {
            g.dispose();
        }
        return upright;
    }

    /** A baseline JPEG of the image with no metadata beyond the JFIF header. */
    static byte[] encodeJpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
