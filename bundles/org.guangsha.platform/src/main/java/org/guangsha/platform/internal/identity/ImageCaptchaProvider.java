package org.guangsha.platform.internal.identity;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.guangsha.platform.identity.CaptchaProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The core's captcha: five characters drawn as distorted strokes on a noisy PNG, rendered in the
 * JVM. The glyphs are line drawings defined here, so the server needs no installed font (servers
 * often have none). Characters that people confuse (0/O, 1/I, 5/S, 2/Z, 8/B) are left out.
 */
@Component(service = CaptchaProvider.class, property = "service.ranking:Integer=0")
public class ImageCaptchaProvider implements CaptchaProvider {

    static final int LENGTH = 5;
    static final int WIDTH = 150;
    static final int HEIGHT = 50;

    /** Each glyph on a 4 x 6 grid: polylines separated by '|', points by ' '. */
    static final Map<Character, String> GLYPHS =
            Map.ofEntries(
                    Map.entry('3', "0,0 4,0 4,6 0,6|0,3 4,3"),
                    Map.entry('4', "0,0 0,3 4,3|4,0 4,6"),
                    Map.entry('6', "4,0 0,0 0,6 4,6 4,3 0,3"),
                    Map.entry('7', "0,0 4,0 2,6"),
                    Map.entry('9', "4,3 0,3 0,0 4,0 4,6 0,6"),
                    Map.entry('A', "0,6 2,0 4,6|1,3 3,3"),
                    Map.entry('C', "4,0 0,0 0,6 4,6"),
                    Map.entry('E', "4,0 0,0 0,6 4,6|0,3 3,3"),
                    Map.entry('F', "4,0 0,0 0,6|0,3 3,3"),
                    Map.entry('H', "0,0 0,6|4,0 4,6|0,3 4,3"),
                    Map.entry('K', "0,0 0,6|4,0 0,3 4,6"),
                    Map.entry('L', "0,0 0,6 4,6"),
                    Map.entry('M', "0,6 0,0 2,3 4,0 4,6"),
                    Map.entry('N', "0,6 0,0 4,6 4,0"),
                    Map.entry('P', "0,6 0,0 4,0 4,3 0,3"),
                    Map.entry('R', "0,6 0,0 4,0 4,3 0,3 4,6"),
                    Map.entry('T', "0,0 4,0|2,0 2,6"),
                    Map.entry('U', "0,0 0,6 4,6 4,0"),
                    Map.entry('V', "0,0 2,6 4,0"),
                    Map.entry('W', "0,0 1,6 2,3 3,6 4,0"),
                    Map.entry('X', "0,0 4,6|4,0 0,6"),
                    Map.entry('Y', "0,0 2,3 4,0|2,3 2,6"));

    private static final char[] ALPHABET = alphabet();

    private final SecureRandom random = new SecureRandom();

    @Override
    public Challenge create() {
        StringBuilder answer = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            answer.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return new Challenge(answer.toString(), "data:image/png;base64," + png(answer.toString()));
    }

    /** The PNG of {@code text}, base64. */
    String png(String text) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(235 + random.nextInt(20), 235 + random.nextInt(20), 225));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            noise(g, 40, 1f);
            for (int i = 0; i < text.length(); i++) {
                drawGlyph(g, text.charAt(i), 12 + i * 27, 9);
            }
            noise(g, 4, 1.5f);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private void drawGlyph(Graphics2D g, char c, int x, int y) {
        Path2D path = new Path2D.Double();
        for (String line : GLYPHS.get(c).split("\\|")) {
            String[] points = line.split(" ");
            for (int i = 0; i < points.length; i++) {
                String[] xy = points[i].split(",");
                double px = Double.parseDouble(xy[0]);
                double py = Double.parseDouble(xy[1]);
                if (i == 0) {
                    path.moveTo(px, py);
                } else {
                    path.lineTo(px, py);
                }
            }
        }
        AffineTransform t = new AffineTransform();
        t.translate(x + random.nextInt(5), y + random.nextInt(5));
        t.rotate((random.nextDouble() - 0.5) * 0.5, 8, 15);
        t.shear((random.nextDouble() - 0.5) * 0.4, 0);
        t.scale(4 + random.nextDouble(), 5 + random.nextDouble() * 0.5);
        g.setColor(new Color(random.nextInt(90), random.nextInt(90), 60 + random.nextInt(100)));
        g.setStroke(new BasicStroke(2.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(t.createTransformedShape(path));
    }

    private void noise(Graphics2D g, int lines, float width) {
        g.setStroke(new BasicStroke(width));
        for (int i = 0; i < lines; i++) {
            g.setColor(new Color(120 + random.nextInt(120), 120 + random.nextInt(120), 150));
            int x = random.nextInt(WIDTH);
            int y = random.nextInt(HEIGHT);
            g.drawLine(x, y, x + random.nextInt(60) - 30, y + random.nextInt(30) - 15);
        }
    }

    private static char[] alphabet() {
        StringBuilder all = new StringBuilder();
        GLYPHS.keySet().stream().sorted().forEach(all::append);
        return all.toString().toCharArray();
    }
}
