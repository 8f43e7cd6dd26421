package dev.studybook.output.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * Keeps Chinese punctuation with the inline element next to it. OpenHTMLtoPDF breaks lines inside each text
 * run correctly, but treats the boundary between an element and the following text as a break opportunity,
 * so "{@code <code>x</code>，}" could start a line with "，". Short inline elements are therefore wrapped,
 * together with the closing punctuation after them (or the opening punctuation before them), in a span that
 * does not break.
 */
final class PunctuationGlue {

    /** Characters that may not start a line. */
    static final String NO_LINE_START = "，。、；：？！）」』】》〉”’…—,.;:?!)]}";
    /** Characters that may not end a line. */
    static final String NO_LINE_END = "（「『【《〈“‘([{";
    /** Inline elements longer than this stay breakable: a long code span must still wrap (40 monospace
     * characters fit a line of every paper size). */
    static final int MAX_GLUED_LENGTH = 40;

    private static final Set<String> INLINE = Set.of("code", "a", "strong", "em", "b", "i", "del", "s", "kbd", "samp",
            "var", "sup", "sub", "span", "mark", "abbr", "cite", "q", "u", "small");

    private PunctuationGlue() {
    }

    static void apply(Document doc, TextWidths widths) {
        List<Element> candidates = new ArrayList<>();
        collect(doc.getDocumentElement(), candidates);
        for (Element candidate : candidates) {
            Element el = candidate;
            if (el.getParentNode() == null) {
                continue;
            }
            if (pieces(el) > 1) {
                // Code cut at its punctuation (CodeBreaks): only the pieces next to the punctuation are glued,
                // the first to an opening bracket before it, the last to closing punctuation after it.
                boolean after = el.getNextSibling() instanceof Text n && !leading(n.getData(), NO_LINE_START).isEmpty();
                boolean before = el.getPreviousSibling() instanceof Text p && !trailing(p.getData(), NO_LINE_END).isEmpty();
                if (before) {
                    glue(doc, splitPiece(doc, el, false), widths);
                }
                if (after) {
                    glue(doc, pieces(el) > 1 ? splitPiece(doc, el, true) : el, widths);
                }
                continue;
            } else if (SPLIT.contains(el.getLocalName()) && el.getTextContent().length() > MIN_SPLIT) {
                // Emphasis or a link of several words: only its first or last word (a Chinese character, a Latin
                // word) is glued to the punctuation. Glued whole, a long <strong> became one box that no line
                // could break into, and the line before it was left short.
                boolean after = el.getNextSibling() instanceof Text n && !leading(n.getData(), NO_LINE_START).isEmpty();
                boolean before = el.getPreviousSibling() instanceof Text p && !trailing(p.getData(), NO_LINE_END).isEmpty();
                Element head = before ? splitWord(doc, el, false) : null;
                Element tail = after ? splitWord(doc, el, true) : null;
                if (head != null) {
                    glue(doc, head, widths);
                }
                if (tail != null) {
                    glue(doc, tail, widths);
                }
                if (before && head == null || after && tail == null) {
                    if (el.getTextContent().length() <= MAX_GLUED_LENGTH) {
                        glue(doc, el, widths);
                    }
                }
                continue;
            } else if (el.getTextContent().length() > MAX_GLUED_LENGTH) {
                // A long code span is split: its last few characters are glued, the rest still wraps.
                el = splitTail(doc, el);
                if (el == null) {
                    continue;
                }
            }
            glue(doc, el, widths);
        }
    }

    /** Wraps the element, with the punctuation that must stay with it, in a span that does not break. */
    private static void glue(Document doc, Element el, TextWidths widths) {
        Node next = el.getNextSibling();
        Node prev = el.getPreviousSibling();
        String after = next instanceof Text t ? leading(t.getData(), NO_LINE_START) : "";
        String before = prev instanceof Text t ? trailing(t.getData(), NO_LINE_END) : "";
        if (after.isEmpty() && before.isEmpty()) {
            return;
        }
        Element glue = doc.createElementNS(el.getNamespaceURI(), "span");
        glue.setAttribute("class", "nobr");
        el.getParentNode().insertBefore(glue, el);
        if (!before.isEmpty()) {
            Text t = (Text) prev;
            t.setData(t.getData().substring(0, t.getData().length() - before.length()));
            glue.appendChild(doc.createTextNode(before));
        }
        glue.appendChild(el);
        if (!after.isEmpty()) {
            Text t = (Text) next;
            t.setData(t.getData().substring(after.length()));
            glue.appendChild(doc.createTextNode(after));
        }
        // The box must not be narrower than its content, or it would wrap inside (as in a narrow table
        // cell); the renderer sizes columns from min-width, so give it one.
        // Glued to an opening bracket only, the element goes on after the box (the rest of a code span cut by
        // CodeBreaks): the room the box keeps beyond its measured text is taken back on its right, or it stood
        // inside the code ("doSig Preempt" 0.35 pt apart). Put before the bracket, it was copied as a space.
        double min = widthEm(glue, widths);
        double back = after.isEmpty() ? min - widthEm(glue, widths, inherited(glue), 1.0) : 0;
        glue.setAttribute("style", back > 0
                ? String.format(java.util.Locale.ROOT, "min-width:%.2fem;margin-right:-%.3fem", min, back)
                : String.format(java.util.Locale.ROOT, "min-width:%.2fem", min));
    }

