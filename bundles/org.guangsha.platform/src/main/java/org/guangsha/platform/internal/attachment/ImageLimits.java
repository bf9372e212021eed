package org.guangsha.platform.internal.attachment;

/**
 * How large an image may be before it is decoded. Checked against the dimensions in the file's
 * header, because a few kilobytes of compressed data can claim gigabytes of pixels.
 */
record ImageLimits(int maxSide, long maxPixels) {

    /** Refuses an image of {@code width} × {@code height} that exceeds a limit. */
    void check(long width, long height) {
        if (width > maxSide || height > maxSide || width * height > maxPixels) {
            throw RejectedUploadException.imageTooLarge(maxSide, maxPixels);
        }
    }
}
