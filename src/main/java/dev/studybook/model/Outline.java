package dev.studybook.model;

import dev.studybook.config.BookConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The book before conversion: its metadata and the chapter files in reading order, grouped in parts.
 *
 * @param outputName the base name of the output files, e.g. {@code go-interview} for {@code go-interview.epub}
 * @param config     the settings of book.yaml, as written
 * @param boundary   the folder nothing outside of is read: the root of the repository the content folder lies in,
 *                   or the content folder itself
 * @param repository the GitHub repository the book comes from, when known
 * @param site       the pages of the book's own web site that are chapters' files, by address
 */
public record Outline(Metadata metadata, Path contentDir, Path indexFile, List<OutlinePart> parts, String outputName,
        BookConfig config, Path boundary, Optional<Repository> repository, SitePages site) {

    public Outline {
        parts = List.copyOf(parts);
        boundary = boundary == null ? contentDir : boundary;
        repository = repository == null ? Optional.empty() : repository;
        site = site == null ? SitePages.NONE : site;
    }

    public Outline(Metadata metadata, Path contentDir, Path indexFile, List<OutlinePart> parts, String outputName,
            BookConfig config) {
        this(metadata, contentDir, indexFile, parts, outputName, config, contentDir, Optional.empty(), SitePages.NONE);
    }

    /** The same outline with other metadata (the language found in the chapters' text). */
    public Outline withMetadata(Metadata m) {
        return new Outline(m, contentDir, indexFile, parts, outputName, config, boundary, repository, site);
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
     * @param file      the absolute, normalised path of the Markdown file; for a title page, the index page that
     *                  names it
     * @param depth     1 for a chapter, 2 for a sub-chapter, and so on
     * @param indexLine the line of {@code indexFile} that links to it
     * @param indexFile the page that lists it: the book's index page, or a chapter that is a contents page itself
     * @param titlePage true for a page that only shows {@code title}: a group of the index page without a file of its
     *                  own ("* 第 1 章" over its sections), kept so that the group's title is not lost
     */
    public record OutlineChapter(String title, Path file, int depth, int indexLine, Path indexFile, boolean titlePage) {

        public OutlineChapter(String title, Path file, int depth, int indexLine) {
            this(title, file, depth, indexLine, null, false);
        }
    }

    /** All chapters in reading order. */
    public List<OutlineChapter> chapters() {
        return parts.stream().flatMap(p -> p.chapters().stream()).toList();
    }
}
