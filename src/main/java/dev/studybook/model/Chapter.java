package dev.studybook.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One chapter, converted: its place in the book, its title, its body, its headings, and what outputs need to know
 * of it without reading the body: its review section, whether it shows pictures, and the questions it asks.
 *
 * @param id        the ASCII id of the chapter, e.g. {@code ch03}; also its EPUB file name without extension
 * @param title     the title shown in tables of contents
 * @param depth     1 for a top-level chapter, 2 for a sub-chapter, and so on
 * @param source    the Markdown file it was converted from
 * @param body      the chapter's content, XHTML with links into the book left for each output to write
 * @param headings  the headings of the body in order, ids unique across the book
 * @param review    the content of its review section ({@code ## 速记}), without the heading, if it has one
 * @param images    true when the body shows a picture
 * @param questions the questions of its question sections and the cards of its review section, in reading order
 */
public record Chapter(String id, String title, int depth, Path source, ChapterBody body, List<Heading> headings,
        Optional<ChapterBody> review, boolean images, List<Question> questions) {

    public Chapter {
        headings = List.copyOf(headings);
        java.util.Objects.requireNonNull(review, "review");
        questions = List.copyOf(questions);
    }

    /** The file name of this chapter inside an EPUB, e.g. {@code ch03.xhtml}. */
    public String fileName() {
        return fileName(id);
    }

    /** The file name of the chapter with id {@code id} inside an EPUB. */
    public static String fileName(String id) {
        return id + ".xhtml";
    }
}
