package dev.studybook.output;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

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
     * The elements of a name in a document, copied out of the DOM's live list: changing an attribute
     * invalidates that list, and reading it again from the start for every element made large books slow
     * (quadratic in their length).
     */
    public static List<Element> elements(Document doc, String namespace, String localName) {
        NodeList live = doc.getElementsByTagNameNS(namespace, localName);
        int n = live.getLength();
        List<Element> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add((Element) live.item(i));
        }
        return out;
    }
}
