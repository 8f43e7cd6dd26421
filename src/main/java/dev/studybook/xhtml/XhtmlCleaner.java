package dev.studybook.xhtml;

import dev.studybook.error.Diagnostics;
import dev.studybook.markdown.MarkdownRenderer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;

/**
 * Turns the HTML of one chapter (flexmark's output with the author's raw HTML inside) into a clean tree that
 * serialises as well-formed XHTML: unknown tags become visible text, scripts and event handlers go, obsolete
 * presentational HTML becomes CSS, headings get ids, and links and images are resolved through
 * {@link References}.
 */
public final class XhtmlCleaner {

    // Attribute values are checked for every element of every chapter: compiled once, not by String.matches per call.
    private static final Pattern FONT_COLOR = Pattern.compile("#?[0-9A-Za-z]{1,20}");
    private static final Pattern ALIGN = Pattern.compile("left|right|center|justify");
    private static final Pattern VALIGN = Pattern.compile("top|middle|bottom|baseline");
    private static final Pattern LINE_NUMBER = Pattern.compile("\\d{1,9}");
    private static final Pattern PIXELS = Pattern.compile("\\d{1,5}");
    private static final Pattern LENGTH = Pattern.compile("\\d{1,5}(\\.\\d+)?(%|px|em)");
    private static final Pattern COUNT = Pattern.compile("-?\\d{1,4}");
    private static final Pattern DIR = Pattern.compile("ltr|rtl|auto");
    private static final Pattern HEADING = Pattern.compile("h[1-6]");
    private static final Pattern LIST_ITEM = Pattern.compile("li|dt|dd");

    /** Elements kept as they are (HTML5 flow and phrasing content that EPUB readers and the PDF renderer know). */
    static final Set<String> KEEP = Set.of("a", "abbr", "address", "article", "aside", "b", "bdi", "bdo", "blockquote",
            "br", "caption", "cite", "code", "col", "colgroup", "data", "dd", "del", "details", "dfn", "div", "dl", "dt",
            "em", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "ins",
            "kbd", "li", "main", "mark", "nav", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "section",
            "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
            "tr", "u", "ul", "var", "wbr", "html", "head", "body");

    /** Obsolete elements and the modern element they become. */
    static final Map<String, String> RENAME = Map.ofEntries(
            Map.entry("center", "div"), Map.entry("font", "span"), Map.entry("tt", "code"), Map.entry("big", "span"),
            Map.entry("strike", "s"), Map.entry("acronym", "abbr"), Map.entry("nobr", "span"),
            Map.entry("blink", "span"), Map.entry("marquee", "div"), Map.entry("listing", "pre"),
            Map.entry("xmp", "pre"), Map.entry("plaintext", "pre"), Map.entry("dir", "ul"), Map.entry("menu", "ul"),
            Map.entry("label", "span"), Map.entry("legend", "span"), Map.entry("fieldset", "div"),
            Map.entry("form", "div"), Map.entry("picture", "span"), Map.entry("video", "div"), Map.entry("audio", "div"));

    /** Elements removed with everything inside them: active content, and what belongs in a document head. */
    static final Set<String> DROP = Set.of("script", "style", "iframe", "frame", "frameset", "object", "embed",
            "applet", "noscript", "template", "link", "meta", "base", "title", "canvas", "source", "track", "param",
            "select", "textarea", "button", "map", "area", "math", "svg", "noembed", "noframes", "dialog", "slot");

    /**
     * Of those, the ones whose name is also an everyday word: written bare in prose ("cp &lt;source&gt;
     * &lt;dest&gt;") they are text, not markup.
     */
    static final Set<String> WORDS = Set.of("source", "track", "param", "select", "button", "map", "area", "title",
            "dialog", "slot", "template", "link", "base", "meta", "embed", "object", "canvas", "frame", "textarea");

    /** Attributes kept on every element. */
    static final Set<String> GLOBAL_ATTRIBUTES = Set.of("id", "class", "title", "lang", "dir", "style");

    /** Attributes kept on particular elements. */
    static final Map<String, Set<String>> ELEMENT_ATTRIBUTES = Map.ofEntries(
            Map.entry("a", Set.of("href")),
            Map.entry("img", Set.of("src", "alt", "width", "height")),
            Map.entry("td", Set.of("colspan", "rowspan")),
            Map.entry("th", Set.of("colspan", "rowspan", "scope")),
            Map.entry("ol", Set.of("start", "reversed", "type")),
            Map.entry("li", Set.of("value")),
            Map.entry("col", Set.of("span")),
            Map.entry("colgroup", Set.of("span")),
            Map.entry("time", Set.of("datetime")),
            Map.entry("data", Set.of("value")),
            Map.entry("details", Set.of("open")),
            Map.entry("abbr", Set.of("title")));

