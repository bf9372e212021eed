package org.guangsha.platform.internal.document;

import com.google.zxing.common.BitMatrix;

/**
 * One thing drawn on a page, placed by {@link PageLayout} and painted by {@link PdfRenderer}.
 * Coordinates are PDF points from the bottom-left corner of the page.
 */
sealed interface Mark {

    /** A line of text; {@code y} is its baseline. {@code gray} 0 is black, 1 white. */
    record Text(float x, float y, float size, float gray, boolean bold, String text)
            implements Mark {}

    /**
     * A rectangle, filled with {@code fillGray} unless negative, bordered unless {@code border} is
     * 0.
     */
    record Box(float x, float y, float width, float height, float border, float fillGray)
            implements Mark {}

    /** The box a signature image of {@code field} is fitted into, when the request has one. */
    record Image(String field, float x, float y, float width, float height) implements Mark {}

    /** A QR code, {@code size} points square, its dark modules drawn as filled rectangles. */
    record Qr(BitMatrix modules, float x, float y, float size) implements Mark {}
}
