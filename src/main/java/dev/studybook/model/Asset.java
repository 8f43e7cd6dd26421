package dev.studybook.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file the book's pages refer to, such as an image: its path inside the book, its media type (sniffed
 * from its bytes) and its bytes.
 *
 * @param href      ASCII path inside the book, e.g. {@code images/01-map.svg}
 * @param mediaType e.g. {@code image/png}
 * @param source    where it was read from
 */
public record Asset(String href, String mediaType, Path source, byte[] data) {

    public Asset {
        Objects.requireNonNull(href, "href");
        Objects.requireNonNull(mediaType, "mediaType");
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }
}