    /** How many pieces CodeBreaks cut a code span into (0 when it did not). */
    private static int pieces(Element el) {
        int n = 0;
        for (Node c = el.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (!(c instanceof Element e && CodeBreaks.PIECE.equals(e.getAttribute("class")))) {
                return 0;
            }
            n++;
        }
        return n;
    }

    /** Moves the last (or first) piece of a code span cut into pieces into a code span of its own, and returns it. */
    private static Element splitPiece(Document doc, Element el, boolean last) {
        Element piece = (Element) el.cloneNode(false);
        el.getParentNode().insertBefore(piece, last ? el.getNextSibling() : el);
        piece.appendChild(last ? el.getLastChild() : el.getFirstChild());
        String cls = el.getAttribute("class");
        el.setAttribute("class", (cls + (last ? " split-head" : " split-tail")).strip());
        piece.setAttribute("class", (cls + (last ? " split-tail" : " split-head")).strip());
        return piece;
    }

    /** Emphasis and links up to this long are glued whole. */
    static final int MIN_SPLIT = 4;
    /**
     * Elements that may be cut in two without a visible seam: no padding, border or generated content of their own
     * (not spans, whose classes draw quiz blanks and the like; not q, whose quotes are generated).
     */
    private static final Set<String> SPLIT = Set.of("strong", "em", "b", "i", "a", "del", "s", "u", "mark", "cite",
            "small");

    /**
     * Moves the last (or first) word of an element whose text ends (begins) with a text run into a copy of the
     * element of its own, and returns that copy: a Chinese character with the punctuation that cannot be parted
     * from it, or a Latin word. Null when the text is one word.
     */
    private static Element splitWord(Document doc, Element el, boolean last) {
        if (!((last ? el.getLastChild() : el.getFirstChild()) instanceof Text t)) {
            return null;
        }
        String s = t.getData();
        int cut = last ? lastWord(s) : firstWordEnd(s);
        String rest = last ? s.substring(0, cut) : s.substring(cut);
        if (cut <= 0 || cut >= s.length() || el.getChildNodes().getLength() == 1 && rest.isBlank()) {
            return null;
        }
        Element piece = (Element) el.cloneNode(false);
        piece.removeAttribute("id");
        el.getParentNode().insertBefore(piece, last ? el.getNextSibling() : el);
        piece.appendChild(doc.createTextNode(last ? s.substring(cut) : s.substring(0, cut)));
        t.setData(last ? s.substring(0, cut) : s.substring(cut));
        return piece;
    }

    /** Where the last word of {@code s} begins: a wide character, or a Latin word after a space; 0 when none. */
    static int lastWord(String s) {
        int i = s.length();
        while (i > 0 && NO_LINE_START.indexOf(s.charAt(i - 1)) >= 0) {
            i--;
        }
        if (i == 0) {
            return 0;
        }
        if (s.charAt(i - 1) >= 0x2E80) {
            i--;
        } else {
            while (i > 0 && s.charAt(i - 1) != ' ' && s.charAt(i - 1) < 0x2E80) {
                i--;
            }
        }
        while (i > 0 && NO_LINE_END.indexOf(s.charAt(i - 1)) >= 0) {
            i--;
        }
        return i;
    }