    private XhtmlCleaner() {
    }

    /** Cleans one chapter's HTML; {@code refs} resolves its links and images and receives warnings. */
    public static CleanChapter clean(String html, References refs) {
        // Source positions are read only for elements HTML does not know (unknown tags, components, self-closed
        // custom elements): a chapter without any is parsed without recording them (the tree is the same).
        Parser parser = Parser.htmlParser().setTrackPosition(hasUnknownTag(html));
        Document doc = org.jsoup.Jsoup.parse(html, "", parser);
        Element body = doc.body();
        List<Element> unknown = new ArrayList<>();
        Map<Node, Integer> lines = assignLines(body, unknown);
        Cleaner c = new Cleaner(html, refs, lines);
        c.selfClosing(unknown);
        c.cleanChildren(body, 0);
        Nesting.repair(body, Tags.of(body));
        Set<String> tags = new java.util.HashSet<>();
        Map<String, String> anchors = c.ids(body, tags);
        // Each rule below selects elements of a few tags: one that none of the chapter's elements has is skipped.
        if (tags.contains("div")) {
            ChapterToc.fill(body);
        }
        if (tags.contains("div") || tags.contains("a")) {
            Footnotes.semantic(body);
        }
        if (tags.contains("table") || tags.contains("th")) {
            TableWords.mark(body);
        }
        if (tags.contains("code")) {
            InlineCode.mark(body);
        }
        Element broken = XmlText.cleanAndBreak(body);
        if (broken != null) {
            refs.warn(BookLinker.line(broken), dev.studybook.error.Diagnostics.Kind.STRUCTURE, "a run of more than "
                    + LongWords.MAX_UNBROKEN_RUN + " characters has no place to break a line; it is broken every "
                    + LongWords.MAX_UNBROKEN_RUN + " characters (MAX_UNBROKEN_RUN)");
        }
        return new CleanChapter(doc, anchors);
    }

