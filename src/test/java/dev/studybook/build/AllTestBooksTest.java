package dev.studybook.build;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.EpubCheckRunner;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every test book under src/test/resources/books/&lt;feature&gt;/&lt;case&gt; builds to an EPUB that EPUBCheck passes
 * without a message (the corpus books are checked more closely by RealWorldCorpusTest).
 */
class AllTestBooksTest {

    @TempDir
    Path out;

    static Stream<String> books() throws IOException {
        Path root = TestBooks.book("build/basic").getParent().getParent();
        try (Stream<Path> dirs = Files.walk(root, 3)) {
            return dirs.filter(d -> !root.relativize(d).startsWith("corpus") && hasIndex(d))
                    .map(d -> root.relativize(d).toString().replace('\\', '/')).sorted().toList().stream();
        }
    }

    /** A book's folder: it holds the index page (an mdBook's is in src/). */
    private static boolean hasIndex(Path dir) {
        return Files.isRegularFile(dir.resolve("README.md")) || Files.isRegularFile(dir.resolve("SUMMARY.md"));
    }

    @ParameterizedTest
    @MethodSource("books")
    void epubPassesEpubCheck(String name) {
        TestBooks.Built b = TestBooks.build(TestBooks.book(name), out, "epub");
        EpubCheckRunner.Result r = EpubCheckRunner.check(b.output("epub"));
        assertTrue(r.clean(), name + ": " + r);
    }
}
