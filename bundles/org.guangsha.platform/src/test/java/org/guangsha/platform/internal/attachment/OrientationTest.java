package org.guangsha.platform.internal.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrientationTest {

    private static final int W = 7;
    private static final int H = 4;

    /** Every pixel a different colour, so any misplaced pixel shows. */
    private static int upright(int x, int y) {
        return 0xFF000000 | (x * 30) << 16 | (y * 60) << 8 | (x + y * W);
    }

    /**
     * Where the stored pixel (c, r) is seen, from the definitions of TIFF 6.0 tag 274 (which visual
     * side row 0 and column 0 are on), independent of the code under test.
     */
    private static int[] seenAt(int orientation, int c, int r) {
        return switch (orientation) {
            case 1 -> new int[] {c, r};
            case 2 -> new int[] {W - 1 - c, r};
            case 3 -> new int[] {W - 1 - c, H - 1 - r};
            case 4 -> new int[] {c, H - 1 - r};
            case 5 -> new int[] {r, c};
            case 6 -> new int[] {W - 1 - r, c};
            case 7 -> new int[] {W - 1 - r, H - 1 - c};
            case 8 -> new int[] {r, H - 1 - c};
            default -> throw new IllegalArgumentException();
        };
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyOrientationComesOutUprightPixelForPixel(int orientation) {
        boolean swapped = orientation >= 5;
        int storedWidth = swapped ? H : W;
        int storedHeight = swapped ? W : H;
        BufferedImage stored =
                new BufferedImage(storedWidth, storedHeight, BufferedImage.TYPE_3BYTE_BGR);
        for (int r = 0; r < storedHeight; r++) {
            for (int c = 0; c < storedWidth; c++) {
                int[] seen = seenAt(orientation, c, r);
                stored.setRGB(c, r, upright(seen[0], seen[1]));
            }
        }

        BufferedImage result = ImageCodec.orient(stored, orientation);

        assertEquals(W, result.getWidth());
        assertEquals(H, result.getHeight());
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                assertEquals(upright(x, y), result.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void theOrientationIsReadInBothByteOrders(int orientation) {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            byte[] app1 = TestFiles.exif(order, orientation);
            assertEquals(orientation, Jpeg.orientation(app1, 6, app1.length - 6), order.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 9, 0x7FFF})
    void nonsenseOrientationsMeanUpright(int orientation) {
        byte[] app1 = TestFiles.exif(ByteOrder.BIG_ENDIAN, orientation);
        assertEquals(1, Jpeg.orientation(app1, 6, app1.length - 6));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 8, 12, 20, 30})
    void aCutTiffStructureMeansUpright(int length) {
        byte[] app1 = TestFiles.exif(ByteOrder.LITTLE_ENDIAN, 6);
        // the entry for Orientation ends at 10 + 12 = 22
        assertEquals(length >= 22 ? 6 : 1, Jpeg.orientation(app1, 6, length));
    }
}
