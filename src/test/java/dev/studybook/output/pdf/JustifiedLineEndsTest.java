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
 * What ends a justified line (issue 17), on the glyphs PDFBox reads from the book justify/line-ends, whose
 * paragraphs begin one character later each: a version or a decimal is never parted at its dot, in prose or in
 * code; a line broken inside inline code after one of its spaces reaches the margin.
 */
class JustifiedLineEndsTest {

    private static boolean han(Glyph g) {
        int c = g.text().codePointAt(0);
        return c >= 0x4E00 && c <= 0x9FFF;
    }

    private static boolean mono(Glyph g) {
        return g.font().contains("Mono");
    }

    /** Body text: serif Chinese characters (headings are sans). */
    private static boolean body(Line l) {
        return l.glyphs().stream().anyMatch(g -> g.font().contains("NotoSerifSC") && han(g));
    }

    /**
     * Whether every gap between two Chinese characters of the line took the most Justification gives one: then
     * the line may stop short, it has nothing left to widen but Latin words and code.
     */
    private static boolean gapsFull(Line l) {
        List<Glyph> glyphs = l.glyphs();
        int pairs = 0;
        for (int i = 0; i + 1 < glyphs.size(); i++) {
            Glyph a = glyphs.get(i);
            Glyph b = glyphs.get(i + 1);
            if (han(a) && han(b)) {
                pairs++;
                if (b.x() - a.x() - EM < Justification.CHAR_GAP * EM - 0.05f) {
                    return false;
                }
            }
        }
        return pairs > 0;
    }

    /** The body size, in points. */
    static final float EM = 10.5f;

    @TempDir
    static Path dir;
    static List<Line> lines = new ArrayList<>();
    static float margin;

    @BeforeAll
    static void build() throws IOException {
        Path pdf = TestBooks.build(TestBooks.book("justify/line-ends"), dir, "pdf").output("pdf");
        margin = JustifiedLinesTest.rightMargin(pdf);
        lines.addAll(JustifiedLinesTest.inkedLines(pdf));
    }

    /** Pairs of a body line and the next line of its paragraph on the same page (one line-height below, same left). */
    private static List<Line[]> justified() {
        List<Line[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            Line a = lines.get(i);
            Line b = lines.get(i + 1);
            if (a.page() == b.page() && body(a) && Math.abs(b.y() - a.y() - JustifiedLinesTest.LINE) < 0.6f
                    && Math.abs(b.glyphs().get(0).x() - a.glyphs().get(0).x()) < 1.5f) {
                out.add(new Line[] {a, b});
            }
        }
        return out;
    }

    private static String shortBy(Line a) {
        return String.format(Locale.ROOT, "page %d, %.1f pt short: %s", a.page(), margin - a.right(), a.text());
    }

    @Test
    void versionAtALineEndIsNeverSplitAtItsDot() {
        List<String> split = new ArrayList<>();
        int versionsAtLineEnds = 0;
        for (int i = 0; i + 1 < lines.size(); i++) {
            String a = lines.get(i).text();
            String b = lines.get(i + 1).text();
            // "go1." / "26.8", "0." / "875": a digit, a dot, and a digit on the next line.
            if (a.matches("(?s).*\\d\\.") && b.matches("(?s)\\d.*")) {
                split.add(a.substring(Math.max(0, a.length() - 12)) + " / " + b.substring(0, Math.min(12, b.length())));
            }
            if (a.matches("(?s).*(go1\\.26\\.8|go1\\.25|v1\\.2|6\\.5|0\\.875)") || b.matches("(?s)(go1\\.26\\.8|go1\\.25|v1\\.2|6\\.5|0\\.875).*")) {
                versionsAtLineEnds++;
            }
        }
        assertTrue(versionsAtLineEnds > 0, "no version met a line end: the book does not test the rule");
        assertTrue(split.isEmpty(), split.size() + " numbers split at their dot:\n" + String.join("\n", split));
    }

    @Test
    void lineBrokenAfterASpaceInsideCodeReachesTheMargin() {
        List<String> found = new ArrayList<>();
        int checked = 0;
        for (Line[] ab : justified()) {
            Line a = ab[0];
            // The line ends inside a code span that goes on on the next line ("fatal " / "error: out of range").
            if (!mono(a.glyphs().get(a.glyphs().size() - 1)) || !mono(ab[1].glyphs().get(0))) {
                continue;
            }
            checked++;
            if (a.right() < margin - JustifiedLinesTest.SHORT && !gapsFull(a)) {
                found.add(shortBy(a));
            }
        }
        assertTrue(checked > 10, "lines broken inside code: " + checked);
        assertTrue(found.isEmpty(), found.size() + " of " + checked
                + " lines broken inside code stop short with room left between their Chinese characters:\n"
                + String.join("\n", found));
    }
}
