package dev.studybook.output.pdf;

import com.openhtmltopdf.render.BlockBox;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.InlineLayoutBox;
import com.openhtmltopdf.render.InlineText;
import com.openhtmltopdf.render.LineBox;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.Text;

/**
 * Compresses full-width punctuation where a justified line would otherwise stop short of the margin (issue 17),
 * as Chinese and Japanese layout do (clreq 3.1.6 标点挤压, JIS X 4051 追い込み): the blank half of a mark may be
 * taken away so that the unbreakable word after the line (a code span, a Latin word) fits on it.
 *
 * <p>The rules. A closing mark (，。、；：）」』》】”’) has its blank on the right, an opening mark （「『《【“‘ on the
 * left; only a mark a full em wide in the body face is compressed, and only by half an em. Where marks stand
 * together ("。」", "），") the run is compressed by half an em once, never more. ！ and ？ stand in the middle of
 * their em and are never compressed. Each compressible mark is put, with the characters the line may not be broken
 * from (JDK line breaking, as the renderer's), in a span of its own that lays out compressed (pdf.css: a negative
 * margin on its blank side), so the renderer's line breaking counts the room compression would give; after layout
 * (Justification) each line gives back the half ems it did not need, first the ones at its start, an opening mark at
 * the line start first of all, a closing mark at the line end last of all; what remains is spread as before.
 *
 * <p>Only paragraphs that had a short line are compressed: the book is laid out, the blocks with a justified line
 * left short that compression could fill are marked, and laid out again. Every other paragraph sets its
 * punctuation full width, as before. Nothing is added to the text: it copies out as it was.
 */
final class PunctuationSqueeze {

    /** The class of a paragraph whose punctuation may be compressed. */
    static final String SQUEEZE = "squeeze";
    /** The classes of the spans of a mark compressed on its right (a closing mark) or its left (an opening one). */
    static final String RIGHT = "pzr";
    static final String LEFT = "pzl";
    /** The class of a span compressed on both sides: an opening mark, one character, a closing mark. */
    static final String BOTH = "pzb";
    /** How much a mark is compressed, in ems. */
    static final float HALF = 0.5f;

    static final String CLOSING = "，。、；：）」』》】”’";
    static final String OPENING = "（「『《【“‘";

