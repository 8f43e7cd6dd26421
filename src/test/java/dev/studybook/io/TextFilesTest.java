package dev.studybook.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.error.StudybookException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Book text is strict UTF-8 with LF line ends; a bad byte is an error naming its line. */
class TextFilesTest {

    static final Path FILE = Path.of("chapter.md");

    @Test
    void bomDroppedAndLineEndsMadeLf() {
        byte[] bytes = "\uFEFF# 一\r\n\r\n正文\r旧式\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("# 一\n\n正文\n旧式\n", TextFiles.decode(FILE, bytes, "chapter"));
    }

    @Test
    void gbkTextIsRefusedAtItsLineWithTheFix() {
        byte[] gbk = "# title\n\n第一行\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        StudybookException e = assertThrows(StudybookException.class, () -> TextFiles.decode(FILE, gbk, "chapter"));
        assertTrue(e.oneLine().startsWith("chapter.md:3: the chapter is not valid UTF-8") && e.oneLine().contains("iconv -f GBK"),
                e.oneLine());
    }

    @Test
    void aBinaryFileIsRefused() {
        StudybookException e = assertThrows(StudybookException.class,
                () -> TextFiles.decode(FILE, new byte[] {'a', '\n', 0, 1}, "chapter"));
        assertTrue(e.oneLine().contains("chapter.md:2: the chapter looks binary"), e.oneLine());
    }
}
