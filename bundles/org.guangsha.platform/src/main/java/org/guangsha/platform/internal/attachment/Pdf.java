package org.guangsha.platform.internal.attachment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a PDF with PDFBox and refuses what could act when a caseworker opens it: JavaScript,
 * attached files, actions that start programs, and multimedia, 3D, XFA forms and actions on other
 * files. Every object is looked at, not only the places a viewer starts from, because PDF offers
 * many such places and viewers disagree about which they honour. Only dictionaries are read:
 * content streams are never decoded, so a small compressed stream cannot expand in memory. PDFBox
 * itself decodes cross-reference and object streams while parsing.
 */
final class Pdf {

    private static final Logger LOG = LoggerFactory.getLogger(Pdf.class);

    private static final byte[] EOF = "%%EOF".getBytes(StandardCharsets.ISO_8859_1);

    /** What may make a PDF act, most serious first: the first one found is reported. */
    private enum Finding {
        JAVASCRIPT,
        LAUNCH,
        EMBEDDED_FILE,
        ACTIVE_CONTENT
    }

    private static final COSName SCREEN = COSName.getPDFName("Screen");
    private static final COSName MOVIE = COSName.getPDFName("Movie");
    private static final COSName SOUND = COSName.getPDFName("Sound");
    private static final COSName RICH_MEDIA = COSName.getPDFName("RichMedia");
    private static final COSName THREE_D = COSName.getPDFName("3D");
    private static final COSName ACTION = COSName.getPDFName("Action");
    private static final COSName LAUNCH_ACTION = COSName.getPDFName("Launch");
    private static final COSName GO_TO_E = COSName.getPDFName("GoToE");
    private static final COSName FILE_ATTACHMENT = COSName.getPDFName("FileAttachment");

    /**
     * Annotations and streams that play media or 3D models, which can carry scripts of their own.
     */
    private static final Set<COSName> ACTIVE_SUBTYPES =
            Set.of(
                    RICH_MEDIA,
                    THREE_D,
                    COSName.getPDFName("U3D"),
                    COSName.getPDFName("PRC"),
                    MOVIE,
                    SOUND,
                    SCREEN);

    /**
     * Actions that play media or reach outside the document: open another file (a UNC path there
     * leaks the Windows password hash of whoever opens the PDF), submit or import form data.
     */
    private static final Set<COSName> ACTIVE_ACTIONS =
            Set.of(
                    COSName.getPDFName("GoToR"),
                    COSName.getPDFName("ImportData"),
                    COSName.getPDFName("SubmitForm"),
                    COSName.getPDFName("Rendition"),
                    MOVIE,
                    SOUND,
                    COSName.getPDFName("RichMediaExecute"),
                    COSName.getPDFName("GoTo3DView"));

    private Pdf() {}

    static FileInspector.Inspected inspect(byte[] data, int maxPages) {
        checkEnd(data);
        PDDocument document;
        try {
            document = Loader.loadPDF(data);
        } catch (InvalidPasswordException e) {
            throw RejectedUploadException.pdfEncrypted(e);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // StackOverflowError: deeply nested arrays or dictionaries in a hostile file
            throw RejectedUploadException.undecodable(FileType.PDF, e);
        }
        try {
            if (document.isEncrypted()) {
                // opened with the empty user password; the owner password still restricts it
                throw RejectedUploadException.pdfEncrypted(null);
            }
            Set<Finding> findings = scan(document.getDocument());
            if (!findings.isEmpty()) {
                throw switch (findings.iterator().next()) {
                    case JAVASCRIPT -> RejectedUploadException.pdfJavaScript();
                    case LAUNCH -> RejectedUploadException.pdfLaunchAction();
                    case EMBEDDED_FILE -> RejectedUploadException.pdfEmbeddedFile();
                    case ACTIVE_CONTENT -> RejectedUploadException.pdfActiveContent();
                };
            }
            int pages = 0;
            for (PDPage ignored : document.getPages()) {
                if (++pages > maxPages) {
                    throw RejectedUploadException.tooManyPages(maxPages);
                }
            }
            if (pages == 0) {
                throw RejectedUploadException.undecodable(FileType.PDF, null);
            }
            return new FileInspector.Inspected(FileType.PDF, data, 0, 0, pages);
        } catch (RejectedUploadException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw RejectedUploadException.undecodable(FileType.PDF, e);
        } finally {
            try {
                document.close();
            } catch (IOException e) {
                LOG.debug("Closing an inspected PDF failed", e);
            }
        }
    }

