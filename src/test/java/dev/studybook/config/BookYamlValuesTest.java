package dev.studybook.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.error.StudybookException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * book.yaml's values are checked before they reach a file, and its size and nesting are limited, each limit tested
 * just under and just over (issue 21).
 */
class BookYamlValuesTest {

    @TempDir
    Path dir;

    BookConfig read(String yaml) throws IOException {
        Files.writeString(dir.resolve("book.yaml"), yaml, StandardCharsets.UTF_8);
        return BookConfigReader.read(dir);
    }

    String error(String yaml) throws IOException {
        Files.writeString(dir.resolve("book.yaml"), yaml, StandardCharsets.UTF_8);
        StudybookException e = assertThrows(StudybookException.class, () -> BookConfigReader.read(dir));
        return e.oneLine();
    }

    static void assertContains(String s, String... parts) {
        for (String p : parts) {
            assertTrue(s.contains(p), "'" + p + "' in: " + s);
        }
    }

    @Test
    @Timeout(10)
    void languageThatIsNotABcp47TagIsAnErrorWithASuggestion() throws IOException {
        assertEquals(Optional.of("zh-CN"), read("title: x\nlanguage: zh-CN\n").language());
        assertEquals(Optional.of("zh-Hans-CN"), read("title: x\nlanguage: zh-Hans-CN\n").language());
        assertContains(error("title: x\nlanguage: zh_CN\n"), "book.yaml:2: 'language' must be a BCP 47 language tag",
                "write 'language: zh-CN'");
        assertContains(error("title: x\nlanguage: 中文\n"), "book.yaml:2:", "not '中文'", "language: zh-CN");
        assertContains(error("title: x\nlanguage: \"zh\\0\"\n"), "book.yaml:2:", "\\u0000");
        assertContains(error("title: x\nlanguage: \"<b>zh</b>\"\n"), "book.yaml:2:", "BCP 47");
    }

    @Test
    @Timeout(10)
    void dateOutsideWhatAZipCanHoldIsAnError() throws IOException {
        assertEquals(Optional.of(LocalDate.of(1980, 1, 1)), read("date: 1980-01-01\n").date());
        assertEquals(Optional.of(LocalDate.of(2107, 12, 31)), read("date: 2107-12-31\n").date());
        assertContains(error("title: x\ndate: 2200-01-01\n"), "book.yaml:2: date '2200-01-01' is outside the years 1980 to 2107");
        assertContains(error("date: 1979-12-31\n"), "book.yaml:1: date '1979-12-31' is outside");
    }

    @Test
    @Timeout(10)
    void overlongTitleIsAnErrorNamingItsLine() throws IOException {
        String ok = "字".repeat(BookConfigReader.MAX_TITLE_CHARS);
        assertEquals(Optional.of(ok), read("language: zh\ntitle: " + ok + "\n").title());
        assertContains(error("language: zh\ntitle: " + ok + "字\n"), "book.yaml:2: 'title' is 1001 characters long");
        assertContains(error("subtitle: " + "a".repeat(200_000) + "\n"), "book.yaml:1: 'subtitle' is 200000 characters long");
        assertContains(error("authors:\n  - a\n  - " + "b".repeat(BookConfigReader.MAX_TITLE_CHARS + 1) + "\n"),
                "book.yaml:2: 'authors' is 1001");
        String d = "d".repeat(BookConfigReader.MAX_DESCRIPTION_CHARS);
        assertEquals(Optional.of(d), read("description: " + d + "\n").description());
        assertContains(error("description: " + d + "d\n"), "book.yaml:1: 'description' is 20001 characters long");
    }

    @Test
    @Timeout(10)
    void bookYamlLargerThanTheLimitIsRefusedBeforeParsing() throws IOException {
        String head = "title: x\n";
        String under = head + "#".repeat(BookConfigReader.MAX_BOOK_YAML_BYTES - head.length() - 1) + "\n";
        assertEquals(BookConfigReader.MAX_BOOK_YAML_BYTES, under.length());
        assertEquals(Optional.of("x"), read(under).title());
        assertContains(error(under + "#"), "book.yaml: book.yaml is 256 KB, more than the 256 KB studybook reads");
    }

    @Test
    @Timeout(10)
    void deeplyNestedBookYamlIsRefusedBeforeParsing() throws IOException {
        int max = BookConfigReader.MAX_NESTING_DEPTH;
        // "x: [[[…]]]": the key's mapping is one level, each bracket one more.
        String under = "x: " + "[".repeat(max - 1) + "]".repeat(max - 1) + "\n";
        assertEquals(max, BookConfigReader.deepest(under, max)[0]);
        assertContains(error(under), "expected a single value"); // parsed, then refused as a setting
        String over = "x: " + "[".repeat(max) + "]".repeat(max) + "\n";
        assertContains(error(over), "book.yaml:1: book.yaml nests lists and mappings more than 64 levels deep");
        assertContains(error("x: " + "[".repeat(200_000) + "\n"), "book.yaml:1: book.yaml nests");
        StringBuilder block = new StringBuilder();
        for (int i = 0; i <= max; i++) {
            block.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        assertContains(error(block.toString()), "book.yaml:" + (max + 1) + ": book.yaml nests");
        assertContains(error("x:\n" + "- ".repeat(max + 1) + "y\n"), "book.yaml nests");
        // Brackets inside quotes, comments and plain words do not count.
        assertEquals(1, BookConfigReader.deepest("title: '" + "[".repeat(100) + "'\n# " + "{".repeat(100) + "\n", max)[0]);
    }

    @Test
    @Timeout(10)
    void aliasesBeyondTheLimitAreRefused() throws IOException {
        String under = "a: &a [x]\nb: [" + "*a, ".repeat(BookConfigReader.MAX_ALIASES - 1) + "*a]\n";
        assertContains(error(under), "expected a single value"); // parsed, then refused as a setting
        String over = "a: &a [x]\nb: [" + "*a, ".repeat(BookConfigReader.MAX_ALIASES) + "*a]\n";
        assertContains(error(over), "book.yaml", "not valid YAML", "aliases");
    }
}
