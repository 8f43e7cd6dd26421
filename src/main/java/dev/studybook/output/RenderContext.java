package dev.studybook.output;

import dev.studybook.error.Diagnostics;
import dev.studybook.fonts.EmbeddedFont;
import dev.studybook.model.Asset;
import dev.studybook.model.Book;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything a renderer reads: the converted book, the fonts subset for it, the stylesheets, the timestamp to
 * put in the output (fixed, for byte-identical builds), the layout options, the cover picture (book.yaml's or
 * one drawn for the book) and, when the PDF was laid out first, where its pages begin.
 */
public record RenderContext(Book book, List<EmbeddedFont> fonts, Styles styles, Instant timestamp,
        RenderOptions options, Asset cover, Optional<PageMap> pages, Diagnostics diagnostics) {

    public RenderContext {
        fonts = List.copyOf(fonts);
    }

    /** The same context for another book (a handout, a review sheet). */
    public RenderContext withBook(Book other) {
        return new RenderContext(other, fonts, styles, timestamp, options, cover, Optional.empty(), diagnostics);
    }

    /** The same context, knowing where the PDF's pages begin. */
    public RenderContext withPages(PageMap map) {
        return new RenderContext(book, fonts, styles, timestamp, options, cover, Optional.of(map), diagnostics);
    }

    /** The labels of the generated pages, in the book's language. */
    public Labels labels() {
        return Labels.of(book.metadata().language());
    }
}
