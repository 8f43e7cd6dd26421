package dev.studybook.output.pdf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.output.pdf.JustifiedLinesTest.Glyph;
import dev.studybook.output.pdf.JustifiedLinesTest.Line;
import dev.studybook.testing.PdfText;
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
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: a paragraph's first line of few Chinese characters before inline code that may not break
 * ({@code checkmcount}, {@code sysmontick}) stopped short of the margin by up to seven em: its gaps were widened
 * only to Justification.CHAR_GAP, since pdf.js and PDFium copy a wider gap as a space, and it had no line before it
 * to take characters from (MovedDown). Such gaps are now widened further and drawn in a face whose advances hold the
 * part over CHAR_GAP (WideFaces). The book justify/wide sets one code-rich paragraph, beginning one character later
 * each time, so that the unbreakable code falls at every place of the first line.
 */
class ShortFirstLineBeforeUnbreakableCodeTest {

    static final float EM = 10.5f;

    @TempDir
    static Path dir;
    static Path pdf;
    static List<Line> lines = new ArrayList<>();
    static float margin;
    static List<String> paragraphs = new ArrayList<>();

    @BeforeAll
    static void build() throws IOException {
        Path book = TestBooks.book("justify/wide");
        pdf = TestBooks.build(book, dir, "pdf").output("pdf");
        margin = JustifiedLinesTest.rightMargin(pdf);
        lines.addAll(JustifiedLinesTest.inkedLines(pdf));
        for (String l : Files.readAllLines(book.resolve("01-wide.md"))) {
            if (l.contains("`checkmcount`")) {
                paragraphs.add(l.replace("`", ""));
            }
        }
    }

    @Test
    void everyJustifiedLineReachesTheMarginAndSomeNeededWideGaps() throws IOException {
        List<String> shortLines = new ArrayList<>();
        int checked = 0;
        for (int i = 0; i + 1 < lines.size(); i++) {
            Line a = lines.get(i);
            Line b = lines.get(i + 1);
            if (a.page() != b.page() || !a.body() || Math.abs(b.y() - a.y() - JustifiedLinesTest.LINE) > 0.6f
                    || Math.abs(b.left() - a.left()) > 1.5f) {
                continue;
            }
            checked++;
            List<Glyph> g = a.glyphs();
            Glyph last = g.get(g.size() - 1);
            // A closing mark compressed at the line's end (PunctuationSqueeze) hangs its blank half past the margin.
            float right = a.right() - (PunctuationSqueeze.CLOSING.indexOf(last.text().charAt(0)) >= 0
                    && a.right() > margin + JustifiedLinesTest.OVER ? EM / 2 : 0);
            if (right > margin + JustifiedLinesTest.OVER) {
                shortLines.add(String.format(Locale.ROOT, "page %d, %.1f pt past the margin: %s", a.page(),
                        right - margin, a.text()));
            } else if (right < margin - JustifiedLinesTest.SHORT) {
                // Short only when every gap after its Chinese characters is as wide as it may be.
                for (int k = 0; k + 1 < g.size(); k++) {
                    float gap = g.get(k + 1).x() - g.get(k).right();
                    if (g.get(k).text().codePointAt(0) >= 0x4E00 && gap < Justification.WIDE_CHAR_GAP * EM - 0.2f) {
                        shortLines.add(String.format(Locale.ROOT, "page %d, %.1f pt short, with a gap of %.2f pt after"
                                + " '%s': %s", a.page(), margin - right, gap, g.get(k).text(), a.text()));
                        break;
                    }
                }
            }
        }
        assertTrue(checked >= paragraphs.size(), "justified lines found: " + checked);
        assertTrue(shortLines.isEmpty(), shortLines.size() + " of " + checked + " justified lines miss the margin:\n"
                + String.join("\n", shortLines));
        // The lines that needed it were drawn in a widened face: Chinese characters whose advance is over an em.
        int[] wide = {0};
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void processTextPosition(org.apache.pdfbox.text.TextPosition t) {
                    if (PdfText.wide(t.getUnicode().codePointAt(0))
                            && t.getWidthDirAdj() > t.getFontSizeInPt() * 1.05f) {
                        wide[0]++;
                    }
                }
            };
            s.getText(doc);
        }
        assertTrue(wide[0] >= 20, "Chinese characters drawn in a widened face: " + wide[0]);
    }

    @Test
    void pdfBoxCopiesEveryParagraphWithoutAddedSpaces() throws IOException {
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc);
        }
        for (String p : paragraphs) {
            ReadingSystems.assertCopied(p, text, "PDFBox");
        }
    }

    @Test
    void pdfJsCopiesEveryParagraphWithoutAddedSpaces() throws IOException {
        Optional<Path> pdfjs = ReadingSystems.pdfjs();
        Assumptions.assumeTrue(pdfjs.isPresent(), "pdf.js is not installed: npm install pdfjs-dist in ~/.cache/studybook/pdfjs"
                + " (or $STUDYBOOK_PDFJS), with Node on the PATH");
        int pages = PdfText.pages(pdf);
        String text = ReadingSystems.pdfjsText(pdfjs.get(), pdf, 1, pages);
        for (String p : paragraphs) {
            ReadingSystems.assertCopied(p, text, "pdf.js");
        }
    }

    @Test
    void pdftotextCopiesEveryParagraphWithoutAddedSpaces() throws IOException {
        Optional<Path> tool = ReadingSystems.pdftotext();
        Assumptions.assumeTrue(tool.isPresent(), "poppler's pdftotext is not installed (apt-get install poppler-utils)");
        int pages = PdfText.pages(pdf);
        String text = ReadingSystems.pdftotextRaw(tool.get(), pdf, 1, pages);
        for (String p : paragraphs) {
            ReadingSystems.assertCopied(p, text, "pdftotext -raw");
        }
    }
}
