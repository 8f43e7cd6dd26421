package dev.studybook.model;

import java.util.List;
import java.util.stream.Collectors;

/** A whole converted book: metadata, parts of chapters in reading order, and the assets the chapters use. */
public record Book(Metadata metadata, List<Part> parts, List<Asset> assets) {

    public Book {
        parts = List.copyOf(parts);
        assets = List.copyOf(assets);
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
                sb.append(c.title()).append(c.body());
            }
        }
        return sb.toString();
    }
}
