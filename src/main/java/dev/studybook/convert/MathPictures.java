package dev.studybook.convert;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Insets;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Typesets TeX math with JLaTeXMath and draws it as an SVG of paths (the glyphs' outlines), through Batik's
 * SVG generator: vector in the PDF, and a picture every EPUB reader shows (with the TeX as its alt text and a
 * PNG fallback), whether or not it knows MathML.
 */
final class MathPictures {

    /** Pixels per em the formula is drawn at; the page shows it at the text's size. */
    static final float SIZE = 20f;

    /** A typeset formula: its SVG, and its size in em, the depth below the baseline included. */
    record Formula(byte[] svg, double widthEm, double heightEm, double depthEm) {
    }

    /** Guarded by {@link #JLATEXMATH}. */
    private static boolean cjkRegistered;

    private MathPictures() {
    }

    /** JLaTeXMath's tables are shared: one formula typeset and drawn at a time. */
    private static final Object JLATEXMATH = new Object();

    /**
     * The formula drawn; throws {@link IllegalArgumentException} with JLaTeXMath's reason when the TeX cannot
     * be read. Typeset and drawn one formula at a time (JLaTeXMath's tables are shared); its SVG made small, written
     * and its PNG fallback encoded outside that lock, beside the next formula's typesetting on another core.
     */
    static Formula typeset(String tex, boolean display) {
        Element root;
        java.awt.image.BufferedImage image;
        int width;
        int height;
        int depth;
        synchronized (JLATEXMATH) {
            if (needsCjk(tex)) {
                registerCjk();
            }
            TeXIcon icon;
            try {
                TeXFormula formula = new TeXFormula(WebTex.toJLaTeXMath(tex));
                icon = formula.createTeXIcon(display ? TeXConstants.STYLE_DISPLAY : TeXConstants.STYLE_TEXT, SIZE);
            } catch (RuntimeException e) {
                String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                throw new IllegalArgumentException(m.strip(), e);
            }
            icon.setInsets(new Insets(1, 1, 1, 1));
            width = Math.max(1, icon.getIconWidth());
            height = Math.max(1, icon.getIconHeight());
            depth = icon.getIconDepth();
            Document doc = GenericDOMImplementation.getDOMImplementation().createDocument("http://www.w3.org/2000/svg", "svg", null);
            SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(doc);
            ctx.setComment(null);
            // Batik's default precision (4 digits): fewer would round the glyphs' own scale (0.007) and crush small scripts.
            ctx.setPrecision(4);
            // Glyphs as outlines: no reader needs JLaTeXMath's fonts.
            SVGGraphics2D g = new GlyphOutlines(ctx);
            g.setSVGCanvasSize(new Dimension(width, height));
            icon.setForeground(Color.BLACK);
            icon.paintIcon(null, g, 0, 0);
            root = g.getRoot();
            // The EPUB's PNG fallback, drawn here at twice the SVG's size: thousands of formulas through Batik took
            // minutes.
            image = new java.awt.image.BufferedImage(width * 2, height * 2, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D pg = image.createGraphics();
            pg.setColor(Color.WHITE);
            pg.fillRect(0, 0, image.getWidth(), image.getHeight());
            pg.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            pg.scale(2, 2);
            icon.paintIcon(null, pg, 0, 0);
            pg.dispose();
        }
        root.setAttribute("width", Integer.toString(width));
        root.setAttribute("height", Integer.toString(height));
        root.setAttribute("viewBox", "0 0 " + width + " " + height);
        root.removeAttribute("style");
        root.setAttribute("fill", "black");
        root.setAttribute("stroke", "none");
        MathSvg.compact(root);
        byte[] svg = write(root);
        dev.studybook.raster.SvgRaster.provide(svg, dev.studybook.raster.SvgRaster.grayPng(image));
        return new Formula(svg, width / SIZE, height / SIZE, depth / SIZE);
    }

    private static byte[] write(Element root) {
        try {
            Transformer t = TransformerFactory.newDefaultInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(root), new StreamResult(out));
            String svg = out.toString(StandardCharsets.UTF_8);
            return (svg.contains("xlink:href") ? svg : svg.replace(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"", ""))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the formula's SVG: " + e.getMessage(), e);
        }
    }

    private static boolean needsCjk(String tex) {
        return tex.codePoints().anyMatch(cp -> cp >= 0x2E80 && (cp <= 0x9FFF || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x3FFFF)));
    }

    /** Chinese in {@code \text{…}} is drawn in the book's Hei face, not in a system font the machine may lack. */
    private static void registerCjk() {
        if (cjkRegistered) {
            return;
        }
        cjkRegistered = true;
        AwtFonts.sans().ifPresent(family -> {
            for (Character.UnicodeBlock b : new Character.UnicodeBlock[] {Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS,
                Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION, Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS,
                Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A, Character.UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS}) {
                TeXFormula.registerExternalFont(b, family);
            }
        });
    }
}
