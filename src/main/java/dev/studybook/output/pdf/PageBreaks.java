package dev.studybook.output.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Marks what must not be parted by a page break. A paragraph that introduces the block after it ("输出：",
 * "运行结果为:") stays on the page of that block instead of standing alone at a page's foot; a short code
 * block is not split. A longer one may be: its first and last two lines stay together and its box's padding belongs
 * to them (CodeLines), so a break leaves no line or empty box alone, and keeping it whole cost the page before it up
 * to a dozen empty lines (content/'s page 19: a nine-line block moved whole with the paragraph introducing it).
 * The marks are classes that pdf.css gives their page-break rules.
 */
final class PageBreaks {

    /** The class of a block kept on the page of the block after it. */
    static final String KEEP_WITH_NEXT = "keep-next";
    /** The class of a code block kept whole. */
    static final String KEEP_WHOLE = "keep-whole";
    /** Code blocks of at most this many lines are not split. */
    static final int SHORT_CODE_LINES = 8;

    /** Blocks that a leading paragraph introduces. */
    private static final Set<String> INTRODUCED = Set.of("pre", "table", "ul", "ol", "dl", "figure", "blockquote", "div");

    private PageBreaks() {
    }

    static void apply(Document doc) {
        List<Element> all = new ArrayList<>();
        collect(doc.getDocumentElement(), all);
        for (Element el : all) {
            String name = el.getLocalName();
            if ("pre".equals(name)) {
                if (el.getTextContent().strip().split("\n", -1).length <= SHORT_CODE_LINES) {
                    addClass(el, KEEP_WHOLE);
                }
            } else if ("p".equals(name) && introduces(el)) {
                addClass(el, KEEP_WITH_NEXT);
            }
        }
    }

    /** A paragraph ending in a colon followed by a block (a code block, a table, a list, a figure). */
    private static boolean introduces(Element p) {
        String text = p.getTextContent().strip();
        if (text.isEmpty() || !(text.endsWith("：") || text.endsWith(":"))) {
            return false;
        }
        Node next = p.getNextSibling();
        while (next != null && !(next instanceof Element)) {
            next = next.getNextSibling();
        }
        if (!(next instanceof Element e)) {
            return false;
        }
        String name = e.getLocalName();
        return INTRODUCED.contains(name) || "p".equals(name) && e.getAttribute("class").contains("figure");
    }

    private static void addClass(Element el, String cls) {
        el.setAttribute("class", (el.getAttribute("class") + " " + cls).strip());
    }

    private static void collect(Element el, List<Element> out) {
        for (Node c = el.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                String name = e.getLocalName();
                if ("head".equals(name)) {
                    continue;
                }
                out.add(e);
                if (!"pre".equals(name)) {
                    collect(e, out);
                }
            }
        }
    }
}
