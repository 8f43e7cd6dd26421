package dev.studybook.output;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Escaping for text and attribute values written into XHTML and XML by the renderers, and DOM helpers. */
public final class Xml {
    private Xml() {
    }

    public static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * The elements of a name in a document ({@code "*"} for any namespace or name), in document order, as
     * {@code getElementsByTagNameNS} lists them but walked once into a list of their own. The DOM's live list is read
     * again from its start after any change to the document (an attribute set), and each {@code getLength()} walks
     * on from its last element to the end of the document: used in loops, it cost the PDF of content/ about 9% of
     * the writing thread's time (JFR) and large books time quadratic in their length.
     */
    public static List<Element> elements(Document doc, String namespace, String localName) {
        List<Element> out = new ArrayList<>();
        boolean anyNamespace = "*".equals(namespace);
        boolean anyName = "*".equals(localName);
        Node node = doc.getDocumentElement();
        while (node != null) {
            if (node instanceof Element e && (anyName || localName.equals(e.getLocalName()))
                    && (anyNamespace || java.util.Objects.equals(namespace, e.getNamespaceURI()))) {
                out.add(e);
            }
            // Depth first, as the DOM lists them: the first child, else the next sibling of the nearest ancestor
            // that has one, the document element's siblings not included.
            Node next = node.getFirstChild();
            while (next == null && node != null) {
                if (node == doc.getDocumentElement()) {
                    node = null;
                    break;
                }
                next = node.getNextSibling();
                if (next == null) {
                    node = node.getParentNode();
                }
            }
            node = next;
        }
        return out;
    }
}
