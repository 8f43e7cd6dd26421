package dev.studybook.output.epub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.studybook.model.ChapterBody;
import dev.studybook.output.PageMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The EPUB marks where the PDF's pages begin, at the start of the block each page begins with. */
class PageMarksTest {

    @Test
    void aMarkerAtEachBlockAPageBeginsWithAndLinksByFile() {
        ChapterBody body = ChapterBody.withPlaces("<p>" + ChapterBody.place(0) + "一</p><table/>" + ChapterBody.place(1)
                + "<p>" + ChapterBody.place(2) + "见<a href=\"" + ChapterBody.place(3) + "\">二</a></p>",
                List.of(new ChapterBody.BlockStart(0), new ChapterBody.BlockStart(1), new ChapterBody.BlockStart(2),
                        new ChapterBody.ChapterLink("ch02", "")));
        String xhtml = body.xhtml(new PageMarks(List.of(new PageMap.PageStart(2, 7), new PageMap.PageStart(9, 8))));
        assertEquals("<p>一</p><table/><p><span id=\"page-7\" epub:type=\"pagebreak\" role=\"doc-pagebreak\" aria-label=\"7\">"
                + "</span>见<a href=\"ch02.xhtml\">二</a></p>", xhtml);
    }
}
