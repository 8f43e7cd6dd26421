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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --print's blank pages before a chapter that must open on a right-hand page carry nothing at all. */
class BlankPagesTest {

    @TempDir
    Path dir;

    @Test
    void blankPageBetweenTwoChaptersHasNoRunningHeadNorPageNumber() throws IOException {
        Path pdf = TestBooks.build(Request.of(TestBooks.book("print/blank-between"), dir, "pdf")
                .withOption("pdf.print", "true")).output("pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            List<String> pages = new ArrayList<>();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                s.setStartPage(p);
                s.setEndPage(p);
                pages.add(s.getText(doc).strip());
            }
            int first = index(pages, "第一章 一页\n");
            int second = index(pages, "第二章 下一章\n");
            assertEquals(1, first % 2, "chapter 1 opens on a right-hand (odd) page: " + first);
            assertEquals(first + 2, second, "chapter 1 has one page, then a blank page, then chapter 2");
            assertEquals(1, second % 2, "chapter 2 opens on a right-hand page");
            assertEquals("", pages.get(second - 2), "the filler page holds no running head, no number, nothing");
            assertTrue(pages.get(second - 1).contains(Integer.toString(second)), "chapter 2's page keeps its number");
        }
    }

    /** The 1-based number of the first page whose text contains {@code text}. */
    private static int index(List<String> pages, String text) {
        for (int i = 3; i < pages.size(); i++) {
            if (pages.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no page holds '" + text.strip() + "': " + pages);
    }
}
