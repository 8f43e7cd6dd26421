package dev.studybook.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import dev.studybook.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path tmp;

    static Cli.Run run(String... args) {
        return Cli.run(args);
    }

    @Test
    void buildWritesBothFormatsAndSaysWhat() {
        Path book = TestBooks.copy("index/seed", tmp.resolve("seed"));
        Path dist = tmp.resolve("dist");
        Cli.Run r = run("build", "--content", book.toString(), "--out", dist.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        assertEquals(List.of("reading the index page", "converting 8 chapters", "subsetting the fonts", "writing 2 files"),
                lines.subList(0, 4), "plain progress lines when the output is not a terminal");
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("wrote ") && last.contains(".epub (") && last.contains(".pdf (") && last.endsWith(" s"), last);
        assertTrue(Files.isRegularFile(dist.resolve("seed.epub")) && Files.isRegularFile(dist.resolve("seed.pdf")), r.out());
    }

    @Test
    void aBrokenBookFailsWithOneLineAndLeavesThePreviousOutputsUntouched() throws IOException {
        Path book = TestBooks.copy("index/seed", tmp.resolve("seed"));
        Path dist = tmp.resolve("dist");
        assertEquals(0, run("build", "--content", book.toString(), "--out", dist.toString()).code());
        byte[] epub = Files.readAllBytes(dist.resolve("seed.epub"));
        byte[] pdf = Files.readAllBytes(dist.resolve("seed.pdf"));

        Path index = book.resolve("README.md");
        Files.writeString(index, Files.readString(index) + "\n[新章](missing%20chapter.md)\n", StandardCharsets.UTF_8);
        Cli.Run r = run("build", "--content", book.toString(), "--out", dist.toString());
        assertEquals(1, r.code());
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, r.err());
        assertTrue(lines[0].startsWith("error: ") && lines[0].contains("README.md:16: chapter file not found: ")
                && lines[0].contains("missing chapter.md"), lines[0]);
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose");
        assertArrayEquals(epub, Files.readAllBytes(dist.resolve("seed.epub")));
        assertArrayEquals(pdf, Files.readAllBytes(dist.resolve("seed.pdf")));
        try (Stream<Path> files = Files.list(dist)) {
            assertEquals(2, files.count(), "no partial files are left behind");
        }
    }

    @Test
    void usageErrorsExitWithTwo() {
        Path book = TestBooks.book("index/seed");
        Cli.Run unknownFormat = run("build", "--content", book.toString(), "--out", tmp.toString(), "--format", "mobi");
        assertEquals(2, unknownFormat.code(), unknownFormat.err());
        assertTrue(unknownFormat.err().contains("unknown format 'mobi'") && unknownFormat.err().contains("epub, pdf"),
                unknownFormat.err());
        assertEquals(2, run("build", "--no-such-option").code());
    }

    @Test
    void versionAndHelp() {
        Cli.Run v = run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("studybook "), v.out());
        Cli.Run h = run("build", "--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("--format") && h.out().contains("Examples:"), h.out());
    }
}
