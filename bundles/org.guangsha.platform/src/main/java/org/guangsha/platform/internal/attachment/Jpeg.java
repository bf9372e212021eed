package org.guangsha.platform.internal.attachment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Walks a JPEG's marker segments (ITU-T T.81, annex B) before anything decodes it: the frame size
 * within the limits, every segment complete, EOI reached and nothing after it but zero padding.
 * Keeps what is needed to draw the picture and drops the rest: APP1 (Exif with GPS, XMP), APP13
 * (IPTC), comments and other application segments. A photo that relies on its Exif orientation is
 * turned upright and re-encoded, since the orientation leaves with APP1; any other photo keeps its
 * compressed data untouched.
 */
final class Jpeg {

    /**
     * More scans than any encoder makes (progressive files have about ten). Each progressive scan
     * is another pass over the whole image, so thousands of tiny scans would keep the decoder busy
     * for minutes.
     */
    static final int MAX_SCANS = 100;

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int APP0 = 0xE0;
    private static final int APP1 = 0xE1;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;
    private static final int COM = 0xFE;

    private static final byte[] JFIF = ascii("JFIF\0");
    private static final byte[] EXIF = ascii("Exif\0\0");
    private static final byte[] ICC_PROFILE = ascii("ICC_PROFILE\0");
    private static final byte[] ADOBE = ascii("Adobe");

    /** Exif's Orientation tag. */
    private static final int ORIENTATION = 0x0112;

    private Jpeg() {}

    static FileInspector.Inspected inspect(byte[] data, ImageLimits limits) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream(data.length);
        kept.write(0xFF);
        kept.write(SOI);
        int pos = 2;
        int width = 0;
        int height = 0;
        int scans = 0;
        int orientation = 0;
        while (true) {
            if (pos >= data.length) {
                throw truncated();
            }
            // Only fill bytes may stand between segments; libjpeg skips other bytes with a
            // warning, which would let anything hide there.
            if (u8(data, pos) != 0xFF) {
                throw undecodable();
            }
            while (pos < data.length && u8(data, pos) == 0xFF) {
                pos++;
            }
            if (pos >= data.length) {
                throw truncated();
            }
            int marker = u8(data, pos++);
            if (marker == EOI) {
                if (scans == 0) {
                    throw undecodable();
                }
                break;
            }
            if (!hasLength(marker)) {
                throw undecodable();
            }
            if (data.length - pos < 2) {
                throw truncated();
            }
            int length = u16(data, pos);
            if (length < 2) {
                throw undecodable();
            }
            if (length > data.length - pos) {
                throw truncated();
            }
            int body = pos + 2;
            int bodyLength = length - 2;
            int end = pos + length;
            if (isFrame(marker)) {
                if (width != 0) {
                    // one frame per file; hierarchical JPEG is not decodable here anyway
                    throw undecodable();
                }
                if (bodyLength < 6) {
                    throw undecodable();
                }
                height = u16(data, body + 1);
                width = u16(data, body + 3);
                int components = u8(data, body + 5);
                if (height == 0 || width == 0) {
                    // zero height means "given later by DNL", which the JDK cannot decode
                    throw undecodable();
                }
                limits.check(width, height);
                if (components == 0 || bodyLength < 6 + 3 * components) {
                    throw undecodable();
                }
                segment(kept, marker, data, pos, end);
            } else if (marker == SOS) {
                if (width == 0 || ++scans > MAX_SCANS) {
                    throw undecodable();
                }
                int scanEnd = entropyCodedEnd(data, end);
                segment(kept, marker, data, pos, scanEnd);
                end = scanEnd;
            } else if (marker == APP0) {
                // JFIF's own thumbnail goes; the version and pixel density stay
                if (bodyLength >= 14 && startsWith(data, body, bodyLength, JFIF)) {
                    kept.write(new byte[] {(byte) 0xFF, (byte) APP0, 0, 16}, 0, 4);
                    kept.write(data, body, 12);
                    kept.write(new byte[2], 0, 2);
                }
            } else if (marker == APP1) {
                if (orientation == 0 && startsWith(data, body, bodyLength, EXIF)) {
                    orientation = orientation(data, body + EXIF.length, bodyLength - EXIF.length);
                }
            } else if (marker == APP2) {
                if (startsWith(data, body, bodyLength, ICC_PROFILE)) {
                    segment(kept, marker, data, pos, end);
                }
            } else if (marker == APP14) {
                // Adobe's transform flag says whether the samples are YCbCr, RGB or CMYK
                if (startsWith(data, body, bodyLength, ADOBE)) {
                    segment(kept, marker, data, pos, end);
                }
            } else if (!(marker >= APP0 && marker <= 0xEF) && marker != COM) {
                // tables and restart interval (DQT, DHT, DAC, DRI, DNL, DHP, EXP)
                segment(kept, marker, data, pos, end);
            }
            pos = end;
        }
        // Whatever follows EOI (an HDR gain map, a motion photo's video, a vendor trailer, or
        // something smuggled) is dropped rather than refused: phones add such data to ordinary
        // photos, and the stored file holds only the image either way.
        kept.write(0xFF);
        kept.write(EOI);
        byte[] clean = kept.toByteArray();

