package dev.studybook.output.pdf;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chapter whose first section ends with a bare {@code <br>} after a block (CyC2018/CS-Notes) kept its
 * bookmark and the links to it: OpenHTMLtoPDF dropped the chapter's id with that empty last line.
 */
class LooseInlinesTest {

    @TempDir
    Path dir;

    @Test
    void trailingBrAfterABlockKeepsTheChaptersBookmarkAndLinks() throws IOException {
        TestBooks.Built built = TestBooks.build(TestBooks.book("chapter-links/trailing-br"), dir, "pdf");
        assertTrue(built.diagnostics().warnings().stream().noneMatch(w -> w.message().contains("valid target")),
                () -> "no link or bookmark leads nowhere: " + built.diagnostics().warnings());
        try (PDDocument doc = Loader.loadPDF(built.output("pdf").toFile())) {
            PDOutlineItem chapter = doc.getDocumentCatalog().getDocumentOutline().getFirstChild();
            while (chapter != null && !chapter.getTitle().contains("图的遍历")) {
                chapter = chapter.getNextSibling();
            }
            assertNotNull(chapter, "the chapter has a bookmark");
            PDPageDestination dest = (PDPageDestination) chapter.getDestination();
            int page = dest.retrievePageNumber();
            String text = new org.apache.pdfbox.text.PDFTextStripper() {
                { setStartPage(page + 1); setEndPage(page + 1); }
            }.getText(doc);
            assertTrue(text.contains("图的遍历"), "the bookmark leads to the chapter's first page, not page " + (page + 1));
        }
    }
}
