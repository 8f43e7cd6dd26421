package dev.studybook.output.pdf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.output.pdf.JustifiedLinesTest.Glyph;
import dev.studybook.output.pdf.JustifiedLinesTest.Line;
import dev.studybook.testing.ReadingSystems;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: a justified line stopped short of the margin before a word it may not break (goroutineleak, GOMEMLIMIT,
 * {@code checkmcount}) when its gaps had taken all they may, though half the em of its commas and full stops would
 * have made room for the word (PunctuationSqueeze). The book justify/squeeze sets one paragraph rich in marks and
 * such words, beginning one character later each time.
 */
class LineShortBeforeUnbreakableWordTest {

    static final float EM = 10.5f;
    static final String CLOSING = PunctuationSqueeze.CLOSING;
    static final String OPENING = PunctuationSqueeze.OPENING;

    @TempDir
    static Path dir;
    static Path pdf;
    static List<Line> lines = new ArrayList<>();
    static float margin;
    static int pages;

    @BeforeAll
    static void build() throws IOException {
        pdf = TestBooks.build(TestBooks.book("justify/squeeze"), dir, "pdf").output("pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            margin = doc.getPage(0).getMediaBox().getWidth() - JustifiedLinesTest.SIDE;
            pages = doc.getNumberOfPages();
        }
        lines.addAll(JustifiedLinesTest.inkedLines(pdf));
    }

    private static boolean han(Glyph g) {
        return g.text().codePointAt(0) >= 0x2E80;
    }

    private static boolean fullMark(Glyph g, String marks) {
        return marks.indexOf(g.text().charAt(0)) >= 0 && g.w() > 0.9f * EM;
    }

    /** Where the line's ink ends: a closing mark compressed at its end has its blank half past the margin. */
    private static float inkRight(Line l) {
        float right = 0;
        for (Glyph g : l.glyphs()) {
            right = Math.max(right, g.right() - (fullMark(g, CLOSING) && g.right() > margin + 0.5f ? EM / 2 : 0));
        }
        return right;
    }

    /** The marks of {@code l} standing full width: a closing mark with the next glyph a full em or more after it. */
    private static int fullWidthMarks(Line l) {
        int n = 0;
        List<Glyph> g = l.glyphs();
        for (int i = 0; i + 1 < g.size(); i++) {
            // A run of marks ("。」", "），") is compressed by half an em once.
            if (fullMark(g.get(i), CLOSING) && !fullMark(g.get(i + 1), CLOSING)
                    && g.get(i + 1).x() - g.get(i).x() > 0.95f * EM) {
                n++;
            }
        }
        return n;
    }

    /** What the gaps after the line's Chinese characters were widened by (Justification). */
    private static float stretched(Line l) {
        float sum = 0;
        List<Glyph> g = l.glyphs();
        for (int i = 0; i + 1 < g.size(); i++) {
            float gap = g.get(i + 1).x() - g.get(i).right();
            if (han(g.get(i)) && gap > 0 && gap < 1.5f) {
                sum += gap;
            }
        }
        return sum;
    }

    /** The width of the word that opens {@code l}, when it is Latin or code: up to its first space or Chinese character. */
    private static float firstWord(Line l) {
        List<Glyph> g = l.glyphs();
        if (han(g.get(0))) {
            return -1;
        }
        int i = 1;
        while (i < g.size() && !han(g.get(i)) && g.get(i).x() - g.get(i - 1).right() < 1f) {
            i++;
        }
        // The closing marks kept with it, the last of which may be compressed too.
        while (i < g.size() && fullMark(g.get(i), CLOSING)) {
            i++;
        }
        return g.get(i - 1).right() - g.get(0).x() - (fullMark(g.get(i - 1), CLOSING) ? EM / 2 : 0);
    }

    /** Body lines followed by the next line of their paragraph: one line-height below, at the same left edge. */
    private static List<Line[]> justified() {
        List<Line[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            Line a = lines.get(i);
            Line b = lines.get(i + 1);
            if (a.page() == b.page() && a.body() && Math.abs(b.y() - a.y() - JustifiedLinesTest.LINE) < 0.6f
                    && Math.abs(b.left() - a.left()) < 1.5f) {
                out.add(new Line[] {a, b});
            }
        }
        return out;
    }

    @Test
    void noLineStopsShortWhereCompressedMarksWouldHoldTheNextWord() {
        List<String> found = new ArrayList<>();
        int beforeWords = 0;
        for (Line[] ab : justified()) {
            float word = firstWord(ab[1]);
            if (word < 0) {
                continue;
            }
            beforeWords++;
            float shortBy = margin - inkRight(ab[0]);
            // The line's room as laid out (what it stops short, and what its gaps after Chinese characters took),
            // with what compression would give, less a space before the word: the word would have fitted.
            if (shortBy > 2.5f && shortBy + stretched(ab[0]) + fullWidthMarks(ab[0]) * EM / 2 - 0.3f * EM >= word) {
                found.add(String.format(Locale.ROOT, "page %d, %.1f pt short, %d marks full width, next word %.1f pt: %s",
                        ab[0].page(), shortBy, fullWidthMarks(ab[0]), word, ab[0].text()));
            }
        }
        assertTrue(beforeWords > 10, "lines before a Latin word or code: " + beforeWords);
        assertTrue(found.isEmpty(), found.size() + " lines stop short though compressing their marks would hold the"
                + " next word:\n" + String.join("\n", found));
    }

    @Test
    void aCompressedMarkLeavesNoLinePastTheMarginAndOverlapsNoInk() {
        List<String> over = new ArrayList<>();
        int compressed = 0;
        for (Line l : lines) {
            if (inkRight(l) > margin + JustifiedLinesTest.OVER) {
                over.add(l.page() + ": " + l.text());
            }
            List<Glyph> g = l.glyphs();
            for (int i = 0; i + 1 < g.size(); i++) {
                float advance = g.get(i + 1).x() - g.get(i).x();
                if (fullMark(g.get(i), CLOSING) && advance < 0.9f * EM) {
                    compressed++;
                    assertTrue(advance > 0.45f * EM, "a mark compressed by half an em at most: " + advance + " pt in " + l.text());
                }
            }
        }
        assertTrue(compressed > 0, "no mark compressed: the book does not test the rule");
        assertTrue(over.isEmpty(), "lines past the margin:\n" + String.join("\n", over));
    }

    @Test
    void compressedMarksCopyOutWithoutAddedSpaces() throws IOException {
        String md = Files.readString(TestBooks.book("justify/squeeze").resolve("01-squeeze.md")).replace("`", "");
        List<String> readers = new ArrayList<>();
        Optional<Path> pdftotext = ReadingSystems.pdftotext();
        if (pdftotext.isPresent()) {
            readers.add(ReadingSystems.pdftotextRaw(pdftotext.get(), pdf, 1, pages));
        }
        Optional<Path> pdfjs = ReadingSystems.pdfjs();
        if (pdfjs.isPresent()) {
            readers.add(ReadingSystems.pdfjsText(pdfjs.get(), pdf, 1, pages));
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(readers.isEmpty(), "neither pdftotext nor pdf.js is installed");
        for (String text : readers) {
            int checked = 0;
            for (String line : text.split("\n")) {
                String s = line.strip();
                // Lines of the paragraphs: each is a piece of the source as it was written, no space added or lost.
                if (s.contains("goroutine") || s.contains("GOMAXPROCS") || s.contains("schedtick")) {
                    checked++;
                    assertTrue(md.contains(s), "copied line not in the source as written: '" + s + "'");
                }
            }
            assertTrue(checked > 10, "paragraph lines copied: " + checked);
        }
    }
}
