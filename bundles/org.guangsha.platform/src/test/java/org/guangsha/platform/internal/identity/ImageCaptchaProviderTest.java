package org.guangsha.platform.internal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.guangsha.platform.identity.CaptchaProvider;
import org.junit.jupiter.api.Test;

class ImageCaptchaProviderTest {

    private final ImageCaptchaProvider provider = new ImageCaptchaProvider();

    @Test
    void drawsARealPngOfTheAnswer() throws Exception {
        CaptchaProvider.Challenge c = provider.create();
        assertEquals(ImageCaptchaProvider.LENGTH, c.answer().length());
        assertTrue(c.image().startsWith("data:image/png;base64,"));
        byte[] png =
                Base64.getDecoder().decode(c.image().substring("data:image/png;base64,".length()));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(ImageCaptchaProvider.WIDTH, image.getWidth());
        assertEquals(ImageCaptchaProvider.HEIGHT, image.getHeight());
        assertTrue(darkPixels(image) > 200, "the glyphs are drawn");
    }

    @Test
    void answersUseOnlyUnambiguousCharactersAndVary() {
        Set<String> answers = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String answer = provider.create().answer();
            for (char ch : answer.toCharArray()) {
                assertTrue(ImageCaptchaProvider.GLYPHS.containsKey(ch), "no glyph for " + ch);
                assertTrue("0O1I5S2Z8B".indexOf(ch) < 0, "confusable " + ch);
            }
            answers.add(answer);
        }
        assertTrue(answers.size() > 45);
    }

    @Test
    void twoImagesOfTheSameTextDiffer() {
        assertNotEquals(provider.png("AC3EF"), provider.png("AC3EF"));
    }

    private static int darkPixels(BufferedImage image) {
        int dark = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int rgb = image.getRGB(x, y);
                int sum = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                dark += sum < 300 ? 1 : 0;
            }
        }
        return dark;
    }
}
