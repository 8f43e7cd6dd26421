package dev.studybook.model;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A whole converted book: metadata, parts of chapters in reading order, the assets the chapters use, and the
 * cover image book.yaml names (empty when the build is to draw one).
 */
public record Book(Metadata metadata, List<Part> parts, List<Asset> assets, Optional<Asset> cover) {

    public Book {
        parts = List.copyOf(parts);
        assets = List.copyOf(assets);
        java.util.Objects.requireNonNull(cover, "cover");
    }

    /** The same book with other parts (a handout, a review sheet): same metadata and assets, no cover. */
    public Book withParts(List<Part> newParts) {
        return new Book(metadata, newParts, assets, Optional.empty());
    }

    /** All chapters in reading order, across parts. */
    public List<Chapter> chapters() {
        return parts.stream().flatMap(p -> p.chapters().stream()).collect(Collectors.toUnmodifiableList());
    }

    /** Every character a reader may see: the metadata and the text of each chapter. */
    public String visibleText() {
        StringBuilder sb = new StringBuilder();
        Metadata m = metadata;
        sb.append(m.title()).append(m.subtitle()).append(m.authorLine()).append(m.description());
        for (Part p : parts) {
            sb.append(p.title());
            for (Chapter c : p.chapters()) {
                sb.append(c.title()).append(c.body().xhtml(ChapterBody.FILE_LINKS));
            }
        }
        return sb.toString();
    }
}
