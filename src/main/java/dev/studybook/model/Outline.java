package dev.studybook.model;

import dev.studybook.config.BookConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * The book before conversion: its metadata and the chapter files in reading order, grouped in parts.
 *
 * @param outputName the base name of the output files, e.g. {@code go-interview} for {@code go-interview.epub}
 * @param config     the settings of book.yaml, as written
 */
public record Outline(Metadata metadata, Path contentDir, Path indexFile, List<OutlinePart> parts, String outputName,
        BookConfig config) {

    public Outline {
        parts = List.copyOf(parts);
    }

    /** A part of the outline; the title is empty for chapters outside any part. */
    public record OutlinePart(String title, List<OutlineChapter> chapters) {
        public OutlinePart {
            title = title == null ? "" : title;
            chapters = List.copyOf(chapters);
        }
    }

    /**
     * A chapter file to convert.
     *
     * @param title     the link text on the index page; empty when the link had none
     * @param file      the absolute, normalised path of the Markdown file
     * @param depth     1 for a chapter, 2 for a sub-chapter, and so on
     * @param indexLine the line of the index page that links to it
     */
    public record OutlineChapter(String title, Path file, int depth, int indexLine) {
    }

    /** All chapters in reading order. */
    public List<OutlineChapter> chapters() {
        return parts.stream().flatMap(p -> p.chapters().stream()).toList();
    }
}
