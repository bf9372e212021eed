package org.guangsha.platform.internal.attachment;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/** Builds the uploads the tests feed to the inspector, good and bad, from scratch. */
final class TestFiles {

    /** Latitude 22° 32' 42.42" as the three RATIONALs of GPSLatitude: the bytes that must go. */
    static final byte[] GPS_LATITUDE =
            ByteBuffer.allocate(24)
                    .putInt(22)
                    .putInt(1)
                    .putInt(32)
                    .putInt(1)
                    .putInt(4242)
                    .putInt(100)
                    .array();

    private TestFiles() {}

    /** Four coloured quadrants: red, green / blue, white. Which way up it is shows at a glance. */
    static BufferedImage quadrants(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, quadrant(x, y, width, height).getRGB());
            }
        }
        return image;
    }

    static Color quadrant(int x, int y, int width, int height) {
        boolean left = x < width / 2;
        boolean top = y < height / 2;
        if (top) {
            return left ? Color.RED : Color.GREEN;
        }
        return left ? Color.BLUE : Color.WHITE;
    }

    static byte[] jpeg(BufferedImage image) {
        return write(image, "jpeg");
    }

    static byte[] jpeg(int width, int height) {
        return jpeg(quadrants(width, height));
    }

    /** Four-channel samples, as scanners and print software store them. */
    static byte[] cmykJpeg(int width, int height) {
        WritableRaster raster =
                Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, new int[] {x % 256, y % 256, 100, 20});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(raster, null, null), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static byte[] png(BufferedImage image) {
        return write(image, "png");
    }

    static byte[] png(int width, int height) {
        return png(quadrants(width, height));
    }

    static byte[] gif(int width, int height) {
        return write(quadrants(width, height), "gif");
    }

    private static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BufferedImage read(byte[] image) {
        try {
            return ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A marker segment: FF, the marker, the length, the body. */
    static byte[] segment(int marker, byte[] body) {
        return ByteBuffer.allocate(4 + body.length)
                .put((byte) 0xFF)
                .put((byte) marker)
                .putShort((short) (body.length + 2))
                .put(body)
                .array();
    }

    /** The JPEG with the segments put right after SOI, where cameras put Exif. */
    static byte[] afterSoi(byte[] jpeg, byte[]... segments) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(new byte[] {(byte) 0xFF, (byte) 0xD8});
        parts.addAll(List.of(segments));
        byte[] rest = new byte[jpeg.length - 2];
        System.arraycopy(jpeg, 2, rest, 0, rest.length);
        parts.add(rest);
        return concat(parts.toArray(new byte[0][]));
    }

    /**
     * An APP1 body as a camera writes it: "Exif", then a TIFF structure whose IFD0 has the
     * Orientation and a pointer to a GPS IFD with GPSLatitudeRef and GPSLatitude.
     */
    static byte[] exif(ByteOrder order, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(92).order(order);
        tiff.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        tiff.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        tiff.putShort((short) 42).putInt(8);
        // IFD0 at 8: two entries, then the offset of the next IFD (none)
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1);
        tiff.putShort((short) orientation).putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
        tiff.putInt(0);
        // GPS IFD at 38: GPSLatitudeRef "N", GPSLatitude at 68
        tiff.putShort((short) 2);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(68);
        tiff.putInt(0);
        // RATIONALs are two LONGs in the file's byte order; the canary is big-endian
        ByteBuffer latitude = ByteBuffer.wrap(GPS_LATITUDE);
        for (int i = 0; i < 6; i++) {
            tiff.putInt(latitude.getInt());
        }
        return concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff.array());
    }

    /** The markers of a JPEG's segments up to the first scan. */
    static List<Integer> markers(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        int pos = 2;
        while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
            int marker = jpeg[pos + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            pos += 2 + (((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF));
        }
        return markers;
    }

    /** A PNG chunk with its length and a correct CRC. */
    static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length)
                .put(typeBytes)
                .put(data)
                .putInt((int) crc.getValue())
                .array();
    }

    /** The PNG with a chunk put right after IHDR (which is 8 + 25 bytes in). */
    static byte[] afterIhdr(byte[] png, byte[] chunk) {
        byte[] head = new byte[33];
        byte[] tail = new byte[png.length - 33];
        System.arraycopy(png, 0, head, 0, 33);
        System.arraycopy(png, 33, tail, 0, tail.length);
        return concat(head, chunk, tail);
    }

    /**
     * A PNG whose IHDR claims width × height pixels of 1-bit grey, with one tiny IDAT: had the
     * dimensions been believed, a decoder would allocate for all of them.
     */
    static byte[] pngClaiming(int width, int height) {
        byte[] ihdr =
                ByteBuffer.allocate(13)
                        .putInt(width)
                        .putInt(height)
                        .put(new byte[] {1, 0, 0, 0, 0})
                        .array();
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[64]);
        deflater.finish();
        byte[] idat = new byte[128];
        idat = java.util.Arrays.copyOf(idat, deflater.deflate(idat));
        deflater.end();
        return concat(
                Png.SIGNATURE,
                chunk("IHDR", ihdr),
                chunk("IDAT", idat),
                chunk("IEND", new byte[0]));
    }

    static byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("payload.txt"));
            zip.write("anything at all".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** What a PDF test does to a one-page document before it is saved. */
    interface Setup {
        void apply(PDDocument document, PDPage page) throws IOException;
    }

    /** A one-page PDF, saved the PDFBox 3 way (object streams, compressed). */
    static byte[] pdf(Setup setup) {
        return pdf(1, setup);
    }

    static byte[] pdf(int pages, Setup setup) {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage());
            }
            setup.apply(document, document.getPage(0));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
