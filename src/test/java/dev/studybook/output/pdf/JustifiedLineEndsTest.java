package dev.studybook.output.pdf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What ends a justified line (issue 17), on the glyphs PDFBox reads from the book justify/line-ends, whose
 * paragraphs begin one character later each: a version or a decimal is never parted at its dot, in prose or in
 * code; a line broken inside inline code after one of its spaces reaches the margin.
 */
class JustifiedLineEndsTest {

    record Glyph(String text, float x, float w, String font) {
        boolean han() {
            int c = text.codePointAt(0);
            return c >= 0x4E00 && c <= 0x9FFF;
        }

        boolean mono() {
            return font.contains("Mono");
        }
    }

    record Line(int page, float y, List<Glyph> glyphs) {
        float right() {
            Glyph g = glyphs.get(glyphs.size() - 1);
            return g.x() + g.w();
        }

        String text() {
            StringBuilder sb = new StringBuilder();
            glyphs.forEach(g -> sb.append(g.text()));
            return sb.toString();
        }

        boolean body() {
            // Body text: serif Chinese characters (headings are sans).
            return glyphs.stream().anyMatch(g -> g.font().contains("NotoSerifSC") && g.han());
        }

        /**
         * Whether every gap between two Chinese characters of the line took the most Justification gives one: then
         * the line may stop short, it has nothing left to widen but Latin words and code.
         */
        boolean gapsFull() {
            int pairs = 0;
            for (int i = 0; i + 1 < glyphs.size(); i++) {
                Glyph a = glyphs.get(i);
                Glyph b = glyphs.get(i + 1);
                if (a.han() && b.han()) {
                    pairs++;
                    if (b.x() - a.x() - EM < Justification.CHAR_GAP * EM - 0.05f) {
                        return false;
                    }
                }
            }
            return pairs > 0;
        }
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
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            margin = doc.getPage(0).getMediaBox().getWidth() - JustifiedLinesTest.SIDE;
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                TreeMap<Float, List<Glyph>> byLine = new TreeMap<>();
                PDFTextStripper s = new PDFTextStripper() {
                    @Override
                    protected void processTextPosition(TextPosition t) {
                        float y = Math.round(t.getYDirAdj() * 2) / 2f;
                        byLine.computeIfAbsent(y, k -> new ArrayList<>()).add(new Glyph(t.getUnicode(), t.getXDirAdj(),
                                t.getWidthDirAdj(), t.getFont().getName()));
                    }
                };
                s.setStartPage(p);
                s.setEndPage(p);
                s.getText(doc);
                int page = p;
                byLine.forEach((y, g) -> {
                    g.sort(Comparator.comparing(Glyph::x));
                    g.removeIf(x -> x.text().isBlank());
                    if (!g.isEmpty()) {
                        lines.add(new Line(page, y, g));
                    }
                });
            }
        }
    }

    /** Pairs of a body line and the next line of its paragraph on the same page (one line-height below, same left). */
    private static List<Line[]> justified() {
        List<Line[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            Line a = lines.get(i);
            Line b = lines.get(i + 1);
            if (a.page() == b.page() && a.body() && Math.abs(b.y() - a.y() - JustifiedLinesTest.LINE) < 0.6f
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
            if (!a.glyphs().get(a.glyphs().size() - 1).mono() || !ab[1].glyphs().get(0).mono()) {
                continue;
            }
            checked++;
            if (a.right() < margin - JustifiedLinesTest.SHORT && !a.gapsFull()) {
                found.add(shortBy(a));
            }
        }
        assertTrue(checked > 10, "lines broken inside code: " + checked);
        assertTrue(found.isEmpty(), found.size() + " of " + checked
                + " lines broken inside code stop short with room left between their Chinese characters:\n"
                + String.join("\n", found));
    }
}
