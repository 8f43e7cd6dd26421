package dev.studybook.raster;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * How large a diagram's text shows on a screen: its smallest font size scaled from the drawing's width to the
 * width it is shown at. A reader shows a picture no wider than its text column (about 340 CSS px on a 360 px
 * phone), and a PNG fallback is drawn at the SVG's own size and scaled the same way, so a 760-wide drawing with
 * 12 px labels shows them at 5.4 px there. Text needs about 8 px to be read.
 */
public final class DiagramText {

    /** The text column of a 360 px phone screen, in CSS px. */
    public static final double PHONE_COLUMN_PX = 340;
    /** The smallest text size readable on a phone, in CSS px. */
    public static final double MIN_READABLE_PX = 8;

    private static final Pattern FONT_SIZE = Pattern.compile("font-size\\s*:\\s*([0-9.]+)(px)?");

    private DiagramText() {
    }

    /** The drawing's width in its own units: the viewBox's, else the width attribute's. */
    public static OptionalDouble width(Document svg) {
        Element root = svg.getDocumentElement();
        String vb = root.getAttribute("viewBox").trim();
        if (!vb.isEmpty()) {
            String[] p = vb.split("[\\s,]+");
            if (p.length == 4) {
                return OptionalDouble.of(Double.parseDouble(p[2]));
            }
        }
        return number(root.getAttribute("width"));
    }

    /** The smallest font size of any text of the drawing, in its own units (16 where none is given). */
    public static OptionalDouble smallestFontSize(Document svg) {
        double[] min = {Double.MAX_VALUE};
        walk(svg.getDocumentElement(), 16, min);
        return min[0] == Double.MAX_VALUE ? OptionalDouble.empty() : OptionalDouble.of(min[0]);
    }

    /** The smallest text of an SVG shown {@code displayWidth} CSS px wide (never wider than its own width), in px. */
    public static OptionalDouble smallestTextPx(byte[] svg, double displayWidth) {
        Document doc = parse(svg);
        OptionalDouble w = width(doc);
        OptionalDouble size = smallestFontSize(doc);
        if (w.isEmpty() || size.isEmpty() || w.getAsDouble() <= 0) {
            return OptionalDouble.empty();
        }
        double scale = Math.min(1, displayWidth / w.getAsDouble());
        return OptionalDouble.of(size.getAsDouble() * scale);
    }

    private static void walk(Element el, double inherited, double[] min) {
        double size = inherited;
        OptionalDouble attr = number(el.getAttribute("font-size"));
        if (attr.isPresent()) {
            size = attr.getAsDouble();
        }
        Matcher m = FONT_SIZE.matcher(el.getAttribute("style"));
        if (m.find()) {
            size = Double.parseDouble(m.group(1));
        }
        String name = el.getLocalName() == null ? el.getNodeName() : el.getLocalName();
        if (("text".equals(name) || "tspan".equals(name)) && hasOwnText(el)) {
            min[0] = Math.min(min[0], size);
        }
        for (Node c = el.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                walk(e, size, min);
            }
        }
    }

    private static boolean hasOwnText(Element el) {
        for (Node c = el.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.TEXT_NODE && !c.getNodeValue().isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static OptionalDouble number(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replaceFirst("px$", "");
        if (t.isEmpty() || !t.matches("[0-9.]+")) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(t));
    }

    private static Document parse(byte[] svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
        } catch (Exception e) {
            throw new IllegalArgumentException("not an SVG document: " + e.getMessage(), e);
        }
    }
}
