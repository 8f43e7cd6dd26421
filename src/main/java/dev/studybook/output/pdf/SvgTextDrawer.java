package dev.studybook.output.pdf;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.css.style.CssContext;
import com.openhtmltopdf.css.value.FontSpecification;
import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.extend.OutputDeviceGraphicsDrawer;
import com.openhtmltopdf.extend.SVGDrawer;
import com.openhtmltopdf.extend.UserAgentCallback;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxFSFont;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.RenderingContext;
import com.openhtmltopdf.simple.extend.ReplacedElementScaleHelper;
import de.rototor.pdfbox.graphics2d.IPdfBoxGraphics2DFontTextDrawer;
import de.rototor.pdfbox.graphics2d.IPdfBoxGraphics2DFontTextDrawer.IFontTextDrawerEnv;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import dev.studybook.fonts.FontSet;
import dev.studybook.raster.BatikLock;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.font.TextAttribute;
import java.text.AttributedCharacterIterator;
import java.text.CharacterIterator;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Draws the plain labels of an SVG figure as PDF text in the book's embedded fonts, and leaves everything else
 * to Batik, which draws text as glyph outlines: for the diagrams of a book such outlines are most of the PDF's
 * bytes (a Chinese glyph is a few hundred path points, repeated for every use), cannot be searched or copied,
 * and take a long time to write.
 *
 * <p>A {@code <text>} element qualifies when everything that affects it is a plain presentation attribute on it
 * or on enclosing {@code <g>} elements: one x and y, text-anchor, font-family, font-size in user units,
 * font-weight, a solid fill, no transform, clip, opacity, style sheet, tspan, or preserved white space, and a
 * book font covers all its characters. Any other text stays in the SVG and is drawn by Batik as before.
 */
final class SvgTextDrawer implements SVGDrawer {

    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
    private static final Map<String, Color> NAMED = Map.of("black", Color.BLACK, "white", Color.WHITE,
            "gray", new Color(128, 128, 128), "grey", new Color(128, 128, 128), "red", new Color(255, 0, 0),
            "blue", new Color(0, 0, 255), "green", new Color(0, 128, 0));
    /** Attributes of a text element that studybook can draw itself. */
    private static final Set<String> TEXT_ATTRIBUTES = Set.of("x", "y", "text-anchor", "font-family", "font-size",
            "font-weight", "fill", "id", "lang", "xml:lang");
    /** Attributes of an enclosing group that do not change how its text is drawn, or that studybook reads. */
    private static final Set<String> GROUP_ATTRIBUTES = Set.of("text-anchor", "font-family", "font-size",
            "font-weight", "fill", "stroke", "stroke-width", "stroke-dasharray", "stroke-linecap",
            "stroke-linejoin", "id", "lang", "xml:lang");
    private static final Set<String> INHERITED = Set.of("text-anchor", "font-family", "font-size", "font-weight",
            "fill", "stroke");

    private final SVGDrawer batik;
    /** The book's faces: CSS family names by their lower-case form, and the weights of each. */
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, List<Integer>> weights = new HashMap<>();

    SvgTextDrawer(SVGDrawer batik, List<dev.studybook.fonts.FontFace> faces) {
        this.batik = batik;
        for (var f : faces) {
            if (!f.italic()) {
                String key = f.family().toLowerCase(Locale.ROOT);
                names.put(key, f.family());
                weights.computeIfAbsent(key, k -> new ArrayList<>()).add(f.weight());
            }
        }
    }

    @Override
    public SVGImage buildSVGImage(Element svg, Box box, CssContext css, double cssWidth, double cssHeight,
            double dotsPerPixel) {
        // Batik refuses a size of 0 (a formula or picture in a box that has no width at some stage of layout).
        double w = cssWidth == 0 ? MIN_SIZE : cssWidth;
        double h = cssHeight == 0 ? MIN_SIZE : cssHeight;
        return new Locked(BatikLock.hold(() -> orEmpty(() -> build(svg, box, css, w, h, dotsPerPixel))));
    }

    /** The smallest size, in dots, given to Batik for a picture the layout made 0 wide or high. */
    private static final double MIN_SIZE = 1;

