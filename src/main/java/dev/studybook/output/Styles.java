package dev.studybook.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import java.util.List;

/**
 * The stylesheets of a book: studybook's, one shared by every output and one for each format, then the
 * author's own from book.yaml, applied after them.
 */
public record Styles(String shared, String epub, String pdf, List<String> extra) {

    public Styles {
        extra = List.copyOf(extra);
    }

    /** The stylesheets bundled in the studybook jar (the {@code styles/} folder of the source tree). */
    public static Styles bundled() {
        return new Styles(read("book.css"), read("epub.css"), read("pdf.css"), List.of());
    }

    /** The same with the author's stylesheets added. */
    public Styles withExtra(List<String> css) {
        return new Styles(shared, epub, pdf, css);
    }

    /** A stylesheet bundled in the studybook jar for an output of its own, e.g. {@code anki.css}. */
    public static String bundled(String name) {
        return read(name);
    }

    private static String read(String name) {
        String resource = "/studybook/styles/" + name;
        try (InputStream in = Styles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the stylesheet " + resource + " is missing from the studybook jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
