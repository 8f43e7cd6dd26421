package dev.studybook.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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

/** A heading that needs a fallback face (𠮷 in Noto Sans JP, ✓ in Noto Sans Symbols 2) is as tall as one that does not. */
class FallbackLineHeightTest {

    @TempDir
    Path tmp;

    /**
     * Regression: OpenHTMLtoPDF sizes a line by the largest ascent and descent among the faces it uses, and the
     * fallback faces' were larger than Noto Sans SC's, so every line after such a heading moved down.
     */
    @Test
    void aHeadingWithAFallbackGlyphIsNoTallerThanWithout() throws IOException {
        List<Float> plain = lines(TestBooks.build(TestBooks.book("glyphs/heading-plain"), tmp.resolve("p"), "pdf").output("pdf"));
        List<Float> fallback = lines(TestBooks.build(TestBooks.book("glyphs/heading-fallback"), tmp.resolve("f"), "pdf").output("pdf"));
        assertFalse(plain.isEmpty());
        assertEquals(plain, fallback, "the tops of the chapter's text lines, with and without fallback glyphs");
    }

    /** The top of each text line of the chapter's page ("正文" lines and headings), in PDF units. */
    private static List<Float> lines(Path pdf) throws IOException {
        List<Float> tops = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    if (text.startsWith("正文") || text.startsWith("第一章") || text.startsWith("小节")) {
                        tops.add(Math.round(positions.get(0).getYDirAdj() * 100) / 100f);
                    }
                }
            };
            s.setStartPage(doc.getNumberOfPages());
            s.setEndPage(doc.getNumberOfPages());
            s.getText(doc);
        }
        return tops;
    }
}
