package dev.studybook.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.error.StudybookException;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @TempDir
    Path dir;

    static final String CHINESE = "# 第八天：类的继承\r\n\r\n派生类继承了基类的成员，构造函数按声明的顺序调用。“虚函数”在运行时决定调用哪个实现，"
            + "这就是多态。\r\n\r\n```cpp\r\nclass B : public A {};\r\n```\r\n";

    @Test
    void aChapterWhollyInGbkIsReadAsGb18030() throws IOException {
        // Light-City/CPlusPlusThings: one chapter of 95 saved in GBK stopped the whole build.
        Path f = Files.write(dir.resolve("readme.md"), CHINESE.getBytes(Charset.forName("GBK")));
        TextFiles.Decoded d = TextFiles.readChapter(f, "chapter");
        assertEquals("GB18030", d.legacyCharset());
        assertEquals(CHINESE.replace("\r\n", "\n"), d.text());
    }

    @Test
    void aChapterWhollyInBig5IsReadAsBig5() throws IOException {
        String traditional = "# 類別的繼承\n\n衍生類別繼承了基底類別的成員，建構函式依宣告的順序呼叫。\n";
        Path f = Files.write(dir.resolve("big5.md"), traditional.getBytes(Charset.forName("Big5")));
        TextFiles.Decoded d = TextFiles.readChapter(f, "chapter");
        assertEquals("Big5", d.legacyCharset());
        assertEquals(traditional, d.text());
    }

    @Test
    void utf8IsReadAsUtf8AndAMixedFileIsStillRefused() throws IOException {
        Path utf8 = Files.write(dir.resolve("u.md"), CHINESE.getBytes(StandardCharsets.UTF_8));
        assertEquals("", TextFiles.readChapter(utf8, "chapter").legacyCharset());
        byte[] a = "# 第一章\n\n正文是 UTF-8 写的。\n".getBytes(StandardCharsets.UTF_8);
        byte[] b = "后面一行是 GBK。\n".getBytes(Charset.forName("GBK"));
        byte[] mixed = new byte[a.length + b.length];
        System.arraycopy(a, 0, mixed, 0, a.length);
        System.arraycopy(b, 0, mixed, a.length, b.length);
        Path m = Files.write(dir.resolve("m.md"), mixed);
        StudybookException e = assertThrows(StudybookException.class, () -> TextFiles.readChapter(m, "chapter"));
        assertTrue(e.oneLine().contains("m.md:4: the chapter is not valid UTF-8"), e.oneLine());
    }
}
