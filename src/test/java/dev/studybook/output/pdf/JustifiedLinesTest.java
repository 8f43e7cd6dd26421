package dev.studybook.output.pdf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.PdfText;
import dev.studybook.testing.TestBooks;
import java.awt.geom.Point2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Justified Chinese text with Latin words and inline code, and code blocks at page feet (issue 17), measured on the
 * glyphs PDFBox reads: a justified line that is not its paragraph's last reaches the right margin; Latin words and
 * code are never letter-spaced and their spaces never widened; no page ends with an empty piece of a code box or
 * with the "输出：" that introduces the code block on the next page. The book's paragraphs begin one character
 * later each, so that the same words meet a line end somewhere.
 */
class JustifiedLinesTest {

    /** The A4 text area's right edge is 22 mm from the paper's. */
    static final float SIDE = 22 / 25.4f * 72;
    /** Body text: 10.5 pt at a line height of 1.7. */
    static final float LINE = 10.5f * 1.7f;
    /**
     * The most a justified line may stop short of the margin: rounding of the renderer's units. A line that broke
     * before inline code kept the space before it (2.7 pt short), and one ending in code or a Latin word ran past the
     * margin by up to one gap between Chinese characters (0.95 pt): Justification takes the space away and counts the
     * gaps that move something.
     */
    static final float SHORT = 1.0f;
    /**
     * The share of justified lines that may stop short: none since the gaps after Chinese characters may take up to
     * Justification.WIDE_CHAR_GAP (WideFaces); before, 1 of this book's 209 (a line before "asyncPreempt").
     */
    static final double SHORT_SHARE = 0.0;
    /** The most a justified line may reach past the margin. */
    static final float OVER = 0.5f;
    /** The most a space beside Chinese text is widened: Justification.SPACE_GAP of the 10.5 pt body size. */
    static final float SPACE_WIDENED = Justification.SPACE_GAP * 10.5f + 0.1f;

    record Glyph(String text, float x, float y, float w, String font) {
        float right() {
            return x + w;
        }
    }

    record Line(int page, float y, List<Glyph> glyphs) {
        float left() {
            return glyphs.get(0).x();
        }

        float right() {
            return glyphs.get(glyphs.size() - 1).right();
        }

        String text() {
            StringBuilder sb = new StringBuilder();
            glyphs.forEach(g -> sb.append(g.text()));
            return sb.toString();
        }

        boolean body() {
            return glyphs.stream().anyMatch(g -> g.font().contains("NotoSerifSC") && g.text().codePointAt(0) >= 0x2E80);
        }
    }

    @TempDir
    static Path dir;
    static List<Line> lines = new ArrayList<>();
    static float pageWidth;
    static List<String> problems = new ArrayList<>();
    static Path pdf;

    @BeforeAll
    static void build() throws IOException {
        pdf = TestBooks.build(TestBooks.book("justify/mixed"), dir, "pdf").output("pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            pageWidth = doc.getPage(0).getMediaBox().getWidth();
        }
        lines.addAll(readLines(pdf));
    }

