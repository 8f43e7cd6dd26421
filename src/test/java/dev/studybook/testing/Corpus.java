package dev.studybook.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The real-world corpus under src/test/resources/books/corpus: small books written in the manner of GitBook,
 * HonKit and mdBook repositories and READMEs of links, which the tool must build although they were not
 * written for it.
 */
public final class Corpus {
    private Corpus() {
    }

    /** The folder that holds the corpus books. */
    public static Path root() {
        try {
            return Path.of(Corpus.class.getResource("/books/corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A corpus book's folder, e.g. {@code book("gitbook-summary")}. */
    public static Path book(String name) {
        return root().resolve(name);
    }

    /** The names of the corpus books, sorted. */
    public static List<String> names() {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies a corpus book byte for byte to {@code to}, except that in its Markdown and SVG files every
     * {@code from} becomes {@code replacement} (used to point remote image URLs at a local server that
     * records whether anything fetches them). Line endings and byte order marks are kept as they are.
     */
    public static Path copy(String name, Path to, String from, String replacement) {
        Path src = book(name);
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path t = to.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                    continue;
                }
                byte[] data = Files.readAllBytes(p);
                String lower = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (lower.endsWith(".md") || lower.endsWith(".svg")) {
                    // ISO-8859-1 maps every byte to one char and back: only the ASCII URL changes.
                    String s = new String(data, StandardCharsets.ISO_8859_1);
                    if (s.contains(from)) {
                        data = s.replace(from, replacement).getBytes(StandardCharsets.ISO_8859_1);
                    }
                }
                Files.write(t, data);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }
}
