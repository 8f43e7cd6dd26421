package dev.studybook.output.pdf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.output.pdf.JustifiedLinesTest.Glyph;
import dev.studybook.output.pdf.JustifiedLinesTest.Line;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: a justified line stopped short of the margin before long inline code ({@code stringtoslicebyte}) that
 * it could not hold and that has no seam to break at, with no marks to compress, though the line before it, all
 * Chinese characters, could have spread the room of its last characters over its own gaps and given them to the
 * short line (MovedDown). The book justify/moved-down sets paragraphs whose first two lines are Chinese text
 * without punctuation, the code near the second line's end; each begins one character later.
 */
class ShortLineBeforeCodeNotFilledFromLineBeforeTest {

    static final float EM = LineShortBeforeUnbreakableWordTest.EM;

    @TempDir
    static Path dir;
    static List<Line> lines = new ArrayList<>();
    static float margin;

    @BeforeAll
    static void build() throws IOException {
        Path pdf = TestBooks.build(TestBooks.book("justify/moved-down"), dir, "pdf").output("pdf");
        margin = JustifiedLinesTest.rightMargin(pdf);
        lines.addAll(JustifiedLinesTest.inkedLines(pdf));
    }

    private static boolean han(Glyph g) {
        int c = g.text().codePointAt(0);
        return c >= 0x4E00 && c <= 0x9FFF;
    }

    /** Whether {@code b} is the line after {@code a} in one paragraph: one line-height below, at the same left edge. */
    private static boolean next(Line a, Line b) {
        return a.page() == b.page() && Math.abs(b.y() - a.y() - JustifiedLinesTest.LINE) < 0.6f
                && Math.abs(b.left() - a.left()) < 1.5f;
    }

    /** What the gaps after the line's Chinese characters were widened by (Justification). */
    private static float stretched(Line l) {
        float sum = 0;
        List<Glyph> g = l.glyphs();
        for (int i = 0; i + 1 < g.size(); i++) {
            float gap = g.get(i + 1).x() - g.get(i).right();
            if (gap > 0 && gap < 1.5f) {
                sum += gap;
            }
        }
        return sum;
    }

    @Test
    void noLineStopsShortThatTheLineBeforeCouldFill() {
        List<String> found = new ArrayList<>();
        int checked = 0;
        for (int i = 1; i + 1 < lines.size(); i++) {
            Line a = lines.get(i - 1);
            Line b = lines.get(i);
            if (!a.body() || !next(a, b) || !next(b, lines.get(i + 1))) {
                continue;
            }
            if (!a.glyphs().stream().allMatch(ShortLineBeforeCodeNotFilledFromLineBeforeTest::han)
                    || !han(b.glyphs().get(0))) {
                continue;
            }
            checked++;
            float shortBy = margin - b.right();
            // The line before may widen each gap after a character to CHAR_GAP: what it has left takes the width of
            // the characters that fill the short line, and a point more.
            float left = (a.glyphs().size() - 1) * Justification.CHAR_GAP * EM - stretched(a);
            if (shortBy > 2.5f && left >= (float) Math.ceil(shortBy / EM) * EM + 1f) {
                found.add(String.format(Locale.ROOT, "page %d, %.1f pt short, the line before has %.1f pt of gaps left: %s",
                        b.page(), shortBy, left, b.text()));
            }
        }
        assertTrue(checked >= 20, "line pairs checked: " + checked);
        assertTrue(found.isEmpty(), found.size() + " short lines the line before could fill:\n" + String.join("\n", found));
    }

    @Test
    void theBookHasLinesFilledFromTheLineBefore() {
        // A line that was filled took the line before's characters: that line, all Chinese, stops at the margin with
        // fewer characters than a full line of them holds.
        int fewer = 0;
        int full = (int) Math.floor((margin - JustifiedLinesTest.SIDE) / EM);
        for (int i = 0; i + 1 < lines.size(); i++) {
            Line a = lines.get(i);
            if (a.body() && next(a, lines.get(i + 1))
                    && a.glyphs().stream().allMatch(ShortLineBeforeCodeNotFilledFromLineBeforeTest::han)
                    && a.glyphs().size() < full && margin - a.right() < 1f) {
                fewer++;
            }
        }
        assertTrue(fewer > 0, "no line gave characters to the next: the book does not test the rule");
    }
}
