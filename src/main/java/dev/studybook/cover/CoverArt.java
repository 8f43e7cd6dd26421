package dev.studybook.cover;

import dev.studybook.fonts.EmbeddedFont;
import dev.studybook.fonts.FontSet;
import dev.studybook.model.Metadata;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Draws a book's cover when book.yaml names none: 1600 × 2560 pixels (the shape e-book stores ask for), the
 * title, subtitle and authors set in the book's own fonts, light text on a dark ground that stays legible in
 * grayscale and on e-ink.
 */
public final class CoverArt {

    public static final int WIDTH = 1600;
    public static final int HEIGHT = 2560;
    /** The ground of the cover; the PDF's cover page is filled with it around the picture. */
    public static final String BACKGROUND = "#1d3557";

    private static final Color GROUND = Color.decode(BACKGROUND);
    private static final Color ACCENT = new Color(0xE0, 0xA4, 0x58);
    private static final Color TEXT = new Color(0xFF, 0xFF, 0xFF);
    private static final Color SOFT = new Color(0xD6, 0xDE, 0xEA);
    private static final int MARGIN = 150;
    /** Characters that may not start a line of the title. */
    private static final String NO_LINE_START = "，。、；：？！）」』】》,.;:?!)";

    private CoverArt() {
    }

    /** The cover as PNG bytes. */
    public static byte[] png(Metadata meta, List<EmbeddedFont> fonts) {
        Font bold = font(fonts, FontSet.SANS, 700).orElseGet(() -> new Font(Font.SANS_SERIF, Font.BOLD, 1));
        Font regular = font(fonts, FontSet.SANS, 400).orElse(bold);
        Font serif = font(fonts, FontSet.SERIF, 400).orElse(regular);

        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(GROUND);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            // A band across the top and a rule under the title: the cover's only ornaments.
            g.setColor(ACCENT);
            g.fillRect(0, 0, WIDTH, 36);
            int width = WIDTH - 2 * MARGIN;
            int y = 720;
            Font titleFont = bold.deriveFont(titleSize(g, bold, meta.title(), width));
            y = draw(g, titleFont, TEXT, meta.title(), MARGIN, y, width, 1.3f);
            y += 70;
            g.setColor(ACCENT);
            g.fillRect(MARGIN, y, 260, 14);
            y += 120;
            if (!meta.subtitle().isEmpty()) {
                draw(g, regular.deriveFont(64f), SOFT, meta.subtitle(), MARGIN, y, width, 1.45f);
            }
            if (!meta.authors().isEmpty()) {
                Font authorFont = serif.deriveFont(60f);
                List<String> lines = wrap(g, authorFont, meta.authorLine(), width);
                int ay = HEIGHT - 260 - (lines.size() - 1) * 84;
                draw(g, authorFont, SOFT, meta.authorLine(), MARGIN, ay, width, 1.4f);
            }
        } finally {
            g.dispose();
        }
        return RgbPng.encode(img);
    }

    /** The alt text of the cover picture. */
    public static String altText(Metadata meta, String coverLabel) {
        StringBuilder sb = new StringBuilder(coverLabel).append("：").append(meta.title());
        if (!meta.subtitle().isEmpty()) {
            sb.append("——").append(meta.subtitle());
        }
        if (!meta.authors().isEmpty()) {
            sb.append("，").append(meta.authorLine());
        }
        return sb.toString();
    }

    private static Optional<Font> font(List<EmbeddedFont> fonts, String family, int weight) {
        for (EmbeddedFont f : fonts) {
            if (f.face().family().equals(family) && f.face().weight() == weight) {
                try {
                    return Optional.of(Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(f.data())));
                } catch (FontFormatException | IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The title's size: the fewest lines first (a title on one line reads best), each as large as fits, but no
     * smaller than 110 px for one line or 96 px for more.
     */
    private static float titleSize(Graphics2D g, Font font, String title, int width) {
        for (int lines = 1; lines <= 3; lines++) {
            float size = fitSize(g, font, title, width, 150f, lines == 1 ? 110f : 96f, lines);
            if (wrap(g, font.deriveFont(size), title, width).size() <= lines) {
                return size;
            }
        }
        return 96f;
    }

    /** The largest size from {@code max} down to {@code min} at which the text takes at most {@code lines} lines. */
    private static float fitSize(Graphics2D g, Font font, String text, int width, float max, float min, int lines) {
        for (float size = max; size > min; size -= 6) {
            if (wrap(g, font.deriveFont(size), text, width).size() <= lines) {
                return size;
            }
        }
        return min;
    }

    private static int draw(Graphics2D g, Font font, Color color, String text, int x, int y, int width, float leading) {
        g.setFont(font);
        g.setColor(color);
        int lineHeight = Math.round(font.getSize2D() * leading);
        for (String line : wrap(g, font, text, width)) {
            y += lineHeight;
            g.drawString(line, x, y);
        }
        return y;
    }

    /** The index just after the last pause in the line, or -1. */
    private static int lastPause(CharSequence line) {
        for (int i = line.length() - 1; i > 0; i--) {
            if ("、，：；—· ".indexOf(line.charAt(i - 1)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Greedy line breaking: Chinese may break between any two characters, Latin words stay whole, and closing
     * punctuation never starts a line.
     */
    static List<String> wrap(Graphics2D g, Font font, String text, int width) {
        FontRenderContext frc = g.getFontRenderContext();
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean latin = cp < 0x2E80 && !Character.isWhitespace(cp);
            if (latin) {
                word.appendCodePoint(cp);
                continue;
            }
            if (word.length() > 0) {
                tokens.add(word.toString());
                word.setLength(0);
            }
            String s = new String(Character.toChars(cp));
            if (NO_LINE_START.contains(s) && !tokens.isEmpty()) {
                tokens.set(tokens.size() - 1, tokens.get(tokens.size() - 1) + s);
            } else {
                tokens.add(s);
            }
        }
        if (word.length() > 0) {
            tokens.add(word.toString());
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String t : tokens) {
            String candidate = line + t;
            if (line.length() > 0 && font.getStringBounds(candidate.stripTrailing(), frc).getWidth() > width) {
                // Prefer to break after a pause (、，：；or a space) in the line's second half over a bare break.
                int pause = lastPause(line);
                String rest = "";
                if (pause > 0 && font.getStringBounds(line.substring(0, pause), frc).getWidth() > width / 2.0) {
                    rest = line.substring(pause);
                    line.setLength(pause);
                }
                lines.add(line.toString().strip());
                line.setLength(0);
                line.append(rest.stripLeading());
                if (t.isBlank() && line.length() == 0) {
                    continue;
                }
            }
            line.append(t);
        }
        if (!line.toString().isBlank()) {
            lines.add(line.toString().strip());
        }
        return lines;
    }
}