    /**
     * The file must end with {@code %%EOF}, followed by nothing but white space. A PDF reader does
     * not mind data after it, which is how a ZIP or a script is smuggled behind a PDF.
     */
    private static void checkEnd(byte[] data) {
        int eof = lastIndexOf(data, EOF);
        if (eof < 0) {
            throw RejectedUploadException.truncated(FileType.PDF);
        }
        for (int i = eof + EOF.length; i < data.length; i++) {
            byte b = data[i];
            // PDF white space (ISO 32000-1, 7.2.2)
            if (b != 0 && b != '\t' && b != '\n' && b != '\f' && b != '\r' && b != ' ') {
                throw RejectedUploadException.trailingData(FileType.PDF);
            }
        }
    }

    /**
     * Looks at every object in the cross-reference table and the trailer, and at the direct
     * dictionaries and arrays inside them; the same object is looked at once.
     */
    private static Set<Finding> scan(COSDocument document) {
        Set<Finding> findings = EnumSet.noneOf(Finding.class);
        Deque<COSBase> todo = new ArrayDeque<>();
        todo.push(document.getTrailer());
        List<COSObjectKey> keys = new ArrayList<>(document.getXrefTable().keySet());
        for (COSObjectKey key : keys) {
            COSObject object = document.getObjectFromPool(key);
            if (object != null) {
                todo.push(object);
            }
        }
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!todo.isEmpty()) {
            COSBase base = todo.pop();
            if (!seen.add(base)) {
                continue;
            }
            if (base instanceof COSObject object) {
                push(todo, object.getObject());
            } else if (base instanceof COSArray array) {
                for (COSBase element : array) {
                    push(todo, element);
                }
            } else if (base instanceof COSDictionary dictionary) {
                // for a stream this is its dictionary: the data is never read
                look(dictionary, findings);
                for (COSBase value : dictionary.getValues()) {
                    push(todo, value);
                }
            }
        }
        return findings;
    }

    private static void push(Deque<COSBase> todo, COSBase base) {
        if (base != null) {
            todo.push(base);
        }
    }

    private static void look(COSDictionary dictionary, Set<Finding> findings) {
        COSName action = dictionary.getCOSName(COSName.S);
        COSName type = dictionary.getCOSName(COSName.TYPE);
        COSName subtype = dictionary.getCOSName(COSName.SUBTYPE);
        // JS holds an action's script; JavaScript names the catalog's document-level scripts
        if (dictionary.containsKey(COSName.JS)
                || dictionary.containsKey(COSName.JAVA_SCRIPT)
                || COSName.JAVA_SCRIPT.equals(action)) {
            findings.add(Finding.JAVASCRIPT);
        }
        if (LAUNCH_ACTION.equals(action)) {
            findings.add(Finding.LAUNCH);
        }
        // EF: a file specification carrying the file; EmbeddedFiles: the catalog's list of
        // attachments; Collection: a portfolio; GoToE: opens an embedded document
        if (dictionary.containsKey(COSName.EF)
                || dictionary.containsKey(COSName.EMBEDDED_FILES)
                || dictionary.containsKey(COSName.COLLECTION)
                || COSName.EMBEDDED_FILE.equals(type)
                || FILE_ATTACHMENT.equals(subtype)
                || GO_TO_E.equals(action)) {
            findings.add(Finding.EMBEDDED_FILE);
        }
        // S also names structure types, transitions, groups and masks; those have another Type
        boolean isAction = type == null || ACTION.equals(type);
        if ((isAction && action != null && ACTIVE_ACTIONS.contains(action))
                || (subtype != null && ACTIVE_SUBTYPES.contains(subtype))
                || THREE_D.equals(type)
                || dictionary.containsKey(COSName.XFA)) {
            findings.add(Finding.ACTIVE_CONTENT);
        }
    }

    private static int lastIndexOf(byte[] data, byte[] part) {
        for (int i = data.length - part.length; i >= 0; i--) {
            int j = 0;
            while (j < part.length && data[i + j] == part[j]) {
                j++;
            }
            if (j == part.length) {
                return i;
            }
        }
        return -1;
    }
}
