package dev.studybook.output.pdf;

import dev.studybook.fonts.EmbeddedFont;
import dev.studybook.fonts.FontSet;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * Widths of text in the book's own faces, in em of the text's font size: what a box that must hold a piece
 * of text without wrapping needs, neither narrower (it would wrap) nor wider (a gap after it that viewers copy
 * as a space).
 */
final class TextWidths {

    /** The faces used in running text: serif, sans, sans bold, mono. */
    enum Face { SERIF, SANS, SANS_BOLD, MONO }

    private record Metrics(TrueTypeFont font, CmapLookup cmap, float unitsPerEm) {
    }

    private final Map<Face, Metrics> faces = new HashMap<>();
    private final Map<Face, Map<Integer, Float>> cache = new HashMap<>();

    TextWidths(List<EmbeddedFont> fonts) {
        for (EmbeddedFont f : fonts) {
            Face face = switch (f.face().family()) {
                case FontSet.SERIF -> f.face().weight() < 600 ? Face.SERIF : null;
                case FontSet.SANS -> f.face().weight() < 600 ? Face.SANS : Face.SANS_BOLD;
                case FontSet.MONO -> f.face().weight() < 600 ? Face.MONO : null;
                default -> null;
            };
            if (face == null || faces.containsKey(face)) {
                continue;
            }
            try {
                TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(f.data()));
                faces.put(face, new Metrics(ttf, ttf.getUnicodeCmapLookup(), ttf.getUnitsPerEm()));
            } catch (IOException e) {
                // Without the face its text is estimated.
            }
        }
    }

    /** The width of {@code s} set in {@code face}, in em. */
    synchronized double width(String s, Face face) {
        Metrics m = faces.get(face);
        Map<Integer, Float> widths = cache.computeIfAbsent(face, k -> new HashMap<>());
        double w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            w += widths.computeIfAbsent(cp, c -> advance(m, c, face));
        }
        return w;
    }

    private static float advance(Metrics m, int cp, Face face) {
        boolean wide = cp >= 0x2E80;
        if (m != null) {
            int gid = m.cmap().getGlyphId(cp);
            if (gid > 0) {
                try {
                    return m.font().getAdvanceWidth(gid) / m.unitsPerEm();
                } catch (IOException e) {
                    // estimated below
                }
            }
        }
        // A character the face lacks comes from a CJK fallback (a full em) or is a narrow one.
        return wide ? 1f : face == Face.MONO ? 0.6f : 0.6f;
    }
}
