package dev.studybook.output.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.config.Request;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sunface/rust-course's contents: a chapter's entry was kept whole with all its sections, so a chapter with many
 * sections went to the next contents page and left up to half of the page before it empty (page 5 ended at 271 pt
 * of 768). The test book's four chapters have twenty sections each, an entry of 21 lines: on main each went to a
 * page of its own and every contents page but the last ended about twelve lines early.
 */
class ContentsChapterEntryKeptWholeTest {

    /** The foot of an A4 page's text area, from the page's top: 297 mm less the 26 mm bottom margin, in pt. */
    private static final float FOOT = (297 - 26) * 72 / 25.4f;
    /** Six body lines of 1.7 × 10.5 pt: bench/pages.py's measure of a page that ends early. */
    private static final float SHORT = 6 * 1.7f * 10.5f;

    @TempDir
    Path dir;

    @Test
    void contentsPagesRunToTheirFootWhileTheContentsGoOn() throws IOException {
        Path pdf = TestBooks.build(Request.of(TestBooks.book("print/toc-chapter-kept-whole"), dir, "pdf")).output("pdf");
        List<Float> ends = new ArrayList<>();
        List<String> last = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                float[] lowest = {0};
                String[] text = {""};
                PDFTextStripper s = new PDFTextStripper() {
                    @Override
                    protected void writeString(String line, List<TextPosition> positions) throws IOException {
                        super.writeString(line, positions);
                        // The page number in the footer lies below the text area.
                        if (!positions.isEmpty() && positions.get(0).getYDirAdj() < FOOT + 5
                                && positions.get(0).getYDirAdj() > lowest[0]) {
                            lowest[0] = positions.get(0).getYDirAdj();
                            text[0] = line;
                        }
                    }
                };
                s.setStartPage(p);
                s.setEndPage(p);
                if (s.getText(doc).contains("......")) {
                    ends.add(lowest[0]);
                    last.add(text[0].strip());
                }
            }
        }
        assertTrue(ends.size() >= 2, "the contents take more than one page: " + last);
        assertEquals("第4章第20节", last.get(last.size() - 1).replaceAll("[ .]+\\d+$", ""), "the contents end with the last section");
        for (int i = 0; i < ends.size() - 1; i++) {
            assertTrue(ends.get(i) > FOOT - SHORT, "contents page " + (i + 1) + " ends " + (FOOT - ends.get(i))
                    + " pt above the foot, with '" + last.get(i) + "'");
        }
        // A chapter's title is not left alone at a page's foot, away from its first section.
        for (String l : last) {
            assertTrue(!l.matches("第\\d章 二十节的一章.*"), "a chapter's title ends a contents page: " + l);
        }
    }
}
