package dev.studybook.build;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.config.Request;
import dev.studybook.config.SettingsResolver;
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
 * Every test book under src/test/resources/books/&lt;feature&gt;/&lt;case&gt; (or its src/) builds to an EPUB that
 * EPUBCheck passes without a message (the corpus books are checked more closely by RealWorldCorpusTest).
 */
class AllTestBooksTest {

    @TempDir
    Path out;

    static Stream<String> books() throws IOException {
        Path root = TestBooks.book("build/basic").getParent().getParent();
        try (Stream<Path> dirs = Files.walk(root, 2)) {
            return dirs.filter(d -> root.relativize(d).getNameCount() == 2 && !root.relativize(d).startsWith("corpus"))
                    .map(d -> isBook(d) ? d : d.resolve("src")).filter(AllTestBooksTest::isBook)
                    .map(d -> root.relativize(d).toString().replace('\\', '/')).sorted().toList().stream();
        }
    }

    /** A book's folder: it holds an index page, or the book.toml or book.json that names one. */
    private static boolean isBook(Path dir) {
        return Stream.of("README.md", "SUMMARY.md", "_sidebar.md", "book.toml", "book.json")
                .anyMatch(name -> Files.isRegularFile(dir.resolve(name)));
    }

    @ParameterizedTest
    @MethodSource("books")
    void epubPassesEpubCheck(String name) {
        // A book that lists missing chapters builds as a user builds it, with --skip-missing.
        TestBooks.Built b = TestBooks.build(Request.of(TestBooks.book(name), out, "epub")
                .withSwitch(SettingsResolver.SKIP_MISSING));
        EpubCheckRunner.Result r = EpubCheckRunner.check(b.output("epub"));
        assertTrue(r.clean(), name + ": " + r);
    }
}
