package dev.studybook.convert;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Makes an SVG file safe to put in a book: no DOCTYPE (read, never loaded, not written back), no external
 * entities, no scripts, no event handlers, no foreign objects, no processing instructions, no references to
 * anything outside the file (hrefs, CSS {@code @import} and {@code url()} after CSS escapes are resolved), and no
 * more work to draw it than the limits below allow.
 */
final class SvgSanitizer {
    /** The JDK's limits on entity expansion (jdk.xml.* properties), far below its defaults: a picture needs few. */
    static final String ENTITY_EXPANSION_LIMIT = "jdk.xml.entityExpansionLimit";
    static final String TOTAL_ENTITY_SIZE_LIMIT = "jdk.xml.totalEntitySizeLimit";

    /** Elements a picture may have once every {@code <use>} is expanded; a few-KB file can expand to millions. */
    static final long MAX_ELEMENTS = 100_000;
    /** How deep elements may nest, counting what {@code <use>} brings in; deeper ones exhaust Batik's stack. */
    static final int MAX_DEPTH = 200;
    /** Filter primitives in one picture (each one is a pass over the filter region's pixels). */
    static final int MAX_FILTER_PRIMITIVES = 100;
    /** Filter work: canvas pixels × filter primitives (× kernel size where a primitive has one), summed. */
    static final long MAX_FILTER_WORK = 400_000_000L;
    /** The largest canvas side in CSS pixels (width, height or the viewBox when they are absent). */
    static final double MAX_CANVAS_SIDE = 20_000;

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    /** Elements that only make sense with the outside thing their href names: removed with it. */
    private static final Set<String> NEED_HREF = Set.of("image", "feimage", "use", "tref", "font-face-uri",
            "color-profile", "cursor", "altglyph", "glyphref", "animation", "audio", "video", "mpath");
    private static final Set<String> SCRIPTING = Set.of("script", "foreignobject", "iframe", "handler", "listener",
            "set", "animate", "animatetransform", "animatemotion", "animatecolor", "discard");
    /** CSS functions that load something: url(), src(), image(), image-set(), element(), cross-fade(). */
    private static final Pattern CSS_LOAD = Pattern.compile(
            "(?:url|src|image|image-set|-webkit-image-set|element|cross-fade)\\s*\\(\\s*(['\"]?)\\s*([^)'\"]*)");
    private static final Pattern CSS_IMPORT = Pattern.compile("@import[^;{}]*;?");
    private static final Pattern CSS_COMMENT = Pattern.compile("/\\*.*?(\\*/|$)", Pattern.DOTALL);
    private static final Pattern LENGTH = Pattern.compile("\\s*([+-]?[0-9]*\\.?[0-9]+(?:[eE][+-]?[0-9]+)?)\\s*(px|pt|pc|mm|cm|in|em|ex|%)?\\s*");

    private SvgSanitizer() {
    }

    /** A cleaned SVG and what was removed from it (empty when the file was already clean). */
    record Result(byte[] svg, List<String> removed) {
    }

    /** The cleaned SVG; throws {@link IllegalArgumentException} with a reason when it is not usable SVG. */
    static byte[] sanitize(byte[] svg) {
        return check(svg).svg();
    }

