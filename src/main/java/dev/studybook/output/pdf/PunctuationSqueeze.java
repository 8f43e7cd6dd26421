package dev.studybook.output.pdf;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.extend.FSTextBreaker;
import com.openhtmltopdf.layout.LayoutContext;
import com.openhtmltopdf.pdfboxout.PdfBoxFontContext;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.render.BlockBox;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.FSFont;
import com.openhtmltopdf.render.InlineLayoutBox;
import com.openhtmltopdf.render.InlineText;
import com.openhtmltopdf.render.LineBox;
import java.text.BreakIterator;
import java.util.ArrayList;
import dev.studybook.output.Xml;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
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
 * <p>Only the marks a short line needs are compressed: the book is laid out, and for each justified line left short
 * that its gaps cannot fill, as few marks as make room for the word that begins the next line (measured on the
 * laid-out lines: its width, the line's room) are chosen on the line itself, the last ones first; where its own
 * marks are too few, on the line before too, which then takes the pieces that begin the short line (as few marks on
 * the two together as do it); where even those are too few, none. The book is laid out again with those marks
 * compressible. Whole paragraphs were once marked: the renderer's line breaking took the room in every line, and
 * lines that were full before came out dense, half-width commas beside full-width ones. Every other mark is set
 * full width, as before. Nothing is added to the text: it copies out as it was.
 */
final class PunctuationSqueeze {

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

    /**
     * A full-width mark that may be compressed: the block it stands in, by position among the document's blocks, and
     * its place among that block's marks (in the block's own text, code and glued boxes left out), so that it is
     * named alike in every document made of the book and in every layout of one.
     */
    record Mark(int block, int index) implements Comparable<Mark> {
        @Override
        public int compareTo(Mark o) {
            return block != o.block ? Integer.compare(block, o.block) : Integer.compare(index, o.index);
        }
    }

    /** Makes the {@code marks} compressible: each goes, with what the line may not be broken from, in a span. */
    static void mark(Document doc, Set<Mark> marks, TextWidths widths) {
        if (marks.isEmpty()) {
            return;
        }
        List<Element> blocks = blocks(doc);
        Map<Integer, Set<Integer>> byBlock = new java.util.TreeMap<>();
        for (Mark m : marks) {
            byBlock.computeIfAbsent(m.block(), k -> new java.util.HashSet<>()).add(m.index());
        }
        for (Map.Entry<Integer, Set<Integer>> e : byBlock.entrySet()) {
            if (e.getKey() < blocks.size()) {
                wrap(doc, blocks.get(e.getKey()), e.getValue(), widths);
            }
        }
    }

    private static List<Element> blocks(Document doc) {
        List<Element> out = new ArrayList<>();
        for (Element e : Xml.elements(doc, "*", "*")) {
            if (BLOCKS.contains(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Wraps the marks of {@code el}'s own text (not of blocks inside it) whose places are in {@code chosen}, those
     * not wrapped by an earlier call.
     */
    private static void wrap(Document doc, Element el, Set<Integer> chosen, TextWidths widths) {
        List<Text> texts = new ArrayList<>();
        collect(el, texts);
        int index = 0;
        for (int i = 0; i < texts.size(); i++) {
            Text t = texts.get(i);
            String s = t == null ? "" : t.getData();
            if (t != null && !wrapped(t, el)) {
                char before = i > 0 && texts.get(i - 1) != null && !texts.get(i - 1).getData().isEmpty()
                        ? last(texts.get(i - 1).getData()) : ' ';
                char after = i + 1 < texts.size() && texts.get(i + 1) != null && !texts.get(i + 1).getData().isEmpty()
                        ? texts.get(i + 1).getData().charAt(0) : ' ';
                split(doc, t, before, after, index, chosen, widths);
            }
            index += marks(s);
        }
    }

    private static char last(String s) {
        return s.charAt(s.length() - 1);
    }

    /** Whether {@code t} is a compressible mark's text already. */
    private static boolean wrapped(Text t, Element block) {
        for (Node p = t.getParentNode(); p != null && p != block; p = p.getParentNode()) {
            if (p instanceof Element e && (RIGHT.equals(e.getAttribute("class")) || LEFT.equals(e.getAttribute("class"))
                    || BOTH.equals(e.getAttribute("class")))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The block's own text nodes in order, a null where text that is not its own (code, a glued box, a block inside
     * it) parts them: marks on either side of it do not stand together.
     */
    private static void collect(Element el, List<Text> out) {
        for (Node c = el.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                if (own(e)) {
                    collect(e, out);
                } else if (!out.isEmpty() && out.get(out.size() - 1) != null) {
                    out.add(null);
                }
            } else if (c instanceof Text t) {
                out.add(t);
            }
        }
    }

    /** Whether the text of inline element {@code e} is its block's own text, whose marks may be compressed. */
    private static boolean own(Element e) {
        String name = e.getLocalName();
        boolean glued = "span".equals(name) && (" " + e.getAttribute("class") + " ").contains(" nobr ");
        return !KEEP.contains(name) && !glued && !BLOCKS.contains(name) && !"div".equals(name) && !"ul".equals(name)
                && !"ol".equals(name);
    }

    /**
     * Cuts {@code t} at the break opportunities around each chosen mark, the mark's piece in a span; {@code before}
     * and {@code after} are the characters of the block's text next to it, {@code first} the place of its first mark.
     */
    private static void split(Document doc, Text t, char before, char after, int first, Set<Integer> chosen,
            TextWidths widths) {
        String s = t.getData();
        if (!hasMark(s)) {
            return;
        }
        int[] places = new int[s.length() + 1];
        for (int i = 0, n = first; i < s.length(); i++) {
            places[i] = n;
            n += isMark(s.charAt(i)) ? 1 : 0;
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
            char next = e < s.length() ? s.charAt(e) : after;
            // A closing mark before another ("），" cut by an element between them) is not compressed: the run gives
            // half an em once, at its end.
            boolean right = CLOSING.indexOf(s.charAt(e - 1)) >= 0 && CLOSING.indexOf(next) < 0
                    && fullWidth(s.charAt(e - 1), widths) && chosen.contains(places[e - 1]);
            // An opening mark right after a closing one ("。（") is not compressed: the pair gives half an em once.
            char previous = start > 0 ? s.charAt(start - 1) : before;
            boolean left = OPENING.indexOf(s.charAt(start)) >= 0 && fullWidth(s.charAt(start), widths)
                    && e - start > 1 && CLOSING.indexOf(previous) < 0 && chosen.contains(places[start]);
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

    private static boolean isMark(char c) {
        return CLOSING.indexOf(c) >= 0 || OPENING.indexOf(c) >= 0;
    }

    private static boolean hasMark(String s) {
        return marks(s) > 0;
    }

    private static int marks(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += isMark(s.charAt(i)) ? 1 : 0;
        }
        return n;
    }

    private static boolean fullWidth(char c, TextWidths widths) {
        return Math.abs(widths.width(String.valueOf(c), TextWidths.Face.SERIF) - 1.0) < 0.01;
    }

    /**
     * The marks to compress so that the justified lines of {@code root}'s layout of {@code doc} that their gaps
     * cannot fill take the word that begins their next line: for each such line, as few of its own marks as make room
     * for the word, the last ones first; none where its marks cannot make room. Marks in {@code chosen} (compressed
     * in this layout) are not counted again.
     */
    static Set<Mark> found(Document doc, PdfBoxRenderer renderer, TextWidths widths, Set<Mark> chosen) {
        LayoutContext c = renderer.getSharedContext().newLayoutContextInstance();
        c.setFontContext(new PdfBoxFontContext());
        return found(doc, renderer.getRootBox(), widths, c, chosen);
    }

    private static Set<Mark> found(Document doc, Box root, TextWidths widths, LayoutContext c, Set<Mark> chosen) {
        Map<Element, Integer> positions = new IdentityHashMap<>();
        List<Element> blocks = blocks(doc);
        for (int i = 0; i < blocks.size(); i++) {
            positions.put(blocks.get(i), i);
        }
        Map<Element, List<LineBox>> paragraphs = new java.util.LinkedHashMap<>();
        walk(root, positions, paragraphs);
        Set<Mark> out = new TreeSet<>();
        for (Map.Entry<Element, List<LineBox>> p : paragraphs.entrySet()) {
            choose(positions.get(p.getKey()), p.getValue(), widths, c, chosen, out);
        }
        return out;
    }

    /** Gathers the lines of each block that may be marked, in order. */
    private static void walk(Box box, Map<Element, Integer> positions, Map<Element, List<LineBox>> out) {
        if (box instanceof LineBox line) {
            for (Box b = line.getParent(); b != null; b = b.getParent()) {
                Element e = b.getElement();
                if (e != null) {
                    // The lines of a block inside a list item are not the item's own text.
                    if (positions.containsKey(e) && line.isContainsContent()) {
                        out.computeIfAbsent(e, k -> new ArrayList<>()).add(line);
                    }
                    break;
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

    /**
     * A mark on a line: its place among its block's marks, its character, and where it stands: its line, the line's
     * item (see {@link #items}) and the character in that item's text.
     */
    private record Placed(int index, char ch, int line, int item, int offset) {
    }

    /**
     * Marks that stand together ("），", "。（") and are compressed once: their places, and where the one compressed
     * stands (its line, item and character).
     */
    private record Unit(List<Integer> places, int line, int item, int offset) {
    }

    /** A piece of a line up to a break opportunity: its width, and where it ends (its last item, the character after it). */
    private record Piece(float width, int item, int end) {
    }

    private static void choose(int block, List<LineBox> lines, TextWidths widths, LayoutContext c, Set<Mark> chosen,
            Set<Mark> out) {
        List<List<Object>> items = new ArrayList<>();
        List<Placed> run = new ArrayList<>();
        List<Unit> units = new ArrayList<>();
        int index = 0;
        for (int l = 0; l < lines.size(); l++) {
            List<Object> line = Justification.items(lines.get(l));
            items.add(line);
            for (int n = 0; n < line.size(); n++) {
                if (!(line.get(n) instanceof InlineText t) || !own(t)) {
                    unit(run, units, widths);
                    continue;
                }
                String s = t.getSubstring();
                for (int i = 0; i < s.length(); i++) {
                    char ch = s.charAt(i);
                    if (isMark(ch)) {
                        run.add(new Placed(index++, ch, l, n, i));
                    } else {
                        unit(run, units, widths);
                    }
                }
            }
        }
        unit(run, units, widths);
        for (int l = 0; l + 1 < lines.size(); l++) {
            LineBox line = lines.get(l);
            if (!Justification.shortLine(line, c) || line.getParent().getStyle().getFontSpecification() == null) {
                continue;
            }
            float half = HALF * line.getParent().getStyle().getFontSpecification().size;
            float needed = firstWord(items.get(l + 1), c) + space(items.get(l), items.get(l + 1), c)
                    - (Justification.available(line) - line.getContentWidth());
            List<Unit> own = free(units, l, block, chosen);
            if (needed <= 0) {
                continue;
            }
            int k = (int) Math.ceil(needed / half);
            if (k <= own.size()) {
                take(own, k, block, out);
                continue;
            }
            if (l == 0 || Justification.shortLine(lines.get(l - 1), c)) {
                continue;
            }
            // Not enough on the line itself: the line before, its marks compressed, takes the pieces that begin this
            // line, and this line has that much more room. As few marks as do it, on the two lines together.
            List<Unit> before = free(units, l - 1, block, chosen);
            List<Piece> pieces = pieces(items.get(l), c);
            LineBox previous = lines.get(l - 1);
            float slack = Justification.available(previous) - previous.getContentWidth()
                    - space(items.get(l - 1), items.get(l), c);
            int bestBefore = -1;
            int bestOwn = 0;
            for (int k1 = 1; k1 <= before.size(); k1++) {
                float room = slack + k1 * half;
                float taken = 0;
                Piece last = null;
                for (Piece p : pieces) {
                    if (taken + p.width() > room) {
                        break;
                    }
                    taken += p.width();
                    last = p;
                }
                if (last == null) {
                    continue;
                }
                Piece end = last;
                // This line's marks that go to the line before no longer make room here.
                List<Unit> left = own.stream().filter(u -> u.item() > end.item()
                        || u.item() == end.item() && u.offset() >= end.end()).toList();
                int k2 = Math.max(0, (int) Math.ceil((needed - taken) / half));
                if (k2 <= left.size() && (bestBefore < 0 || k1 + k2 < bestBefore + bestOwn)) {
                    bestBefore = k1;
                    bestOwn = k2;
                }
            }
            if (bestBefore > 0) {
                take(before, bestBefore, block, out);
                take(own, bestOwn, block, out);
            }
        }
    }

    /** The units of line {@code l} that are not compressed yet. */
    private static List<Unit> free(List<Unit> units, int l, int block, Set<Mark> chosen) {
        List<Unit> out = new ArrayList<>();
        for (Unit u : units) {
            if (u.line() == l && u.places().stream().noneMatch(i -> chosen.contains(new Mark(block, i)))) {
                out.add(u);
            }
        }
        return out;
    }

    /** Chooses the last {@code k} of {@code units}: a line gives back the half ems it does not need from its start. */
    private static void take(List<Unit> units, int k, int block, Set<Mark> out) {
        for (Unit u : units.subList(units.size() - k, units.size())) {
            u.places().forEach(i -> out.add(new Mark(block, i)));
        }
    }

    /**
     * The pieces of a line, from its start, that the renderer may break it into: its texts at their break
     * opportunities, a box that does not wrap whole, any other box.
     */
    private static List<Piece> pieces(List<Object> line, LayoutContext c) {
        List<Piece> out = new ArrayList<>();
        InlineLayoutBox lastNowrap = null;
        for (int i = 0; i < line.size(); i++) {
            if (line.get(i) instanceof InlineText t) {
                String s = t.getSubstring();
                InlineLayoutBox nowrap = nowrap(t);
                if (nowrap != null) {
                    float w = width(t, s, c);
                    if (nowrap == lastNowrap && !out.isEmpty()) {
                        Piece p = out.remove(out.size() - 1);
                        out.add(new Piece(p.width() + w, i, s.length()));
                    } else {
                        out.add(new Piece(w, i, s.length()));
                    }
                    lastNowrap = nowrap;
                    continue;
                }
                lastNowrap = null;
                FSTextBreaker breaks = c.getSharedContext().getLineBreaker();
                breaks.setText(s);
                int start = 0;
                for (int end = breaks.next(); end > 0 && end <= s.length(); end = breaks.next()) {
                    if (end > start) {
                        out.add(new Piece(width(t, s.substring(start, end), c), i, end));
                        start = end;
                    }
                }
                if (start < s.length()) {
                    out.add(new Piece(width(t, s.substring(start), c), i, s.length()));
                }
            } else if (line.get(i) instanceof Box b) {
                lastNowrap = null;
                out.add(new Piece(b.getWidth(), i, 1));
            }
        }
        return out;
    }

    /** The outermost box around {@code t} that does not wrap, or null. */
    private static InlineLayoutBox nowrap(InlineText t) {
        InlineLayoutBox nowrap = null;
        for (Box b = t.getParent(); b instanceof InlineLayoutBox i; b = b.getParent()) {
            if (i.getStyle().getWhitespace() == IdentValue.NOWRAP) {
                nowrap = i;
            }
        }
        return nowrap;
    }

    /** Ends the run of marks in {@code run}: a unit on the line of the mark that is compressed, when full width. */
    private static void unit(List<Placed> run, List<Unit> units, TextWidths widths) {
        if (run.isEmpty()) {
            return;
        }
        // As split: a run of closing marks is compressed at its last, an opening mark at its first.
        int key = 0;
        if (CLOSING.indexOf(run.get(0).ch()) >= 0) {
            while (key + 1 < run.size() && CLOSING.indexOf(run.get(key + 1).ch()) >= 0) {
                key++;
            }
        }
        if (fullWidth(run.get(key).ch(), widths)) {
            Placed p = run.get(key);
            units.add(new Unit(run.stream().map(Placed::index).toList(), p.line(), p.item(), p.offset()));
        }
        run.clear();
    }

    /** Whether {@code t} is its block's own text (see {@link #own(Element)}), not generated content. */
    private static boolean own(InlineText t) {
        for (Box b = t.getParent(); b instanceof InlineLayoutBox; b = b.getParent()) {
            if (b.getPseudoElementOrClass() != null) {
                return false;
            }
            if (b.getElement() != null && BLOCKS.contains(b.getElement().getLocalName())) {
                return true;
            }
            if (b.getElement() != null && !own(b.getElement())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The width of what begins a line up to its first break opportunity: a piece of its first text (the renderer
     * may break between two boxes), or the whole of a box that does not wrap.
     */
    private static float firstWord(List<Object> line, LayoutContext c) {
        for (Object o : line) {
            if (o instanceof InlineText t) {
                String s = t.getSubstring();
                int lead = 0;
                while (lead < s.length() && Character.isWhitespace(s.charAt(lead))) {
                    lead++;
                }
                if (lead == s.length()) {
                    continue;
                }
                InlineLayoutBox nowrap = nowrap(t);
                if (nowrap != null) {
                    return nowrap.getInlineWidth();
                }
                // The renderer's own breaker, and the piece with the spaces after it: so the renderer measures it.
                String rest = s.substring(lead);
                FSTextBreaker breaks = c.getSharedContext().getLineBreaker();
                breaks.setText(rest);
                int end = breaks.next();
                if (end == 0) {
                    end = breaks.next();
                }
                return width(t, end > 0 ? rest.substring(0, end) : rest, c);
            } else if (o instanceof Box b) {
                return b.getWidth();
            }
        }
        return 0;
    }

    /** The width of a space between {@code line} and {@code next} that neither holds. */
    private static float space(List<Object> line, List<Object> next, LayoutContext c) {
        InlineText last = null;
        for (Object o : line) {
            last = o instanceof InlineText t ? t : null;
        }
        if (last == null || last.getSubstring().endsWith(" ")) {
            return 0;
        }
        String master = last.getMasterText();
        boolean trimmed = last.getEnd() < master.length() && Character.isWhitespace(master.charAt(last.getEnd()));
        for (Object o : next) {
            if (o instanceof InlineText t) {
                trimmed |= t.isTrimmedLeadingSpace();
                break;
            }
        }
        return trimmed ? width(last, " ", c) : 0;
    }

    private static float width(InlineText t, String s, LayoutContext c) {
        FSFont font = t.getParent().getStyle().getFSFont(c);
        return c.getTextRenderer().getWidth(c.getFontContext(), font, s);
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
        shiftAfter(line, s.box(), s.left(), d);
    }

    /**
     * Moves what follows {@code anchor} on {@code line} right by {@code d} (device units); the boxes that hold it
     * and the line grow by {@code d}. The anchor is an inline box, passed at its start ({@code fromStart}: a mark's
     * blank on its left) or its end, or a text run, passed at its end (MovedDown's cut).
     */
    static void shiftAfter(LineBox line, Object anchor, boolean fromStart, int d) {
        boolean[] passed = {false};
        for (Box b : line.getChildren()) {
            if (passed[0]) {
                b.setX(b.getX() + d);
            }
            if (b instanceof InlineLayoutBox inline) {
                shift(inline, anchor, fromStart, d, passed);
            }
        }
        line.setContentWidth(line.getContentWidth() + d);
    }

    private static void shift(InlineLayoutBox box, Object anchor, boolean fromStart, int d, boolean[] passed) {
        boolean startedBefore = !passed[0];
        if (box == anchor && fromStart) {
            passed[0] = true;
        }
        for (Object o : box.getInlineChildren()) {
            if (o instanceof InlineText t) {
                if (passed[0] && startedBefore) {
                    t.setX(t.getX() + d);
                }
                if (t == anchor) {
                    passed[0] = true;
                }
            } else if (o instanceof Box b) {
                if (passed[0]) {
                    b.setX(b.getX() + d);
                }
                if (b instanceof InlineLayoutBox inline) {
                    shift(inline, anchor, fromStart, d, passed);
                }
            }
        }
        if (box == anchor && !fromStart) {
            passed[0] = true;
        }
        if (startedBefore && passed[0]) {
            box.setInlineWidth(box.getInlineWidth() + d);
        }
    }
}
