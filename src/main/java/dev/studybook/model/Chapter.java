package dev.studybook.model;

import java.nio.file.Path;
import java.util.List;

/**
 * One chapter, converted: its place in the book, its title, its XHTML body and its headings.
 *
 * @param id        the ASCII id of the chapter, e.g. {@code ch03}; also its EPUB file name without extension
 * @param title     the title shown in tables of contents
 * @param depth     1 for a top-level chapter, 2 for a sub-chapter, and so on
 * @param source    the Markdown file it was converted from
 * @param body      well-formed XHTML (XML syntax) of the chapter's content, without html/body elements;
 *                  links to other chapters have the form {@code chNN.xhtml#id}
 * @param headings  the headings of the body in order, ids unique across the book
 */
public record Chapter(String id, String title, int depth, Path source, String body, List<Heading> headings) {

    public Chapter {
        headings = List.copyOf(headings);
    }

    /** The file name of this chapter inside an EPUB, e.g. {@code ch03.xhtml}. */
    public String fileName() {
        return id + ".xhtml";
    }
}
