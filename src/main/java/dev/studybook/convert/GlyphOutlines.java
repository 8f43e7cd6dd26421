package dev.studybook.convert;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.batik.svggen.DOMGroupManager;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.w3c.dom.Element;

/**
 * Batik's SVG generator, drawing text as shapes, with the path of each glyph it has drawn before reused instead of
 * written again. JLaTeXMath draws every character of a formula as its own string at the origin of a transform, so
 * a formula-heavy book asks for the same few hundred outlines thousands of times, and writing each outline's numbers
 * through {@code DecimalFormat} was the largest part of typesetting its formulas (datawhalechina/pumpkin-book, JFR).
 * The path made is the one Batik makes ({@code SVGGraphics2D.fill} of the glyphs' outline): the same data and fill
 * rule, placed through the same group manager.
 */
final class GlyphOutlines extends SVGGraphics2D {

    private static final String SVG = "http://www.w3.org/2000/svg";

    /** What decides a glyph run's outline: its font (size and transform included), its context, glyphs and place. */
    private record Key(Font font, FontRenderContext context, String glyphs, String positions, float x, float y) {
    }

    /** A path's data and fill rule (empty: SVG's default), or nothing for a run with no outline (a space). */
    private record Outline(String d, String fillRule) {
    }

    private static final Map<Key, Optional<Outline>> OUTLINES = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Optional<Outline>> eldest) {
            return size() > 4096;
        }
    };

    GlyphOutlines(SVGGeneratorContext ctx) {
        super(ctx, true);
    }

    @Override
    public void drawGlyphVector(GlyphVector g, float x, float y) {
        int n = g.getNumGlyphs();
        Key key = new Key(g.getFont(), g.getFontRenderContext(), Arrays.toString(g.getGlyphCodes(0, n, null)),
                Arrays.toString(g.getGlyphPositions(0, n + 1, null)), x, y);
        Optional<Outline> known;
        synchronized (OUTLINES) {
            known = OUTLINES.get(key);
        }
        if (known == null) {
            Element path = shapeConverter.toSVG(g.getOutline(x, y));
            known = path == null ? Optional.empty() : Optional.of(new Outline(path.getAttributeNS(null, "d"),
                    path.getAttributeNS(null, "fill-rule")));
            synchronized (OUTLINES) {
                OUTLINES.put(key, known);
            }
        }
        if (known.isPresent()) {
            Element path = getDOMFactory().createElementNS(SVG, "path");
            path.setAttributeNS(null, "d", known.get().d());
            if (!known.get().fillRule().isEmpty()) {
                path.setAttributeNS(null, "fill-rule", known.get().fillRule());
            }
            domGroupManager.addElement(path, DOMGroupManager.FILL);
        }
    }
}
