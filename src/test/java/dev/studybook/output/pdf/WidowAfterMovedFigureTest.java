package dev.studybook.output.pdf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.config.Request;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, content/'s page 277: a heading, a paragraph introducing a figure and the figure, moved together to a
 * new page, were followed by a four-line paragraph whose last line stood alone at the top of the next page
 * despite {@code widows: 2}: OpenHTMLtoPDF ignores a paragraph's request to move when it lays it out again with
 * such a run. LoneLines keeps it whole.
 */
class WidowAfterMovedFigureTest {

    @TempDir
    Path dir;

    @Test
    void theParagraphAfterAFigureMovedToANewPageKeepsItsLastLineCompany() throws IOException {
        Path book = TestBooks.book("print/widow-after-figure");
        String source = Files.readString(book.resolve("01-after-figure.md")).replaceAll("[\\s*`]", "");
        Path pdf = TestBooks.build(Request.of(book, dir, "pdf")).output("pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            boolean seen = false;
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                s.setStartPage(p);
                s.setEndPage(p);
                List<String> lines = s.getText(doc).lines().map(l -> l.replaceAll("\\s", "")).filter(l -> !l.isEmpty())
                        .toList();
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).endsWith("整个过程内联，不调用运行时。")) {
                        seen = true;
                        // The line before it on its page is the same paragraph's, not the running head.
                        assertTrue(i > 0 && source.contains(lines.get(i - 1) + lines.get(i)),
                                "the paragraph's last line is alone at the top of page " + p + ": " + lines);
                    }
                }
            }
            assertTrue(seen, "the paragraph's last line is in the PDF");
        }
    }
}
