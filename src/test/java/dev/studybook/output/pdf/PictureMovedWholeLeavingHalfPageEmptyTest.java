package dev.studybook.output.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.config.Request;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, content/'s page 560: chapter 20's diagram went whole to page 561 and left the lower half of page 560
 * empty, though a little smaller it fitted there. The test book's first chapter has a diagram that fits the rest of
 * its page at about 85 % of its size (on main it went to the next page, leaving half of the page empty); the second
 * chapter's would need about half its size and goes to the next page at its own size.
 */
class PictureMovedWholeLeavingHalfPageEmptyTest {

    @TempDir
    Path dir;

    /** Where each text line was drawn: its page (1-based) and its baseline's distance from the page's top. */
    private record Place(int page, float y) {
    }

    @Test
    void aPictureThatFitsTheRestOfThePageALittleSmallerIsDrawnThere() throws IOException {
        Path pdf = TestBooks.build(Request.of(TestBooks.book("print/picture-fits-smaller"), dir, "pdf")).output("pdf");
        Map<String, Place> at = places(pdf);

        Place before = at.get("图前最后一段：下图有六层，照原样画要比本页剩下的地方高一些。");
        Place first = at.get("八五折的图第1层");
        Place last = at.get("八五折的图第6层");
        assertTrue(before != null && first != null && last != null, "the first chapter's lines are in the PDF: " + at.keySet());
        assertEquals(before.page(), last.page(), "the diagram is on the page of the paragraph before it");
        // Drawn at its own size, its first and sixth rows' labels are 400 px (300 pt) apart.
        float apart = last.y() - first.y();
        assertTrue(apart >= 300 * FittedPictures.MIN_SCALE - 1 && apart < 299,
                "the diagram is drawn a little smaller, not less than " + FittedPictures.MIN_SCALE + ": rows " + apart + " pt apart");

        Place tallBefore = at.get("图前最后一段：下图有十层，要缩到一半才放得进本页剩下的地方。");
        Place tallFirst = at.get("五折的图第1层");
        Place tallLast = at.get("五折的图第10层");
        assertTrue(tallBefore != null && tallFirst != null && tallLast != null, "the second chapter's lines are in the PDF");
        assertNotEquals(tallBefore.page(), tallLast.page(), "a diagram that would need half its size is not squeezed in");
        assertEquals(540, tallLast.y() - tallFirst.y(), 1, "and is drawn at its own size (rows 720 px, 540 pt apart)");
    }

    /** Each line of the PDF's text, spaces taken out, with the place of its first character. */
    private static Map<String, Place> places(Path pdf) throws IOException {
        Map<String, Place> at = new HashMap<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    if (!positions.isEmpty()) {
                        at.putIfAbsent(text.replaceAll("\\s", ""), new Place(getCurrentPageNo(), positions.get(0).getYDirAdj()));
                    }
                }
            };
            s.getText(doc);
        }
        return at;
    }
}
