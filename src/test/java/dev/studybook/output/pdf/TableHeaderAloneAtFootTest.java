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

/**
 * Issue 17, content/'s page 34: a table started near a page's foot with room for its header row but not for its
 * first row, so the header stood alone there and was repeated over the rows on the next page. In the test book each
 * chapter ends in such a table at a slightly different height (two of twelve were left alone before the fix).
 */
class TableHeaderAloneAtFootTest {

    @TempDir
    Path dir;

    @Test
    void noPageHoldsATablesHeaderRowWithoutAnyOfItsRows() throws IOException {
        Path pdf = TestBooks.build(Request.of(TestBooks.book("print/table-head-at-foot"), dir, "pdf")).output("pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            List<Integer> alone = new ArrayList<>();
            int headers = 0;
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                s.setStartPage(p);
                s.setEndPage(p);
                String text = s.getText(doc);
                if (text.contains("表头甲")) {
                    headers++;
                    if (!text.matches("(?s).*第\\d行.*")) {
                        alone.add(p);
                    }
                }
            }
            assertTrue(headers >= 12, "every chapter's table is in the PDF: " + headers);
            assertEquals(List.of(), alone, "pages holding a header row and none of its rows");
        }
    }
}
