package dev.studybook.output;

import dev.studybook.fonts.EmbeddedFont;
import dev.studybook.model.Book;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/** An output format: given a converted book, its fonts and styles, writes one file. */
public interface Renderer {

    /** The format's name on the command line, e.g. {@code epub}. */
    String name();

    /** The output file's extension, without the dot. */
    String extension();

    /** Writes the output for {@code context} to {@code out}; a paginated format says where its pages begin. */
    Optional<PageMap> render(RenderContext context, OutputStream out) throws IOException;

    /**
     * Starts, in the background, work of this format that needs only the converted book and its fonts, so that
     * it overlaps what the build does before writing (the cover) and the other formats (and this one's wait for
     * a page map). Nothing by default.
     */
    default void prepare(Book book, List<EmbeddedFont> fonts) {
    }

    /** True for a format that marks the pages of a paginated one (the EPUB's page-list): it is written after it. */
    default boolean usesPageMap() {
        return false;
    }
}
