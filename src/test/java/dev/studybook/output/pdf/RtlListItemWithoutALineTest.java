package dev.studybook.output.pdf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.PdfText;
import dev.studybook.testing.TestBooks;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A list item written right to left with no line of its own (empty, or holding only a nested list), or with a link
 * or code span followed by punctuation (kept together in an inline block), stopped the
 * PDF with OpenHTMLtoPDF's NullPointerException in ListItemPainter.drawGlyph (EbookFoundation/free-programming-books'
 * lists in {@code <div dir="rtl">}: exit 70, no PDF).
 */
class RtlListItemWithoutALineTest {

    @TempDir
    Path dir;

    @Test
    void rtlListItemWithoutALineNoLongerStopsThePdf() throws java.io.IOException {
        TestBooks.Built built = TestBooks.build(TestBooks.book("pdf/rtl-list-item-without-a-line"), dir, "pdf");
        String text = PdfText.text(built.output("pdf"));
        assertTrue(text.contains("A nested item alone in its item"), text);
        assertTrue(text.contains("An ordered nested item"), text);
        assertTrue(text.contains("this one"), text);
    }
}
