package dev.studybook.output.pdf;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.layout.Breaker;
import com.openhtmltopdf.layout.LayoutContext;
import com.openhtmltopdf.pdfboxout.PdfBoxFontContext;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.render.BlockBox;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.CharCounts;
import com.openhtmltopdf.render.FloatDistances;
import com.openhtmltopdf.render.InlineLayoutBox;
import com.openhtmltopdf.render.InlineText;
import com.openhtmltopdf.render.JustificationInfo;
import com.openhtmltopdf.render.LineBox;
import java.util.ArrayList;
import java.util.List;

/**
 * Spreads the slack of each justified line after layout: first over the gaps after Chinese characters, up to
 * {@link #CHAR_GAP} each, then over the spaces of the line's justified text, up to {@link #SPACE_GAP} each, then
 * over the gaps after Chinese characters again, up to {@link #WIDE_CHAR_GAP} each.
 * OpenHTMLtoPDF gives spaces 80 % of a line's slack and characters 20 %, each share capped on its own: a Chinese
 * line with one space opened a gap of a whole character there, and without the space left lines short whose
 * characters could not take all of it. It also divides by one gap fewer than it adds, so a line ending in code or
 * a Latin word ran past the margin by up to one gap. Latin words and code are not justified text (ReadingOrder,
 * pdf.css): they keep their own spacing.
 */
final class Justification {

    /**
     * The most a gap after a Chinese character is widened, in ems: pdf.js (Firefox) and PDFium (Chrome) copy a gap
     * wider than about 0.1 em as a space.
     */
    static final float CHAR_GAP = 0.09f;
    /**
     * The most a space of justified text is widened, in ems: the space between a Chinese character and a Latin
     * word then stays within the half em Chinese and Japanese layout rules allow (clreq, JLREQ). A widened space is
     * still copied as one space.
     */
    static final float SPACE_GAP = 0.3f;
    /**
     * The most a gap after a Chinese character is widened when the line's spaces have taken {@link #SPACE_GAP} and
     * slack is left, in ems: the part over {@link #CHAR_GAP} is held by the glyphs' advances (WideFaces), so that the
     * visible gap is no space to pdf.js or PDFium. Before, a line of few Chinese characters before code or a Latin
     * word that could not break stopped short (104 of content/'s 4,290 justified lines).
     */
    static final float WIDE_CHAR_GAP = CHAR_GAP + WideFaces.STEPS * WideFaces.STEP;

    private Justification() {
    }

    /**
     * Justifies the lines of {@code renderer}'s laid-out document whose slack the renderer left alone (pdf.css sets
     * its own limits to zero); call it after {@code layout()} and before the pages are drawn.
     */
    static void apply(PdfBoxRenderer renderer) {
        BlockBox root = renderer.getRootBox();
        if (root != null) {
            LayoutContext c = renderer.getSharedContext().newLayoutContextInstance();
            c.setFontContext(new PdfBoxFontContext());
            MovedDown.apply(root, c);
            walk(root, c);
        }
    }

    private static void walk(Box box, LayoutContext c) {
        if (box instanceof LineBox line) {
            justify(line, c);
            for (Box b : line.getNonFlowContent()) {
                walk(b, c);
            }
        }
        if (box instanceof InlineLayoutBox inline) {
            for (Object o : inline.getInlineChildren()) {
                if (o instanceof Box b) {
                    walk(b, c);
                }
            }
        } else {
            for (int i = 0; i < box.getChildCount(); i++) {
                walk(box.getChild(i), c);
            }
        }
    }

    /** A line's content in order: each run of text, and any other box (a picture, an inline-block) as itself. */
    static List<Object> items(LineBox line) {
        List<Object> out = new ArrayList<>();
        for (Box b : line.getChildren()) {
            items(b, out);
        }
        return out;
    }

    private static void items(Box box, List<Object> out) {
        if (box instanceof InlineLayoutBox inline) {
            for (Object o : inline.getInlineChildren()) {
                if (o instanceof InlineText t) {
                    if (!t.isEmpty()) {
                        out.add(t);
                    }
                } else if (o instanceof Box b) {
                    items(b, out);
                }
            }
        } else {
            out.add(box);
        }
    }

    /** A line's text in order: each run of text, and null for any other box. */
    static List<InlineText> texts(LineBox line) {
        List<InlineText> out = new ArrayList<>();
        for (Object o : items(line)) {
            out.add(o instanceof InlineText t ? t : null);
        }
        return out;
    }

    private static boolean justified(InlineText t) {
        return t != null && t.getLetterSpacing() == 0f && t.getParent().getStyle().isTextJustify();
    }

