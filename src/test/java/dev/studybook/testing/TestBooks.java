package dev.studybook.testing;

import dev.studybook.config.Request;
import dev.studybook.build.BuildResult;
import dev.studybook.build.Builder;
import dev.studybook.build.Outputs;
import dev.studybook.error.Diagnostics;
import dev.studybook.load.BookLoader;
import dev.studybook.load.LoadedBook;
import java.util.Optional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Finds the test books under src/test/resources/books and the real book in content/, and builds them. */
public final class TestBooks {
    private TestBooks() {
    }

    /** A test book's folder, e.g. {@code book("build/basic")}, in src/test/resources/books/<feature>/<case>. */
    public static Path book(String name) {
        try {
            return Path.of(TestBooks.class.getResource("/books/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The book that ships with studybook: the content/ folder of the checkout. */
    public static Path content() {
        Path p = Path.of("content").toAbsolutePath();
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("tests run from the checkout's top folder; no content/ in " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** Copies a test book to a temporary folder, so a test may change it. */
    public static Path copy(String name, Path to) {
        Path from = book(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    /** The book in {@code contentDir} as every command loads it. */
    public static LoadedBook load(Path contentDir, Diagnostics diagnostics) {
        return BookLoader.load(Request.read(contentDir, Optional.empty()), Outputs.DEFAULT.specs(), diagnostics);
    }

    public static LoadedBook load(Path contentDir) {
        return load(contentDir, new Diagnostics());
    }

    /** A finished build: its result and its warnings. */
    public record Built(BuildResult result, Diagnostics diagnostics) {
        public Path output(String format) {
            return result.outputs().stream().filter(o -> o.format().equals(format)).findFirst().orElseThrow().file();
        }
    }

    public static Built build(Path contentDir, Path out, String... formats) {
        return build(Request.of(contentDir, out, formats));
    }

    public static Built build(Request request) {
        Diagnostics d = new Diagnostics();
        BuildResult r = Builder.build(request, d);
        return new Built(r, d);
    }
}