    /** Blocks that may be marked: their lines are justified. */
    private static final Set<String> BLOCKS = Set.of("p", "li", "dd", "blockquote");
    /** Inline elements whose text is not compressed: code keeps its spacing, a glued box is one piece. */
    private static final Set<String> KEEP = Set.of("code", "kbd", "samp", "var", "tt", "pre", "sup", "sub", "svg",
            "math", "table", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption");

    private PunctuationSqueeze() {
    }

    /** Marks the blocks named in {@code marked} (positions among the document's blocks) and wraps their marks. */
    static void mark(Document doc, Set<Integer> marked, TextWidths widths) {
        if (marked.isEmpty()) {
            return;
        }
        List<Element> blocks = blocks(doc);
        for (int i : marked) {
            if (i < blocks.size()) {
                Element e = blocks.get(i);
                String classes = e.getAttribute("class");
                if (!(" " + classes + " ").contains(" " + SQUEEZE + " ")) {
                    e.setAttribute("class", (classes + " " + SQUEEZE).strip());
                    wrap(doc, e, widths);
                }
            }
        }
    }

    private static List<Element> blocks(Document doc) {
        List<Element> out = new ArrayList<>();
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (BLOCKS.contains(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Wraps the compressible marks of {@code el}'s own text (not of blocks inside it) in spans. */
    private static void wrap(Document doc, Element el, TextWidths widths) {
        List<Text> texts = new ArrayList<>();
        collect(el, texts, true);
        for (Text t : texts) {
            split(doc, t, widths);
        }
    }

    private static void collect(Element el, List<Text> out, boolean top) {
        for (Node c = el.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                String name = e.getLocalName();
                boolean glued = "span".equals(name) && (" " + e.getAttribute("class") + " ").contains(" nobr ");
                if (!KEEP.contains(name) && !glued && !BLOCKS.contains(name) && !"div".equals(name)
                        && !"ul".equals(name) && !"ol".equals(name)) {
                    collect(e, out, false);
                }
            } else if (c instanceof Text t) {
                out.add(t);
            }
        }
    }

    /** Cuts {@code t} at the break opportunities around each compressible mark, the mark's piece in a span. */
    private static void split(Document doc, Text t, TextWidths widths) {
        String s = t.getData();
        if (!hasMark(s)) {
            return;
        }
        BreakIterator breaks = BreakIterator.getLineInstance(Locale.US);
        breaks.setText(s);
        List<int[]> pieces = new ArrayList<>();
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            int e = end;
            while (e > start && Character.isWhitespace(s.charAt(e - 1))) {
                e--;
            }
            if (e <= start) {
                continue;
            }
            boolean right = CLOSING.indexOf(s.charAt(e - 1)) >= 0 && fullWidth(s.charAt(e - 1), widths);
            // An opening mark right after a closing one ("。（") is not compressed: the pair gives half an em once.
            boolean left = OPENING.indexOf(s.charAt(start)) >= 0 && fullWidth(s.charAt(start), widths)
                    && e - start > 1 && !(start > 0 && CLOSING.indexOf(s.charAt(start - 1)) >= 0);
            if (right || left) {
                pieces.add(new int[] {start, e, (right ? 1 : 0) + (left ? 2 : 0)});
            }
        }
        if (pieces.isEmpty()) {
            return;
        }
        // The text between the marks' spans goes in spans too (ReadingOrder.RUN): the renderer paints a box's own
        // text before its child boxes, and "第调（见" came out of pdf.js before the "度。" between them.
        Node parent = t.getParentNode();
        int at = 0;
        for (int[] p : pieces) {
            if (p[0] > at) {
                parent.insertBefore(run(doc, s.substring(at, p[0])), t);
            }
            Element span = doc.createElementNS(PdfLayout.XHTML, "span");
            span.setAttribute("class", p[2] == 1 ? RIGHT : p[2] == 2 ? LEFT : BOTH);
            span.appendChild(doc.createTextNode(s.substring(p[0], p[1])));
            parent.insertBefore(span, t);
            at = p[1];
        }
        if (at < s.length()) {
            parent.insertBefore(run(doc, s.substring(at)), t);
        }
        parent.removeChild(t);
    }

    private static Element run(Document doc, String text) {
        Element span = doc.createElementNS(PdfLayout.XHTML, "span");
        span.setAttribute("class", ReadingOrder.RUN);
        span.appendChild(doc.createTextNode(text));
        return span;
    }

    private static boolean hasMark(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (CLOSING.indexOf(s.charAt(i)) >= 0 || OPENING.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean fullWidth(char c, TextWidths widths) {
        return Math.abs(widths.width(String.valueOf(c), TextWidths.Face.SERIF) - 1.0) < 0.01;
    }

    /**
     * The blocks of {@code doc}, laid out from {@code root}, with a justified line that its gaps cannot fill and
     * whose punctuation is not compressed yet, by position among the document's blocks (see {@link #mark}).
     */
    static Set<Integer> found(Document doc, Box root) {
        Map<Element, Integer> positions = new IdentityHashMap<>();
        List<Element> blocks = blocks(doc);
        for (int i = 0; i < blocks.size(); i++) {
            positions.put(blocks.get(i), i);
        }
        Set<Integer> out = new TreeSet<>();
        walk(root, positions, out);
        return out;
    }

    private static void walk(Box box, Map<Element, Integer> positions, Set<Integer> out) {
        if (box instanceof LineBox line) {
            if (Justification.shortLine(line)) {
                for (Box b = line.getParent(); b != null; b = b.getParent()) {
                    Element e = b.getElement();
                    if (e != null && positions.containsKey(e)) {
                        if (!(" " + e.getAttribute("class") + " ").contains(" " + SQUEEZE + " ")
                                && hasMark(e.getTextContent())) {
                            out.add(positions.get(e));
                        }
                        break;
                    }
                }
            }
            return;
        }
        if (box instanceof InlineLayoutBox) {
            return;
        }
        for (int i = 0; i < box.getChildCount(); i++) {
            walk(box.getChild(i), positions, out);
        }
    }

    /** A compressed span on a line: the box, the side its blank is on, where it stands. */
    record Squeezed(InlineLayoutBox box, boolean left, boolean lineStart, boolean lineEnd) {
    }

    /** The compressed spans of {@code line}, in order, each once per side. */
    static List<Squeezed> squeezed(LineBox line) {
        List<InlineLayoutBox> boxes = new ArrayList<>();
        for (Box b : line.getChildren()) {
            if (b instanceof InlineLayoutBox inline) {
                collectBoxes(inline, boxes);
            }
        }
        List<Squeezed> out = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            InlineLayoutBox b = boxes.get(i);
            String cls = b.getElement() == null ? "" : b.getElement().getAttribute("class");
            boolean right = RIGHT.equals(cls) || BOTH.equals(cls);
            boolean left = LEFT.equals(cls) || BOTH.equals(cls);
            if (left && b.isStartsHere()) {
                out.add(new Squeezed(b, true, out.isEmpty() && first(line, b), false));
            }
            if (right && b.isEndsHere()) {
                out.add(new Squeezed(b, false, false, last(line, b)));
            }
        }
        return out;
    }

    private static void collectBoxes(InlineLayoutBox box, List<InlineLayoutBox> out) {
        out.add(box);
        for (Object o : box.getInlineChildren()) {
            if (o instanceof InlineLayoutBox i) {
                collectBoxes(i, out);
            }
        }
    }

    /** Whether no text of the line comes before {@code box}'s. */
    private static boolean first(LineBox line, InlineLayoutBox box) {
        List<Object> order = new ArrayList<>();
        for (Box b : line.getChildren()) {
            flatten(b, order);
        }
        for (Object o : order) {
            if (o == box) {
                return true;
            }
            if (o instanceof InlineText t && !t.isEmpty() && !t.getSubstring().isBlank() || o instanceof BlockBox) {
                return false;
            }
        }
        return false;
    }

    /** Whether no text of the line comes after {@code box}'s. */
    private static boolean last(LineBox line, InlineLayoutBox box) {
        List<Object> order = new ArrayList<>();
        for (Box b : line.getChildren()) {
            flatten(b, order);
        }
        boolean after = false;
        for (Object o : order) {
            if (o == box) {
                after = true;
            } else if (after && (o instanceof InlineText t && !t.isEmpty() && !t.getSubstring().isBlank()
                    && !inside(t, box) || o instanceof BlockBox)) {
                return false;
            }
        }
        return after;
    }

    private static boolean inside(InlineText t, InlineLayoutBox box) {
        for (Box p = t.getParent(); p != null; p = p.getParent()) {
            if (p == box) {
                return true;
            }
        }
        return false;
    }

    private static void flatten(Object o, List<Object> out) {
        out.add(o);
        if (o instanceof InlineLayoutBox inline) {
            for (Object c : inline.getInlineChildren()) {
                flatten(c, out);
            }
        }
    }

    /**
     * Gives {@code d} (device units) back to {@code s}'s blank side: what follows the blank moves right by {@code d},
     * the boxes that hold it grow by {@code d}.
     */
    static void restore(LineBox line, Squeezed s, int d) {
        boolean[] passed = {false};
        for (Box b : line.getChildren()) {
            if (passed[0]) {
                b.setX(b.getX() + d);
            }
            if (b instanceof InlineLayoutBox inline) {
                shift(inline, s, d, passed);
            }
        }
        line.setContentWidth(line.getContentWidth() + d);
    }

    private static void shift(InlineLayoutBox box, Squeezed s, int d, boolean[] passed) {
        boolean startedBefore = !passed[0];
        if (box == s.box() && s.left()) {
            passed[0] = true;
        }
        for (Object o : box.getInlineChildren()) {
            if (o instanceof InlineText t) {
                if (passed[0] && startedBefore) {
                    t.setX(t.getX() + d);
                }
            } else if (o instanceof Box b) {
                if (passed[0]) {
                    b.setX(b.getX() + d);
                }
                if (b instanceof InlineLayoutBox inline) {
                    shift(inline, s, d, passed);
                }
            }
        }
        if (box == s.box() && !s.left()) {
            passed[0] = true;
        }
        if (startedBefore && passed[0]) {
            box.setInlineWidth(box.getInlineWidth() + d);
        }
    }
}
