package dev.studybook.output.pdf;

import dev.studybook.fonts.EmbeddedFont;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The book's faces with every glyph's advance widened by a tenth of an em or more, to draw Chinese text whose gaps
 * Justification widened past {@link Justification#CHAR_GAP}. pdf.js (Firefox) and PDFium (Chrome) copy a gap of
 * more than about a tenth of an em between two glyphs as a space; a glyph whose own advance holds the gap leaves
 * none. So a line of few Chinese characters before a word that cannot break (code, a Latin word) is filled to the
 * margin, as Chinese typesetting fills it (clreq: the gaps between characters take the slack), and still copies
 * out without spaces: the rest of each gap, at most {@link Justification#CHAR_GAP}, is positioning as before.
 *
 * <p>A variant is the face's own file with its {@code hmtx} advances and {@code hhea} maximum raised: outlines,
 * names and the character map are the face's, so the variant embeds as a TrueType font of its own whose widths
 * agree with its program (PDF/A), subset to what it drew. Made at most once per face, step and document, and only
 * when a line needs it.
 */
final class WideFaces {

    /** The widening of one step, in ems. */
    static final float STEP = 0.1f;
    /** The most steps: gaps up to {@link Justification#CHAR_GAP} + 3 × {@link #STEP} = 0.39 em. */
    static final int STEPS = 3;

    /** The font dictionaries of variants, which SharedFonts must not take for the face they copy. */
    private static final Set<COSDictionary> VARIANTS = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    private final List<EmbeddedFont> fonts;
    /** The faces' files by PostScript name ({@link SharedFonts#faces}), asked for when the first variant is. */
    private Map<String, byte[]> faces;
    private final Map<String, PDFont> made = new HashMap<>();
    /** The document the variants in {@link #made} were loaded into. */
    private PDDocument doc;

    WideFaces(List<EmbeddedFont> fonts) {
        this.fonts = fonts;
    }

    /** Whether {@code font} is a variant made here. */
    static boolean variant(PDFont font) {
        return VARIANTS.contains(font.getCOSObject());
    }

    /**
     * {@code font}, one of the book's TrueType faces, with every advance {@code steps} × {@link #STEP} em wider,
     * loaded into {@code doc}; null when {@code font} is no such face.
     */
    synchronized PDFont widened(PDDocument doc, PDFont font, int steps) {
        if (!(font instanceof PDType0Font) || doc == null || steps < 1 || steps > STEPS) {
            return null;
        }
        if (doc != this.doc) {
            made.clear();
            this.doc = doc;
        }
        String name = font.getName();
        String key = name + "/" + steps;
        PDFont known = made.get(key);
        if (known != null || made.containsKey(key)) {
            return known;
        }
        byte[] face = faces().get(name);
        byte[] wide = face == null ? null : widened(face, steps * STEP);
        PDFont variant = null;
        if (wide != null) {
            try {
                variant = PDType0Font.load(doc, new ByteArrayInputStream(wide), true);
                VARIANTS.add(variant.getCOSObject());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        made.put(key, variant);
        return variant;
    }

    private Map<String, byte[]> faces() {
        if (faces == null) {
            try {
                faces = SharedFonts.faces(fonts);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return faces;
    }

    /**
     * The TrueType file {@code ttf} with each glyph's advance {@code ems} wider; null when it is not a single
     * TrueType font with {@code head}, {@code hhea} and {@code hmtx} tables.
     */
    static byte[] widened(byte[] ttf, float ems) {
        if (ttf.length < 12 || u32(ttf, 0) != 0x00010000 && u32(ttf, 0) != 0x74727565) {
            return null;
        }
        int tables = u16(ttf, 4);
        int head = -1;
        int hhea = -1;
        int hmtx = -1;
        int hmtxLength = 0;
        for (int i = 0; i < tables; i++) {
            int r = 12 + 16 * i;
            if (r + 16 > ttf.length) {
                return null;
            }
            String tag = new String(ttf, r, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            int offset = (int) u32(ttf, r + 8);
            switch (tag) {
                case "head" -> head = offset;
                case "hhea" -> hhea = offset;
                case "hmtx" -> {
                    hmtx = offset;
                    hmtxLength = (int) u32(ttf, r + 12);
                }
                default -> { }
            }
        }
        if (head < 0 || hhea < 0 || hmtx < 0 || head + 20 > ttf.length || hhea + 36 > ttf.length) {
            return null;
        }
        int delta = Math.round(ems * u16(ttf, head + 18));
        int metrics = u16(ttf, hhea + 34);
        if (metrics * 4 > hmtxLength || hmtx + metrics * 4 > ttf.length) {
            return null;
        }
        byte[] out = ttf.clone();
        for (int g = 0; g < metrics; g++) {
            put16(out, hmtx + 4 * g, Math.min(0xFFFF, u16(ttf, hmtx + 4 * g) + delta));
        }
        put16(out, hhea + 10, Math.min(0xFFFF, u16(ttf, hhea + 10) + delta));
        return out;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    private static long u32(byte[] b, int at) {
        return (long) u16(b, at) << 16 | u16(b, at + 2);
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }
}