    private static void justify(LineBox line, LayoutContext c) {
        JustificationInfo info = line.getJustificationInfo();
        BlockBox block = line.getParent();
        giveBack(line, c);
        // No info: a last line, or one the renderer found full; adjusts set: limits from the style, its own work.
        boolean full = info == null && block.getStyle().isTextJustify() && !line.isEndsOnNL() && !lastWithContent(line)
                && line.getFloatDistances() != null;
        if (info == null && !full || info != null && (info.getNonSpaceAdjust() != 0f || info.getSpaceAdjust() != 0f)
                || line.isLayedOutRTL()) {
            return;
        }
        FloatDistances floats = line.getFloatDistances();
        int available = block.getContentWidth() - line.getContentStart()
                - (floats == null ? 0 : floats.getLeftFloatDistance() + floats.getRightFloatDistance());
        List<InlineText> texts = texts(line);
        InlineText last = texts.isEmpty() ? null : texts.get(texts.size() - 1);
        if (last != null) {
            trimTrailingSpace(line, last, c);
            if (last.isEmpty()) {
                texts.remove(texts.size() - 1);
                last = texts.isEmpty() ? null : texts.get(texts.size() - 1);
            }
        }
        if (full) {
            // The renderer measured the line with the space that ends it, before the inline box that opens the next
            // line, and found no slack: it left it unjustified, one space short of the margin once that space is
            // taken away (content/'s pages 154, 354). Its own pass, with pdf.css's limits of zero, moves nothing
            // and leaves the info to fill here.
            line.justify(c);
            info = line.getJustificationInfo();
            if (info == null) {
                return;
            }
        }
        float toAdd = available - line.getContentWidth();
        if (toAdd <= 0 || block.getStyle().getFontSpecification() == null) {
            return;
        }
        float em = block.getStyle().getFontSpecification().size;
        Gaps gaps = gaps(texts);
        int chars = gaps.chars();
        int spaces = gaps.spaces();
        // What follows the line's last character moves nothing: its gap (and those of spaces after it) is not slack
        // taken up.
        if (justified(last)) {
            String s = last.getSubstring();
            int end = s.length();
            while (end > 0 && InlineText.isJustifySpaceCodePoint(s.charAt(end - 1))) {
                end--;
                spaces--;
            }
            if (end > 0) {
                chars--;
            }
        }
        float charGap = chars > 0 ? Math.min(toAdd / chars, CHAR_GAP * em) : 0f;
        float rest = toAdd - charGap * Math.max(chars, 0);
        float spaceGap = spaces > 0 && rest > 0 ? Math.min(rest / spaces, SPACE_GAP * em) : 0f;
        rest -= spaceGap * Math.max(spaces, 0);
        if (chars > 0 && rest > 0) {
            // What is left goes to the Chinese gaps after all, drawn in a face whose advances hold the part over
            // CHAR_GAP (WideFaces): the line reaches the margin, and copies out without spaces.
            charGap = Math.min(charGap + rest / chars, WIDE_CHAR_GAP * em);
        }
        if (charGap <= 0f && spaceGap <= 0f) {
            return;
        }
        info.setNonSpaceAdjust(charGap);
        info.setSpaceAdjust(spaceGap);
        float adjust = 0f;
        for (Box b : line.getChildren()) {
            b.setX(b.getX() + Math.round(adjust));
            if (b instanceof InlineLayoutBox inline) {
                adjust += inline.adjustHorizontalPosition(info, adjust);
            }
        }
        line.calcChildLocations();
    }

    /** The width a line may fill: its block's, less its indent and the floats beside it. */
    static int available(LineBox line) {
        FloatDistances floats = line.getFloatDistances();
        return line.getParent().getContentWidth() - line.getContentStart()
                - (floats == null ? 0 : floats.getLeftFloatDistance() + floats.getRightFloatDistance());
    }

    /**
     * Gives compressed punctuation (PunctuationSqueeze) back the half ems its line has room for: an opening mark at
     * the line's start first, then the others from the start, a closing mark at the line's end last. The marks
     * that stay compressed are those the line needed to hold the word after them.
     */
    private static void giveBack(LineBox line, LayoutContext c) {
        List<PunctuationSqueeze.Squeezed> marks = PunctuationSqueeze.squeezed(line);
        if (marks.isEmpty() || line.isLayedOutRTL()) {
            return;
        }
        List<PunctuationSqueeze.Squeezed> order = new ArrayList<>();
        marks.stream().filter(PunctuationSqueeze.Squeezed::lineStart).forEach(order::add);
        marks.stream().filter(m -> !m.lineStart() && !m.lineEnd()).forEach(order::add);
        marks.stream().filter(PunctuationSqueeze.Squeezed::lineEnd).forEach(order::add);
        int room = available(line) - line.getContentWidth();
        for (PunctuationSqueeze.Squeezed m : order) {
            float margin = m.left() ? m.box().getMargin(c).left() : m.box().getMargin(c).right();
            int d = Math.round(-margin);
            if (d <= 0 || d > room) {
                break;
            }
            PunctuationSqueeze.restore(line, m, d);
            room -= d;
        }
        line.calcChildLocations();
    }

