package org.guangsha.platform.internal.attachment;

import java.util.Locale;

/**
 * The kinds of file citizens may upload, as decided from the bytes by {@link FileInspector}.
 */
public enum FileType {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    PDF("application/pdf", "pdf");

    private final String mediaType;
    private final String extension;

    FileType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The media type to serve the stored file with, e.g. {@code image/jpeg}. */
    public String mediaType() {
        return mediaType;
    }

    /** The file-name extension to store it under, without the dot, e.g. {@code jpg}. */
    public String extension() {
        return extension;
    }

    /** How citizens know the type: JPG, PNG, PDF. */
    String label() {
        return extension.toUpperCase(Locale.ROOT);
    }
}
