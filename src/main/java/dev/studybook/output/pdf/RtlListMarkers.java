package dev.studybook.output.pdf;

import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Gives a list item written right to left a line of its own when it has none: an empty item, or one that opens
 * with a nested list or another block. OpenHTMLtoPDF places the bullet of a right-to-left item at the end of the
 * item's first line and, when the item has no line, stops with a NullPointerException in
 * {@code ListItemPainter.drawGlyph} (EbookFoundation/free-programming-books: its Arabic, Persian and Hebrew lists in
 * {@code <div dir="rtl">} stopped the whole PDF). The line holds one zero-width space; left-to-right items, which
 * OpenHTMLtoPDF places without a line, are left as they are.
 */
final class RtlListMarkers {

    /** Children that open an item without a line of text of the item's own. */
    private static final Set<String> BLOCKS = Set.of("ul", "ol", "div", "table", "pre", "blockquote", "figure", "dl",
            "hr", "section", "details");

    private RtlListMarkers() {
    }

    static void apply(Document doc) {
        NodeList items = doc.getElementsByTagName("li");
        for (int i = 0; i < items.getLength(); i++) {
            Element li = (Element) items.item(i);
            if (rightToLeft(li) && !opensWithALine(li)) {
                Element line = doc.createElementNS(li.getNamespaceURI(), "span");
                line.setTextContent("\u200B");
                li.insertBefore(line, li.getFirstChild());
            }
        }
    }

    /** Whether the nearest {@code dir} attribute around {@code el} (itself included) says right to left. */
    static boolean rightToLeft(Element el) {
        for (Node n = el; n instanceof Element e; n = n.getParentNode()) {
            if (e.hasAttribute("dir")) {
                return e.getAttribute("dir").strip().toLowerCase(Locale.ROOT).equals("rtl");
            }
        }
        return false;
    }

    /** Whether the item's first content is text or an inline element (a paragraph's first line counts too). */
    private static boolean opensWithALine(Element li) {
        for (Node c = li.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                if (!c.getNodeValue().isBlank()) {
                    return true;
                }
            } else if (c instanceof Element e) {
                String name = e.getLocalName() == null ? e.getNodeName() : e.getLocalName();
                if (BLOCKS.contains(name.toLowerCase(Locale.ROOT))) {
                    return false;
                }
                if (!name.equalsIgnoreCase("p") || !e.getTextContent().isBlank()) {
                    return true;
                }
            }
        }
        return false;
    }
}
