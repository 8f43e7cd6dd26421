package dev.studybook.output.pdf;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * Cuts text nodes of more than {@link #MAX_TEXT} characters into several, each ending at a break opportunity (a
 * zero-width space or white space). OpenHTMLtoPDF breaks a text node into lines by asking the JDK's line breaker
 * for the next break in the rest of the node, copied anew for every line: a chapter that is one 1 MB word (broken
 * every 2,000 characters by the cleaner, with zero-width spaces the JDK's breaker does not take) cost it time in
 * the square of the node's length, over ten minutes. Nodes of a few thousand characters keep that work linear in
 * the book. The characters and their order are unchanged; shorter nodes are left alone, so ordinary books lay out
 * as before.
 */
final class LongTexts {

    /** Text nodes longer than this are cut. */
    static final int MAX_TEXT = 4_000;
    /** A piece ends at the first break opportunity after this many characters. */
    static final int PIECE = 1_000;
    private static final char ZERO_WIDTH_SPACE = '\u200B';

    private LongTexts() {
    }

    static void apply(Document doc) {
        List<Text> texts = new ArrayList<>();
        collect(doc.getDocumentElement(), texts);
        for (Text t : texts) {
            cut(t);
        }
    }

    /** Long text nodes in the XHTML body's elements; style sheets and SVG are left whole. */
    private static void collect(Element el, List<Text> out) {
        String name = el.getLocalName();
        if (!PdfLayout.XHTML.equals(el.getNamespaceURI()) || "style".equals(name) || "script".equals(name)) {
            return;
        }
        for (Node c = el.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                collect(e, out);
            } else if (c.getNodeType() == Node.TEXT_NODE && ((Text) c).getLength() > MAX_TEXT) {
                out.add((Text) c);
            }
        }
    }

    /** Cuts {@code t} from its end backwards into pieces, each put before the next in the same parent. */
    private static void cut(Text t) {
        String s = t.getData();
        List<Integer> ends = pieceEnds(s);
        if (ends.size() < 2) {
            return;
        }
        Node parent = t.getParentNode();
        Document doc = t.getOwnerDocument();
        int start = 0;
        for (int end : ends) {
            parent.insertBefore(doc.createTextNode(s.substring(start, end)), t);
            start = end;
        }
        parent.removeChild(t);
    }

    /** Where each piece of {@code s} ends: just after a break opportunity at least {@link #PIECE} characters on. */
    static List<Integer> pieceEnds(String s) {
        List<Integer> ends = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            // Never between two white spaces, which collapse into one.
            if (i + 1 - start >= PIECE && i + 1 < s.length() && isBreak(ch) && !isBlank(s.charAt(i + 1))) {
                ends.add(i + 1);
                start = i + 1;
            }
        }
        ends.add(s.length());
        return ends;
    }

    private static boolean isBreak(char ch) {
        return ch == ZERO_WIDTH_SPACE || isBlank(ch);
    }

    private static boolean isBlank(char ch) {
        return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
    }
}
