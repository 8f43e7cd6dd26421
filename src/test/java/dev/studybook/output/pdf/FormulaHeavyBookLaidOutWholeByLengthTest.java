package dev.studybook.output.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.convert.BookConverter;
import dev.studybook.error.Diagnostics;
import dev.studybook.markdown.MarkdownRenderer;
import dev.studybook.model.Book;
import dev.studybook.model.Chapter;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: whether a book's PDF is laid out whole or in groups was decided by its length alone, so
 * datawhalechina/pumpkin-book (1.3 million characters, 5,180 uses of 2,847 formulas drawn as SVG) was laid out whole
 * and stopped with "out of memory" under the launcher's 768 MB heap. A book whose pictures weigh the layout down is
 * grouped though it is short; the same text with light pictures, or with none, is laid out whole. (pumpkin-book itself
 * weighs 289 MB and is still laid out whole: it fits since painted pictures let go of Batik's trees,
 * {@link PaintedPictureGraphicsKeptTest}.)
 */
class FormulaHeavyBookLaidOutWholeByLengthTest {

    @TempDir
    Path dir;

    @Test
    void shortBookOfHeavyPicturesIsLaidOutInGroups() throws IOException {
        // Four chapters of 60 uses each of one SVG of 200,000 bytes (a big diagram, or a page of formulas).
        Book book = book("heavy", 200_000, 60);
        long chars = book.chapters().stream().mapToLong(c -> c.body().length()).sum();
        assertTrue(chars < 100_000, "the book is short: " + chars + " characters");
        List<List<Chapter>> groups = GroupedLayout.groups(book);
        assertTrue(groups.size() >= 2, "laid out in groups: " + groups.size());
        assertEquals(book.chapters(), groups.stream().flatMap(List::stream).toList(), "every chapter once, in order");
    }

    @Test
    void sameBookWithLightPicturesIsLaidOutWhole() throws IOException {
        assertEquals(List.of(), GroupedLayout.groups(book("light", 2_000, 60)));
    }

    @Test
    void eachUseOfAPictureWeighs() throws IOException {
        // One use each: the same pictures, a sixtieth of the weight.
        assertEquals(List.of(), GroupedLayout.groups(book("once", 200_000, 1)));
    }

    /** A book of four chapters, each using one SVG picture of about {@code bytes} bytes {@code uses} times. */
    private Book book(String name, int bytes, int uses) throws IOException {
        Path content = dir.resolve(name);
        Files.createDirectories(content.resolve("images"));
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"300\" "
                + "viewBox=\"0 0 400 300\">");
        for (int i = 0; svg.length() < bytes; i++) {
            svg.append("<path d=\"M").append(i % 400).append(' ').append(i % 300).append("Q200 150 ")
                    .append((i * 7) % 400).append(' ').append((i * 13) % 300).append("\" stroke=\"#333\" fill=\"none\"/>");
        }
        Files.writeString(content.resolve("images/figure.svg"), svg.append("</svg>"), StandardCharsets.UTF_8);
        StringBuilder index = new StringBuilder("# 图多的书\n\n");
        for (int c = 1; c <= 4; c++) {
            index.append("- [第").append(c).append("章](ch").append(c).append(".md)\n");
            StringBuilder chapter = new StringBuilder("# 第" + c + "章\n\n");
            for (int u = 0; u < uses; u++) {
                chapter.append("如图所示，公式推导如下。\n\n![图 ").append(u).append("](images/figure.svg)\n\n");
            }
            Files.writeString(content.resolve("ch" + c + ".md"), chapter, StandardCharsets.UTF_8);
        }
        Files.writeString(content.resolve("README.md"), index, StandardCharsets.UTF_8);
        Diagnostics d = new Diagnostics();
        return BookConverter.convert(TestBooks.load(content, d), cp -> true, d, MarkdownRenderer::toHtml, () -> { });
    }
}
