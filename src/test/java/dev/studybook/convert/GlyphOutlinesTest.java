package dev.studybook.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Dimension;
import java.io.StringWriter;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.junit.jupiter.api.Test;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;
import org.w3c.dom.Document;

/** The generator that reuses glyph outlines writes what Batik's own writes, for glyphs met the first time and again. */
class GlyphOutlinesTest {

    private static String draw(String tex, boolean reuse) throws Exception {
        TeXIcon icon = new TeXFormula(tex).createTeXIcon(TeXConstants.STYLE_DISPLAY, MathPictures.SIZE);
        Document doc = GenericDOMImplementation.getDOMImplementation().createDocument("http://www.w3.org/2000/svg", "svg", null);
        SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(doc);
        ctx.setComment(null);
        ctx.setPrecision(4);
        SVGGraphics2D g = reuse ? new GlyphOutlines(ctx) : new SVGGraphics2D(ctx, true);
        g.setSVGCanvasSize(new Dimension(icon.getIconWidth(), icon.getIconHeight()));
        icon.setForeground(Color.BLACK);
        icon.paintIcon(null, g, 0, 0);
        StringWriter out = new StringWriter();
        TransformerFactory.newDefaultInstance().newTransformer().transform(new DOMSource(g.getRoot()), new StreamResult(out));
        return out.toString();
    }

    @Test
    void sameSvgAsBatiksGeneratorTheFirstTimeAndWhenTheGlyphsComeAgain() throws Exception {
        String[] formulas = {"x^2 + x^2 = 2x^2", "\\frac{a+b}{a-b} \\sum_{i=1}^{n} a_i", "x^2 + \\sqrt{x^2}",
            "\\text{a b} \\; P(x_1,\\dots,x_d \\mid c)"};
        for (int round = 0; round < 2; round++) {
            for (String tex : formulas) {
                String batik = draw(tex, false);
                assertTrue(batik.contains("<path"), batik);
                assertEquals(batik, draw(tex, true), tex + " (round " + (round + 1) + ")");
            }
        }
    }
}
