package dev.studybook.convert;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;
import org.junit.jupiter.api.Test;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

class MathPicturesTest {

    /**
     * Regression: with Batik's SVG precision at 2 digits the glyphs' own scale (0.007) was rounded to 0.01, so
     * superscripts of superscripts vanished or overlapped. The SVG, drawn again, must look like JLaTeXMath's own
     * drawing of the formula.
     */
    @Test
    void nestedScriptsInTheSvgLookAsJLaTeXMathDrawsThem() throws Exception {
        String tex = "x = \\frac{-b\\pm\\sqrt{b^2-4ac}}{2a} + e^{-x^2}";
        MathPictures.Formula f = MathPictures.typeset(tex, false);
        // Both drawn four times as large, so that anti-aliasing does not decide the comparison.
        TeXIcon icon = new TeXFormula(tex).createTeXIcon(TeXConstants.STYLE_TEXT, MathPictures.SIZE);
        icon.setInsets(new java.awt.Insets(1, 1, 1, 1));
        BufferedImage direct = new BufferedImage(icon.getIconWidth() * 4, icon.getIconHeight() * 4, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = direct.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.scale(4, 4);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, direct.getWidth(), direct.getHeight());
        icon.setForeground(Color.BLACK);
        icon.paintIcon(null, g, 0, 0);
        g.dispose();
        BufferedImage fromSvg = draw(f.svg(), direct.getWidth(), direct.getHeight());
        int differ = 0;
        int ink = 0;
        for (int y = 0; y < direct.getHeight(); y++) {
            for (int x = 0; x < direct.getWidth(); x++) {
                boolean a = (direct.getRGB(x, y) & 0xff) < 128;
                boolean b = (fromSvg.getRGB(x, y) & 0xff) < 128;
                ink += a ? 1 : 0;
                differ += a != b ? 1 : 0;
            }
        }
        assertTrue(ink > 100, "the formula has ink");
        assertTrue(differ < ink / 5, differ + " of " + ink + " inked pixels differ");
        String svg = new String(f.svg(), StandardCharsets.UTF_8);
        assertFalse(svg.contains("<text") || svg.contains("DOCTYPE"), "glyphs are outlines; no DOCTYPE");
    }

    /**
     * Regression: datawhalechina/pumpkin-book's EPUB grew from 0.9 to 18.2 MB with its 5,180 formulas, each glyph a
     * path of four-decimal numbers under a group of rendering hints. A glyph used twice is now drawn from one
     * outline, and no number has more decimals than a fiftieth of a pixel needs.
     */
    @Test
    void aFormulasRepeatedGlyphsShareOneRoundedOutline() {
        String svg = new String(MathPictures.typeset("x + x + x = 3x", false).svg(), StandardCharsets.UTF_8);
        int uses = svg.split("<use ", -1).length - 1;
        int outlines = svg.split("<path ", -1).length - 1;
        assertTrue(uses == 8 && outlines == 4, uses + " uses of " + outlines + " outlines: " + svg);
        assertFalse(svg.matches("(?s).*\\d\\.\\d{4}.*"), svg);
        assertFalse(svg.contains("text-rendering") || svg.contains("font-family"), svg);
        assertTrue(svg.length() < 3500, svg.length() + " characters");
    }

    @Test
    void unknownCommandsAreReported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MathPictures.typeset("\\nosuch{x}", false));
        assertTrue(e.getMessage().contains("nosuch"), e.getMessage());
    }

    private static BufferedImage draw(byte[] svg, int width, int height) throws Exception {
        BufferedImage[] out = new BufferedImage[1];
        ImageTranscoder t = new ImageTranscoder() {
            @Override
            public BufferedImage createImage(int w, int h) {
                return new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            }

            @Override
            public void writeImage(BufferedImage img, TranscoderOutput o) {
                out[0] = img;
            }
        };
        t.addTranscodingHint(ImageTranscoder.KEY_WIDTH, (float) width);
        t.addTranscodingHint(ImageTranscoder.KEY_HEIGHT, (float) height);
        t.addTranscodingHint(ImageTranscoder.KEY_BACKGROUND_COLOR, Color.WHITE);
        TranscoderInput in = new TranscoderInput(new ByteArrayInputStream(svg));
        in.setURI("file:///formula.svg");
        t.transcode(in, new TranscoderOutput());
        return out[0];
    }
}
