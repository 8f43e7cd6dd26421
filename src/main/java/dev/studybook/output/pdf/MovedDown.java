package dev.studybook.output.pdf;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.extend.FSTextBreaker;
import com.openhtmltopdf.layout.Breaker;
import com.openhtmltopdf.layout.LayoutContext;
import com.openhtmltopdf.render.BlockBox;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.CharCounts;
import com.openhtmltopdf.render.InlineLayoutBox;
import com.openhtmltopdf.render.InlineText;
import com.openhtmltopdf.render.LineBox;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills a justified line left short before a word it cannot hold (a code piece, a Latin word wider than its slack)
 * with the last characters of the line before it, as a typesetter breaks the line before earlier (issue 17): the
 * line before spreads the room they leave over its own gaps, the short line takes them at its start and stops at
 * the same word as before. Done on the laid-out lines, before they are justified: no line ends elsewhere than the
 * moved characters, so no paragraph changes its number of lines, no page breaks anew, and no layout is added.
 *
 * <p>Only characters of one text run that the two lines share (the renderer broke the line inside it, between two
 * characters it may break between) move, never a space, code, or a compressed mark's box; and only as many as fill
 * the short line, when the line before can spread what they leave within the gaps Justification allows. Nothing is
 * added to the text: it copies out as it was.
 */
final class MovedDown {

    private MovedDown() {
    }

    /** Fills the short lines of every block under {@code root}; call it before Justification justifies them. */
    static int apply(Box root, LayoutContext c) {
        int[] moved = {0};
        walk(root, c, moved);
        return moved[0];
    }

    private static void walk(Box box, LayoutContext c, int[] moved) {
        if (box instanceof BlockBox block && block.getChildCount() > 1) {
            List<LineBox> lines = new ArrayList<>();
            for (int i = 0; i < block.getChildCount(); i++) {
                if (block.getChild(i) instanceof LineBox line && line.isContainsContent()) {
                    lines.add(line);
                }
            }
            for (int l = 1; l + 1 < lines.size(); l++) {
                if (fill(lines.get(l - 1), lines.get(l), c)) {
                    moved[0]++;
                }
            }
        }
        if (box instanceof LineBox line) {
            for (Box b : line.getNonFlowContent()) {
                walk(b, c, moved);
            }
            return;
        }
        if (box instanceof InlineLayoutBox) {
            return;
        }
        for (int i = 0; i < box.getChildCount(); i++) {
            walk(box.getChild(i), c, moved);
        }
    }

    /** Moves the fewest last characters of {@code before} that fill {@code line}, when it is short; whether it did. */
    private static boolean fill(LineBox before, LineBox line, LayoutContext c) {
        if (!Justification.shortLine(line, c) || before.isLayedOutRTL() || before.isEndsOnNL()) {
            return false;
        }
        float em = line.getParent().getStyle().getFontSpecification().size;
        List<Object> a = Justification.items(before);
        List<Object> b = Justification.items(line);
        if (a.isEmpty() || b.isEmpty() || !(a.get(a.size() - 1) instanceof InlineText t1)
                || !(b.get(0) instanceof InlineText t2)) {
            return false;
        }
        // One run of text broken between the two lines, between two characters.
        String master = t1.getMasterText();
        if (master != t2.getMasterText() || t1.getEnd() != t2.getStart() || t1.getParent().getElement() == null
                || t1.getParent().getElement() != t2.getParent().getElement() || !plain(t1) || !plain(t2)
                || t1.getEnd() >= master.length() || Character.isWhitespace(master.charAt(t1.getEnd()))
                || Character.isWhitespace(master.charAt(t1.getEnd() - 1))) {
            return false;
        }
        float marks = PunctuationSqueeze.squeezed(line).size() * PunctuationSqueeze.HALF * em;
        if (room(line, em, c) - marks <= 0.25f * em) {
            return false;
        }
        List<Integer> cuts = cuts(master, t1.getStart(), t1.getEnd(), c);
        int end1 = t1.getEnd();
        for (int k = cuts.size() - 1; k >= 0; k--) {
            move(before, line, t1, t2, cuts.get(k), c);
            // The short line holds what came (it never runs past the margin), and the line before spreads what it
            // gave within its own gaps and the marks it gives back; each character more only makes either worse.
            if (Justification.available(line) < line.getContentWidth() || room(before, em, c)
                    - PunctuationSqueeze.squeezed(before).size() * PunctuationSqueeze.HALF * em > 0f) {
                break;
            }
            if (room(line, em, c) - marks <= 0f) {
                return true;
            }
        }
        move(before, line, t1, t2, end1, c);
        return false;
    }