    /**
     * Whether {@code line}, as the renderer laid it out, is a justified line that stops short of the margin once its
     * gaps have taken all they may ({@link #CHAR_GAP}, {@link #SPACE_GAP}) by more than a quarter em.
     */
    static boolean shortLine(LineBox line, LayoutContext c) {
        JustificationInfo info = line.getJustificationInfo();
        BlockBox block = line.getParent();
        if (info == null || info.getNonSpaceAdjust() != 0f || info.getSpaceAdjust() != 0f || line.isLayedOutRTL()
                || !block.getStyle().isTextJustify() || block.getStyle().getFontSpecification() == null) {
            return false;
        }
        float em = block.getStyle().getFontSpecification().size;
        List<InlineText> texts = texts(line);
        Gaps gaps = gaps(texts);
        float toAdd = available(line) - line.getContentWidth() + trailingSpace(texts, c);
        return toAdd > gaps.chars() * CHAR_GAP * em + gaps.spaces() * SPACE_GAP * em + 0.25f * em;
    }

    /**
     * The width of the spaces that end the last of a line's {@code texts} and that {@link #trimTrailingSpace} takes
     * away: a line ending in a piece of code cut after its space ("http: panic serving ") looked full by that space
     * before it was taken away, and was left short (28 of content/'s 124 short lines).
     */
    static int trailingSpace(List<InlineText> texts, LayoutContext c) {
        InlineText last = texts.isEmpty() ? null : texts.get(texts.size() - 1);
        if (last == null) {
            return 0;
        }
        IdentValue ws = last.getParent().getStyle().getWhitespace();
        String s = last.getSubstring();
        if (ws != IdentValue.NORMAL && ws != IdentValue.NOWRAP || !s.endsWith(" ")) {
            return 0;
        }
        String kept = s.stripTrailing();
        return last.getWidth() - Breaker.getTextWidthWithLetterSpacing(c, last.getParent().getStyle().getFSFont(c), kept,
                last.getLetterSpacing());
    }

    /** How many character gaps and spaces the justified texts among {@code texts} may widen. */
    record Gaps(int chars, int spaces) {
    }

    static Gaps gaps(List<InlineText> texts) {
        int chars = 0;
        int spaces = 0;
        JustificationInfo perChar = adjusts(0f, 1f);
        JustificationInfo perSpace = adjusts(1f, 0f);
        for (InlineText t : texts) {
            if (justified(t)) {
                chars += Math.round(t.calcTotalAdjustment(perChar));
                spaces += Math.round(t.calcTotalAdjustment(perSpace));
            }
        }
        return new Gaps(chars, spaces);
    }

    /** Whether no line with content follows {@code line} in its block: the paragraph's last, never justified. */
    private static boolean lastWithContent(LineBox line) {
        BlockBox block = line.getParent();
        for (int i = block.getChildCount() - 1; i >= 0; i--) {
            Box b = block.getChild(i);
            if (b == line) {
                return true;
            }
            if (b instanceof LineBox l && l.isContainsContent()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Takes away the spaces that end a line's last text, justified or not. OpenHTMLtoPDF does so only when the line
     * breaks inside the box that holds them; a line broken before inline code that opens on the next line kept its
     * space, and stopped that space short of the margin; so did a line ending in a piece of code cut after its space
     * (CodeBreaks: "fatal " / "error: ..."), by one monospace space (48 of content/'s 259 short lines).
     */
    private static void trimTrailingSpace(LineBox line, InlineText last, LayoutContext c) {
        IdentValue ws = last.getParent().getStyle().getWhitespace();
        if (ws != IdentValue.NORMAL && ws != IdentValue.NOWRAP || !last.getSubstring().endsWith(" ")) {
            return;
        }
        int before = last.getWidth();
        while (!last.isEmpty() && last.getSubstring().endsWith(" ")) {
            last.trimTrailingSpace(c);
        }
        // Its counts of characters and spaces were taken with the spaces.
        last.countJustifiableChars(new CharCounts());
        int delta = before - last.getWidth();
        for (InlineLayoutBox p = last.getParent(); p != null; p = p.getParent() instanceof InlineLayoutBox q ? q : null) {
            p.setInlineWidth(p.getInlineWidth() - delta);
        }
        line.setContentWidth(line.getContentWidth() - delta);
    }

    private static JustificationInfo adjusts(float space, float nonSpace) {
        JustificationInfo info = new JustificationInfo();
        info.setSpaceAdjust(space);
        info.setNonSpaceAdjust(nonSpace);
        return info;
    }
}
