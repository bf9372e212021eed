package org.guangsha.platform.internal.attachment;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An upload refused by {@link FileInspector}. {@link #code()} is stable and meant for clients
 * and statistics; {@link #message()} is what the citizen reads, {@link #messageEn()} the same in
 * English. {@link #getMessage()} is for logs and starts with the code.
 */
public final class RejectedUploadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** No bytes at all. */
    public static final String EMPTY = "empty";

    /** More bytes than the configured limit. */
    public static final String TOO_LARGE = "too-large";

    /** Not a JPG, PNG or PDF. */
    public static final String UNKNOWN_TYPE = "unknown-type";

    /** A JPG, PNG or PDF, but not one of the types accepted for this upload. */
    public static final String TYPE_NOT_ALLOWED = "type-not-allowed";

    /** Damaged or not really what its first bytes claim. */
    public static final String UNDECODABLE = "undecodable";

    /** The end of the file is missing (typically an interrupted transfer). */
    public static final String TRUNCATED = "truncated";

    /** Something follows the end of the file (e.g. a ZIP appended to a picture). */
    public static final String TRAILING_DATA = "trailing-data";

    /** The image claims more pixels than may be decoded. */
    public static final String IMAGE_TOO_LARGE = "image-too-large";

    /** A PDF with more pages than allowed. */
    public static final String PDF_TOO_MANY_PAGES = "pdf-too-many-pages";

    /** A password-protected or otherwise encrypted PDF. */
    public static final String PDF_ENCRYPTED = "pdf-encrypted";

    /** A PDF with JavaScript. */
    public static final String PDF_JAVASCRIPT = "pdf-javascript";

    /** A PDF with attached (embedded) files. */
    public static final String PDF_EMBEDDED_FILE = "pdf-embedded-file";

    /** A PDF with an action that starts a program. */
    public static final String PDF_LAUNCH_ACTION = "pdf-launch-action";

    /**
     * A PDF with multimedia, 3D, XFA forms or actions that reach outside the document (remote
     * go-to, form submission, data import).
     */
    public static final String PDF_ACTIVE_CONTENT = "pdf-active-content";

    private static final String REUPLOAD_PDF = "请用“打印”功能另存为新的 PDF 后重新上传";
    private static final String REUPLOAD_PDF_EN = "print it to a new PDF and upload that";

    private final String code;
    private final String message;
    private final String messageEn;

    /**
     * @param code the stable code, one of the constants of this class
     * @param message what is wrong and what to do, in Chinese (shown first)
     * @param messageEn the same in English
     */
    public RejectedUploadException(String code, String message, String messageEn) {
        this(code, message, messageEn, null);
    }

    /** Same, keeping what a decoder threw for the logs. */
    public RejectedUploadException(String code, String message, String messageEn, Throwable cause) {
        super(code + ": " + messageEn, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.message = Objects.requireNonNull(message, "message");
        this.messageEn = Objects.requireNonNull(messageEn, "messageEn");
    }

    /** The stable code, e.g. {@code too-large}. */
    public String code() {
        return code;
    }

    /** What is wrong and what to do, in Chinese. */
    public String message() {
        return message;
    }

    /** What is wrong and what to do, in English. */
    public String messageEn() {
        return messageEn;
    }

    static RejectedUploadException empty() {
        return new RejectedUploadException(
                EMPTY, "上传的文件是空的，请重新选择文件", "The file is empty; please choose the file again");
    }

    static RejectedUploadException tooLarge(long maxBytes) {
        return new RejectedUploadException(
                TOO_LARGE,
                "文件太大，每个文件不能超过 " + size(maxBytes) + "，请压缩或缩小后重新上传",
                "The file is larger than "
                        + size(maxBytes)
                        + "; please make it smaller and upload it again");
    }

    static RejectedUploadException unknownType(Set<FileType> allowed) {
        return new RejectedUploadException(
                UNKNOWN_TYPE,
                "文件格式不支持，仅可上传 " + labelsZh(allowed),
                "Only " + labelsEn(allowed) + " files are accepted");
    }

    static RejectedUploadException typeNotAllowed(FileType type, Set<FileType> allowed) {
        return new RejectedUploadException(
                TYPE_NOT_ALLOWED,
                "此处不能上传 " + type.label() + " 文件，仅可上传 " + labelsZh(allowed),
                type.label()
                        + " files are not accepted here; only "
                        + labelsEn(allowed)
                        + " files are");
    }

    static RejectedUploadException undecodable(FileType type, Throwable cause) {
        return new RejectedUploadException(
                UNDECODABLE,
                "文件已损坏或无法打开，请重新拍照、扫描或导出后上传",
                "The "
                        + type.label()
                        + " file is damaged or cannot be opened; please take, scan or"
                        + " export it again",
                cause);
    }

    static RejectedUploadException truncated(FileType type) {
        return new RejectedUploadException(
                TRUNCATED,
                "文件不完整，可能上传时中断了，请重新上传",
                "The " + type.label() + " file is incomplete; please upload it again");
    }

    static RejectedUploadException trailingData(FileType type) {
        return new RejectedUploadException(
                TRAILING_DATA,
                "文件末尾夹带了其他内容，无法接收。请重新保存为普通的 " + type.label() + " 文件后上传",
                "Something is hidden after the end of the "
                        + type.label()
                        + " file; please save it again as a plain "
                        + type.label()
                        + " file and upload that");
    }

    static RejectedUploadException imageTooLarge(int maxSide, long maxPixels) {
        return new RejectedUploadException(
                IMAGE_TOO_LARGE,
                "图片尺寸过大（每边最多" + maxSide + "像素，总共不超过" + pixelsZh(maxPixels) + "像素），请缩小图片或截图后重新上传",
                "The image is too large (at most "
                        + maxSide
                        + " pixels per side and "
                        + maxPixels
                        + " pixels in all); please resize it and upload it again");
    }

    static RejectedUploadException tooManyPages(int maxPages) {
        return new RejectedUploadException(
                PDF_TOO_MANY_PAGES,
                "PDF 文件页数太多（最多 " + maxPages + " 页），请拆分后分别上传",
                "The PDF has more than " + maxPages + " pages; please split it");
    }

    static RejectedUploadException pdfEncrypted(Throwable cause) {
        return new RejectedUploadException(
                PDF_ENCRYPTED,
                "PDF 文件设置了密码或加密保护，请取消密码保护后重新上传",
                "The PDF is password-protected or encrypted; please remove the protection and"
                        + " upload it again",
                cause);
    }

    static RejectedUploadException pdfJavaScript() {
        return new RejectedUploadException(
                PDF_JAVASCRIPT,
                "出于安全考虑，不能接收含有脚本程序的 PDF 文件。" + REUPLOAD_PDF,
                "PDF files with JavaScript are not accepted; " + REUPLOAD_PDF_EN);
    }

    static RejectedUploadException pdfEmbeddedFile() {
        return new RejectedUploadException(
                PDF_EMBEDDED_FILE,
                "出于安全考虑，不能接收夹带附件的 PDF 文件。" + REUPLOAD_PDF,
                "PDF files with attached files are not accepted; " + REUPLOAD_PDF_EN);
    }

    static RejectedUploadException pdfLaunchAction() {
        return new RejectedUploadException(
                PDF_LAUNCH_ACTION,
                "出于安全考虑，不能接收会启动其他程序的 PDF 文件。" + REUPLOAD_PDF,
                "PDF files that start other programs are not accepted; " + REUPLOAD_PDF_EN);
    }

    static RejectedUploadException pdfActiveContent() {
        return new RejectedUploadException(
                PDF_ACTIVE_CONTENT,
                "出于安全考虑，不能接收含有音视频、3D、动态表单或外部链接文件的 PDF 文件。" + REUPLOAD_PDF,
                "PDF files with multimedia, 3D, XFA forms or actions on other files are not"
                        + " accepted; "
                        + REUPLOAD_PDF_EN);
    }

    /**
     * The limit as a citizen would say it: "1 MB" whether the city configured 1,000,000 or
     * 1,048,576 bytes; other limits rounded down, so a file of the size said always fits.
     */
    static String size(long bytes) {
        long mib = 1024L * 1024;
        if (bytes % 1_000_000 == 0 || bytes % mib == 0) {
            return (bytes % mib == 0 ? bytes / mib : bytes / 1_000_000) + " MB";
        }
        if (bytes >= mib) {
            long tenths = bytes * 10 / mib;
            return tenths / 10 + (tenths % 10 == 0 ? "" : "." + tenths % 10) + " MB";
        }
        if (bytes % 1000 == 0 || bytes % 1024 == 0) {
            return (bytes % 1024 == 0 ? bytes / 1024 : bytes / 1000) + " KB";
        }
        return bytes >= 1024 ? bytes / 1024 + " KB" : bytes + " B";
    }

    private static String pixelsZh(long pixels) {
        return pixels % 10_000 == 0 ? pixels / 10_000 + "万" : Long.toString(pixels);
    }

    private static String labelsZh(Set<FileType> types) {
        return types.stream().sorted().map(FileType::label).collect(Collectors.joining("、"));
    }

    private static String labelsEn(Set<FileType> types) {
        var labels = types.stream().sorted().map(FileType::label).toList();
        if (labels.size() == 1) {
            return labels.get(0);
        }
        return String.join(", ", labels.subList(0, labels.size() - 1))
                + " and "
                + labels.get(labels.size() - 1);
    }
}