    /** Where the first word of {@code s} ends: after a wide character, or after a Latin word and its space. */
    static int firstWordEnd(String s) {
        int i = 0;
        while (i < s.length() && NO_LINE_END.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        if (i == s.length()) {
            return 0;
        }
        if (s.charAt(i) >= 0x2E80) {
            i++;
        } else {
            while (i < s.length() && s.charAt(i) != ' ' && s.charAt(i) < 0x2E80) {
                i++;
            }
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
        }
        while (i < s.length() && NO_LINE_START.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    /** Characters kept with the punctuation when a long code span is split. */
    static final int TAIL = 12;

    /**
     * For a code span of one text run that has closing punctuation after it or opening punctuation before it:
     * splits it into two spans and returns the one next to the punctuation; null when it cannot be split.
     */
    private static Element splitTail(Document doc, Element el) {
        String name = el.getLocalName();
        if (!("code".equals(name) || "kbd".equals(name) || "samp".equals(name)) || el.getChildNodes().getLength() != 1
                || !(el.getFirstChild() instanceof Text t)) {
            return null;
        }
        boolean after = el.getNextSibling() instanceof Text n && !leading(n.getData(), NO_LINE_START).isEmpty();
        boolean before = el.getPreviousSibling() instanceof Text p && !trailing(p.getData(), NO_LINE_END).isEmpty();
        if (after == before) {
            return null;
        }
        String s = t.getData();
        int cut = after ? s.length() - TAIL : TAIL;
        Element piece = (Element) el.cloneNode(false);
        el.getParentNode().insertBefore(piece, after ? el.getNextSibling() : el);
        if (after) {
            t.setData(s.substring(0, cut));
            piece.appendChild(doc.createTextNode(s.substring(cut)));
            el.setAttribute("class", (el.getAttribute("class") + " split-head").strip());
            piece.setAttribute("class", (piece.getAttribute("class").replace("split-head", "") + " split-tail").strip());
        } else {
            t.setData(s.substring(cut));
            piece.appendChild(doc.createTextNode(s.substring(0, cut)));
            piece.setAttribute("class", (piece.getAttribute("class") + " split-head").strip());
            el.setAttribute("class", (el.getAttribute("class") + " split-tail").strip());
            return piece;
        }
        return piece;
    }

    /** The width of an element's text, in em of the surrounding text, measured in the book's faces. */
    static double widthEm(Element el, TextWidths widths) {
        return Math.ceil((widthEm(el, widths, inherited(el), 1.0) + 0.02) * 100) / 100;
    }

    /** The face the element's text is set in by its ancestors. */
    private static TextWidths.Face inherited(Element el) {
        TextWidths.Face face = TextWidths.Face.SERIF;
        for (Node n = el.getParentNode(); n instanceof Element a; n = a.getParentNode()) {
            switch (a.getLocalName()) {
                case "code", "kbd", "samp", "var", "tt", "pre" -> {
                    return TextWidths.Face.MONO;
                }
                case "strong", "b", "th", "h1", "h2", "h3", "h4", "h5", "h6" -> {
                    return TextWidths.Face.SANS_BOLD;
                }
                case "em", "i", "cite", "dfn" -> face = TextWidths.Face.SANS;
                default -> {
                }
            }
        }
        return face;
    }

    private static double widthEm(Element el, TextWidths widths, TextWidths.Face face, double size) {
        String name = el.getLocalName();
        TextWidths.Face f = switch (name) {
            case "code", "kbd", "samp", "var", "tt" -> TextWidths.Face.MONO;
            case "strong", "b" -> TextWidths.Face.SANS_BOLD;
            case "em", "i", "cite", "dfn" -> face == TextWidths.Face.SANS_BOLD ? face : TextWidths.Face.SANS;
            default -> face;
        };
        // The sizes of book.css: code at 0.88 em (not again inside code), superscripts at 0.75 em.
        double sz = size * (f == TextWidths.Face.MONO && face != TextWidths.Face.MONO ? 0.88
                : "sup".equals(name) || "sub".equals(name) ? 0.75 : 1.0);
        double w = 0;
        for (Node c = el.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                w += widthEm(e, widths, f, sz);
            } else if (c instanceof Text t) {
                w += widths.width(t.getData(), f) * sz;
            }
        }
        return w;
    }

    private static void collect(Element el, List<Element> out) {
        for (Node c = el.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                String name = e.getLocalName();
                if ("pre".equals(name) || "head".equals(name)) {
                    continue;
                }
                // An inline block in a list item written right to left stops OpenHTMLtoPDF when it paints the item's
                // bullet (NullPointerException in ListItemPainter.drawGlyph: EbookFoundation/free-programming-books'
                // "* ... [a link](url)." in <div dir="rtl">); such items are left unglued.
                if ("li".equals(name) && RtlListMarkers.rightToLeft(e)) {
                    continue;
                }
                if (INLINE.contains(name) && !"nobr".equals(e.getAttribute("class"))) {
                    out.add(e);
                }
                collect(e, out);
            }
        }
    }

    private static String leading(String s, String set) {
        int i = 0;
        while (i < s.length() && set.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return s.substring(0, i);
    }

    private static String trailing(String s, String set) {
        int i = s.length();
        while (i > 0 && set.indexOf(s.charAt(i - 1)) >= 0) {
            i--;
        }
        return s.substring(i);
    }
}
