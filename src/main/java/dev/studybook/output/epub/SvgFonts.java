package dev.studybook.output.epub;

import dev.studybook.fonts.EmbeddedFont;
import dev.studybook.fonts.FaceSubsetter;
import dev.studybook.fonts.Woff;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The book's fonts inside its SVG pictures: a reader shows an SVG picture as an image, which cannot see the
 * EPUB's own fonts, so labels fell back to the system's (boxes for every Chinese character in Calibre's viewer
 * on a system without CJK fonts). Each picture gets a {@code <style>} with one WOFF {@code @font-face} per face
 * its labels use, as a data: URL, subset to the characters that face draws in that picture.
 */
final class SvgFonts {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    private final List<FaceSubsetter> faces;

    /** Made for the first picture that has text, then used for the others (one picture at a time). */
    private javax.xml.parsers.DocumentBuilder parser;

    /** The book's faces that go into the EPUB. */
    SvgFonts(List<EmbeddedFont> fonts) {
        this.faces = fonts.stream().filter(f -> f.face().inEpub()).map(FaceSubsetter::new).toList();
    }

    /** The picture with the glyphs of its labels embedded; the same bytes when it names none of the book's families. */
    byte[] embed(byte[] svg) {
        // Only text draws glyphs: a picture without a text element (a formula, drawn as outlines) is left as it is
        // without being read (datawhalechina/pumpkin-book: 5,180 formulas parsed for nothing).
        String source = new String(svg, StandardCharsets.UTF_8);
        if (!source.contains("<text") && !source.contains(":text")) {
            return svg;
        }
        Element root;
        try {
            if (parser == null) {
                DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
                f.setNamespaceAware(true);
                f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                f.setXIncludeAware(false);
                parser = f.newDocumentBuilder();
                parser.setErrorHandler(null);
            }
            root = parser.parse(new ByteArrayInputStream(svg)).getDocumentElement();
        } catch (Exception e) {
            // Pictures were checked when the book was read (convert.SvgSanitizer); one that is not plain XML here
            // (a DOCTYPE) keeps the reader's fonts.
            return svg;
        }
        // Face to use, family name as the picture writes it and weight: the characters drawn with them.
        Map<String, Use> uses = new TreeMap<>();
        collect(root, "", "400", false, uses);
        if (uses.isEmpty()) {
            return svg;
        }
        StringBuilder css = new StringBuilder("<style>");
        for (Use u : uses.values()) {
            int[] cps = u.codePoints.stream().mapToInt(Integer::intValue).toArray();
            String data = Base64.getEncoder().encodeToString(Woff.of(u.face.subset(cps)));
            css.append("@font-face{font-family:\"").append(u.family).append("\";font-weight:").append(u.weight)
                    .append(";src:url(data:font/woff;base64,").append(data).append(") format(\"woff\")");
            if (u.fallback) {
                css.append(";unicode-range:").append(ranges(cps));
            }
            css.append("}");
        }
        css.append("</style>");
        int at = startTagEnd(source);
        if (at < 0) {
            return svg;
        }
        return (source.substring(0, at) + css + source.substring(at)).getBytes(StandardCharsets.UTF_8);
    }

    /** The characters one face draws under one family name and weight. */
    private static final class Use {
        final FaceSubsetter face;
        final String family;
        final int weight;
        final boolean fallback;
        final TreeSet<Integer> codePoints = new TreeSet<>();

        Use(FaceSubsetter face, String family, int weight, boolean fallback) {
            this.face = face;
            this.family = family;
            this.weight = weight;
            this.fallback = fallback;
        }
    }

