package dev.studybook.output.pdf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SVG whose own style sheet holds a value Batik refuses ({@code display: inline-block}, vuejs/docs) ended the PDF
 * with an internal error: Batik's CSS engine reported it through the picture's address, which a picture laid into
 * the page does not have (NullPointerException, exit 70).
 */
class SvgRefusedStyleTest {

    @TempDir
    Path dir;

    @Test
    void svgStyleSheetWithAValueBatikRefusesDoesNotEndTheBuild() throws IOException {
        TestBooks.Built built = TestBooks.build(TestBooks.book("pictures/svg-refused-style"), dir, "pdf");
        try (PDDocument doc = Loader.loadPDF(built.output("pdf").toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("图后面的这一段必须出现在"), "the chapter after the picture is in the PDF");
        }
        assertTrue(built.diagnostics().warnings().stream().anyMatch(w -> w.message().contains("PDF:")),
                () -> "the picture left out is said: " + built.diagnostics().warnings());
    }
}
