package dev.studybook.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.PdfContent;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A picture taller than the page's text area. */
class TallPicturesTest {

    @TempDir
    Path tmp;

    @Test
    void pictureTallerThanThePageIsScaledToFitOnePageNotCutInTwo() throws IOException {
        // A 300×1500 screenshot and a 400×1600 drawing: before, each was sliced across two or three pages.
        TestBooks.Built b = TestBooks.build(TestBooks.book("pictures/tall"), tmp, "pdf");
        Path pdf = b.output("pdf");
        List<List<Integer>> pages = PdfContent.imagePages(pdf);
        assertTrue(!pages.isEmpty(), "the PNG is drawn as an image");
        for (List<Integer> drawnOn : pages) {
            assertEquals(1, drawnOn.size(), "a picture drawn on pages " + drawnOn);
        }
        String all = PdfContent.bodyText(pdf, true);
        assertTrue(all.contains("结束"), all);
    }
}
