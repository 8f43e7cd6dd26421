package dev.studybook.output.pdf;

import dev.studybook.output.CodePieces;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * Lets long inline code wrap at its own punctuation. A code span is one word to the line breaker: before
 * {@code runtime/metrics} or {@code runtime.mapaccess1_fast64} a justified line was left short, or stretched
 * letter by letter. Its text is cut where {@link CodePieces} cuts it (after each space, '.', '/', '_', '(', ',' and
 * the like, and inside long words at their camelCase and digit boundaries: {@code running|Panic|Defers}), into
 * spans of their own;
 * OpenHTMLtoPDF may break a line between two inline boxes, so those cuts are where the code may wrap. No
 * character is added: the text copies out as it was.
 */
final class CodeBreaks {

    /** The class of a piece of a code span. */
    static final String PIECE = "cp";
    /**
     * Code in a table cell up to this long, or with a space of its own, is not cut here: a cell wraps at spaces
     * and between Chinese characters only, and its column is as wide as its longest word.
     */
    static final int MIN_LENGTH_IN_CELL = 24;
    private CodeBreaks() {
    }

    static void apply(Document doc) {
        dropPhoneBreaks(doc.getDocumentElement(), false);
        List<Element> codes = new ArrayList<>();
        collect(doc.getDocumentElement(), codes, false);
        for (Element code : codes) {
            if (Boolean.TRUE.equals(code.getUserData(IN_CELL))) {
                // The EPUB's <wbr/> (xhtml.TableWords) lets long code wrap on a phone; on paper it stays whole.
                for (Node c = code.getFirstChild(); c != null; ) {
                    Node next = c.getNextSibling();
                    if (c instanceof Element e && "wbr".equals(e.getLocalName())) {
                        code.removeChild(c);
                    }
                    c = next;
                }
                code.normalize();
            }
            if (code.getChildNodes().getLength() != 1 || !(code.getFirstChild() instanceof Text t)) {
                continue;
            }
            // In a cell, code with a space wraps there, and a shorter word is kept whole (xhtml.TableWords).
            if (Boolean.TRUE.equals(code.getUserData(IN_CELL))
                    && (t.getData().strip().contains(" ") || t.getData().strip().length() <= MIN_LENGTH_IN_CELL)) {
                continue;
            }
            List<String> pieces = CodePieces.pieces(t.getData());
            if (pieces.size() < 2) {
                continue;
            }
            code.removeChild(t);
            for (String p : pieces) {
                Element span = doc.createElementNS(code.getNamespaceURI(), "span");
                span.setAttribute("class", PIECE);
                span.appendChild(doc.createTextNode(p));
                code.appendChild(span);
            }
        }
    }

    /**
     * Takes out the {@code <wbr/>} that xhtml.TableWords puts after the punctuation of long words in table cells
     * for a phone's narrow columns ({@code RWMutex/<wbr/>Mutex}): on paper the columns are wider and the word
     * stays whole, as it was before those breaks existed.
     */
    private static void dropPhoneBreaks(Element el, boolean inCell) {
        boolean dropped = false;
        for (Node c = el.getFirstChild(); c != null; ) {
            Node next = c.getNextSibling();
            if (c instanceof Element e) {
                String name = e.getLocalName();
                if (inCell && "wbr".equals(name)) {
                    el.removeChild(c);
                    dropped = true;
                } else if (!"pre".equals(name) && !"head".equals(name)) {
                    dropPhoneBreaks(e, inCell || "td".equals(name) || "th".equals(name));
                }
            }
            c = next;
        }
        if (dropped) {
            el.normalize();
        }
    }

    /** Marks a code element found inside a table cell. */
    private static final String IN_CELL = "studybook.inCell";

    private static void collect(Element el, List<Element> out, boolean inCell) {
        for (Node c = el.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                String name = e.getLocalName();
                if ("pre".equals(name) || "head".equals(name)) {
                    continue;
                }
                if ("code".equals(name) || "kbd".equals(name) || "samp".equals(name)) {
                    if (inCell) {
                        e.setUserData(IN_CELL, Boolean.TRUE, null);
                    }
                    out.add(e);
                } else {
                    collect(e, out, inCell || "td".equals(name) || "th".equals(name));
                }
            }
        }
    }
}