    /** Where the text column of {@code pdf}'s A4 pages ends on the right, in points. */
    static float rightMargin(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return doc.getPage(0).getMediaBox().getWidth() - SIDE;
        }
    }

    /** The PDF's lines (see {@link #readLines}) without their blank glyphs; lines of blanks only left out. */
    static List<Line> inkedLines(Path pdf) throws IOException {
        List<Line> out = new ArrayList<>();
        for (Line l : readLines(pdf)) {
            List<Glyph> g = new ArrayList<>(l.glyphs());
            g.removeIf(x -> x.text().isBlank());
            if (!g.isEmpty()) {
                out.add(new Line(l.page(), l.y(), g));
            }
        }
        return out;
    }

    /** The PDF's lines, page by page, as PDFBox reads their glyphs: glyphs on one baseline, left to right. */
    static List<Line> readLines(Path pdf) throws IOException {
        List<Line> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                TreeMap<Float, List<Glyph>> byLine = new TreeMap<>();
                PDFTextStripper s = new PDFTextStripper() {
                    @Override
                    protected void processTextPosition(TextPosition t) {
                        float y = Math.round(t.getYDirAdj() * 2) / 2f;
                        byLine.computeIfAbsent(y, k -> new ArrayList<>()).add(new Glyph(t.getUnicode(), t.getXDirAdj(),
                                t.getYDirAdj(), PdfText.inkWidth(t), t.getFont().getName()));
                    }
                };
                s.setStartPage(p);
                s.setEndPage(p);
                s.getText(doc);
                int page = p;
                byLine.forEach((y, g) -> {
                    g.sort(Comparator.comparing(Glyph::x));
                    out.add(new Line(page, y, g));
                });
            }
        }
        return out;
    }

    @Test
    void justifiedLinesReachTheMargin() {
        float margin = pageWidth - SIDE;
        int checked = 0;
        List<String> shortLines = new ArrayList<>();
        List<String> overLines = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            Line a = lines.get(i);
            Line b = lines.get(i + 1);
            // Not a paragraph's last line: the next line of the page follows one line-height below at the same left edge.
            if (a.page() != b.page() || !a.body() || Math.abs(b.y() - a.y() - LINE) > 0.6f || Math.abs(b.left() - a.left()) > 1.5f) {
                continue;
            }
            checked++;
            if (a.right() > margin + OVER) {
                overLines.add(String.format(java.util.Locale.ROOT, "page %d, %.1f pt past the margin: %s", a.page(), a.right() - margin,
                        a.text()));
            } else if (a.right() < margin - SHORT) {
                shortLines.add(String.format(java.util.Locale.ROOT, "page %d, %.1f pt short of the margin: %s", a.page(), margin - a.right(),
                        a.text()));
            }
        }
        assertTrue(checked > 100, "justified lines found: " + checked);
        assertTrue(overLines.isEmpty(), overLines.size() + " of " + checked + " justified lines run past the margin:\n"
                + String.join("\n", overLines));
        // A line of few Chinese characters before a word that cannot break (goroutine, asyncPreempt) may not fill:
        // its gaps and spaces are widened only so far. The last section's paragraphs have many such lines.
        assertTrue(shortLines.size() <= checked * SHORT_SHARE, shortLines.size() + " of " + checked
                + " justified lines stop short of the margin:\n" + String.join("\n", shortLines));
    }

    @Test
    void latinWordsAndCodeAreNotLetterSpacedNorTheirSpacesWidened() {
        List<String> spaced = new ArrayList<>();
        int pairs = 0;
        int widened = 0;
        for (Line l : lines) {
            if (!l.body()) {
                continue;
            }
            List<Glyph> g = l.glyphs();
            for (int i = 0; i + 1 < g.size(); i++) {
                Glyph a = g.get(i);
                Glyph b = g.get(i + 1);
                if (b.text().isBlank()) {
                    continue;
                }
                // Within a Latin word or a code span, and after a space between two words of one Latin run or of one
                // code span: never stretched. A space between Chinese text and a Latin word or code takes what the
                // gaps after the line's Chinese characters cannot (Justification), up to a limit.
                boolean latin = a.text().codePointAt(0) < 0x2E80 && b.text().codePointAt(0) < 0x2E80 && a.font().equals(b.font());
                Glyph before = i > 0 ? g.get(i - 1) : null;
                boolean inRun = a.text().isBlank() && before != null && !before.text().isBlank()
                        && before.text().codePointAt(0) < 0x2E80 && b.text().codePointAt(0) < 0x2E80
                        && before.font().equals(b.font());
                boolean beside = a.text().isBlank() && !inRun;
                if (!(latin || inRun || beside)) {
                    continue;
                }
                pairs++;
                float gap = b.x() - a.right();
                // Positions are kept in whole renderer units (1/20 pt): a few hundredths of a point is rounding.
                float most = beside ? SPACE_WIDENED : 0.1f;
                if (beside && gap > 0.1f) {
                    widened++;
                }
                if (gap < -0.1f || gap > most) {
                    spaced.add(String.format(java.util.Locale.ROOT, "page %d: '%s%s' %.2f pt apart in '%s'", l.page(), a.text(),
                            b.text(), gap, l.text()));
                }
            }
        }
        assertTrue(pairs > 500, "glyph pairs checked: " + pairs);
        assertTrue(spaced.isEmpty(), String.join("\n", spaced));
        // The book has lines whose Chinese characters cannot take all of their slack.
        assertTrue(widened > 0, "no space beside Chinese text was widened: the check would pass with any limit");
    }

    @Test
    void noEmptyCodeBoxNorIntroductionAtAPageFoot() throws IOException {
        List<String> found = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                int page = p;
                List<float[]> boxes = codeBoxes(doc.getPage(p - 1));
                float height = doc.getPage(p - 1).getMediaBox().getHeight();
                List<Line> onPage = lines.stream().filter(l -> l.page() == page).toList();
                for (float[] box : boxes) {
                    // Boxes in PDF space (y up); lines have y down from the top, at their baseline.
                    float top = height - box[3];
                    float bottom = height - box[1];
                    boolean text = onPage.stream().anyMatch(l -> l.y() > top && l.y() < bottom + 1
                            && l.glyphs().stream().anyMatch(g -> g.font().contains("Mono")));
                    if (!text) {
                        found.add("page " + page + ": a code box " + (bottom - top) + " pt high with no code in it");
                    }
                }
                List<Line> body = onPage.stream().filter(l -> l.y() < height - 80).toList();
                if (!body.isEmpty() && body.get(body.size() - 1).text().strip().endsWith("：")) {
                    found.add("page " + page + " ends with '" + body.get(body.size() - 1).text() + "'");
                }
            }
        }
        assertTrue(found.isEmpty(), String.join("\n", found));
    }

    /** The light grey rectangles of code boxes on a page, touching ones merged: {x0, y0, x1, y1} in PDF space. */
    static List<float[]> codeBoxes(PDPage page) throws IOException {
        List<float[]> rects = new ArrayList<>();
        PDFGraphicsStreamEngine engine = new PDFGraphicsStreamEngine(page) {
            private final List<Point2D> path = new ArrayList<>();

            @Override
            public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
                path.add(p0);
                path.add(p2);
            }

            @Override
            public void fillPath(int windingRule) throws IOException {
                float[] c = getGraphicsState().getNonStrokingColor().getComponents();
                if (path.size() == 2 && c.length >= 1 && Math.abs(c[0] - 0xf6 / 255f) < 0.01f) {
                    Point2D a = path.get(0);
                    Point2D b = path.get(1);
                    rects.add(new float[] {(float) Math.min(a.getX(), b.getX()), (float) Math.min(a.getY(), b.getY()),
                            (float) Math.max(a.getX(), b.getX()), (float) Math.max(a.getY(), b.getY())});
                }
                path.clear();
            }

            @Override
            public void endPath() {
                path.clear();
            }

            @Override
            public void strokePath() {
                path.clear();
            }

            @Override
            public void fillAndStrokePath(int windingRule) {
                path.clear();
            }

            @Override
            public void drawImage(PDImage pdImage) {
            }

            @Override
            public void clip(int windingRule) {
            }

            @Override
            public void moveTo(float x, float y) {
            }

            @Override
            public void lineTo(float x, float y) {
            }

            @Override
            public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            }

            @Override
            public Point2D getCurrentPoint() {
                return new Point2D.Float();
            }

            @Override
            public void closePath() {
            }

            @Override
            public void shadingFill(COSName shadingName) {
            }
        };
        engine.processPage(page);
        // Clipped to the A4 text area (top 24 mm, bottom 26 mm): a box that goes on to the next page is drawn whole
        // on each, and shows only within it.
        float height = page.getMediaBox().getHeight();
        float mm = 72 / 25.4f;
        List<float[]> merged = new ArrayList<>();
        rects.sort(Comparator.comparing((float[] r) -> -r[3]));
        for (float[] r : rects) {
            r[1] = Math.max(r[1], 26 * mm);
            r[3] = Math.min(r[3], height - 24 * mm);
            if (r[3] - r[1] < 0.5f) {
                continue;
            }
            float[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && Math.abs(last[0] - r[0]) < 1 && Math.abs(last[2] - r[2]) < 1 && last[1] - r[3] < 0.6f) {
                last[1] = Math.min(last[1], r[1]);
            } else {
                merged.add(r);
            }
        }
        return merged;
    }
}
