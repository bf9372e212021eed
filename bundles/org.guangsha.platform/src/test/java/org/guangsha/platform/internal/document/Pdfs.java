package org.guangsha.platform.internal.document;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;

/** Reading rendered PDFs back in tests. */
final class Pdfs {

    /** A rectangle in PDF points. */
    record Rect(float x, float y, float width, float height) {
        boolean contains(Rect other) {
            float slack = 0.01f;
            return other.x >= x - slack
                    && other.y >= y - slack
                    && other.x + other.width <= x + width + slack
                    && other.y + other.height <= y + height + slack;
        }
    }

    /** An image drawn on a page: where, and its size in pixels. */
    record DrawnImage(Rect at, int pixelWidth, int pixelHeight) {}

    private Pdfs() {}

    static PDDocument load(byte[] pdf) {
        try {
            return Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(byte[] pdf) {
        try (PDDocument document = load(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page + 1);
        stripper.setEndPage(page + 1);
        return stripper.getText(document);
    }

    static int pages(byte[] pdf) {
        try (PDDocument document = load(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Type 0 fonts used on {@code page}. */
    static List<PDType0Font> type0Fonts(PDPage page) throws IOException {
        List<PDType0Font> fonts = new ArrayList<>();
        for (COSName name : page.getResources().getFontNames()) {
            PDFont font = page.getResources().getFont(name);
            if (font instanceof PDType0Font type0) {
                fonts.add(type0);
            }
        }
        return fonts;
    }

    /** The embedded font program (FontFile2) of the document's first font. */
    static byte[] fontProgram(byte[] pdf) {
        try (PDDocument document = load(pdf)) {
            PDType0Font font = type0Fonts(document.getPage(0)).get(0);
            return font.getDescendantFont().getFontDescriptor().getFontFile2().toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Images drawn on {@code page} and every rectangle of its paths. */
    static final class PageContent extends PDFStreamEngine {
        final List<DrawnImage> images = new ArrayList<>();
        final List<Rect> rectangles = new ArrayList<>();

        PageContent(PDPage page) throws IOException {
            addOperator(new Save(this));
            addOperator(new Restore(this));
            addOperator(new Concatenate(this));
            processPage(page);
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands)
                throws IOException {
            if (operator.getName().equals("Do")) {
                PDXObject object = getResources().getXObject((COSName) operands.get(0));
                if (object instanceof PDImageXObject image) {
                    Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
                    images.add(
                            new DrawnImage(
                                    new Rect(
                                            ctm.getTranslateX(),
                                            ctm.getTranslateY(),
                                            ctm.getScalingFactorX(),
                                            ctm.getScalingFactorY()),
                                    image.getWidth(),
                                    image.getHeight()));
                }
            } else if (operator.getName().equals("re")) {
                rectangles.add(
                        new Rect(
                                number(operands, 0),
                                number(operands, 1),
                                number(operands, 2),
                                number(operands, 3)));
            } else {
                super.processOperator(operator, operands);
            }
        }

        private static float number(List<COSBase> operands, int i) {
            return ((COSNumber) operands.get(i)).floatValue();
        }
    }

    /** The text of the QR code on the first page, read from a 200 dpi rendering. */
    static String decodeQrCode(byte[] pdf) throws IOException, NotFoundException {
        BufferedImage image;
        try (PDDocument document = load(pdf)) {
            image = new PDFRenderer(document).renderImageWithDPI(0, 200);
        }
        int[] pixels =
                image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap =
                new BinaryBitmap(
                        new HybridBinarizer(
                                new RGBLuminanceSource(
                                        image.getWidth(), image.getHeight(), pixels)));
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        return new MultiFormatReader().decode(bitmap, hints).getText();
    }
}
