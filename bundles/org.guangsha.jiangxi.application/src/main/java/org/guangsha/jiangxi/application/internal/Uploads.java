package org.guangsha.jiangxi.application.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
import org.guangsha.platform.rest.FieldError;
import org.guangsha.platform.rest.GuangshaRest;
import org.guangsha.platform.rest.Problem;
import org.guangsha.platform.rest.ProblemException;

/**
 * Reading the line's multipart uploads (materials, the signed letter's scan): the file part, its
 * name as the browser meant it, short text parts, and a size bound before the core checks the file
 * itself.
 */
public final class Uploads {

    /**
     * The most read of an uploaded file: above the core's attachment limit, so that the core
     * decides and words the refusal (it reads the exact limit from its configuration).
     */
    public static final int MAX_FILE_BYTES = 20 * 1024 * 1024;

    /** Multipart overhead allowed beyond the file before the request is refused unread. */
    private static final long ENVELOPE = 64 * 1024;

    /**
     * An uploaded file.
     *
     * @param fileName the name the browser gave, or null
     * @param content the bytes
     */
    public record Upload(String fileName, byte[] content) {}

    private Uploads() {}

    /** The part {@code file}: 400 naming {@code file} when missing, 413 when too large. */
    public static Upload file(MultipartBody body, Long contentLength) {
        if (contentLength != null && contentLength > MAX_FILE_BYTES + ENVELOPE) {
            throw tooLarge();
        }
        Attachment file = body == null ? null : body.getAttachment("file");
        if (file == null) {
            throw ProblemException.invalidField("file", "请选择要上传的文件", "The file is missing");
        }
        byte[] content = read(file, MAX_FILE_BYTES + 1);
        if (content.length > MAX_FILE_BYTES) {
            throw tooLarge();
        }
        return new Upload(fileName(file), content);
    }

    /** A short text part (an id, a kind), or null when absent or blank. */
    public static String text(MultipartBody body, String name) {
        Attachment part = body == null ? null : body.getAttachment(name);
        if (part == null) {
            return null;
        }
        String s = new String(read(part, 200), StandardCharsets.UTF_8).strip();
        return s.isEmpty() ? null : s;
    }

    private static ProblemException tooLarge() {
        return new ProblemException(
                new Problem(
                        Problem.type("upload-refused"),
                        "上传的文件不符合要求",
                        "The uploaded file was refused",
                        413,
                        "too-large",
                        null,
                        List.of(
                                new FieldError(
                                        "file",
                                        "文件不能超过 " + MAX_FILE_BYTES / (1024 * 1024) + " MB",
                                        "The file must not exceed "
                                                + MAX_FILE_BYTES / (1024 * 1024)
                                                + " MB"))));
    }

    private static byte[] read(Attachment part, int max) {
        try (InputStream in = part.getDataHandler().getInputStream()) {
            return in.readNBytes(max);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileName(Attachment file) {
        return file.getContentDisposition() == null
                ? null
                : GuangshaRest.uploadedFileName(file.getContentDisposition().getFilename());
    }
}
