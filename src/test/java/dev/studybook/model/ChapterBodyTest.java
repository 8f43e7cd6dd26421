package dev.studybook.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A converted body leaves links into the book, block starts and the title's end for each output to write. */
class ChapterBodyTest {

    static final ChapterBody BODY = ChapterBody.withPlaces(
            "<h1>" + ChapterBody.place(1) + "标题</h1>" + ChapterBody.place(3) + "<p>" + ChapterBody.place(2) + "见<a href=\""
                    + ChapterBody.place(0) + "\">第二章</a>。</p>",
            List.of(new ChapterBody.ChapterLink("ch02", "小结"), new ChapterBody.BlockStart(0),
                    new ChapterBody.BlockStart(1), new ChapterBody.TitleEnd()));

    @Test
    void marksAreKeptInDocumentOrder() {
        assertEquals(List.of(new ChapterBody.BlockStart(0), new ChapterBody.TitleEnd(), new ChapterBody.BlockStart(1),
                new ChapterBody.ChapterLink("ch02", "小结")), BODY.marks());
        assertEquals(2, BODY.blocks());
    }

    @Test
    void eachWriterFillsThePlacesItsOwnWay() {
        assertEquals("<h1>标题</h1><p>见<a href=\"ch02.xhtml#小结\">第二章</a>。</p>", BODY.xhtml(ChapterBody.FILE_LINKS));
        String oneDocument = BODY.xhtml(new ChapterBody.Writer() {
            @Override
            public String link(ChapterBody.ChapterLink l) {
                return "#" + l.fragment();
            }

            @Override
            public String blockStart(ChapterBody.BlockStart b) {
                return "[" + b.index() + "]";
            }

            @Override
            public String titleEnd() {
                return "<div class=\"running\"/>";
            }
        });
        assertEquals("<h1>[0]标题</h1><div class=\"running\"/><p>[1]见<a href=\"#小结\">第二章</a>。</p>", oneDocument);
    }

    @Test
    void itsLengthIsItsTextWithoutTheMarks() {
        assertEquals("<h1>标题</h1><p>见<a href=\"\">第二章</a>。</p>".length(), BODY.length());
    }

    @Test
    void aPlaceForEveryMark() {
        assertThrows(IllegalArgumentException.class, () -> ChapterBody.withPlaces("<p>" + ChapterBody.place(0) + "</p>",
                List.of(new ChapterBody.TitleEnd(), new ChapterBody.TitleEnd())));
        assertEquals("ab", ChapterBody.withoutPlaceCharacters("a\uFDD0b\uFDD1"));
    }
}