    /**
     * Whether the HTML may hold an element neither kept nor renamed (so that its source is needed): a start tag
     * whose name, read as HTML parsing reads it, is not one of {@link #KEEP} or {@link #RENAME}.
     */
    static boolean hasUnknownTag(String html) {
        int n = html.length();
        for (int i = html.indexOf('<'); i >= 0 && i + 1 < n; i = html.indexOf('<', i + 1)) {
            char first = html.charAt(i + 1);
            if (!Character.isLetter(first)) {
                continue;
            }
            int end = i + 1;
            while (end < n) {
                char ch = html.charAt(end);
                if (ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == ' ' || ch == '/' || ch == '>'
                        || ch == '<' || ch == 0) {
                    break;
                }
                end++;
            }
            String name = html.substring(i + 1, end).toLowerCase(Locale.ROOT);
            if (!KEEP.contains(name) && !RENAME.containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Gives every node the source line of the nearest line marker before it, then drops the markers; collects, in
     * document order, the elements neither kept nor renamed (those {@link Cleaner#selfClosing} looks at).
     */
    private static Map<Node, Integer> assignLines(Element root, List<Element> unknown) {
        Map<Node, Integer> lines = new IdentityHashMap<>();
        List<Node> markers = new ArrayList<>();
        int[] current = {0};
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof Comment comment) {
                String data = comment.getData();
                if (data.startsWith(MarkdownRenderer.LINE_COMMENT)) {
                    try {
                        current[0] = Integer.parseInt(data.substring(MarkdownRenderer.LINE_COMMENT.length()).strip());
                    } catch (NumberFormatException ignored) {
                        // Not one of ours; the author wrote a comment that looks like it.
                    }
                }
                markers.add(node);
            } else if (node instanceof Element el) {
                if (el.hasAttr(MarkdownRenderer.LINE_ATTRIBUTE)) {
                    try {
                        current[0] = Integer.parseInt(el.attr(MarkdownRenderer.LINE_ATTRIBUTE));
                    } catch (NumberFormatException ignored) {
                        // Written by the author in raw HTML; keep the previous line.
                    }
                }
                String tag = el.normalName();
                if (el != root && !KEEP.contains(tag) && !RENAME.containsKey(tag)) {
                    unknown.add(el);
                }
            }
            lines.put(node, current[0]);
        }, root);
        markers.forEach(Node::remove);
        return lines;
    }

    /** Block containers counted for nesting depth. */
    static final Set<String> NESTING = Set.of("blockquote", "ul", "ol", "div", "section", "article", "aside", "dl",
            "details", "table", "figure", "header", "footer", "nav", "main");
    /** Deeper nesting than this is flattened. */
    static final int MAX_NESTING = 48;

    private static final class Cleaner {
        private boolean flattened;
        private final String source;
        private final References refs;
        private final Map<Node, Integer> lines;

        Cleaner(String source, References refs, Map<Node, Integer> lines) {
            this.source = source;
            this.refs = refs;
            this.lines = lines;
        }

        int line(Node n) {
            for (Node x = n; x != null; x = x.parent()) {
                Integer l = lines.get(x);
                if (l != null && l > 0) {
                    return l;
                }
            }
            return 0;
        }

        void cleanChildren(Element parent, int depth) {
            // Copy: cleaning a child may replace it with several nodes.
            for (Node child : new ArrayList<>(parent.childNodes())) {
                if (child instanceof Element el) {
                    cleanElement(el, depth);
                } else if (child instanceof Comment) {
                    child.remove();
                } else if (!(child instanceof TextNode) && !(child instanceof org.jsoup.nodes.DataNode)) {
                    child.remove();
                }
            }
        }

        void cleanElement(Element el, int depth) {
            String tag = el.normalName();
            if (NESTING.contains(tag)) {
                if (depth >= MAX_NESTING) {
                    // No reader lays out a thousand nested quotes; deeper boxes give way to their content.
                    if (!flattened) {
                        flattened = true;
                        refs.warn(line(el), Diagnostics.Kind.STRUCTURE, "lists, quotes or boxes are nested more than " + MAX_NESTING
                                + " deep; the deeper levels are flattened");
                    }
                    List<Node> kids = flatten(el);
                    for (Node k : kids) {
                        if (k instanceof Element e && e.parent() != null) {
                            cleanElement(e, depth);
                        }
                    }
                    return;
                }
                depth++;
            }
            if (tag.equals("pre") && el.hasAttr(MarkdownRenderer.DIAGRAM_ATTRIBUTE)) {
                String language = el.attr(MarkdownRenderer.DIAGRAM_ATTRIBUTE);
                el.removeAttr(MarkdownRenderer.DIAGRAM_ATTRIBUTE);
                if (diagram(el, language)) {
                    return;
                }
            }
            if (el.hasAttr(MarkdownRenderer.MATH_ATTRIBUTE) && (tag.equals("span") || tag.equals("div"))) {
                math(el);
                return;
            }
            if (WORDS.contains(tag) && el.attributesSize() == 0 && el.childNodeSize() == 0) {
                unknownToText(el);
                return;
            }
            if (tag.equals("listing") && (el.attributesSize() > 0 || !Select.in(el, "pre, div, p").isEmpty())) {
                listing(el, depth);
                return;
            }
            if (DROP.contains(tag)) {
                if (tag.equals("svg")) {
                    refs.warn(line(el), Diagnostics.Kind.STRUCTURE, "inline <svg> is not supported and was left out; save it as an .svg file and show it with ![alt](file.svg)");
                }
                el.remove();
                return;
            }
            if (tag.equals("img") && darkModeOnly(el)) {
                el.remove();
                return;
            }
            if (tag.equals("input")) {
                taskBox(el);
                return;
            }
            if (RENAME.containsKey(tag)) {
                String style = presentationalStyle(el, tag);
                el.tagName(RENAME.get(tag));
                if (!style.isEmpty()) {
                    el.attr("style", joinStyle(el.attr("style"), style));
                }
                tag = el.normalName();
            }
            if (!KEEP.contains(tag)) {
                if (closedElement(el)) {
                    customElement(el, depth);
                } else {
                    unknownToText(el);
                }
                return;
            }
            cleanAttributes(el, tag);
            cleanChildren(el, depth);
            switch (tag) {
                case "a" -> link(el);
                case "img" -> image(el);
                default -> {
                }
            }
        }

        /**
         * Replaces a container by what it holds, keeping the result valid: a list's items and a definition list's
         * terms give up their content too, a table becomes a paragraph of its text.
         */
        List<Node> flatten(Element el) {
            String tag = el.normalName();
            if (tag.equals("table")) {
                Element p = new Element("p").text(el.text());
                el.replaceWith(p);
                return List.of(p);
            }
            if (tag.equals("ul") || tag.equals("ol") || tag.equals("dl")) {
                for (Element item : new ArrayList<>(el.children())) {
                    if (LIST_ITEM.matcher(item.normalName()).matches()) {
                        item.unwrap();
                    }
                }
            }
            List<Node> kids = new ArrayList<>(el.childNodes());
            el.unwrap();
            return kids;
        }

        /**
         * HTML parsing ignores the "/>" of an element it does not know ({@code <Badge text="beta"/>}) and puts all
         * that follows inside it: what follows is given back to its parent.
         */
        void selfClosing(List<Element> unknown) {
            for (int i = unknown.size() - 1; i >= 0; i--) {
                Element el = unknown.get(i);
                if (el.childNodeSize() == 0) {
                    continue;
                }
                var start = el.sourceRange();
                if (start.isTracked() && start.endPos() <= source.length() && start.startPos() < start.endPos()
                        && source.substring(start.startPos(), start.endPos()).endsWith("/>")) {
                    List<Node> kids = new ArrayList<>(el.childNodes());
                    for (int k = kids.size() - 1; k >= 0; k--) {
                        el.after(kids.get(k));
                    }
                }
            }
        }

        /** True when the source closes the element ({@code </Foo>}) or it closes itself with attributes ({@code <Badge text="x"/>}). */
        boolean closedElement(Element el) {
            var end = el.endSourceRange();
            if (end.isTracked() && end.startPos() < end.endPos() && end.endPos() <= source.length()
                    && source.startsWith("</", end.startPos())) {
                return true;
            }
            var start = el.sourceRange();
            if (!start.isTracked() || start.endPos() > source.length() || start.startPos() >= start.endPos()) {
                return false;
            }
            String tag = source.substring(start.startPos(), start.endPos());
            // <Badge text="beta"/>, or a component named as Vue and React name them: <Giscus />, <my-widget/>.
            return tag.endsWith("/>") && (el.attributesSize() > 0 || tag.matches("(?s)<[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*\\s*/>")
                    || tag.matches("(?s)<[a-z]+(-[a-z0-9]+)+\\s*/>"));
        }

        /**
         * An element HTML does not know but the author wrote as one, with its end tag: a Vue or React component
         * ({@code <CodeGroup>}, {@code <Badge text="beta"/>}) or a custom element. It becomes a {@code div} when it
         * holds blocks or stands between blocks, else a {@code span}, keeping its text.
         */
        void customElement(Element el, int depth) {
            if (el.childNodeSize() == 0) {
                for (String a : List.of("text", "label", "title", "content")) {
                    if (!el.attr(a).isBlank()) {
                        el.appendText(el.attr(a).strip());
                        break;
                    }
                }
            }
            cleanChildren(el, depth);
            if (el.childNodeSize() == 0) {
                // A component that shows something only on the web (<Giscus />, a comment box): nothing to keep.
                el.remove();
                return;
            }
            boolean blocks = el.children().stream().anyMatch(c -> Nesting.BLOCKS.contains(c.normalName()));
            Element parent = el.parent();
            boolean betweenBlocks = parent != null && FLOW.contains(parent.normalName());
            String tag = blocks || betweenBlocks ? "div" : "span";
            el.tagName(tag);
            cleanAttributes(el, tag);
        }

        /** Containers of blocks: an element directly inside one stands between blocks. */
        static final Set<String> FLOW = Set.of("body", "div", "section", "aside", "blockquote", "article", "main", "header",
                "footer", "nav", "details", "figure");

        /**
         * The Rust book's {@code <Listing number="1-1" file-name="src/main.rs" caption="…">} around a code block: the
         * file name above the listing, its number and caption below, as mdBook's trpl preprocessor shows them.
         */
        void listing(Element el, int depth) {
            String number = el.attr("number").strip();
            String file = el.attr("file-name").strip();
            String caption = el.attr("caption").strip();
            el.tagName("div");
            el.clearAttributes();
            el.addClass("listing");
            cleanChildren(el, depth);
            if (!file.isEmpty()) {
                el.prependElement("p").addClass("listing-file").appendElement("code").text(file);
            }
            if (!number.isEmpty() || !caption.isEmpty()) {
                String label = number.isEmpty() ? "" : "Listing " + number;
                el.appendElement("p").addClass("listing-caption")
                        .text(label + (caption.isEmpty() ? "" : (label.isEmpty() ? "" : ": ") + caption.replace("`", "")));
            }
        }

        /** An element the author did not mean as HTML, such as {@code <token>} in prose: shown as written. */
        void unknownToText(Element el) {
            String open = "<" + el.tagName() + ">";
            var range = el.sourceRange();
            if (range.isTracked() && range.endPos() <= source.length() && range.startPos() < range.endPos()) {
                open = source.substring(range.startPos(), range.endPos());
            }
            List<Node> replacement = new ArrayList<>();
            replacement.add(new TextNode(open));
            cleanChildren(el, 0);
            replacement.addAll(new ArrayList<>(el.childNodes()));
            var end = el.endSourceRange();
            if (end.isTracked() && end.endPos() <= source.length() && end.startPos() < end.endPos()
                    && source.startsWith("</", end.startPos())) {
                replacement.add(new TextNode(source.substring(end.startPos(), end.endPos())));
            }
            Element parent = el.parent();
            if (parent == null) {
                el.remove();
                return;
            }
            int index = el.siblingIndex();
            el.remove();
            parent.insertChildren(index, replacement);
        }

        /** A task-list checkbox becomes a box character that every reader and the PDF can show. */
        void taskBox(Element input) {
            if (input.attr("type").equalsIgnoreCase("checkbox")) {
                boolean checked = input.hasAttr("checked");
                Element box = new Element("span").addClass("task-box").addClass(checked ? "task-done" : "task-open")
                        .text(checked ? "\u2611" : "\u2610");
                input.replaceWith(box);
                Node next = box.nextSibling();
                if (next instanceof TextNode t && t.getWholeText().startsWith("\u00a0")) {
                    t.text(" " + t.getWholeText().substring(1));
                }
            } else {
                input.remove();
            }
        }

        String presentationalStyle(Element el, String tag) {
            List<String> style = new ArrayList<>();
            if (tag.equals("center")) {
                style.add("text-align:center");
            }
            if (tag.equals("font")) {
                String color = el.attr("color").strip();
                if (FONT_COLOR.matcher(color).matches()) {
                    style.add("color:" + color);
                }
            }
            if (tag.equals("big")) {
                style.add("font-size:larger");
            }
            if (tag.equals("nobr")) {
                style.add("white-space:nowrap");
            }
            return String.join(";", style);
        }

        void cleanAttributes(Element el, String tag) {
            if (el.attributesSize() == 0) {
                // Most elements (a paragraph, an item, a cell) have none: nothing below would change.
                return;
            }
            Set<String> allowed = ELEMENT_ATTRIBUTES.getOrDefault(tag, Set.of());
            List<String> style = new ArrayList<>();
            String align = el.attr("align").strip().toLowerCase(Locale.ROOT);
            if (ALIGN.matcher(align).matches()) {
                if (tag.equals("table")) {
                    // On a table, align places the table, it does not align its text.
                    style.add(align.equals("center") ? "margin-left:auto;margin-right:auto"
                            : align.equals("right") ? "margin-left:auto" : "margin-right:auto");
                } else if (tag.equals("img")) {
                    style.add(align.equals("center") ? "display:block;margin:0 auto" : "float:" + align);
                } else {
                    style.add("text-align:" + align);
                }
            }
            String valign = el.attr("valign").strip().toLowerCase(Locale.ROOT);
            if (VALIGN.matcher(valign).matches()) {
                style.add("vertical-align:" + valign);
            }
            if (tag.equals("a") && !el.attr("name").isBlank() && !el.hasAttr("id")) {
                el.attr("id", el.attr("name"));
            }
            for (Attribute a : new ArrayList<>(el.attributes().asList())) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                if (a.getKey().equals(MarkdownRenderer.LINE_ATTRIBUTE) && LINE_NUMBER.matcher(a.getValue()).matches()) {
                    continue;
                }
                boolean keep = GLOBAL_ATTRIBUTES.contains(name) || allowed.contains(name);
                if (!keep || !name.equals(a.getKey())) {
                    el.removeAttr(a.getKey());
                    if (keep) {
                        el.attr(name, a.getValue());
                    }
                }
            }
            for (String dim : List.of("width", "height")) {
                if (el.hasAttr(dim)) {
                    String v = el.attr(dim).strip();
                    if (!PIXELS.matcher(v).matches()) {
                        el.removeAttr(dim);
                        if (LENGTH.matcher(v).matches()) {
                            style.add(dim + ":" + v);
                        }
                    }
                }
            }
            if (el.hasAttr("style")) {
                String s = safeStyle(el.attr("style"));
                if (s.isEmpty()) {
                    el.removeAttr("style");
                } else {
                    el.attr("style", s);
                }
            }
            if (!style.isEmpty()) {
                el.attr("style", joinStyle(el.attr("style"), String.join(";", style)));
            }
            for (String n : List.of("colspan", "rowspan", "start", "span", "value")) {
                if (el.hasAttr(n) && !COUNT.matcher(el.attr(n).strip()).matches()) {
                    el.removeAttr(n);
                }
            }
            if (el.hasAttr("dir") && !DIR.matcher(el.attr("dir")).matches()) {
                el.removeAttr("dir");
            }
        }

        /**
         * Keeps inline CSS that cannot reach outside the book: no url(), no expressions, no imports; drops
         * declarations that break page layout (position, zoom).
         */
        String safeStyle(String style) {
            List<String> kept = new ArrayList<>();
            for (String decl : style.split(";")) {
                String d = decl.strip();
                int colon = d.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String prop = d.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = d.substring(colon + 1).strip();
                String lower = value.toLowerCase(Locale.ROOT);
                if (!prop.matches("[a-z-]{1,40}") || lower.contains("url(") || lower.contains("expression(")
                        || lower.contains("javascript:") || lower.contains("@import") || lower.contains("\\")
                        || prop.equals("position") || prop.equals("zoom") || prop.startsWith("-")
                        || value.isEmpty() || value.contains("<") || value.contains("\"")
                        // The web site's theme variables (vuejs/docs: color:var(--vt-c-green)), which the book does
                        // not define: a reading system leaves the colour unset, the PDF warned without a place.
                        || lower.contains("var(")
                        || dev.studybook.io.CssReferences.outside(d)) {
                    continue;
                }
                kept.add(prop + ":" + value);
            }
            return String.join(";", kept);
        }

        static String joinStyle(String a, String b) {
            if (a == null || a.isBlank()) {
                return b;
            }
            return a.strip().replaceAll(";$", "") + ";" + b;
        }

        void link(Element a) {
            if (!a.hasAttr("href")) {
                return;
            }
            if (a.text().isBlank() && Select.in(a, "img").isEmpty() && a.id().isEmpty()) {
                // Nothing to click: "<a href=URL>URL</a>" whose text Markdown already made a link of, or an empty
                // anchor.
                a.remove();
                return;
            }
            if (!Select.in(a, "a").stream().filter(x -> x != a).toList().isEmpty()) {
                // A link inside a link is not allowed: keep the outer one, unwrap the inner ones.
                Select.in(a, "a").stream().filter(x -> x != a).forEach(Element::unwrap);
            }
            if (!autolink(a)) {
                return;
            }
            if (pictureItself(a)) {
                // A web site's "click to enlarge": the book shows the picture already, and the file is no page of
                // it (squidfunk/mkdocs-material: 27 warnings "leads to a file that is not part of the book").
                a.unwrap();
                return;
            }
            References.LinkDestination d = refs.link(a.attr("href"), line(a));
            if (d instanceof References.External e) {
                Optional<String> url = Urls.valid(e.url());
                if (url.isEmpty()) {
                    refs.warn(line(a), Diagnostics.Kind.LINK, "the link '" + abbreviate(e.url()) + "' is not a valid URL;"
                            + " it is shown as plain text");
                    a.unwrap();
                    return;
                }
                a.attr("href", url.get());
                a.addClass("external");
            } else if (d instanceof References.SameChapter s) {
                a.attr("href", "#" + s.fragment());
                a.attr("data-sb-local", "");
            } else if (d instanceof References.OtherChapter o) {
                a.removeAttr("href");
                a.attr("data-sb-chapter", o.chapterId());
                a.attr("data-sb-fragment", o.fragment());
            } else {
                a.unwrap();
            }
        }

        /** True for a link whose only content is a picture of the book and that leads to that picture's own file. */
        boolean pictureItself(Element a) {
            List<Element> pictures = Select.in(a, "img");
            String href = a.attr("href").strip();
            if (pictures.size() != 1 || !a.text().isBlank() || href.isEmpty() || href.startsWith("#") || href.startsWith("//")
                    || href.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*:.*")) {
                return false;
            }
            return refs.shownPicture(href, pictures.get(0).attr("src"), line(a));
        }

        /**
         * A URL written in prose and linked by Markdown ends where a URL ends: before Chinese text or full-width
         * punctuation ({@code http://localhost:8080。}), without the backslashes of Markdown escapes
         * ({@code https://hub.docker.com/\_/alpine/}); a bare {@code http://} is no link.
         */
        boolean autolink(Element a) {
            String href = a.attr("href");
            String text = a.text();
            if (a.childrenSize() > 0 || text.isEmpty() || !(href.equals(text) || href.equals("http://" + text)
                    || href.equals("mailto:" + text))) {
                return true;
            }
            String prefix = href.substring(0, href.length() - text.length());
            String t = text.replaceAll("\\\\(?=[!-/:-@\\[-`{-~])", "");
            int end = Urls.autolinkEnd(t);
            String rest = t.substring(end);
            t = t.substring(0, end);
            if (t.matches("(?i)[a-z]+://|") || t.isEmpty()) {
                a.after(new TextNode(t + rest));
                a.remove();
                return false;
            }
            a.text(t);
            a.attr("href", prefix + t);
            if (!rest.isEmpty()) {
                a.after(new TextNode(rest));
            }
            return true;
        }

        static String abbreviate(String s) {
            return s.length() > 80 ? s.substring(0, 77) + "..." : s;
        }

        /**
         * True for the dark-mode twin of a picture, which a page shows only on a dark background: Tailwind's
         * {@code class="hidden dark:block"} beside {@code class="block dark:hidden"} (huggingface/course showed
         * every diagram twice), or GitHub's {@code #gh-dark-mode-only} address. A book is read on paper-white pages.
         */
        static boolean darkModeOnly(Element img) {
            if (img.attr("src").strip().endsWith("#gh-dark-mode-only")) {
                return true;
            }
            List<String> classes = List.of(img.attr("class").strip().split("\\s+"));
            return classes.contains("hidden") && classes.stream().anyMatch(c -> c.startsWith("dark:") && !c.equals("dark:hidden"));
        }

        void image(Element img) {
            Optional<TexAddresses.Tex> tex = TexAddresses.of(img.attr("src"));
            if (tex.isPresent()) {
                formula(img, tex.get());
                return;
            }
            if (!img.hasAttr("alt")) {
                img.attr("alt", "");
            }
            String alt = img.attr("alt");
            if (alt.isBlank()) {
                // A data: address is the picture itself, kilobytes of base64: the message shows its start.
                String src = img.attr("src").length() > 80 && img.attr("src").regionMatches(true, 0, "data:", 0, 5)
                        ? img.attr("src").substring(0, 40) + "…" : img.attr("src");
                refs.warn(line(img), Diagnostics.Kind.ALT_TEXT, "the image '" + src + "' has no alt text; describe it for readers who"
                        + " cannot see it: ![what the picture shows](" + src + ")");
            }
            References.ImageSource s = refs.image(img.attr("src"), line(img));
            if (s instanceof References.LocalImage local) {
                img.attr("src", local.href());
                Element p = img.parent();
                if (p != null && p.normalName().equals("p") && p.childrenSize() == 1 && p.ownText().isBlank()) {
                    // A paragraph that is only an image is a figure: centred, kept on one page.
                    p.addClass("figure");
                }
                return;
            }
            Element shown = new Element("span").addClass("image-missing");
            String word = refs.pictureWord();
            // A full-width colon after a CJK word, as Chinese and Japanese write it; else ": ".
            String colon = word.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                    ? "：" : ": ";
            shown.appendText(alt.isBlank() ? "[" + word + "]" : "[" + word + colon + alt + "]");
            if (s instanceof References.RemoteImage remote) {
                shown.appendText(" ");
                Optional<String> url = Urls.valid(remote.url());
                if (url.isPresent()) {
                    shown.appendElement("a").attr("href", url.get()).addClass("external").text(remote.url());
                } else {
                    refs.warn(line(img), Diagnostics.Kind.IMAGE, "the image address '" + abbreviate(remote.url())
                            + "' is not a valid URL; it is shown as plain text");
                    shown.appendText(remote.url());
                }
            }
            img.replaceWith(shown);
        }

        /**
         * A picture of a formula that a web service draws from the TeX in its address (TexAddresses) becomes that
         * formula, typeset as {@code $…$} is: displayed when it is its paragraph's only content and its address did
         * not ask for inline math, else inline.
         */
        private void formula(Element img, TexAddresses.Tex tex) {
            Element p = img.parent();
            // Alone in its paragraph, or an HTML block of its own (<img> on a line, in <p align="center">, <div>).
            boolean alone = p != null && (p.normalName().equals("p") ? p.childrenSize() == 1 && p.ownText().isBlank()
                    : blockBeside(img.previousSibling(), true) && blockBeside(img.nextSibling(), false));
            boolean display = alone && !tex.inline();
            Element math = new Element(display ? "div" : "span").attr(MarkdownRenderer.MATH_ATTRIBUTE,
                    display ? "display" : "inline").text(tex.tex());
            math.attr(MarkdownRenderer.LINE_ATTRIBUTE, Integer.toString(line(img)));
            if (display && p.normalName().equals("p")) {
                p.replaceWith(math);
            } else {
                img.replaceWith(math);
            }
            math(math);
        }

        /** Whether {@code n} and the nodes on past it (back when {@code back}) up to an element are blank, or a block. */
        private static boolean blockBeside(Node n, boolean back) {
            for (; n != null; n = back ? n.previousSibling() : n.nextSibling()) {
                if (n instanceof TextNode t && t.isBlank()) {
                    continue;
                }
                return n instanceof Element e && BLOCK_NEIGHBOURS.contains(e.normalName());
            }
            return true;
        }

        private static final Set<String> BLOCK_NEIGHBOURS = Set.of("p", "div", "pre", "ul", "ol", "dl", "table",
                "blockquote", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "section", "br");

        /**
         * A diagram's code block becomes the picture the converter draws, as a figure with the diagram's title or
         * source as alt text; false (the block stays code) when it cannot be drawn.
         */
        boolean diagram(Element pre, String language) {
            String source = pre.wholeText();
            var drawn = refs.diagram(language, source, line(pre));
            if (drawn.isEmpty()) {
                return false;
            }
            String alt = drawn.get().alt().isEmpty() ? source.strip() : drawn.get().alt();
            Element p = new Element("p").addClass("figure").addClass("diagram");
            if (pre.hasAttr(MarkdownRenderer.LINE_ATTRIBUTE)) {
                p.attr(MarkdownRenderer.LINE_ATTRIBUTE, pre.attr(MarkdownRenderer.LINE_ATTRIBUTE));
            }
            p.appendElement("img").attr("src", drawn.get().href()).attr("alt", alt.length() > 500 ? alt.substring(0, 497) + "..." : alt);
            pre.replaceWith(p);
            return true;
        }

        /**
         * TeX math (marked by the Markdown stage) becomes the picture the converter typesets, sized in em so that
         * it scales with the text and sits on its baseline, with the TeX as alt text; when it cannot be typeset,
         * its TeX stays as written between its dollars.
         */
        void math(Element el) {
            boolean display = el.attr(MarkdownRenderer.MATH_ATTRIBUTE).equals("display");
            String tex = el.wholeText();
            int line = line(el);
            var drawn = refs.math(tex, display, line);
            if (drawn.isEmpty()) {
                Element code = new Element("code").addClass("math-source").text(display ? "$$" + tex + "$$" : "$" + tex + "$");
                if (el.normalName().equals("div")) {
                    el.replaceWith(new Element("p").attr(MarkdownRenderer.LINE_ATTRIBUTE, Integer.toString(line)).appendChild(code));
                } else {
                    el.replaceWith(code);
                }
                return;
            }
            References.Drawn d = drawn.get();
            // Displayed math may be wider than a phone's screen: it shrinks as a whole, keeping its shape.
            String style = display ? String.format(Locale.ROOT, "width:%.3fem", d.widthEm())
                    : String.format(Locale.ROOT, "width:%.3fem;height:%.3fem;vertical-align:%.3fem", d.widthEm(),
                            d.heightEm(), -d.depthEm());
            Element img = new Element("img").attr("src", d.href()).attr("alt", tex.strip()).addClass("math-picture")
                    .attr("style", style);
            Element box = new Element(el.normalName()).addClass(display ? "math-display" : "math").appendChild(img);
            if (el.hasAttr(MarkdownRenderer.LINE_ATTRIBUTE)) {
                box.attr(MarkdownRenderer.LINE_ATTRIBUTE, el.attr(MarkdownRenderer.LINE_ATTRIBUTE));
            }
            el.replaceWith(box);
        }

        /**
         * Gives every heading an id (its GitHub slug, or the id the author wrote), makes all ids valid XML
         * names unique within the chapter, and returns the anchors a link may name; {@code tags} receives the
         * names of the elements under {@code body}.
         */
        Map<String, String> ids(Element body, Set<String> tags) {
            Map<String, String> anchors = new HashMap<>();
            Map<String, Integer> used = new LinkedHashMap<>();
            for (Element el : body.getAllElements()) {
                if (el == body) {
                    continue;
                }
                tags.add(el.normalName());
                boolean heading = HEADING.matcher(el.normalName()).matches();
                String written = el.id().strip();
                if (written.isEmpty() && !heading) {
                    // id="" is no id, and not a valid one.
                    el.removeAttr("id");
                    continue;
                }
                // GitHub slugs the heading's text as written: "8.  判断" (two spaces) is #8--判断, which the
                // collapsed text would make #8-判断 (CyC2018/CS-Notes' GFM-TOC lists link such headings).
                String slug = heading ? Ids.slug(el.wholeText()) : "";
                String base = Ids.xmlId(written.isEmpty() ? slug : written, heading ? "section" : "anchor");
                String id = base;
                int n = used.getOrDefault(base, 0);
                while (used.containsKey(id)) {
                    n++;
                    id = base + "-" + n;
                }
                used.put(base, n);
                used.putIfAbsent(id, 0);
                el.attr("id", id);
                if (!written.isEmpty()) {
                    anchors.putIfAbsent(written, id);
                }
                if (heading) {
                    // GitHub numbers repeated slugs -1, -2 ...: the n-th repeat answers to slug-n.
                    String key = n == 0 || !written.isEmpty() ? slug : slug + "-" + n;
                    anchors.putIfAbsent(key, id);
                    // A link written by hand may name the heading by its collapsed text all the same.
                    anchors.putIfAbsent(Ids.slug(el.text()), id);
                }
                anchors.putIfAbsent(id, id);
            }
            return anchors;
        }
    }
}
