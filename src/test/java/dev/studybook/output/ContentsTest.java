package dev.studybook.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.studybook.model.Book;
import dev.studybook.model.Chapter;
import dev.studybook.model.ChapterBody;
import dev.studybook.model.Heading;
import dev.studybook.model.Metadata;
import dev.studybook.model.Part;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One table of contents for every output: titled parts, chapters nested by depth, sections to the depth asked. */
class ContentsTest {

    static Chapter chapter(String id, int depth, Heading... headings) {
        return new Chapter(id, "章" + id, depth, Path.of(id + ".md"), ChapterBody.of("<h1>x</h1>"), List.of(headings),
                Optional.empty(), false, List.of());
    }

    static final Book BOOK = new Book(new Metadata("书", "", List.of(), "zh-CN", "urn:x", "", Optional.empty(),
            Optional.empty()), List.of(
            new Part("", List.of(chapter("ch01", 1, new Heading(1, "一", "t1"), new Heading(2, "甲", "a"),
                    new Heading(3, "甲一", "a1"), new Heading(2, "乙", "b")))),
            new Part("第二部分", List.of(chapter("ch02", 1), chapter("ch03", 2, new Heading(2, "丙", "c")), chapter("ch04", 1)))),
            List.of(), Optional.empty());

    private static String show(List<Contents> entries) {
        StringBuilder sb = new StringBuilder();
        for (Contents e : entries) {
            sb.append(e.kind().name().charAt(0)).append(':').append(e.label()).append('>').append(e.target().chapter())
                    .append(e.target().fragment().isEmpty() ? "" : "#" + e.target().fragment());
            if (!e.children().isEmpty()) {
                sb.append('(').append(show(e.children())).append(')');
            }
            sb.append(' ');
        }
        return sb.toString().strip();
    }

    @Test
    void depthTwoListsChaptersAndTheirLevelTwoSections() {
        assertEquals("C:章ch01>ch01(S:甲>ch01#a S:乙>ch01#b) P:第二部分>ch02(C:章ch02>ch02(C:章ch03>ch03(S:丙>ch03#c)) C:章ch04>ch04)",
                show(Contents.of(BOOK, 2)));
    }

    @Test
    void depthOneListsChaptersOnlyAndDepthThreeNestsSections() {
        assertEquals("C:章ch01>ch01 P:第二部分>ch02(C:章ch02>ch02(C:章ch03>ch03) C:章ch04>ch04)", show(Contents.of(BOOK, 1)));
        assertEquals("S:甲>ch01#a(S:甲一>ch01#a1) S:乙>ch01#b", show(Contents.of(BOOK, 3).get(0).children()));
    }
}