    private void collect(Element e, String family, String weight, boolean inText, Map<String, Use> uses) {
        String local = e.getLocalName();
        if (!SVG_NS.equals(e.getNamespaceURI()) || "title".equals(local) || "desc".equals(local)
                || "style".equals(local) || "script".equals(local)) {
            return;
        }
        family = property(e, "font-family", family);
        weight = property(e, "font-weight", weight);
        inText = inText || "text".equals(local);
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                collect(c, family, weight, inText, uses);
            } else if (inText && (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE)) {
                String families = family;
                int w = bold(weight) ? 700 : 400;
                n.getNodeValue().codePoints().filter(cp -> cp >= 0x20).forEach(cp -> add(families, w, cp, uses));
            }
        }
    }

    /** A character goes to the first face of the picture's family list that has it, as CSS font matching does. */
    private void add(String families, int weight, int cp, Map<String, Use> uses) {
        String named = null;
        for (String name : families.split(",")) {
            String fam = name.strip().replaceAll("^[\"']|[\"']$", "");
            FaceSubsetter face = face(fam, weight);
            if (face == null) {
                continue;
            }
            if (named == null) {
                named = face.face().family();
            }
            if (face.has(cp)) {
                use(face, named, weight, cp, uses);
                return;
            }
        }
        if (named == null) {
            return;
        }
        // A character the named faces lack (Chinese in a code label): the reader's text would take it from the
        // book's Hei face (book.css lists it after the monospace), so the picture does too, under the same name.
        FaceSubsetter sans = face(dev.studybook.fonts.FontSet.SANS, weight);
        if (sans != null && sans.has(cp)) {
            use(sans, named, weight, cp, uses);
        }
    }

    private static void use(FaceSubsetter face, String family, int weight, int cp, Map<String, Use> uses) {
        boolean fallback = !face.face().family().equals(family);
        String key = family + "\u0000" + weight + "\u0000" + (fallback ? 1 : 0) + face.face().fileName();
        uses.computeIfAbsent(key, k -> new Use(face, family, weight, fallback)).codePoints.add(cp);
    }

    /** The book's face of a family nearest the weight: the bold face for bold text when there is one. */
    private FaceSubsetter face(String family, int weight) {
        FaceSubsetter best = null;
        for (FaceSubsetter f : faces) {
            if (f.face().family().equalsIgnoreCase(family) && !f.face().italic()
                    && (best == null || Math.abs(f.face().weight() - weight) < Math.abs(best.face().weight() - weight))) {
                best = f;
            }
        }
        return best;
    }

    private static boolean bold(String weight) {
        String w = weight.strip().toLowerCase(Locale.ROOT);
        if (w.equals("bold") || w.equals("bolder")) {
            return true;
        }
        try {
            return Integer.parseInt(w) >= 600;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A presentation attribute or style property of the element, else the inherited value. */
    private static String property(Element e, String name, String inherited) {
        String value = inherited;
        if (e.hasAttribute(name)) {
            value = e.getAttribute(name);
        }
        for (String decl : e.getAttribute("style").split(";")) {
            int colon = decl.indexOf(':');
            if (colon > 0 && decl.substring(0, colon).strip().equalsIgnoreCase(name)) {
                value = decl.substring(colon + 1).replace("!important", "").strip();
            }
        }
        return value.equals("inherit") ? inherited : value;
    }

    /** unicode-range of sorted code points: U+4E00-4E02,U+4E8C. */
    static String ranges(int[] cps) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < cps.length; ) {
            int j = i;
            while (j + 1 < cps.length && cps[j + 1] == cps[j] + 1) {
                j++;
            }
            out.add(j == i ? String.format("U+%X", cps[i]) : String.format("U+%X-%X", cps[i], cps[j]));
            i = j + 1;
        }
        return String.join(",", out);
    }

    /** Just after the root's start tag: where the style goes, before anything is drawn. */
    private static int startTagEnd(String svg) {
        int i = svg.indexOf("<svg");
        if (i < 0) {
            return -1;
        }
        char quote = 0;
        for (i += 4; i < svg.length(); i++) {
            char c = svg.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return svg.charAt(i - 1) == '/' ? -1 : i + 1;
            }
        }
        return -1;
    }
}
