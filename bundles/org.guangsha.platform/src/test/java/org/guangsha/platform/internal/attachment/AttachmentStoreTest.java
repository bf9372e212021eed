package org.guangsha.platform.internal.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.util.EnumSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class AttachmentStoreTest {

    @Test
    void theShownNameHasNoPathAndTheRealExtension() {
        assertEquals("身份证.png", AttachmentStore.displayName("C:\\照片\\身份证.jpg", "x", FileType.PNG));
        assertEquals(
                "id-card-front.jpg",
                AttachmentStore.displayName(null, "id-card-front", FileType.JPEG));
        assertEquals(
                "a.pdf", AttachmentStore.displayName("../../a\u0000\".exe", "k", FileType.PDF));
    }

    @Test
    void allowedTypesComeFromAListOrOneCommaSeparatedValue() {
        assertEquals(
                EnumSet.of(FileType.JPEG, FileType.PDF),
                AttachmentStore.Limits.of(config(new String[] {"jpeg , pdf"})).allowed());
        assertEquals(
                EnumSet.allOf(FileType.class),
                AttachmentStore.Limits.of(config(new String[] {"jpg", "png", "pdf"})).allowed());
        assertThrows(
                IllegalArgumentException.class,
                () -> AttachmentStore.Limits.of(config(new String[] {"gif"})));
    }

    @Test
    void aSignatureNeedsInk() throws Exception {
        assertFalse(AttachmentStore.hasInk(pad(false)));
        assertTrue(AttachmentStore.hasInk(pad(true)));
    }

    private static byte[] pad(boolean drawn) throws Exception {
        BufferedImage image = new BufferedImage(200, 80, BufferedImage.TYPE_INT_ARGB);
        if (drawn) {
            Graphics2D g = image.createGraphics();
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(3));
            g.drawLine(10, 60, 190, 20);
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static AttachmentConfiguration config(String[] types) {
        return new AttachmentConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return AttachmentConfiguration.class;
            }

            @Override
            public String[] allowed_types() {
                return types;
            }

            @Override
            public long max_bytes() {
                return 1024 * 1024;
            }

            @Override
            public int max_image_side() {
                return 10000;
            }

            @Override
            public int max_megapixels() {
                return 40;
            }

            @Override
            public int max_pdf_pages() {
                return 100;
            }

            @Override
            public long licence_max_bytes() {
                return 5 * 1024 * 1024;
            }
        };
    }
}
