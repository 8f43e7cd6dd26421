package dev.studybook.output.pdf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Nests long runs of sibling blocks in plain {@code div} groups of about {@link #GROUP} each, in the print document
 * only. OpenHTMLtoPDF's PDF/UA tagging sorts every element's children into document order with the DOM's
 * {@code compareDocumentPosition}, which in Xerces walks the parent's children from the first: a chapter of n
 * sibling blocks cost n² steps (100,000 of them: most of the layout's time). Only an element with more than
 * {@link #MAX_CHILDREN} element children is touched, so ordinary books lay out as before, byte for byte.
 */
final class SiblingRuns {

    /** Elements with more children than this have them grouped. */
    static final int MAX_CHILDREN = 2_000;
    /** Element children per group (one more when the last is a heading, which stays with what follows it). */
    static final int GROUP = 1_000;
    /** Containers of blocks whose children can be grouped without changing what they mean; lists and tables are left. */
    private static final Set<String> CONTAINERS = Set.of("body", "section", "div", "aside", "blockquote", "article", "main",
            "nav", "header", "footer", "figure");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private SiblingRuns() {
    }

    static void apply(Document dom) {
        Deque<Element> todo = new ArrayDeque<>();
        todo.push(dom.getDocumentElement());
        while (!todo.isEmpty()) {
            Element el = todo.pop();
            int children = 0;
            for (Node c = el.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element e) {
                    children++;
                    todo.push(e);
                }
            }
            if (children > MAX_CHILDREN && CONTAINERS.contains(el.getLocalName())
                    && PdfLayout.XHTML.equals(el.getNamespaceURI())) {
                group(dom, el);
            }
        }
    }

    private static void group(Document dom, Element parent) {
        List<Node> kids = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            kids.add(c);
        }
        Element group = null;
        Element last = null;
        int inGroup = 0;
        for (Node k : kids) {
            if (group == null || k instanceof Element && inGroup >= GROUP && !HEADINGS.contains(last.getLocalName())) {
                group = dom.createElementNS(PdfLayout.XHTML, "div");
                group.setAttribute("class", "sb-run");
                parent.insertBefore(group, k);
                inGroup = 0;
            }
            group.appendChild(k);
            if (k instanceof Element e) {
                inGroup++;
                last = e;
            }
        }
    }
}
