package dev.studybook.xhtml;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Repairs what HTML parsing lets through but XHTML's content model refuses: a block ({@code <pre>}, {@code <div>},
 * a list) inside an element that may hold only phrasing content (a paragraph, a heading, a span, a link) becomes
 * its inline equivalent, keeping its text; a {@code <br>} directly inside a {@code <figure>} goes; a figure keeps one
 * caption, at its start or end.
 */
final class Nesting {

    /** Elements whose content must be phrasing content. */
    static final Set<String> PHRASING_ONLY = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "span", "em", "strong", "b",
            "i", "u", "s", "small", "sub", "sup", "mark", "code", "kbd", "samp", "var", "abbr", "cite", "dfn", "q", "time",
            "data", "bdi", "bdo", "ruby", "rt", "rp", "a", "ins", "del", "pre", "summary", "caption", "dt");
    /** Elements that are blocks (flow content that is not phrasing content). */
    static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "details", "div", "dl", "figure",
            "figcaption", "footer", "header", "hr", "main", "nav", "ol", "p", "pre", "section", "table", "ul", "h1", "h2",
            "h3", "h4", "h5", "h6", "li", "dd", "dt", "summary", "caption", "thead", "tbody", "tfoot", "tr", "td", "th",
            "col", "colgroup");

    private Nesting() {
    }

    /**
     * Repairs the chapter; {@code tags} names the elements it holds ({@link Tags#of}): the repairs of elements it
     * has none of are skipped (none of them makes an element another one looks for).
     */
    static void repair(Element body, Set<String> tags) {
        if (tags.contains("figure") && tags.contains("br")) {
            for (Element fig : body.select("figure > br")) {
                fig.remove();
            }
        }
        if (tags.contains("figcaption")) {
            captions(body);
        }
        if (FORMATTING.stream().anyMatch(tags::contains)) {
            formattingWrappers(body);
        }
        if (tags.contains("summary") || tags.contains("details")) {
            summaries(body);
        }
        if (tags.contains("li") || tags.contains("dt") || tags.contains("dd")) {
            strayItems(body);
        }
        // Outermost first: once a list inside a span is a span, its items are inside phrasing content too.
        List<Element> all = new ArrayList<>(body.getAllElements());
        for (Element el : all) {
            if (el == body || el.parent() == null || !BLOCKS.contains(el.normalName()) || !insidePhrasing(el)) {
                continue;
            }
            inline(el);
        }
    }

    /**
     * A figcaption is the first or last child of its figure, one a figure: docsify's own guide writes
     * {@code <figcaption>1<figcaption>}, which HTML parsing nests (20 EPUBCheck errors). A caption inside a caption
     * gives up its tag, one outside a figure (datawhalechina/easy-rl: {@code <div><figcaption>表 1</figcaption></div>})
     * or after the figure's first caption becomes a div, its text where the author put it.
     */
    private static void captions(Element body) {
        for (Element cap : body.select("figcaption figcaption")) {
            cap.unwrap();
        }
        for (Element cap : body.select("figcaption")) {
            Element fig = cap.parent();
            boolean first = fig != null && fig.normalName().equals("figure")
                    && (cap == fig.firstElementChild() || cap == fig.lastElementChild())
                    && fig.children().stream().filter(c -> c.normalName().equals("figcaption")).findFirst().orElse(null) == cap;
            if (!first) {
                cap.tagName("div");
            }
        }
    }

    /** Formatting elements that HTML parsing lets an author open before blocks and close after them. */
    private static final Set<String> FORMATTING = Set.of("b", "i", "em", "strong", "u", "s", "small", "mark");
    /** Elements that may hold no text or formatting directly, only their own parts. */
    private static final Set<String> STRUCTURED = Set.of("ul", "ol", "menu", "dl", "table", "thead", "tbody", "tfoot", "tr");

    /**
     * A formatting element wrapped around blocks gives up its tag, keeping its content: bregman-arie/devops-exercises
     * writes {@code <summary>…</summary><br><b>} before each answer's paragraphs and lists and {@code </b></details>}
     * after them, which HTML parsing turns into {@code <b>} around paragraphs and inside lists (316 EPUBCheck
     * errors), and the lists would otherwise become runs of spans.
     */
    private static void formattingWrappers(Element body) {
        for (Element el : new ArrayList<>(body.getAllElements())) {
            if (el == body || el.parent() == null || !FORMATTING.contains(el.normalName())) {
                continue;
            }
            boolean wraps = STRUCTURED.contains(el.parent().normalName())
                    || el.children().stream().anyMatch(c -> BLOCKS.contains(c.normalName()));
            if (wraps) {
                el.unwrap();
            }
        }
    }

    /**
     * A {@code <details>} opens with its {@code <summary>}, which XHTML requires: google/comprehensive-rust writes
     * its speaker notes as {@code <details>} without one (459 EPUBCheck errors). One written later moves to the
     * start; a missing one is the label browsers show, in the script of the text it introduces; one elsewhere is
     * a paragraph.
     */
    private static void summaries(Element body) {
        for (Element stray : body.select("summary")) {
            // A summary outside a details, or a second one in it (bregman-arie/devops-exercises), is a paragraph.
            Element parent = stray.parent();
            if (parent == null || !parent.normalName().equals("details") || stray != parent.selectFirst("> summary")) {
                stray.tagName("p");
            }
        }
        for (Element details : body.select("details")) {
            Element summary = null;
            for (Element c : details.children()) {
                if (c.normalName().equals("summary")) {
                    summary = c;
                    break;
                }
            }
            if (summary == null) {
                summary = new Element("summary").text(details.text().codePoints().anyMatch(
                        c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) ? "详细信息" : "Details");
            }
            Node first = details.childNodeSize() == 0 ? null : details.childNode(0);
            while (first instanceof TextNode t && t.isBlank()) {
                first = first.nextSibling();
            }
            if (first != summary) {
                details.prependChild(summary);
            }
        }
    }

    /** Elements that may hold list items directly. */
    private static final Set<String> LISTS = Set.of("ul", "ol", "menu");

    /**
     * A list item outside a list gets one: vuejs/docs writes {@code <div class="demo"><li>…</li></div>}, which HTML
     * parsing keeps as is and EPUBCheck refuses (RSC-005). Consecutive stray items (with only white space between
     * them) share one {@code <ul>}; a {@code <dt>} or {@code <dd>} outside a {@code <dl>} likewise gets a {@code <dl>}.
     */
    private static void strayItems(Element body) {
        for (Element item : body.select("li, dt, dd")) {
            Element parent = item.parent();
            boolean li = item.normalName().equals("li");
            if (parent == null || (li ? LISTS.contains(parent.normalName()) : parent.normalName().equals("dl"))
                    || (!li && parent.normalName().equals("div") && parent.parent() != null
                    && parent.parent().normalName().equals("dl"))) {
                continue;
            }
            Element list = new Element(li ? "ul" : "dl");
            item.before(list);
            Node next = item;
            while (next != null) {
                Node after = next.nextSibling();
                boolean member = next instanceof Element e && (li ? e.normalName().equals("li")
                        : e.normalName().equals("dt") || e.normalName().equals("dd"));
                boolean blank = next instanceof TextNode t && t.isBlank();
                if (!member && !blank) {
                    break;
                }
                list.appendChild(next);
                next = after;
            }
        }
    }

    private static boolean insidePhrasing(Element el) {
        for (Element p = el.parent(); p != null; p = p.parent()) {
            if (PHRASING_ONLY.contains(p.normalName())) {
                return true;
            }
            if (BLOCKS.contains(p.normalName()) || p.normalName().equals("body")) {
                return false;
            }
        }
        return false;
    }

    /** Turns a block into an inline element with the same text. */
    private static void inline(Element el) {
        switch (el.normalName()) {
            case "hr", "col", "colgroup" -> el.remove();
            case "pre" -> {
                el.tagName("code");
                el.attr("style", "white-space:pre-wrap");
            }
            case "table" -> {
                Element span = new Element("span").text(el.text());
                el.replaceWith(span);
            }
            default -> {
                // Items and paragraphs keep apart from the text around them by a space.
                Node prev = el.previousSibling();
                if (prev != null && !(prev instanceof TextNode t && t.text().endsWith(" "))) {
                    el.before(new TextNode(" "));
                }
                el.tagName("span");
                el.removeAttr("start");
                el.removeAttr("reversed");
                el.removeAttr("type");
                el.removeAttr("value");
                el.removeAttr("open");
                el.removeAttr("colspan");
                el.removeAttr("rowspan");
                el.removeAttr("scope");
                el.removeAttr("role");
                el.removeAttr("epub:type");
            }
        }
    }
}
