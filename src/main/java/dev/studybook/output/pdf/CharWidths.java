package dev.studybook.output.pdf;

import com.openhtmltopdf.bidi.BidiReorderer;
import com.openhtmltopdf.extend.FontContext;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.extend.TextRenderer;
import com.openhtmltopdf.pdfboxout.FontRun;
import com.openhtmltopdf.pdfboxout.PdfBoxFSFont;
import com.openhtmltopdf.pdfboxout.PdfBoxFastOutputDevice;
import com.openhtmltopdf.pdfboxout.PdfBoxOutputDevice;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver.FontDescription;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfBoxTextRenderer;
import com.openhtmltopdf.render.FSFont;
import com.openhtmltopdf.render.JustificationInfo;
import com.openhtmltopdf.util.OpenUtil;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * OpenHTMLtoPDF's text renderer, measuring text in the book's fonts from each character's width, kept per font:
 * the same widths as the library's, found without encoding the text again for every measurement.
 *
 * <p>The line breaker measures every piece between two break opportunities, and in Chinese text that is every
 * character: the library asks PDFBox for each piece's width, which encodes the piece to glyph codes, parses them
 * back and looks each up in a map (layout of content/: 5 % of the PDF's CPU time, twice, once per layout). PDFBox's
 * width of a text is the sum, in order and in {@code float}, of its codes' widths; with an {@code Identity} CMap
 * (the book's embedded TrueType faces) each character is one two-byte code of its own, so the sum of the
 * characters' widths, each asked of PDFBox once, is the same number to the bit. Text with a character the font
 * lacks, and any other kind of font, is measured by the library as before (it then looks for the character in the
 * fallback faces). Drawing asks the same question first (does the first face have every character?), answered
 * here from the same widths.
 */
final class CharWidths extends PdfBoxTextRenderer {

    /** The library's rounding: a width this close above a whole number of dots is that number. */
    private static final float TEXT_MEASURING_DELTA = 0.01f;
    /** The library's: text with a character the first face lacks is measured in three pieces from this length. */
    private static final int FAST_FONT_RUN_MINIMUM_LENGTH = 32;
    private static final int FAST_FONT_RUN_PARTITION_FACTOR = 3;
    /** Not asked of the font yet. */
    private static final float UNKNOWN = Float.NEGATIVE_INFINITY;
    /** A character whose width the library's sum might not be the sum of: the library measures text with it. */
    private static final float UNMEASURED = Float.POSITIVE_INFINITY;

    private static final Field CURRENT_FONT = currentFontField();

    private final Map<PDFont, Widths> fonts = new IdentityHashMap<>();
    private final WideFaces wide;
    private BidiReorderer reorderer;

    private CharWidths(WideFaces wide) {
        this.wide = wide;
    }

    /**
     * Makes {@code renderer} measure text with a new instance, before it lays anything out, and draw text whose gaps
     * are wider than {@link Justification#CHAR_GAP} in {@code wide}'s variants of its face.
     */
    static PdfBoxRenderer install(PdfBoxRenderer renderer, WideFaces wide) {
        renderer.getSharedContext().setTextRenderer(new CharWidths(wide));
        return renderer;
    }

    @Override
    public void drawString(OutputDevice outputDevice, String string, float x, float y) {
        draw(outputDevice, string, x, y, null);
    }

    @Override
    public void drawString(OutputDevice outputDevice, String string, float x, float y, JustificationInfo info) {
        draw(outputDevice, string, x, y, info);
    }

    /**
     * Draws as the library's output device does, which first measures the whole text in the current font's first
     * face only to learn whether that face has every character (painting content/: 2.5 % of its CPU time), and draws
     * it in that face if so, else font run by font run: that question is answered here from the kept widths.
     */
    private void draw(OutputDevice outputDevice, String string, float x, float y, JustificationInfo info) {
        PdfBoxFSFont font = CURRENT_FONT == null || !(outputDevice instanceof PdfBoxFastOutputDevice device) ? null
                : currentFont(device);
        PDFont first = font == null || font.getFontDescriptions().isEmpty() ? null
                : font.getFontDescriptions().get(0).getFont();
        if (first != null && string != null) {
            String text = printable(string);
            float sum = widths(first).sum(text);
            if (!Float.isNaN(sum) && sum != UNMEASURED) {
                PdfBoxFastOutputDevice device = (PdfBoxFastOutputDevice) outputDevice;
                FontDescription description = font.getFontDescriptions().get(0);
                float size = font.getSize2D();
                int steps = info == null || size <= 0f ? 0 : wideSteps(info.getNonSpaceAdjust() / size);
                PDFont variant = steps == 0 || wide == null ? null : wide.widened(device.getWriter(), first, steps);
                if (variant != null) {
                    // Each glyph's advance holds steps tenths of an em of its gap; spaces keep their width.
                    float held = steps * WideFaces.STEP * size;
                    JustificationInfo rest = new JustificationInfo();
                    rest.setNonSpaceAdjust(info.getNonSpaceAdjust() - held);
                    rest.setSpaceAdjust(info.getSpaceAdjust() - held);
                    device.drawStringFast(text, x, y, rest,
                            new FontDescription(variant, description.getStyle(), description.getWeight()), size);
                    return;
                }
                device.drawStringFast(text, x, y, info, description, size);
                return;
            }
        }
        ((PdfBoxOutputDevice) outputDevice).drawString(string, x, y, info);
    }

    /**
     * How many {@link WideFaces#STEP}s of a gap of {@code ems} a widened face holds, so that what is left of it is
     * at most {@link Justification#CHAR_GAP}: 0 for a gap no wider than that.
     */
    static int wideSteps(float ems) {
        if (ems <= Justification.CHAR_GAP + 1e-4f) {
            return 0;
        }
        return Math.min(WideFaces.STEPS, (int) Math.ceil((ems - Justification.CHAR_GAP - 1e-4f) / WideFaces.STEP));
    }

    private static PdfBoxFSFont currentFont(PdfBoxFastOutputDevice device) {
        try {
            return (PdfBoxFSFont) CURRENT_FONT.get(device);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    /** The output device's current font, which it does not give out; null if the library no longer has it. */
    private static Field currentFontField() {
        try {
            Field f = PdfBoxFastOutputDevice.class.getDeclaredField("_font");
            f.setAccessible(true);
            return f.getType() == PdfBoxFSFont.class ? f : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void setup(FontContext context, BidiReorderer reorderer) {
        super.setup(context, reorderer);
        this.reorderer = reorderer;
    }

    @Override
    public int getWidth(FontContext context, FSFont font, String string) {
        PdfBoxFSFont f = (PdfBoxFSFont) font;
        List<FontDescription> descriptions = f.getFontDescriptions();
        // As the library: it measures with the first description, and logs when that has no font.
        PDFont first = string == null || descriptions == null || descriptions.isEmpty() ? null
                : descriptions.get(0).getFont();
        Widths widths = first == null ? Widths.NONE : widths(first);
        if (widths == Widths.NONE) {
            return super.getWidth(context, font, string);
        }
        float sum = widths.sum(string);
        if (sum == UNMEASURED) {
            return super.getWidth(context, font, string);
        }
        if (Float.isNaN(sum)) {
            // A character the first face lacks: the library's own way, in the same pieces.
            String text = printable(string);
            if (text.length() >= FAST_FONT_RUN_MINIMUM_LENGTH) {
                float result = 0f;
                int chunkSize = text.length() / FAST_FONT_RUN_PARTITION_FACTOR;
                for (int i = 0; i < FAST_FONT_RUN_PARTITION_FACTOR; i++) {
                    int left = i * chunkSize;
                    int right = i + 1 == FAST_FONT_RUN_PARTITION_FACTOR ? text.length() : (i + 1) * chunkSize;
                    result += getWidth(context, font, text.substring(left, right));
                }
                return rounded(result);
            }
            sum = runs(f, text);
            if (Float.isNaN(sum)) {
                return super.getWidth(context, font, string);
            }
        }
        return rounded(sum / 1000f * f.getSize2D());
    }

    /**
     * The width of {@code text} as the library's slow path sums it: font run by font run (each run's width summed
     * on its own, then added), the runs divided by the library; NaN when a run is not measured here.
     */
    private float runs(PdfBoxFSFont font, String text) {
        if (reorderer == null) {
            return Float.NaN;
        }
        float width = 0f;
        for (FontRun run : divideIntoFontRuns(font, text, reorderer)) {
            PDFont pd = run.description.getFont();
            float w = pd == null ? Float.NaN : widths(pd).sum(run.string);
            if (Float.isNaN(w) || w == UNMEASURED) {
                return Float.NaN;
            }
            width += w;
        }
        return width;
    }

    private Widths widths(PDFont font) {
        return fonts.computeIfAbsent(font, Widths::of);
    }

    /**
     * The text without the characters the library never gives a font (TextRenderer.getEffectivePrintableString,
     * which asks a stream of code points about every text it measures or draws).
     */
    static String printable(String s) {
        return s.indexOf('\u00ad') < 0 && s.indexOf('\ufffc') < 0 ? s : TextRenderer.getEffectivePrintableString(s);
    }

    /** The library's rounding of a width in dots. */
    private static int rounded(float result) {
        return result - Math.floor(result) < TEXT_MEASURING_DELTA ? (int) result : (int) Math.ceil(result);
    }

    /** One font's character widths in its text space (1/1000 em), NaN for a character it lacks. */
    private static final class Widths {
        static final Widths NONE = new Widths(null);

        private final PDFont font;
        /** By the code point's high bits, blocks of 256 widths filled as characters are asked for. */
        private final float[][] blocks = new float[(Character.MAX_CODE_POINT >> 8) + 1][];

        private Widths(PDFont font) {
            this.font = font;
        }

        /** Widths of a font whose every character is one two-byte code; NONE for any other font. */
        static Widths of(PDFont font) {
            return font instanceof PDType0Font t0 && t0.getCMap() != null && t0.getCMap().getName() != null
                    && t0.getCMap().getName().startsWith("Identity-") ? new Widths(font) : NONE;
        }

        /**
         * The width of {@code s} as PDFont.getStringWidth sums it, without the characters the library leaves out
         * of measured text (soft hyphen, object replacement); NaN when the font lacks one, UNMEASURED when the
         * font or a character is not measured here.
         */
        float sum(String s) {
            if (font == null) {
                return UNMEASURED;
            }
            float sum = 0f;
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                if (OpenUtil.isSafeFontCodePointToPrint(cp)) {
                    float w = of(cp);
                    if (Float.isNaN(w) || w == UNMEASURED) {
                        return w;
                    }
                    sum += w;
                }
            }
            return sum;
        }

        private float of(int cp) {
            float[] block = blocks[cp >> 8];
            if (block == null) {
                block = new float[256];
                Arrays.fill(block, UNKNOWN);
                blocks[cp >> 8] = block;
            }
            float w = block[cp & 0xFF];
            if (w == UNKNOWN) {
                w = measure(cp);
                block[cp & 0xFF] = w;
            }
            return w;
        }

        private float measure(int cp) {
            String s = new String(Character.toChars(cp));
            try {
                // Exactly two bytes, one code: otherwise the sum of widths might not be the library's width.
                return font.encode(s).length == 2 ? font.getStringWidth(s) : UNMEASURED;
            } catch (IllegalArgumentException e) {
                // Not in this font (PDFBox's answer): the library looks for it in the fallback faces.
                return Float.NaN;
            } catch (IOException e) {
                return UNMEASURED;
            }
        }
    }
}