    /**
     * The picture, or one that draws nothing where Batik refuses the size the layout gives it (a maximum width
     * of 0, from a box with no room at all): a picture that could not be seen is not worth a failed build.
     */
    private static SVGImage orEmpty(java.util.function.Supplier<SVGImage> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            if (String.valueOf(e.getMessage()).contains("incompatible with")) {
                return Empty.INSTANCE;
            }
            throw e;
        }
    }

    /** A picture of no size that draws nothing. */
    private enum Empty implements SVGImage {
        INSTANCE;

        @Override
        public int getIntrinsicWidth() {
            return 0;
        }

        @Override
        public int getIntrinsicHeight() {
            return 0;
        }

        @Override
        public void drawSVG(OutputDevice od, RenderingContext ctx, double x, double y) {
        }
    }

    private SVGImage build(Element svg, Box box, CssContext css, double cssWidth, double cssHeight, double dotsPerPixel) {
        Viewport viewport = Viewport.of(svg);
        List<Label> labels = new ArrayList<>();
        if (viewport != null && !hasStyleSheet(svg)) {
            Element copy = copyOf(svg);
            collect(copy, css, labels);
            if (!labels.isEmpty()) {
                for (Label l : labels) {
                    l.element().getParentNode().removeChild(l.element());
                }
                SVGImage shapes = batik.buildSVGImage(copy, box, css, cssWidth, cssHeight, dotsPerPixel);
                return new Labelled(shapes, labels, viewport, box, dotsPerPixel);
            }
        }
        return batik.buildSVGImage(svg, box, css, cssWidth, cssHeight, dotsPerPixel);
    }

    @Override
    public SVGImage buildStandaloneSVGImage(Element svg, String uri, double w, double h, double dotsPerPixel) {
        double width = w == 0 ? MIN_SIZE : w;
        double height = h == 0 ? MIN_SIZE : h;
        return new Locked(BatikLock.hold(() -> orEmpty(() -> batik.buildStandaloneSVGImage(svg, uri, width, height,
                dotsPerPixel))));
    }

    /** A picture drawn by another: its size is the other's. */
    private interface Wrapped extends SVGImage {
        SVGImage inner();

        @Override
        default int getIntrinsicWidth() {
            return inner().getIntrinsicWidth();
        }

        @Override
        default int getIntrinsicHeight() {
            return inner().getIntrinsicHeight();
        }

        @Override
        default boolean hasIntrinsicSize() {
            return inner().hasIntrinsicSize();
        }

        @Override
        default float getIntrinsicRatio() {
            return inner().getIntrinsicRatio();
        }
    }

    /**
     * A picture that Batik paints holding {@link BatikLock}, as it was built; what Batik built to paint it is let go
     * once it is painted ({@link #letGo}).
     */
    private record Locked(SVGImage inner) implements Wrapped {

        @Override
        public void drawSVG(OutputDevice od, RenderingContext ctx, double x, double y) {
            BatikLock.hold(() -> {
                try {
                    inner.drawSVG(od, ctx, x, y);
                    letGo(inner instanceof Labelled l ? l.shapes() : inner);
                } catch (RuntimeException e) {
                    // Batik's CSS engine reports a value it refuses in an SVG's own style sheet (display: inline-block,
                    // vuejs/docs' scoped-slots.svg) through the document's address, which a picture laid into the
                    // page does not have: a NullPointerException ended the build (exit 70). The picture is left out
                    // of the PDF with the renderer's own "could not draw" warning, as for Batik's other refusals.
                    com.openhtmltopdf.util.XRLog.log(java.util.logging.Level.WARNING,
                            com.openhtmltopdf.util.LogMessageId.LogMessageId0Param.EXCEPTION_SVG_COULD_NOT_DRAW, e);
                }
            });
        }
    }

    /** BatikSVGImage's transcoder, and whether it is a CSS image (painted again from what it built); null if absent. */
    private static final java.lang.reflect.Field TRANSCODER = field(com.openhtmltopdf.svgsupport.BatikSVGImage.class,
            "pdfTranscoder");
    private static final java.lang.reflect.Field STANDALONE = field(com.openhtmltopdf.svgsupport.BatikSVGImage.class,
            "standalone");
    /** What Batik's transcoder keeps of the last picture it painted: the graphics tree, its bridge context, builder. */
    private static final List<java.lang.reflect.Field> BUILT = java.util.stream.Stream.of("root", "ctx", "builder")
            .map(n -> field(org.apache.batik.transcoder.SVGAbstractTranscoder.class, n)).toList();

    /**
     * Lets go of what Batik built to paint a picture laid into the page: its transcoder keeps the picture's SVG
     * document as Batik's DOM (every path's segments parsed) and its graphics tree, though it builds them again each
     * time it paints the picture, and the renderer keeps the picture until the whole document is painted. With
     * datawhalechina/pumpkin-book's 2,847 formulas these were most of the heap (1.0 GB live at the end of its PDF).
     * A CSS image (a background) paints again from what it built, and keeps it.
     */
    static void letGo(SVGImage image) {
        if (!(image instanceof com.openhtmltopdf.svgsupport.BatikSVGImage) || TRANSCODER == null || STANDALONE == null
                || BUILT.contains(null)) {
            return;
        }
        try {
            if (STANDALONE.getBoolean(image)) {
                return;
            }
            Object transcoder = TRANSCODER.get(image);
            for (java.lang.reflect.Field f : BUILT) {
                f.set(transcoder, null);
            }
        } catch (IllegalAccessException e) {
            // Kept, as the library keeps it: only memory is lost.
        }
    }

    private static java.lang.reflect.Field field(Class<?> owner, String name) {
        try {
            java.lang.reflect.Field f = owner.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void importFontFaceRules(List<com.openhtmltopdf.css.sheet.FontFaceRule> rules, SharedContext shared) {
        batik.importFontFaceRules(rules, shared);
    }

    @Override
    public void withUserAgent(UserAgentCallback uac) {
        batik.withUserAgent(uac);
    }

    @Override
    public void addFontFile(File file, String family, Integer weight, FontStyle style)
            throws IOException, FontFormatException {
        batik.addFontFile(file, family, weight, style);
    }

    @Override
    public void addFontStream(FSSupplier<InputStream> supplier, String family, Integer weight, FontStyle style)
            throws IOException, FontFormatException {
        batik.addFontStream(supplier, family, weight, style);
    }

    @Override
    public void close() throws IOException {
        batik.close();
    }

    /** One label drawn as text: where, in what, and the element it came from (removed from Batik's copy). */
    private record Label(Element element, String text, float x, float y, String anchor, PDFont font, float size,
            Color fill) {
    }

    /** The root's viewBox and the size Batik maps it to. */
    private record Viewport(float x, float y, float width, float height) {

        static Viewport of(Element svg) {
            String par = svg.getAttribute("preserveAspectRatio").strip();
            if (!par.isEmpty() && !par.equals("xMidYMid meet") && !par.equals("xMidYMid")) {
                return null;
            }
            String[] v = svg.getAttribute("viewBox").strip().split("[\\s,]+");
            if (v.length != 4) {
                return null;
            }
            float[] n = new float[4];
            for (int i = 0; i < 4; i++) {
                Float f = number(v[i]);
                if (f == null) {
                    return null;
                }
                n[i] = f;
            }
            return n[2] > 0 && n[3] > 0 ? new Viewport(n[0], n[1], n[2], n[3]) : null;
        }

        /** From user space to a viewport of {@code w} by {@code h}, centred and scaled to fit (xMidYMid meet). */
        AffineTransform toViewport(double w, double h) {
            double s = Math.min(w / width, h / height);
            AffineTransform t = AffineTransform.getTranslateInstance((w - width * s) / 2, (h - height * s) / 2);
            t.scale(s, s);
            t.translate(-x, -y);
            return t;
        }
    }

    /** A deep copy of the SVG as the root of a document of its own (style matching asks for its parent). */
    private static Element copyOf(Element svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            Document d = f.newDocumentBuilder().newDocument();
            Element copy = (Element) d.importNode(svg, true);
            d.appendChild(copy);
            return copy;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasStyleSheet(Element svg) {
        return svg.getElementsByTagNameNS("*", "style").getLength() > 0
                || svg.getElementsByTagName("style").getLength() > 0;
    }

    /** Finds the labels under {@code el} that can be drawn as text; descends only through plain groups. */
    private void collect(Element el, CssContext css, List<Label> out) {
        for (Node c = el.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (!(c instanceof Element e) || !SVG.equals(e.getNamespaceURI())) {
                continue;
            }
            String name = e.getLocalName();
            if (name.equals("text")) {
                Label l = label(e, css);
                if (l != null) {
                    out.add(l);
                }
            } else if (name.equals("g") && onlyAttributes(e, GROUP_ATTRIBUTES)) {
                collect(e, css, out);
            }
        }
    }

    private Label label(Element text, CssContext css) {
        if (!onlyAttributes(text, TEXT_ATTRIBUTES)) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Node c = text.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                sb.append(c.getNodeValue());
            } else if (c.getNodeType() != Node.COMMENT_NODE) {
                return null;
            }
        }
        // SVG's default white-space handling: newlines dropped, tabs become spaces, runs collapse, ends trimmed.
        String s = sb.toString().replace("\r", "").replace("\n", "").replace('\t', ' ').replaceAll(" +", " ").strip();
        if (s.isEmpty()) {
            return null;
        }
        Float x = number(inherited(text, "x", "0"));
        Float y = number(inherited(text, "y", "0"));
        Float size = number(inherited(text, "font-size", "16").replaceFirst("px$", ""));
        String anchor = inherited(text, "text-anchor", "start");
        Color fill = color(inherited(text, "fill", "black"));
        String weight = inherited(text, "font-weight", "normal");
        // Text that inherits a stroke is outlined as well as filled: Batik's.
        if (!inherited(text, "stroke", "none").equals("none")) {
            return null;
        }
        if (x == null || y == null || size == null || size <= 0 || fill == null
                || !Set.of("start", "middle", "end").contains(anchor)) {
            return null;
        }
        int w = switch (weight) {
            case "normal" -> 400;
            case "bold" -> 700;
            default -> weight.matches("[1-9]00") ? Integer.parseInt(weight) : -1;
        };
        PDFont font = w < 0 ? null : font(inherited(text, "font-family", "sans-serif"), w, css);
        if (font == null || !encodes(font, s)) {
            return null;
        }
        return new Label(text, s, x, y, anchor, font, size, fill);
    }

    /** The value of a presentation attribute on the element or the nearest group that sets it. */
    private static String inherited(Element el, String attr, String fallback) {
        for (Node n = el; n instanceof Element e; n = n.getParentNode()) {
            if (e.hasAttribute(attr)) {
                return e.getAttribute(attr).strip();
            }
            if (!INHERITED.contains(attr) || "svg".equals(e.getLocalName())) {
                break;
            }
        }
        return fallback;
    }

    private static boolean onlyAttributes(Element e, Set<String> allowed) {
        var attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node a = attrs.item(i);
            String name = a.getNodeName();
            if (name.equals("xmlns") || name.startsWith("xmlns:")) {
                continue;
            }
            if (!allowed.contains(name)) {
                return false;
            }
        }
        return true;
    }

    /** The embedded face for a font-family list and weight, the way the book's CSS names faces. */
    private PDFont font(String familyList, int weight, CssContext css) {
        for (String f : familyList.split(",")) {
            String name = f.strip().replaceAll("^['\"]|['\"]$", "").toLowerCase(Locale.ROOT);
            String family = FontSet.family(name).toLowerCase(Locale.ROOT);
            List<Integer> present = weights.get(family);
            if (present == null) {
                continue;
            }
            int best = present.stream().min((a, b) -> Integer.compare(Math.abs(a - weight), Math.abs(b - weight)))
                    .orElse(400);
            FontSpecification spec = new FontSpecification();
            spec.families = new String[] {names.get(family)};
            spec.size = 12;
            spec.fontWeight = IdentValue.getByIdentString(Integer.toString(best));
            spec.fontStyle = IdentValue.NORMAL;
            spec.variant = IdentValue.NORMAL;
            if (css.getFont(spec) instanceof PdfBoxFSFont fs && !fs.getFontDescriptions().isEmpty()) {
                return fs.getFontDescriptions().get(0).getFont();
            }
            return null;
        }
        return null;
    }

    /** Whether the face has a glyph for every character (encoding alone would write the missing glyph's box). */
    private static boolean encodes(PDFont font, String s) {
        try {
            if (font instanceof PDType0Font t0 && t0.getDescendantFont() instanceof PDCIDFontType2 cid) {
                var cmap = cid.getTrueTypeFont().getUnicodeCmapLookup();
                return s.codePoints().allMatch(cp -> cmap.getGlyphId(cp) != 0);
            }
            font.encode(s);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Float number(String s) {
        String t = s == null ? "" : s.strip();
        return NUMBER.matcher(t).matches() ? Float.valueOf(t) : null;
    }

    private static Color color(String s) {
        if (HEX.matcher(s).matches()) {
            String h = s.substring(1);
            if (h.length() == 3) {
                h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
            }
            return new Color(Integer.parseInt(h, 16));
        }
        return NAMED.get(s.toLowerCase(Locale.ROOT));
    }

    /** Batik's drawing of the figure without its labels, then the labels as text in the same form. */
    private record Labelled(SVGImage shapes, List<Label> labels, Viewport viewport, Box box, double dotsPerPixel)
            implements Wrapped {

        @Override
        public SVGImage inner() {
            return shapes;
        }

        @Override
        public void drawSVG(OutputDevice od, RenderingContext ctx, double x, double y) {
            InvocationHandler h = (proxy, method, args) -> {
                if (method.getName().equals("drawWithGraphics") && args != null && args.length > 0
                        && args[args.length - 1] instanceof OutputDeviceGraphicsDrawer inner) {
                    args[args.length - 1] = (OutputDeviceGraphicsDrawer) g -> {
                        inner.render(g);
                        drawLabels(g, ctx);
                    };
                }
                try {
                    return method.invoke(od, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            OutputDevice labelled = (OutputDevice) Proxy.newProxyInstance(OutputDevice.class.getClassLoader(),
                    new Class<?>[] {OutputDevice.class}, h);
            shapes.drawSVG(labelled, ctx, x, y);
        }

        private void drawLabels(Graphics2D g, RenderingContext ctx) {
            if (!(g instanceof PdfBoxGraphics2D pg)) {
                return;
            }
            // The same mapping Batik's transcoder uses: intrinsic size onto the content box, viewBox onto that.
            float w = (float) (getIntrinsicWidth() / dotsPerPixel);
            float hgt = (float) (getIntrinsicHeight() / dotsPerPixel);
            Rectangle content = box.getContentAreaEdge(box.getAbsX(), box.getAbsY(), ctx);
            AffineTransform saved = g.getTransform();
            java.awt.Shape savedClip = g.getClip();
            AffineTransform scale = ReplacedElementScaleHelper.createScaleTransform(dotsPerPixel, content, w, hgt);
            if (scale != null) {
                g.transform(scale);
            }
            g.transform(viewport.toViewport(w, hgt));
            g.clip(new Rectangle2D.Float(viewport.x(), viewport.y(), viewport.width(), viewport.height()));
            // Java2D fonts stand for the embedded faces by name: studybook-0, studybook-1, ...
            Map<String, PDFont> fonts = new HashMap<>();
            Map<PDFont, String> names = new IdentityHashMap<>();
            pg.setFontTextDrawer(new LabelText(fonts));
            for (Label l : labels) {
                String key = names.computeIfAbsent(l.font(), f -> "studybook-" + names.size());
                fonts.put(key, l.font());
                float advance;
                try {
                    advance = l.font().getStringWidth(l.text()) / 1000f * l.size();
                } catch (IOException | IllegalArgumentException e) {
                    advance = 0;
                }
                float left = switch (l.anchor()) {
                    case "middle" -> l.x() - advance / 2;
                    case "end" -> l.x() - advance;
                    default -> l.x();
                };
                g.setFont(new Font(key, Font.PLAIN, 1).deriveFont(l.size()));
                g.setPaint(l.fill());
                g.drawString(l.text(), left, l.y());
            }
            g.setClip(savedClip);
            g.setTransform(saved);
        }
    }

    /**
     * Shows a label in its embedded face: a single run, one font, solid fill, at the pen position PdfBoxGraphics2D
     * has already moved to. (PdfBoxGraphics2D's own drawer asks Java2D whether each character can be displayed,
     * and without CJK system fonts sends Chinese to a fallback font.)
     */
    private record LabelText(Map<String, PDFont> fonts) implements IPdfBoxGraphics2DFontTextDrawer {

        @Override
        public boolean canDrawText(AttributedCharacterIterator it, IFontTextDrawerEnv env) {
            return fonts.containsKey(font(it, env).getName());
        }

        @Override
        public void drawText(AttributedCharacterIterator it, IFontTextDrawerEnv env) throws IOException {
            Font awt = font(it, env);
            StringBuilder sb = new StringBuilder();
            for (char c = it.first(); c != CharacterIterator.DONE; c = it.next()) {
                sb.append(c);
            }
            PDPageContentStream cs = env.getContentStream();
            env.applyPaint(env.getPaint(), null);
            cs.beginText();
            cs.setFont(fonts.get(awt.getName()), awt.getSize2D());
            // User space runs downwards; text space upwards.
            cs.setTextMatrix(new Matrix(1, 0, 0, -1, 0, 0));
            cs.showText(sb.toString());
            cs.endText();
        }

        @Override
        public FontMetrics getFontMetrics(Font f, IFontTextDrawerEnv env) {
            return env.getCalculationGraphics().getFontMetrics(f);
        }

        private static Font font(AttributedCharacterIterator it, IFontTextDrawerEnv env) {
            it.first();
            return it.getAttribute(TextAttribute.FONT) instanceof Font f ? f : env.getFont();
        }
    }
}
