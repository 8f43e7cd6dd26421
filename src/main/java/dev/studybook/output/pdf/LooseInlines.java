package dev.studybook.output.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * Wraps text and inline elements that stand directly in a block with an id, between its blocks, in a
 * {@code <div>} of their own. OpenHTMLtoPDF gives such loose inline content the id of the block it stands
 * in, and when it drops an empty trailing line of it (a bare {@code <br>} after a block at a page's end) it
 * forgets that id too: the chapter's bookmark and every link to the chapter then lead nowhere ("Could not
 * find valid target"; CyC2018/CS-Notes' "Leetcode 题解 - 搜索" ends its first section with
 * {@code </div><br>}). A browser lays the wrapped content out the same way, as an anonymous block.
 */
final class LooseInlines {

    /** Elements laid out as blocks; everything else in a block with an id is inline content. */
    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "details",
            "dialog", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
            "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
            "summary", "table", "ul", "bookmarks", "head", "body");

    private LooseInlines() {
    }

    static void apply(Document doc) {
        List<Element> containers = new ArrayList<>();
        collect(doc.getDocumentElement(), containers);
        for (Element block : containers) {
            wrapRuns(block);
        }
    }

    /** Blocks with an id that hold at least one block child (a paragraph's own text needs no wrapping). */
    private static void collect(Element el, List<Element> out) {
        boolean hasBlockChild = false;
        for (Node c = el.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && isBlock(e)) {
                hasBlockChild = true;
                if (!"pre".equals(e.getLocalName())) {
                    collect(e, out);
                }
            }
        }
        if (hasBlockChild && el.hasAttribute("id") && isBlock(el)) {
            out.add(el);
        }
    }

    private static void wrapRuns(Element block) {
        Node c = block.getFirstChild();
        while (c != null) {
            if (!isLoose(c)) {
                c = c.getNextSibling();
                continue;
            }
            Element wrapper = block.getOwnerDocument().createElementNS(block.getNamespaceURI(), "div");
            block.insertBefore(wrapper, c);
            Node last = c;
            for (Node n = c; n != null && !(n instanceof Element e && isBlock(e)); n = n.getNextSibling()) {
                if (!isBlank(n)) {
                    last = n;
                }
            }
            Node n = c;
            while (n != null) {
                Node next = n.getNextSibling();
                wrapper.appendChild(n);
                if (n == last) {
                    break;
                }
                n = next;
            }
            c = wrapper.getNextSibling();
        }
    }

    /** Inline content that is not only white space between blocks. */
    private static boolean isLoose(Node n) {
        if (n instanceof Element e) {
            return !isBlock(e);
        }
        return n instanceof Text && !isBlank(n);
    }

    private static boolean isBlank(Node n) {
        return n instanceof Text t && t.getData().isBlank() || n.getNodeType() == Node.COMMENT_NODE;
    }

    private static boolean isBlock(Element e) {
        String name = e.getLocalName() == null ? e.getTagName() : e.getLocalName();
        return BLOCKS.contains(name);
    }
}
