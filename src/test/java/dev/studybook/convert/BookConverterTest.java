package dev.studybook.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.error.Diagnostics;
import dev.studybook.markdown.MarkdownRenderer;
import dev.studybook.model.Book;
import dev.studybook.model.Chapter;
import dev.studybook.model.ChapterBody;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chapters are converted once into bodies every output can write its own way. */
class BookConverterTest {

    @TempDir
    Path tmp;

    private Book convert(Path book, Diagnostics d) {
        return BookConverter.convert(TestBooks.load(book, d), cp -> true, d, MarkdownRenderer::toHtml, () -> { });
    }

    @Test
    void linksIntoTheBookAreChapterAndFragmentNotFileNames() throws IOException {
        Path book = Files.createDirectories(tmp.resolve("book"));
        Files.writeString(book.resolve("README.md"), "# 书\n\n- [一](one.md)\n- [二](two.md)\n");
        Files.writeString(book.resolve("one.md"), "# 一\n\n见[二的小结](two.md#小结)和[二](two.md)，[本章](#一)。\n");
        Files.writeString(book.resolve("two.md"), "# 二\n\n## 小结\n\n- 要点\n\n## 速记\n\n- 记住这个\n\n![图](pic.svg)\n");
        Files.writeString(book.resolve("pic.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><title>t</title></svg>");
        Book b = convert(book, new Diagnostics());
        Chapter one = b.chapters().get(0);
        Chapter two = b.chapters().get(1);
        List<ChapterBody.Mark> links = one.body().marks().stream().filter(m -> m instanceof ChapterBody.ChapterLink).toList();
        assertEquals(List.of(new ChapterBody.ChapterLink("ch02", "小结"), new ChapterBody.ChapterLink("ch02", "")), links);
        assertTrue(one.body().toString().contains("href=\"#一\""), "a link inside the chapter stays a fragment");
        assertEquals(one.body().blocks(), (int) one.body().marks().stream().filter(m -> m instanceof ChapterBody.BlockStart).count());
        assertTrue(one.body().marks().contains(new ChapterBody.TitleEnd()));

        assertTrue(two.images() && !one.images());
        assertTrue(two.review().isPresent() && two.review().get().toString().contains("记住这个"));
        assertFalse(two.review().get().toString().contains("要点"), "only the review section");
        assertTrue(one.review().isEmpty());
    }
}
