package org.guangsha.platform.internal.attachment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Walks a PNG's chunks (PNG specification, 3rd edition, section 5) before anything decodes it:
 * every CRC, IHDR first and its size within the limits, IEND last with nothing after it. Only the
 * chunks needed to draw the picture are kept.
 */
final class Png {

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /**
     * Critical chunks and the ancillary ones that change how the pixels look. Everything else goes:
     * text (tEXt, zTXt, iTXt: author, software, sometimes a location), eXIf (camera and GPS), tIME,
     * and chunks no one here has reviewed (private ones, APNG frames).
     */
    private static final Set<String> KEPT =
            Set.of(
                    "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT",
                    "pHYs", "bKGD");

    private Png() {}

    static FileInspector.Inspected inspect(byte[] data, ImageLimits limits) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream(data.length);
        kept.write(data, 0, SIGNATURE.length);
        int pos = SIGNATURE.length;
        int width = 0;
        int height = 0;
        boolean idat = false;
        while (true) {
            // length, type and CRC take 12 bytes; running out before IEND means a cut file
            if (data.length - pos < 12) {
                throw RejectedUploadException.truncated(FileType.PNG);
            }
            long length = u32(data, pos);
            if (length > Integer.MAX_VALUE) {
                throw undecodable();
            }
            if (length > data.length - pos - 12) {
                throw RejectedUploadException.truncated(FileType.PNG);
            }
            int end = pos + 12 + (int) length;
            String type = new String(data, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (!type.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                throw undecodable();
            }
            CRC32 crc = new CRC32();
            crc.update(data, pos + 4, 4 + (int) length);
            if (crc.getValue() != u32(data, end - 4)) {
                throw undecodable();
            }
            if (pos == SIGNATURE.length) {
                if (!type.equals("IHDR") || length != 13) {
                    throw undecodable();
                }
                long w = u32(data, pos + 8);
                long h = u32(data, pos + 12);
                if (w == 0 || h == 0 || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
                    throw undecodable();
                }
                limits.check(w, h);
                checkHeader(data, pos + 16);
                width = (int) w;
                height = (int) h;
            } else if (type.equals("IHDR")) {
                throw undecodable();
            }
            if (type.equals("IDAT")) {
                idat = true;
            }
            if (KEPT.contains(type)) {
                kept.write(data, pos, end - pos);
            } else if (Character.isUpperCase(type.charAt(0))) {
                // an unknown critical chunk: the specification forbids drawing the image
                throw undecodable();
            }
            pos = end;
            if (type.equals("IEND")) {
                if (length != 0 || !idat) {
                    throw undecodable();
                }
                break;
            }
        }
        if (pos != data.length) {
            throw RejectedUploadException.trailingData(FileType.PNG);
        }
        byte[] clean = kept.toByteArray();
        BufferedImage decoded = ImageCodec.decode(clean, FileType.PNG);
        if (decoded.getWidth() != width || decoded.getHeight() != height) {
            throw undecodable();
        }
        return new FileInspector.Inspected(FileType.PNG, clean, width, height, 0);
    }

    /** Bit depth, colour type, compression, filter and interlace method of IHDR. */
    private static void checkHeader(byte[] data, int at) {
        int depth = data[at] & 0xFF;
        int colour = data[at + 1] & 0xFF;
        boolean valid =
                switch (colour) {
                    case 0 -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
                    case 3 -> depth == 1 || depth == 2 || depth == 4 || depth == 8;
                    case 2, 4, 6 -> depth == 8 || depth == 16;
                    default -> false;
                };
        if (!valid || data[at + 2] != 0 || data[at + 3] != 0 || (data[at + 4] & 0xFF) > 1) {
            throw undecodable();
        }
    }

    private static RejectedUploadException undecodable() {
        return RejectedUploadException.undecodable(FileType.PNG, null);
    }

    private static long u32(byte[] data, int at) {
        return ((data[at] & 0xFFL) << 24)
                | ((data[at + 1] & 0xFFL) << 16)
                | ((data[at + 2] & 0xFFL) << 8)
                | (data[at + 3] & 0xFFL);
    }
}
