package dev.studybook.output.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.config.Request;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sunface/rust-course's contents: page 3 ended with the part title "Rust 语言基础学习" alone, its first chapter's
 * entry (kept whole, with its sections) moved to page 4. The test book's parts are longer than a page and each opens
 * with a chapter of twelve sections; six front chapters put the third part's title at the first contents page's foot.
 */
class PartTitleAloneAtContentsFootTest {

    private static final Pattern PART = Pattern.compile("(?m)^\\s*(第\\d+部分)\\s*$");

    @TempDir
    Path dir;

    @Test
    void aPartTitleInTheContentsIsOnThePageOfItsFirstChapter() throws IOException {
        Path pdf = TestBooks.build(Request.of(TestBooks.book("print/toc-part-at-foot"), dir, "pdf")).output("pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            List<String> alone = new ArrayList<>();
            int parts = 0;
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                s.setStartPage(p);
                s.setEndPage(p);
                String text = s.getText(doc);
                if (!text.contains("......")) {
                    continue; // not a contents page: only the contents have dot leaders
                }
                Matcher m = PART.matcher(text);
                while (m.find()) {
                    parts++;
                    if (!text.contains(m.group(1) + "第1章")) {
                        alone.add("page " + p + ": " + m.group(1));
                    }
                }
            }
            assertEquals(3, parts, "the contents list three part titles");
            assertEquals(List.of(), alone, "part titles on a contents page without their first chapter");
        }
    }
}
