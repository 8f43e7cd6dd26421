package dev.studybook.convert;

import java.awt.geom.AffineTransform;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Makes a formula's SVG, as Batik's generator writes it, small: each distinct glyph outline once in
 * {@code <defs>} and placed with {@code <use>} and one rounded matrix, path data rounded to a fiftieth of a
 * pixel of the view box (a hundredth of a millimetre on paper) without needless spaces, and no rendering hints or font
 * attributes that paths do not use. A formula-heavy book (datawhalechina/pumpkin-book, 5,180 formulas) grew by
 * megabytes of four-decimal coordinates and of the same attributes repeated on every glyph.
 */
final class MathSvg {
    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final String XLINK = "http://www.w3.org/1999/xlink";
    /** Attributes that change nothing in how a path or rectangle of one solid colour is drawn. */
    private static final List<String> HINTS = List.of("font-size", "font-family", "font-style", "font-weight",
            "text-rendering", "color-rendering", "image-rendering", "shape-rendering", "color-interpolation");
    /** Attributes the root carries at their SVG defaults. */
    private static final Map<String, String> DEFAULTS = Map.of("fill-opacity", "1", "stroke-opacity", "1",
            "stroke-dasharray", "none", "stroke-dashoffset", "0");
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE]-?\\d+)?");
    private static final Pattern TRANSFORM = Pattern.compile("(matrix|translate|scale)\\(([^)]*)\\)");

    private MathSvg() {
    }

    /** Rewrites the generator's root in place. */
    static void compact(Element root) {
        for (String h : HINTS) {
            root.removeAttribute(h);
        }
        DEFAULTS.forEach((k, v) -> {
            if (v.equals(root.getAttribute(k))) {
                root.removeAttribute(k);
            }
        });
        Document doc = root.getOwnerDocument();
        Map<String, String> glyphs = new LinkedHashMap<>();
        Map<Element, AffineTransform> placed = new java.util.HashMap<>();
        replace(root, new AffineTransform(), glyphs, placed);
        placed.forEach((use, t) -> {
            if (!t.isIdentity()) {
                use.setAttribute("transform", "matrix(" + round(t.getScaleX(), 6) + " " + round(t.getShearY(), 6) + " "
                        + round(t.getShearX(), 6) + " " + round(t.getScaleY(), 6) + " " + round(t.getTranslateX(), 3) + " "
                        + round(t.getTranslateY(), 3) + ")");
            }
        });
        Element defs = firstDefs(root);
        if (defs == null) {
            defs = doc.createElementNS(SVG, "defs");
            root.insertBefore(defs, root.getFirstChild());
        }
        defs.removeAttribute("id");
        for (Map.Entry<String, String> glyph : glyphs.entrySet()) {
            Element p = doc.createElementNS(SVG, "path");
            p.setAttribute("id", glyph.getValue());
            p.setAttribute("d", glyph.getKey());
            defs.appendChild(p);
        }
        if (glyphs.isEmpty() && !defs.hasChildNodes()) {
            root.removeChild(defs);
        } else {
            root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xlink", XLINK);
        }
    }

    /**
     * Turns every plain filled path below {@code e} into a {@code <use>} of its rounded outline, and a group whose
     * children all became such uses into those uses with the group's transform folded in.
     */
    private static void replace(Element e, AffineTransform ctm, Map<String, String> glyphs, Map<Element, AffineTransform> placed) {
        List<Element> children = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                children.add(c);
            }
        }
        for (Element c : children) {
            if ("g".equals(c.getNodeName())) {
                for (String h : HINTS) {
                    c.removeAttribute(h);
                }
                AffineTransform t = c.hasAttribute("transform") ? transform(c.getAttribute("transform")) : new AffineTransform();
                if (t == null) {
                    continue;
                }
                AffineTransform inner = new AffineTransform(ctm);
                inner.concatenate(t);
                replace(c, inner, glyphs, placed);
                List<Element> uses = new ArrayList<>();
                boolean onlyUses = c.getAttributes().getLength() == (c.hasAttribute("transform") ? 1 : 0);
                for (Node n = c.getFirstChild(); n != null && onlyUses; n = n.getNextSibling()) {
                    if (n instanceof Element u && placed.containsKey(u)) {
                        uses.add(u);
                    } else if (n instanceof Element || n.getNodeType() == Node.TEXT_NODE && !n.getNodeValue().isBlank()) {
                        onlyUses = false;
                    }
                }
                if (onlyUses) {
                    for (Element u : uses) {
                        AffineTransform folded = new AffineTransform(t);
                        folded.concatenate(placed.get(u));
                        placed.put(u, folded);
                        e.insertBefore(u, c);
                    }
                    e.removeChild(c);
                }
            } else if ("path".equals(c.getNodeName()) && plain(c)) {
                AffineTransform t = c.hasAttribute("transform") ? transform(c.getAttribute("transform")) : new AffineTransform();
                if (t == null) {
                    continue;
                }
                AffineTransform full = new AffineTransform(ctm);
                full.concatenate(t);
                // Rounded to a fiftieth of a pixel of the formula's view box, whatever the font's units.
                double unit = Math.sqrt(Math.abs(full.getDeterminant()));
                int places = unit == 0 ? 0 : Math.max(0, (int) Math.ceil(Math.log10(unit / 0.02)));
                String d = path(c.getAttribute("d"), places);
                String id = glyphs.computeIfAbsent(d, k -> "g" + (glyphs.size() + 1));
                Element use = e.getOwnerDocument().createElementNS(SVG, "use");
                use.setAttributeNS(XLINK, "xlink:href", "#" + id);
                placed.put(use, t);
                e.replaceChild(use, c);
            }
        }
    }

    /** True for a path with no attribute but its data, an optional transform and no stroke. */
    private static boolean plain(Element p) {
        for (int i = 0; i < p.getAttributes().getLength(); i++) {
            String name = p.getAttributes().item(i).getNodeName();
            String value = p.getAttributes().item(i).getNodeValue();
            if (!(name.equals("d") || name.equals("transform") || name.equals("stroke") && value.equals("none"))) {
                return false;
            }
        }
        return p.hasAttribute("d");
    }

    private static Element firstDefs(Element root) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && "defs".equals(c.getNodeName())) {
                return c;
            }
        }
        return null;
    }

    /** A transform list of matrix, translate and scale as one matrix; null for anything else. */
    static AffineTransform transform(String list) {
        if (list == null || list.isBlank()) {
            return null;
        }
        AffineTransform t = new AffineTransform();
        Matcher m = TRANSFORM.matcher(list);
        int end = 0;
        while (m.find()) {
            if (!list.substring(end, m.start()).isBlank()) {
                return null;
            }
            end = m.end();
            String[] a = m.group(2).trim().split("[\\s,]+");
            double[] v = new double[a.length];
            try {
                for (int i = 0; i < a.length; i++) {
                    v[i] = Double.parseDouble(a[i]);
                }
            } catch (NumberFormatException e) {
                return null;
            }
            switch (m.group(1)) {
                case "matrix" -> {
                    if (v.length != 6) {
                        return null;
                    }
                    t.concatenate(new AffineTransform(v[0], v[1], v[2], v[3], v[4], v[5]));
                }
                case "translate" -> t.translate(v[0], v.length > 1 ? v[1] : 0);
                default -> t.scale(v[0], v.length > 1 ? v[1] : v[0]);
            }
        }
        return list.substring(end).isBlank() ? t : null;
    }

    /**
     * Outlines already rounded, by their data and places: a formula-heavy book draws the same few hundred glyphs
     * thousands of times, and rounding their data again was half the time of its formulas (datawhalechina/pumpkin-book,
     * JFR). Bounded, least recently used first out; formulas are typeset one at a time (MathPictures), but guarded
     * all the same.
     */
    private static final Map<String, String> ROUNDED = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 4096;
        }
    };

    /** Path data with each number to {@code places} decimals and no space where a command letter or sign separates. */
    static String path(String d, int places) {
        String key = places + ":" + d;
        synchronized (ROUNDED) {
            String known = ROUNDED.get(key);
            if (known != null) {
                return known;
            }
        }
        String rounded = rounded(d, places);
        synchronized (ROUNDED) {
            ROUNDED.put(key, rounded);
        }
        return rounded;
    }

    private static String rounded(String d, int places) {
        Matcher m = NUMBER.matcher(d);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, round(Double.parseDouble(m.group()), places));
        }
        m.appendTail(sb);
        return sb.toString().replaceAll("\\s*([A-Za-z])\\s*", "$1").replaceAll("\\s+-", "-").replaceAll("\\s+", " ");
    }

    /** A number with at most {@code places} decimals and no trailing zeros. */
    static String round(double v, int places) {
        String s = BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