    /**
     * The cleaned SVG with what was removed, named for one warning; throws {@link IllegalArgumentException} with a
     * reason (naming the limit where one is exceeded) when the picture cannot be used.
     */
    static Result check(byte[] svg) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            // Graphviz, Batik and Illustrator write a DOCTYPE: it is read but nothing it names is loaded (no
            // external DTD or entity), entities declared inside it expand within tight limits, and the DOCTYPE
            // itself is not written back.
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(true);
            f.setValidating(false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setAttribute(ENTITY_EXPANSION_LIMIT, "200");
            f.setAttribute(TOTAL_ENTITY_SIZE_LIMIT, "100000");
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            // Anything the parser still asked for would come from outside the file: it gets nothing.
            b.setEntityResolver((publicId, systemId) -> new org.xml.sax.InputSource(new java.io.StringReader("")));
            doc = b.parse(new ByteArrayInputStream(svg));
        } catch (Exception e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IllegalArgumentException(msg.contains("entity") || msg.contains("JAXP")
                    ? "its DOCTYPE declares entities that expand beyond what a picture needs" : "it is not well-formed XML: " + msg);
        }
        Element root = doc.getDocumentElement();
        if (!"svg".equals(root.getLocalName()) || !SVG_NS.equals(root.getNamespaceURI())) {
            throw new IllegalArgumentException("its root element is not <svg xmlns=\"http://www.w3.org/2000/svg\">");
        }
        // The depth first, without recursion: everything after it walks the tree recursively.
        checkDepth(root);
        Set<String> removed = new LinkedHashSet<>();
        // <?xml-stylesheet?> and any other instruction beside the root would be written back and obeyed.
        List<Node> top = new ArrayList<>();
        for (Node n = doc.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
                top.add(n);
                removed.add("the processing instruction <?" + n.getNodeName() + "?>");
            }
        }
        top.forEach(doc::removeChild);
        fixIds(root);
        Set<String> ids = new java.util.HashSet<>();
        for (Node n : descendants(root)) {
            String id = ((Element) n).getAttribute("id");
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        Embedded embedded = embedded(root);
        // Ids of what is removed below are no reference target any more.
        Set<String> all = Set.copyOf(ids);
        for (Node n : descendants(root)) {
            if (removedElement((Element) n, all, embedded)) {
                for (Node d : descendants((Element) n)) {
                    ids.remove(((Element) d).getAttribute("id"));
                }
            }
        }
        clean(root, removed, ids, embedded);
        checkWork(root);
        try {
            Transformer t = TransformerFactory.newDefaultInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream(svg.length);
            t.transform(new DOMSource(doc), new StreamResult(out));
            return new Result(out.toByteArray(), List.copyOf(removed));
        } catch (Exception e) {
            throw new IllegalArgumentException("it cannot be written back: " + e.getMessage());
        }
    }

    private static String name(Node n) {
        String name = n.getLocalName() == null ? n.getNodeName() : n.getLocalName();
        return name.toLowerCase(Locale.ROOT);
    }

    /** The href (or xlink:href) of an element, stripped; empty when it has none. */
    private static String href(Element el) {
        String href = el.getAttributeNS(XLINK_NS, "href");
        if (href.isEmpty()) {
            href = el.getAttribute("href");
        }
        return href.strip();
    }

    private static void checkDepth(Element root) {
        Deque<Element> stack = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        stack.push(root);
        depths.push(1);
        while (!stack.isEmpty()) {
            Element el = stack.pop();
            int depth = depths.pop();
            if (depth > MAX_DEPTH) {
                throw new IllegalArgumentException("its elements nest more than " + MAX_DEPTH + " deep (SVG_MAX_DEPTH)");
            }
            for (Node c = el.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element child) {
                    stack.push(child);
                    depths.push(depth + 1);
                }
            }
        }
    }

    /** An XML name without a colon, as an id must be (XML's NCName, its common characters). */
    private static final Pattern NC_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}._\\-\\u00B7\\u0300-\\u036F\\u203F-\\u2040]*");

    /**
     * Ids as an EPUB's XML needs them: a second element with an id already used loses it (a reference finds the first,
     * as browsers resolve it), and an id that is no XML name gets one, its references rewritten. Drawing programs
     * name layers freely: javascript-tutorial's Sketch pictures repeat "Line" and "Shape" and use ids such as
     * "limitations.svg" or "&lt;script&gt;" (2,533 EPUBCheck errors in 154 pictures).
     */
    private static void fixIds(Element root) {
        List<Element> elements = new ArrayList<>();
        Deque<Element> stack = new ArrayDeque<>();
        stack.push(root);
        Set<String> used = new java.util.HashSet<>();
        while (!stack.isEmpty()) {
            Element el = stack.pop();
            elements.add(el);
            if (!el.getAttribute("id").isEmpty()) {
                used.add(el.getAttribute("id"));
            }
            List<Element> children = new ArrayList<>();
            for (Node c = el.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element child) {
                    children.add(child);
                }
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
        Set<String> seen = new java.util.HashSet<>();
        Map<String, String> renamed = new HashMap<>();
        for (Element el : elements) {
            String id = el.getAttribute("id");
            if (id.isEmpty()) {
                continue;
            }
            if (!seen.add(id)) {
                el.removeAttribute("id");
                continue;
            }
            if (!NC_NAME.matcher(id).matches()) {
                String base = "id-" + id.replaceAll("[^\\p{L}\\p{N}._-]+", "-");
                String fresh = base;
                for (int n = 2; used.contains(fresh); n++) {
                    fresh = base + "-" + n;
                }
                used.add(fresh);
                renamed.put(id, fresh);
                el.setAttribute("id", fresh);
            }
        }
        if (renamed.isEmpty()) {
            return;
        }
        for (Element el : elements) {
            NamedNodeMap attributes = el.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr a = (Attr) attributes.item(i);
                String v = a.getValue();
                if (v.startsWith("#") && renamed.containsKey(v.substring(1))) {
                    a.setValue("#" + renamed.get(v.substring(1)));
                } else if (v.contains("url(")) {
                    for (Map.Entry<String, String> e : renamed.entrySet()) {
                        v = v.replace("url(#" + e.getKey() + ")", "url(#" + e.getValue() + ")");
                    }
                    a.setValue(v);
                }
            }
        }
    }

    /** The elements under root, root included, without recursion. */
    private static List<Node> descendants(Element root) {
        List<Node> all = new ArrayList<>();
        Deque<Element> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Element el = stack.pop();
            all.add(el);
            for (Node c = el.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element child) {
                    stack.push(child);
                }
            }
        }
        return all;
    }

    /**
     * True for an element that needs a picture, font or element from outside the file, or one not in it; a picture
     * the file holds itself ({@link #embedded}) stays.
     */
    private static boolean removedElement(Element el, Set<String> ids, Embedded embedded) {
        String n = name(el);
        return SCRIPTING.contains(n) || NEED_HREF.contains(n) && !embedded.kept().contains(el)
                && (!href(el).startsWith("#") || n.equals("image") || !ids.contains(href(el).substring(1).strip()));
    }

    /** A data: address of a PNG, JPEG or GIF in base64: the media type and the encoded bytes. */
    private static final Pattern DATA_PICTURE = Pattern.compile(
            "(?is)data:(image/(?:png|jpeg|gif))(?:;[^,;]*=[^,;]*)*;base64,(.*)");

    /** The {@code <image>}s whose picture is inside the file, kept or refused with a reason. */
    private record Embedded(Set<Element> kept, Map<Element, String> refused) {
    }

    /**
     * The {@code <image>}s that hold a PNG, JPEG or GIF as a base64 data: address, checked as a picture of a chapter
     * is (decoded once, within the same size limits, all of them together within {@link PictureFormats#MAX_PIXELS}).
     * Nothing is fetched to draw them, and draw.io writes each label as such a picture after the foreign object
     * that is removed (0xAX/linux-insides: the labels of two pictures were lost).
     */
    private static Embedded embedded(Element root) {
        Set<Element> kept = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Element, String> refused = new IdentityHashMap<>();
        long pixels = 0;
        // In document order: the first pictures within the limit stay.
        NodeList all = root.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element el = (Element) all.item(i);
            Matcher m = DATA_PICTURE.matcher(href(el));
            if (!name(el).equals("image") || !m.matches()) {
                continue;
            }
            try {
                byte[] data = java.util.Base64.getMimeDecoder().decode(m.group(2).strip());
                String type = m.group(1).toLowerCase(Locale.ROOT);
                pixels += PictureFormats.check(type, data);
                if (pixels > PictureFormats.MAX_PIXELS) {
                    refused.put(el, "the pictures inside it have more than " + PictureFormats.MAX_PIXELS / 1_000_000
                            + " million pixels together (PICTURE_MAX_PIXELS)");
                } else {
                    kept.add(el);
                }
            } catch (PictureFormats.Unusable e) {
                refused.put(el, e.getMessage());
            } catch (IllegalArgumentException e) {
                refused.put(el, "its base64 cannot be decoded");
            }
        }
        return new Embedded(kept, refused);
    }

    private static void clean(Element el, Set<String> removed, Set<String> ids, Embedded embedded) {
        List<Node> remove = new ArrayList<>();
        for (Node c = el.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                String n = name(child);
                if (SCRIPTING.contains(n)) {
                    remove.add(child);
                    if (!(n.equals("foreignobject") && hasFallback(child))) {
                        removed.add("<" + n + ">");
                    }
                } else if (removedElement(child, ids, embedded)) {
                    // A picture, font or text of something outside the file: never fetched, and without it the
                    // element is invalid (Batik refuses to draw the whole SVG).
                    remove.add(child);
                    String h = href(child);
                    String why = embedded.refused().get(child);
                    removed.add(h.isEmpty() || h.startsWith("#") ? "<" + n + "> without a picture or element inside the file"
                            : "<" + n + "> of '" + abbreviate(h) + "'" + (why == null ? "" : ": " + why));
                } else {
                    clean(child, removed, ids, embedded);
                }
            } else if (c.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
                remove.add(c);
                removed.add("the processing instruction <?" + c.getNodeName() + "?>");
            } else if (c.getNodeType() == Node.ENTITY_REFERENCE_NODE) {
                remove.add(c);
            }
        }
        remove.forEach(el::removeChild);
        NamedNodeMap attrs = el.getAttributes();
        List<Attr> drop = new ArrayList<>();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            String local = name(a);
            String value = a.getValue();
            if (value.contains(LIGHT_DARK)) {
                // In presentation attributes too: draw.io writes fill="light-dark(#000000, #ffffff)" on its labels.
                value = lightDark(value);
                a.setValue(value);
            }
            if (local.startsWith("on")) {
                drop.add(a);
                removed.add("the event handler " + local);
            } else if (local.equals("href") || local.equals("src")) {
                String v = value.strip();
                if (!v.startsWith("#") && !(name(el).equals("a") && linkOut(v)) && !embedded.kept().contains(el)) {
                    drop.add(a);
                    removed.add("the reference to '" + abbreviate(v) + "'");
                }
            } else if ((local.equals("fill") || local.equals("stroke")) && value.strip().equalsIgnoreCase("transparent")) {
                a.setValue("none");
            } else if (local.equals("requiredfeatures")) {
                // Gone from SVG 2, and browsers take every feature as supported. Batik does not know draw.io's
                // "#Extensibility" (foreign objects, removed above) and chose the <switch>'s fallback instead: every
                // draw.io picture said "Text is not SVG - cannot display" (0xAX/linux-insides).
                drop.add(a);
            } else if (local.equals("style")) {
                String kept = paints(cleanDeclarations(value, removed));
                if (kept.isBlank()) {
                    drop.add(a);
                } else if (!kept.equals(value)) {
                    a.setValue(kept);
                }
            } else if (dangling(unescape(value), ids) != null) {
                // A url(#id) of an element that is not there (or was removed above): Batik refuses the value.
                drop.add(a);
                removed.add("the reference to the missing '#" + abbreviate(dangling(unescape(value), ids)) + "' in " + local);
            } else if (loads(unescape(value)) != null) {
                drop.add(a);
                removed.add("the reference to '" + abbreviate(loads(unescape(value))) + "' in " + local);
            }
        }
        drop.forEach(el::removeAttributeNode);
        if ("style".equals(name(el))) {
            String css = el.getTextContent();
            String plain = CSS_COMMENT.matcher(unescape(css)).replaceAll(" ");
            String what = loads(plain);
            boolean imports = plain.toLowerCase(Locale.ROOT).contains("@import");
            if (what == null && !imports && (TRANSPARENT_PAINT.matcher(css).find() || css.contains(LIGHT_DARK))) {
                el.setTextContent(lightDark(paints(css)));
            }
            if (what != null || imports) {
                removed.add(imports ? "a CSS @import" : "the CSS reference to '" + abbreviate(what) + "'");
                String cleaned = CSS_IMPORT.matcher(plain).replaceAll("");
                // A font face whose files were taken out has nothing to load: Batik stops on its empty src
                // (javascript-tutorial's 154 pictures, "this.srcs is null"); the text takes the book's fonts.
                cleaned = FONT_FACE.matcher(replaceLoads(cleaned)).replaceAll("");
                while (el.getFirstChild() != null) {
                    el.removeChild(el.getFirstChild());
                }
                if (loads(cleaned) == null && !cleaned.toLowerCase(Locale.ROOT).contains("@import")) {
                    el.appendChild(el.getOwnerDocument().createTextNode(cleaned));
                }
            }
        }
    }

    private static final Pattern FONT_FACE = Pattern.compile("(?i)@font-face\\s*\\{[^}]*\\}");

    private static final Pattern TRANSPARENT_PAINT = Pattern.compile("(?i)\\b((?:fill|stroke)\\s*:\\s*)transparent\\b");

    /**
     * The paint {@code transparent} (CSS 3 and SVG 2; Graphviz writes it) as {@code none}, which paints the same:
     * Batik, which draws the PDF's pictures and the EPUB's PNG fallbacks, knows only SVG 1.1's paints and drops the
     * value, so that {@code fill="transparent"} was drawn black (rust-lang/book's figures).
     */
    private static String paints(String css) {
        return TRANSPARENT_PAINT.matcher(css).replaceAll("$1none");
    }

    /**
     * True for a foreign object that a {@code <switch>} follows with an element drawn in its place: draw.io writes
     * each label as HTML in a foreign object and again as SVG text after it, so nothing is lost without it.
     */
    private static boolean hasFallback(Element foreign) {
        if (!(foreign.getParentNode() instanceof Element parent) || !name(parent).equals("switch")) {
            return false;
        }
        for (Node n = foreign.getNextSibling(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                return true;
            }
        }
        return false;
    }

    private static final String LIGHT_DARK = "light-dark(";

    /**
     * CSS {@code light-dark(a, b)} as its first colour, the one for a light page: Batik refuses the whole declaration
     * (draw.io writes {@code fill: light-dark(rgb(253, 246, 227), rgb(32, 26, 10))} on every shape; 0xAX/linux-insides
     * had 296 warnings without a place), and older reading systems drop it.
     */
    static String lightDark(String css) {
        int at = css.indexOf(LIGHT_DARK);
        if (at < 0) {
            return css;
        }
        StringBuilder out = new StringBuilder(css.length());
        int from = 0;
        while (at >= 0) {
            int open = at + LIGHT_DARK.length();
            int depth = 0;
            int comma = -1;
            int end = -1;
            for (int i = open; i < css.length() && end < 0; i++) {
                char c = css.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    if (depth == 0) {
                        end = i;
                    }
                    depth--;
                } else if (c == ',' && depth == 0 && comma < 0) {
                    comma = i;
                }
            }
            if (end < 0 || comma < 0) {
                break;
            }
            out.append(css, from, at).append(css.substring(open, comma).strip());
            from = end + 1;
            at = css.indexOf(LIGHT_DARK, from);
        }
        return out.append(css, from, css.length()).toString();
    }

    /** True for a link a reader may follow (never loaded to draw the picture): http(s) and mailto. */
    private static boolean linkOut(String href) {
        String v = href.toLowerCase(Locale.ROOT);
        return (v.startsWith("https://") || v.startsWith("http://") || v.startsWith("mailto:")) && v.indexOf('\\') < 0;
    }

    /** A style attribute without the declarations that would load something. */
    private static String cleanDeclarations(String style, Set<String> removed) {
        StringBuilder kept = new StringBuilder();
        for (String decl : style.split(";")) {
            String plain = CSS_COMMENT.matcher(unescape(decl)).replaceAll(" ");
            String what = loads(plain);
            if (what != null || plain.toLowerCase(Locale.ROOT).contains("@import") || plain.toLowerCase(Locale.ROOT).contains("expression(")) {
                removed.add("the style reference to '" + abbreviate(what == null ? plain.strip() : what) + "'");
                continue;
            }
            if (!decl.isBlank()) {
                kept.append(kept.length() == 0 ? "" : ";").append(decl);
            }
        }
        return kept.length() == 0 && style.isBlank() ? style : kept.toString();
    }

    private static final Pattern LOCAL_URL = Pattern.compile("url\\(\\s*['\"]?\\s*#([^)'\"\\s]*)");

    /** The first id a url(#id) in this value names that the file does not have, or null. */
    private static String dangling(String value, Set<String> ids) {
        if (!value.contains("#")) {
            return null;
        }
        Matcher m = LOCAL_URL.matcher(value);
        while (m.find()) {
            if (!ids.contains(m.group(1))) {
                return m.group(1);
            }
        }
        return null;
    }

    /** What a piece of CSS (escapes resolved) loads from outside the file, or null when it loads nothing. */
    static String loads(String css) {
        Matcher m = CSS_LOAD.matcher(css.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String target = m.group(2).strip();
            if (!target.startsWith("#")) {
                return target.isEmpty() ? m.group() : target;
            }
        }
        return null;
    }

    /** CSS with each function that loads something from outside replaced by {@code none}. */
    private static String replaceLoads(String css) {
        Matcher m = Pattern.compile("(?i)(?:url|src|image|image-set|-webkit-image-set|element|cross-fade)\\s*\\((?!\\s*['\"]?\\s*#)[^)]*\\)?")
                .matcher(css);
        return m.replaceAll("none");
    }

    /**
     * CSS text with its escapes resolved ({@code \69mport} is {@code import}, {@code u\72l(} is {@code url(}), as
     * the CSS parsers of Batik and reading systems read it.
     */
    static String unescape(String css) {
        if (css.indexOf('\\') < 0) {
            return css;
        }
        StringBuilder out = new StringBuilder(css.length());
        for (int i = 0; i < css.length(); i++) {
            char c = css.charAt(i);
            if (c != '\\' || i + 1 >= css.length()) {
                out.append(c);
                continue;
            }
            int j = i + 1;
            int hexEnd = j;
            while (hexEnd < css.length() && hexEnd - j < 6 && Character.digit(css.charAt(hexEnd), 16) >= 0) {
                hexEnd++;
            }
            if (hexEnd > j) {
                int cp = Integer.parseInt(css.substring(j, hexEnd), 16);
                out.appendCodePoint(cp == 0 || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF) ? 0xFFFD : cp);
                // One white space after a hex escape belongs to it.
                if (hexEnd < css.length() && Character.isWhitespace(css.charAt(hexEnd))) {
                    hexEnd++;
                }
                i = hexEnd - 1;
            } else if (css.charAt(j) == '\n') {
                i = j;
            } else {
                out.append(css.charAt(j));
                i = j;
            }
        }
        return out.toString();
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 60 ? one : one.substring(0, 57) + "...";
    }

    /** Refuses a picture whose elements (with uses expanded), filters or canvas are beyond the limits. */
    private static void checkWork(Element root) {
        Map<String, Element> ids = new HashMap<>();
        List<Element> all = new ArrayList<>();
        Deque<Element> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Element el = stack.pop();
            all.add(el);
            String id = el.getAttribute("id");
            if (!id.isEmpty()) {
                ids.putIfAbsent(id, el);
            }
            for (Node c = el.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element child) {
                    stack.push(child);
                }
            }
        }
        long elements = new Expansion(ids).count(root, 1);
        if (elements > MAX_ELEMENTS) {
            throw new IllegalArgumentException("its <use> elements expand to more than " + MAX_ELEMENTS
                    + " elements (SVG_MAX_ELEMENTS)");
        }
        double[] canvas = canvas(root);
        if (canvas[0] > MAX_CANVAS_SIDE || canvas[1] > MAX_CANVAS_SIDE) {
            throw new IllegalArgumentException("its canvas is " + Math.round(canvas[0]) + " × " + Math.round(canvas[1])
                    + " pixels, more than " + Math.round(MAX_CANVAS_SIDE) + " a side (SVG_MAX_CANVAS_SIDE)");
        }
        long pixels = Math.max(1, Math.round(Math.max(canvas[0], 1) * Math.max(canvas[1], 1)));
        int primitives = 0;
        long work = 0;
        for (Element el : all) {
            String n = name(el);
            if (n.startsWith("fe") && el.getParentNode() instanceof Element p && name(p).equals("filter")) {
                primitives++;
                long kernel = 1;
                if (n.equals("feconvolvematrix")) {
                    long[] order = numbers(el.getAttribute("order"), 3);
                    kernel = order[0] * order[order.length > 1 ? 1 : 0];
                } else if (n.equals("femorphology")) {
                    long[] radius = numbers(el.getAttribute("radius"), 0);
                    kernel = (2 * radius[0] + 1) * (2 * radius[radius.length > 1 ? 1 : 0] + 1);
                }
                work = saturatedAdd(work, saturatedMultiply(pixels, Math.max(1, kernel)));
            }
        }
        if (primitives > MAX_FILTER_PRIMITIVES) {
            throw new IllegalArgumentException("it has " + primitives + " filter primitives, more than "
                    + MAX_FILTER_PRIMITIVES + " (SVG_MAX_FILTER_PRIMITIVES)");
        }
        if (work > MAX_FILTER_WORK) {
            throw new IllegalArgumentException("its filters would take " + work + " pixel operations on its canvas, more than "
                    + MAX_FILTER_WORK + " (SVG_MAX_FILTER_WORK)");
        }
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    private static long saturatedMultiply(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    private static long[] numbers(String s, long absent) {
        String[] parts = s.strip().split("[\\s,]+");
        if (s.isBlank()) {
            return new long[] {absent};
        }
        long[] out = new long[Math.min(parts.length, 2)];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = (long) Math.min(1e6, Math.abs(Double.parseDouble(parts[i])));
            } catch (NumberFormatException e) {
                out[i] = absent;
            }
        }
        return out;
    }

    /** The canvas size in CSS pixels: width and height, or the viewBox's where they are absent or relative. */
    static double[] canvas(Element root) {
        String[] box = root.getAttribute("viewBox").strip().split("[\\s,]+");
        double[] vb = {0, 0};
        if (box.length == 4) {
            try {
                vb = new double[] {Math.abs(Double.parseDouble(box[2])), Math.abs(Double.parseDouble(box[3]))};
            } catch (NumberFormatException e) {
                vb = new double[] {0, 0};
            }
        }
        double w = length(root.getAttribute("width"));
        double h = length(root.getAttribute("height"));
        return new double[] {Double.isNaN(w) ? vb[0] : w, Double.isNaN(h) ? vb[1] : h};
    }

    /** A length in CSS pixels; NaN when absent, relative or unreadable. */
    private static double length(String s) {
        Matcher m = LENGTH.matcher(s);
        if (s.isBlank() || !m.matches()) {
            return Double.NaN;
        }
        double v = Math.abs(Double.parseDouble(m.group(1)));
        String unit = m.group(2) == null ? "px" : m.group(2);
        return switch (unit) {
            case "px" -> v;
            case "pt" -> v * 4 / 3;
            case "pc" -> v * 16;
            case "mm" -> v * 96 / 25.4;
            case "cm" -> v * 96 / 2.54;
            case "in" -> v * 96;
            case "em", "ex" -> v * 16;
            default -> Double.NaN;
        };
    }

    /** Counts the elements a renderer builds, each {@code <use>} replaced by a copy of what it names. */
    private static final class Expansion {
        private final Map<String, Element> ids;
        private final Map<Element, Long> counted = new IdentityHashMap<>();
        private final Set<Element> open = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

        Expansion(Map<String, Element> ids) {
            this.ids = ids;
        }

        long count(Element el, int depth) {
            if (depth > MAX_DEPTH) {
                throw new IllegalArgumentException("its elements nest more than " + MAX_DEPTH
                        + " deep once <use> is expanded (SVG_MAX_DEPTH)");
            }
            Long known = counted.get(el);
            if (known != null) {
                return known;
            }
            if (!open.add(el)) {
                throw new IllegalArgumentException("its <use> elements refer to themselves");
            }
            long n = 1;
            for (Node c = el.getFirstChild(); c != null && n <= MAX_ELEMENTS; c = c.getNextSibling()) {
                if (c instanceof Element child) {
                    n = saturatedAdd(n, count(child, depth + 1));
                }
            }
            if (name(el).equals("use")) {
                String h = href(el);
                Element target = h.startsWith("#") ? ids.get(h.substring(1)) : null;
                if (target != null) {
                    n = saturatedAdd(n, count(target, depth + 1));
                }
            }
            open.remove(el);
            counted.put(el, n);
            return n;
        }
    }
}
