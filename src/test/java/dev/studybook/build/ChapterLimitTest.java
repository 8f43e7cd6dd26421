package dev.studybook.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.error.ExitCode;
import dev.studybook.error.StudybookException;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A chapter longer than the limit is refused at once, naming its file and the limit. */
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
}
