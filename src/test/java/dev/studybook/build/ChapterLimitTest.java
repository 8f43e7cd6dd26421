package dev.studybook.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.error.ExitCode;
import dev.studybook.error.StudybookException;
import dev.studybook.testing.Snippets;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A chapter longer than a limit (characters, headings, footnotes) is refused at once, naming its file, line and the limit. */
class ChapterLimitTest {

    @TempDir
    Path tmp;

    private Path book(int chars) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("book-" + chars));
        Files.writeString(dir.resolve("README.md"), "# Big\n\n- [One line](big.md)\n");
        StringBuilder s = new StringBuilder("# One line\n\n");
        s.append("word ".repeat((chars - s.length()) / 5));
        Files.writeString(dir.resolve("big.md"), s);
        return dir;
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void fiftyMegabyteChapterOnOneLineIsRefusedNamingTheLimit() throws IOException {
        StudybookException e = assertThrows(StudybookException.class,
                () -> TestBooks.build(book(8_000_010), tmp.resolve("out-over"), "epub"));
        assertEquals(ExitCode.CONTENT, e.exitCode());
        assertTrue(e.getMessage().contains("MAX_CHAPTER_CHARS"), e.getMessage());
        assertTrue(e.location().orElseThrow().toString().endsWith("big.md"), e.location().toString());
    }

    private Path chapter(String name, String markdown) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("README.md"), "# Many\n\n- [Many](many.md)\n");
        Files.writeString(dir.resolve("many.md"), markdown);
        return dir;
    }


    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void hundredThousandFootnotesInOneChapterAreRefusedAtTheFirstOneTooMany() throws IOException {
        // 100,000 footnotes took minutes and gigabytes in the PDF; refused before the chapter is rendered.
        StudybookException e = assertThrows(StudybookException.class, () -> TestBooks.build(
                chapter("notes", Snippets.footnotes(dev.studybook.markdown.MarkdownRenderer.MAX_FOOTNOTES + 1)),
                tmp.resolve("out-notes"), "epub", "pdf"));
        assertEquals(ExitCode.CONTENT, e.exitCode());
        assertTrue(e.getMessage().contains("MAX_CHAPTER_FOOTNOTES"), e.getMessage());
        // Reference 10,001 is paragraph 10,001, on line 3 + 2 * 10,000.
        assertTrue(e.location().orElseThrow().toString().endsWith("many.md:20003"), e.location().toString());
        assertTrue(e.hint().orElseThrow().contains("split"), e.toString());
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void hundredThousandHeadingsWithTheSameTextInOneChapterAreRefusedAtTheFirstOneTooMany() throws IOException {
        // The title is heading 1; "## Same" number 10,000 is heading 10,001, on line 3 + 4 * 9,999.
        String markdown = Snippets.sameHeadings(dev.studybook.markdown.MarkdownRenderer.MAX_HEADINGS);
        StudybookException e = assertThrows(StudybookException.class,
                () -> TestBooks.build(chapter("same", markdown), tmp.resolve("out-same"), "epub", "pdf"));
        assertEquals(ExitCode.CONTENT, e.exitCode());
        assertTrue(e.getMessage().contains("MAX_CHAPTER_HEADINGS"), e.getMessage());
        assertTrue(e.location().orElseThrow().toString().endsWith("many.md:39999"), e.location().toString());
    }
}