        BufferedImage decoded = ImageCodec.decode(clean, FileType.JPEG);
        if (decoded.getWidth() != width || decoded.getHeight() != height) {
            throw undecodable();
        }
        if (orientation <= 1) {
            return new FileInspector.Inspected(FileType.JPEG, clean, width, height, 0);
        }
        BufferedImage upright = ImageCodec.orient(decoded, orientation);
        try {
            return new FileInspector.Inspected(
                    FileType.JPEG,
                    ImageCodec.encodeJpeg(upright),
                    upright.getWidth(),
                    upright.getHeight(),
                    0);
        } catch (IOException | RuntimeException e) {
            throw RejectedUploadException.undecodable(FileType.JPEG, e);
        }
    }

    /**
     * Where the entropy-coded data that starts at {@code from} ends: at the first marker that is
     * neither a stuffed zero (FF00) nor a restart marker (RSTn).
     */
    private static int entropyCodedEnd(byte[] data, int from) {
        int i = from;
        while (true) {
            while (i < data.length && data[i] != (byte) 0xFF) {
                i++;
            }
            if (i + 1 >= data.length) {
                throw truncated();
            }
            int next = u8(data, i + 1);
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                i += 2;
            } else if (next == 0xFF) {
                i++;
            } else {
                return i;
            }
        }
    }

    /**
     * The Exif Orientation (1 to 8) in the TIFF structure of an APP1 segment, or 1 when it is
     * missing or malformed: the segment is dropped either way.
     */
    static int orientation(byte[] data, int tiff, int length) {
        if (length < 8) {
            return 1;
        }
        boolean little;
        if (data[tiff] == 'I' && data[tiff + 1] == 'I') {
            little = true;
        } else if (data[tiff] == 'M' && data[tiff + 1] == 'M') {
            little = false;
        } else {
            return 1;
        }
        if (u16(data, tiff + 2, little) != 42) {
            return 1;
        }
        long ifd = u32(data, tiff + 4, little);
        if (ifd < 8 || ifd + 2 > length) {
            return 1;
        }
        int at = tiff + (int) ifd;
        int entries = u16(data, at, little);
        for (int i = 0; i < entries; i++) {
            long entry = ifd + 2 + 12L * i;
            if (entry + 12 > length) {
                return 1;
            }
            int e = tiff + (int) entry;
            if (u16(data, e, little) == ORIENTATION) {
                int type = u16(data, e + 2, little);
                long count = u32(data, e + 4, little);
                // SHORT, one value, stored left-justified in the value field
                int value = u16(data, e + 8, little);
                return type == 3 && count == 1 && value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static void segment(
            ByteArrayOutputStream out, int marker, byte[] data, int from, int to) {
        out.write(0xFF);
        out.write(marker);
        out.write(data, from, to - from);
    }

    /** SOF0 to SOF15 without DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isFrame(int marker) {
        return marker >= 0xC0
                && marker <= 0xCF
                && marker != 0xC4
                && marker != 0xC8
                && marker != 0xCC;
    }

    /**
     * The markers this walk knows to carry a length: frames, tables, scans, restart interval,
     * application segments and comments. Anything else here (SOI, RSTn and TEM outside a scan,
     * reserved codes) makes libjpeg give up too.
     */
    private static boolean hasLength(int marker) {
        return isFrame(marker)
                || marker == 0xC4
                || marker == 0xCC
                || (marker >= 0xDA && marker <= 0xDF)
                || (marker >= APP0 && marker <= 0xEF)
                || marker == COM;
    }

    private static boolean startsWith(byte[] data, int at, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static RejectedUploadException undecodable() {
        return RejectedUploadException.undecodable(FileType.JPEG, null);
    }

    private static RejectedUploadException truncated() {
        return RejectedUploadException.truncated(FileType.JPEG);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int u8(byte[] data, int at) {
        return data[at] & 0xFF;
    }

    private static int u16(byte[] data, int at) {
        return u16(data, at, false);
    }

    private static int u16(byte[] data, int at, boolean little) {
        int a = data[at] & 0xFF;
        int b = data[at + 1] & 0xFF;
        return little ? b << 8 | a : a << 8 | b;
    }

    private static long u32(byte[] data, int at, boolean little) {
        long first = u16(data, at, little);
        long second = u16(data, at + 2, little);
        return little ? second << 16 | first : first << 16 | second;
    }
}
