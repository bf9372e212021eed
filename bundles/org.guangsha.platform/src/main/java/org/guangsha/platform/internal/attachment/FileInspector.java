package org.guangsha.platform.internal.attachment;

import java.util.Set;

/**
 * Decides what an uploaded file really is and whether it may be stored. The type comes from
 * the bytes alone, never from the file name or the Content-Type the client sent. A file is accepted
 * only if it is an intact JPG, PNG or PDF of an allowed type: images must decode and are returned
 * without their metadata (location, camera, comments), photos turned upright; PDFs must open, have
 * no password and nothing that could act when opened, and are returned as uploaded.
 *
 * <p>Checks run from cheap to expensive, and nothing is decoded before its structure and size have
 * been checked. Stateless apart from its limits: one instance may serve every upload.
 */
public final class FileInspector {

    /** Most pixels on either side of an image. */
    public static final int DEFAULT_MAX_SIDE = 10_000;

    /** Most pixels of an image in all (40 megapixels; phones take 12 to 50). */
    public static final long DEFAULT_MAX_PIXELS = 40_000_000L;

    /** Most pages of a PDF. */
    public static final int DEFAULT_MAX_PAGES = 100;

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};

    private final ImageLimits limits;
    private final int maxPages;

    /** With the default limits: 10,000 pixels a side, 40 megapixels, 100 pages. */
    public FileInspector() {
        this(DEFAULT_MAX_SIDE, DEFAULT_MAX_PIXELS, DEFAULT_MAX_PAGES);
    }

    /**
     * @param maxSide most pixels on either side of an image
     * @param maxPixels most pixels of an image in all
     * @param maxPages most pages of a PDF
     */
    public FileInspector(int maxSide, long maxPixels, int maxPages) {
        if (maxSide <= 0 || maxPixels <= 0 || maxPages <= 0) {
            throw new IllegalArgumentException(
                    "Limits must be positive: " + maxSide + ", " + maxPixels + ", " + maxPages);
        }
        this.limits = new ImageLimits(maxSide, maxPixels);
        this.maxPages = maxPages;
    }

    /**
     * What the file is, and the bytes to store.
     *
     * @param content the uploaded bytes; not changed
     * @param allowed the types accepted for this upload
     * @param maxBytes the most bytes the upload may have
     * @return the type and the bytes to store, which for images differ from the upload
     * @throws RejectedUploadException if the file is refused; its code says why
     */
    public Inspected inspect(byte[] content, Set<FileType> allowed, long maxBytes) {
        if (allowed == null || allowed.isEmpty()) {
            throw new IllegalArgumentException("No file type is allowed");
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        if (content == null || content.length == 0) {
            throw RejectedUploadException.empty();
        }
        if (content.length > maxBytes) {
            throw RejectedUploadException.tooLarge(maxBytes);
        }
        FileType type = sniff(content);
        if (type == null) {
            throw RejectedUploadException.unknownType(allowed);
        }
        if (!allowed.contains(type)) {
            throw RejectedUploadException.typeNotAllowed(type, allowed);
        }
        return switch (type) {
            case JPEG -> Jpeg.inspect(content, limits);
            case PNG -> Png.inspect(content, limits);
            case PDF -> Pdf.inspect(content, maxPages);
        };
    }

    /**
     * The type announced by the first bytes. A PDF header may lawfully start anywhere in the first
     * 1024 bytes; only offset 0 is accepted, so nothing can stand in front of it.
     */
    private static FileType sniff(byte[] content) {
        if (startsWith(content, JPEG_MAGIC)) {
            return FileType.JPEG;
        }
        if (startsWith(content, Png.SIGNATURE)) {
            return FileType.PNG;
        }
        if (startsWith(content, PDF_MAGIC)) {
            return FileType.PDF;
        }
        return null;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * An accepted upload.
     *
     * @param type what the file is
     * @param content the bytes to store: images without metadata (and turned upright), PDFs as
     *     uploaded (the same array)
     * @param width pixels across the stored image; 0 for PDF
     * @param height pixels down the stored image; 0 for PDF
     * @param pages pages of the PDF; 0 for images
     */
    public record Inspected(FileType type, byte[] content, int width, int height, int pages) {}
}
