package org.guangsha.platform.internal.document;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks text into lines of a given width: after any Chinese character, between Latin words, and
 * inside a Latin word only when it is longer than a line. Simple kinsoku: closing punctuation is
 * glued to the character before it and opening punctuation to the character after it, so no line
 * starts with {@code ，。）」} nor ends with {@code （「}.
 */
final class LineBreaker {

    /** Must not start a line. */
    private static final String CLOSING = "，。、；：！？）」』》〉】〕］｝〗〙”’…‥·・ー々〻%％,.;:!?)]}";

    /** Must not end a line. */
    private static final String OPENING = "（「『《〈【〔［｛〖〘“‘([{";

    private final CjkFont font;

    LineBreaker(CjkFont font) {
        this.font = font;
    }

    CjkFont font() {
        return font;
    }

    /**
     * The lines of {@code text} at {@code size} no wider than {@code width}; line feeds in the text
     * always break. Characters the font lacks are already replaced in the result.
     */
    List<String> wrap(String text, float size, float width) {
        List<String> lines = new ArrayList<>();
        for (String hard : font.displayable(text).split("\n", -1)) {
            fill(tokens(hard), size, width, lines);
        }
        return lines;
    }

    /** Widest unbreakable piece of {@code text}: the narrowest a table column may get. */
    float minimumWidth(String text, float size) {
        float widest = 0;
        for (String hard : font.displayable(text).split("\n", -1)) {
            for (String token : tokens(hard)) {
                widest = Math.max(widest, font.width(token, size));
            }
        }
        return widest;
    }

    /** Width of the longest line of {@code text} when nothing wraps. */
    float naturalWidth(String text, float size) {
        float widest = 0;
        for (String hard : font.displayable(text).split("\n", -1)) {
            widest = Math.max(widest, font.width(hard.strip(), size));
        }
        return widest;
    }

    /**
     * Splits a line into the pieces a line may break between. A run of white space is one token
     * {@code " "}.
     */
    static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        StringBuilder pendingOpening = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            int cp = line.codePointAt(i);
            int end = i + Character.charCount(cp);
            if (isSpace(cp)) {
                while (end < line.length() && isSpace(line.codePointAt(end))) {
                    end += Character.charCount(line.codePointAt(end));
                }
                if (pendingOpening.length() > 0) {
                    tokens.add(pendingOpening.toString());
                    pendingOpening.setLength(0);
                }
                tokens.add(" ");
                i = end;
                continue;
            }
            if (!isWide(cp)) {
                while (end < line.length()) {
                    int next = line.codePointAt(end);
                    if (isSpace(next) || isWide(next)) {
                        break;
                    }
                    end += Character.charCount(next);
                }
            }
            String unit = line.substring(i, end);
            i = end;
            int last = tokens.size() - 1;
            boolean glueToPrevious =
                    pendingOpening.length() == 0
                            && last >= 0
                            && !tokens.get(last).equals(" ")
                            && (CLOSING.indexOf(unit.codePointAt(0)) >= 0
                                    || (unit.equals("—") && tokens.get(last).endsWith("—")));
            if (glueToPrevious) {
                tokens.set(last, tokens.get(last) + unit);
            } else if (OPENING.indexOf(unit.codePointBefore(unit.length())) >= 0) {
                pendingOpening.append(unit);
            } else {
                tokens.add(pendingOpening + unit);
                pendingOpening.setLength(0);
            }
        }
        if (pendingOpening.length() > 0) {
            tokens.add(pendingOpening.toString());
        }
        return tokens;
    }

    private void fill(List<String> tokens, float size, float width, List<String> lines) {
        StringBuilder line = new StringBuilder();
        float used = 0;
        boolean space = false;
        float spaceWidth = font.width(" ", size);
        for (String token : tokens) {
            if (token.equals(" ")) {
                space = line.length() > 0;
                continue;
            }
            float tokenWidth = font.width(token, size);
            float gap = space ? spaceWidth : 0;
            if (used + gap + tokenWidth <= width) {
                if (space) {
                    line.append(' ');
                }
                line.append(token);
                used += gap + tokenWidth;
            } else {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                    used = 0;
                }
                if (tokenWidth <= width) {
                    line.append(token);
                    used = tokenWidth;
                } else {
                    used = split(token, size, width, line, lines);
                }
            }
            space = false;
        }
        lines.add(line.toString());
    }

    /**
     * Breaks a token wider than a line between characters; the full lines go to {@code lines}, the
     * rest stays in {@code line}. Returns the width of that rest.
     */
    private float split(
            String token, float size, float width, StringBuilder line, List<String> lines) {
        float used = 0;
        for (int i = 0; i < token.length(); ) {
            int cp = token.codePointAt(i);
            String character = token.substring(i, i + Character.charCount(cp));
            float w = font.width(character, size);
            // closing punctuation hangs past the end rather than start the next line
            if (used + w > width && line.length() > 0 && CLOSING.indexOf(cp) < 0) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
            }
            line.append(character);
            used += w;
            i += character.length();
        }
        return used;
    }

    private static boolean isSpace(int cp) {
        return cp != '\u3000' && Character.isWhitespace(cp) || cp == '\u00A0';
    }

    /**
     * Whether a line may break before and after this character on its own: Chinese, Japanese and
     * Korean characters, their punctuation, full-width forms, and the quotes, dashes and boxes
     * Chinese text uses between them.
     */
    static boolean isWide(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS
                || block == Character.UnicodeBlock.VERTICAL_FORMS
                || block == Character.UnicodeBlock.ENCLOSED_CJK_LETTERS_AND_MONTHS
                || block == Character.UnicodeBlock.CJK_COMPATIBILITY
                || block == Character.UnicodeBlock.GEOMETRIC_SHAPES
                || "“”‘’…—·".indexOf(cp) >= 0;
    }
}
