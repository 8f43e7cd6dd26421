package dev.studybook.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The stylesheets of studybook: one shared by every output and one for each format. */
public record Styles(String shared, String epub, String pdf) {

    /** The stylesheets bundled in the studybook jar (the {@code styles/} folder of the source tree). */
    public static Styles bundled() {
        return new Styles(read("book.css"), read("epub.css"), read("pdf.css"));
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
