package dev.studybook.xhtml;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * Removes characters that XML 1.0 does not allow (control characters, lone surrogates, U+FFFE/FFFF), and the two
 * noncharacters the converter marks places with.
 */
final class XmlText {
    private XmlText() {
    }

    /**
     * Removes those characters from every attribute and text under {@code root}, and breaks the texts' long runs
     * ({@link LongWords}), in one walk; returns the first element (in document order) whose text was broken, or
     * null.
     */
    static Element cleanAndBreak(Element root) {
        Element[] first = {null};
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof Element el) {
                for (Attribute a : el.attributes()) {
                    String v = a.getValue();
                    String c = strip(v);
                    if (!c.equals(v)) {
                        a.setValue(c);
                    }
                }
            } else if (node instanceof TextNode t) {
                String v = t.getWholeText();
                String c = strip(v);
                if (c.length() > LongWords.MAX_UNBROKEN_RUN) {
                    String broken = LongWords.broken(c);
                    if (broken != c) {
                        c = broken;
                        // Texts come in document order, their elements in the order of their start: a later
                        // text's element comes first only when it holds the earlier one's.
                        Element el = (Element) t.parent();
                        if (first[0] == null || first[0] == el || first[0].parents().contains(el)) {
                            first[0] = el;
                        }
                    }
                }
                if (!c.equals(v)) {
                    t.text(c);
                }
            }
        }, root);
        return first[0];
    }

    static String strip(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (sb != null) {
                    sb.append(ch).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            // U+FDD0 and U+FDD1 are noncharacters; the converter uses them to mark places in a chapter.
            ok = ch == 0x9 || ch == 0xA || ch == 0xD || (ch >= 0x20 && ch <= 0xD7FF)
                    || (ch >= 0xE000 && ch <= 0xFFFD && ch != 0xFDD0 && ch != 0xFDD1);
            if (!ok && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (ok && sb != null) {
                sb.append(ch);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
