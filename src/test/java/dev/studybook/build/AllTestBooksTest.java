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
 * Every test book under src/test/resources/books builds to an EPUB that EPUBCheck passes without a message; a folder
 * without an index page holds the cases of one feature, tested by that feature's own tests.
 */
class AllTestBooksTest {

    @TempDir
    Path out;

    static Stream<String> books() throws IOException {
        try (Stream<Path> dirs = Files.list(TestBooks.book("basic").getParent())) {
            return dirs.filter(Files::isDirectory).filter(p -> Files.isRegularFile(p.resolve("README.md")))
                    .map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("books")
    void epubPassesEpubCheck(String name) {
        TestBooks.Built b = TestBooks.build(TestBooks.book(name), out, "epub");
        EpubCheckRunner.Result r = EpubCheckRunner.check(b.output("epub"));
        assertTrue(r.clean(), name + ": " + r);
    }
}