    /**
     * What {@code line}'s gaps cannot take of its slack, less one character gap (its last moves nothing), in device
     * units: above zero, the line stops short.
     */
    private static float room(LineBox line, float em, LayoutContext c) {
        List<InlineText> texts = Justification.texts(line);
        float toAdd = Justification.available(line) - line.getContentWidth() + Justification.trailingSpace(texts, c);
        Justification.Gaps gaps = Justification.gaps(texts);
        return toAdd - Math.max(0, gaps.chars() - 1) * Justification.CHAR_GAP * em
                - gaps.spaces() * Justification.SPACE_GAP * em;
    }

    /** Whether {@code t} is justified prose that wraps: not code, not a glued or compressed box. */
    private static boolean plain(InlineText t) {
        InlineLayoutBox p = t.getParent();
        String cls = p.getElement().getAttribute("class");
        return t.getLetterSpacing() == 0f && p.getStyle().isTextJustify()
                && p.getStyle().getWhitespace() == IdentValue.NORMAL && !PunctuationSqueeze.RIGHT.equals(cls)
                && !PunctuationSqueeze.LEFT.equals(cls) && !PunctuationSqueeze.BOTH.equals(cls);
    }

    /**
     * The places in {@code master} after {@code start} and before {@code end} where the renderer may break a line
     * and no space stands on either side, in order.
     */
    private static List<Integer> cuts(String master, int start, int end, LayoutContext c) {
        List<Integer> out = new ArrayList<>();
        // The renderer's own breaker, over the run up to the character after the cut's piece: so it judges the pair.
        String s = master.substring(start, Math.min(master.length(), end + 1));
        FSTextBreaker breaks = c.getSharedContext().getLineBreaker();
        breaks.setText(s);
        for (int p = breaks.next(); p >= 0 && p < s.length(); p = breaks.next()) {
            int at = start + p;
            if (at > start && at < end && !Character.isWhitespace(master.charAt(at - 1))
                    && !Character.isWhitespace(master.charAt(at))) {
                out.add(at);
            }
        }
        return out;
    }

    /**
     * Sets the break between {@code t1} (ending {@code before}) and {@code t2} (beginning {@code line}) at {@code cut}
     * of their run: their widths, what follows them on their lines, the boxes that hold them and the lines' widths
     * change by what moved.
     */
    private static void move(LineBox before, LineBox line, InlineText t1, InlineText t2, int cut, LayoutContext c) {
        if (cut == t1.getEnd()) {
            return;
        }
        int d1 = resize(t1, t1.getStart(), cut, c);
        int d2 = resize(t2, cut, t2.getEnd(), c);
        if (d1 != 0) {
            PunctuationSqueeze.shiftAfter(before, t1, false, d1);
        }
        if (d2 != 0) {
            PunctuationSqueeze.shiftAfter(line, t2, false, d2);
        }
    }

    /** Sets {@code t}'s text to {@code start}..{@code end} of its run; what its width grew by. */
    private static int resize(InlineText t, int start, int end, LayoutContext c) {
        int old = t.getWidth();
        t.setSubstring(start, end);
        t.setWidth(Breaker.getTextWidthWithLetterSpacing(c, t.getParent().getStyle().getFSFont(c), t.getSubstring(),
                t.getLetterSpacing()));
        // Its counts of characters and spaces are taken again for its new text (Justification).
        t.countJustifiableChars(new CharCounts());
        return t.getWidth() - old;
    }
}
