package dev.studybook.output.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * Puts the PDF's text in reading order. OpenHTMLtoPDF paints the inline boxes of a line one box after another,
 * each box all of its own text first and its child boxes after it: in "{@code 指向 <code>maps.Map</code> 的指针}"
 * the words 指向 and 的指针 were drawn before maps.Map, and viewers that copy in drawing order (pdf.js in
 * Firefox, poppler) gave "指向 的指针maps.Map". An element whose children mix text and elements therefore
 * has each of its text runs wrapped in a span of its own: its boxes then hold either text or boxes, and
 * boxes are painted in document order.
 */
final class ReadingOrder {

    /** The class of the spans that hold a text run; they carry no style. */
    static final String RUN = "tr";

    /** Elements whose whitespace between child blocks is not text of a line. */
    private static final Set<String> SKIP = Set.of("head", "style", "script", "bookmarks", "svg", "math");

    /** Block-level children: whitespace between two of them is not part of a line. */
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "nav", "aside", "ul", "ol", "li", "dl", "dt",
            "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col", "pre", "blockquote",
            "h1", "h2", "h3", "h4", "h5", "h6", "hr", "figure", "figcaption", "header", "footer", "body", "html");

    private ReadingOrder() {
    }

    /** The class of the spans that hold Latin words inside Chinese text: they are not stretched. */
    static final String LATIN = "nj";

    /** Blocks whose lines are justified. */
    private static final Set<String> JUSTIFIED = Set.of("p", "li", "dd", "dt", "blockquote", "td", "th", "figcaption");
    /** Inline elements whose text keeps its own spacing. */
    private static final Set<String> UNSTRETCHED = Set.of("code", "kbd", "samp", "var", "tt", "pre", "h1", "h2", "h3",
            "h4", "h5", "h6", "nav", "sup", "sub");

    static void apply(Document doc) {
        latinRuns(doc, doc.getDocumentElement(), false);
        wrap(doc, doc.getDocumentElement(), false);
    }

    /**
     * In a justified block of Chinese text, puts each run of Latin words (with the spaces around them) in a span
     * that is not stretched. OpenHTMLtoPDF spreads a line's slack over every letter and space of its justified
     * text: a line ending before a long word set "r u n t i m e" letter by letter and opened wide gaps at the
     * few spaces. The slack now goes to the gaps between Chinese characters only, as Chinese typesetting does.
     */
    private static void latinRuns(Document doc, Element el, boolean cjkBlock) {
        String name = el.getLocalName();
        if (SKIP.contains(name) || UNSTRETCHED.contains(name)) {
            return;
        }
        boolean cjk = cjkBlock;
        if (JUSTIFIED.contains(name)) {
            cjk = hasCjk(el.getTextContent());
        }
        List<Node> children = new ArrayList<>();
        for (Node c = el.getFirstChild(); c != null; c = c.getNextSibling()) {
            children.add(c);
        }
        for (Node c : children) {
            if (c instanceof Element e) {
                latinRuns(doc, e, cjk);
            } else if (cjk && c instanceof Text t) {
                split(doc, t);
            }
        }
    }

    private static void split(Document doc, Text t) {
        String s = t.getData();
        List<int[]> runs = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            boolean wide = wide(s.charAt(i));
            int j = i;
            while (j < s.length() && wide(s.charAt(j)) == wide) {
                j++;
            }
            runs.add(new int[] {i, j, wide ? 1 : 0});
            i = j;
        }
        // Punctuation that may not start (end) a line joins the Latin run before (after) it: a box boundary
        // is a place where the renderer may break.
        for (int r = 0; r < runs.size(); r++) {
            int[] run = runs.get(r);
            if (run[2] == 1) {
                if (r > 0) {
                    while (run[0] < run[1] && PunctuationGlue.NO_LINE_START.indexOf(s.charAt(run[0])) >= 0) {
                        run[0]++;
                        runs.get(r - 1)[1]++;
                    }
                }
                if (r + 1 < runs.size()) {
                    while (run[1] > run[0] && PunctuationGlue.NO_LINE_END.indexOf(s.charAt(run[1] - 1)) >= 0) {
                        run[1]--;
                        runs.get(r + 1)[0]--;
                    }
                }
            }
        }
        boolean latinWord = false;
        boolean wide = false;
        boolean narrow = false;
        for (int[] run : runs) {
            latinWord |= run[2] == 0 && !s.substring(run[0], run[1]).isBlank();
            wide |= run[2] == 1 && run[0] < run[1];
            narrow |= run[2] == 0 && run[0] < run[1];
        }
        // Chinese text with a space before or after inline code ("甚至 <code>clear</code>") is split too: a space
        // left in the justified text took most of its line's slack.
        if (!latinWord && !(wide && narrow)) {
            return;
        }
        List<String> parts = new ArrayList<>();
        List<Boolean> stretched = new ArrayList<>();
        for (int[] run : runs) {
            if (run[0] < run[1]) {
                parts.add(s.substring(run[0], run[1]));
                stretched.add(run[2] == 1);
            }
        }
        // The spaces at either end of a Latin run are justified text: a line's slack goes there once the gaps
        // between its Chinese characters have taken all they may (Justification). Words inside the run keep their
        // spacing.
        for (int at = 0; at < parts.size(); at++) {
            String part = parts.get(at);
            if (stretched.get(at) || part.isBlank()) {
                stretched.set(at, true);
                continue;
            }
            int a = 0;
            while (a < part.length() && part.charAt(a) == ' ') {
                a++;
            }
            int b = part.length();
            while (b > a && part.charAt(b - 1) == ' ') {
                b--;
            }
            List<String> cut = List.of(part.substring(0, a), part.substring(a, b), part.substring(b));
            parts.remove(at);
            stretched.remove(at);
            for (int k = 2; k >= 0; k--) {
                if (!cut.get(k).isEmpty()) {
                    parts.add(at, cut.get(k));
                    stretched.add(at, k != 1);
                }
            }
            at += (a > 0 ? 1 : 0) + (b < part.length() ? 1 : 0);
        }
        for (int at = 0; at + 1 < parts.size(); at++) {
            if (stretched.get(at) && stretched.get(at + 1)) {
                parts.set(at, parts.get(at) + parts.remove(at + 1));
                stretched.remove(at + 1);
                at--;
            }
        }
        if (parts.size() == 1 && stretched.get(0)) {
            return;
        }
        Node parent = t.getParentNode();
        for (int p = 0; p < parts.size(); p++) {
            String part = parts.get(p);
            if (part.isEmpty()) {
                continue;
            }
            if (!stretched.get(p)) {
                parent.insertBefore(latin(doc, parent, part), t);
            } else {
                parent.insertBefore(doc.createTextNode(part), t);
            }
        }
        parent.removeChild(t);
    }

    private static Element latin(Document doc, Node parent, String text) {
        Element span = doc.createElementNS(parent.getNamespaceURI(), "span");
        span.setAttribute("class", LATIN);
        span.appendChild(doc.createTextNode(text));
        return span;
    }

    /** Chinese, Japanese and full-width characters, and the punctuation Chinese text sets full-width. */
    private static boolean wide(char c) {
        return c >= 0x2E80 || c == '“' || c == '”' || c == '‘' || c == '’' || c == '…' || c == '—' || c == '·';
    }

    private static boolean hasCjk(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x2E80 && s.charAt(i) < 0xFF00) {
                return true;
            }
        }
        return false;
    }

    private static void wrap(Document doc, Element el, boolean inPre) {
        boolean pre = inPre || "pre".equals(el.getLocalName());
        boolean hasElement = false;
        boolean hasText = false;
        for (Node c = el.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                if (!SKIP.contains(e.getLocalName())) {
                    wrap(doc, e, pre);
                }
                hasElement = true;
            } else if (c instanceof Text t && (pre || !t.getData().isBlank())) {
                hasText = true;
            }
        }
        if (!hasElement || !hasText || SKIP.contains(el.getLocalName())) {
            return;
        }
        List<Text> runs = new ArrayList<>();
        for (Node c = el.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Text t && (pre || !t.getData().isBlank() || inLine(t))) {
                runs.add(t);
            }
        }
        for (Text t : runs) {
            Element span = doc.createElementNS(el.getNamespaceURI(), "span");
            span.setAttribute("class", RUN);
            el.insertBefore(span, t);
            span.appendChild(t);
        }
    }

    /** Whitespace between two inline elements is a space of the line (between two blocks it is nothing). */
    private static boolean inLine(Text t) {
        return inline(t.getPreviousSibling()) || inline(t.getNextSibling());
    }

    private static boolean inline(Node n) {
        return n instanceof Element e && !BLOCKS.contains(e.getLocalName());
    }
}
