package dev.studybook.render;

import dev.studybook.error.Diagnostics;
import dev.studybook.fonts.EmbeddedFont;
import dev.studybook.model.Book;
import java.time.Instant;
import java.util.List;

/**
 * Everything a renderer reads: the converted book, the fonts subset for it, the stylesheets, the timestamp to
 * put in the output (fixed, for byte-identical builds) and the layout options.
 */
public record RenderContext(Book book, List<EmbeddedFont> fonts, Styles styles, Instant timestamp,
        RenderOptions options, Diagnostics diagnostics) {

    public RenderContext {
        fonts = List.copyOf(fonts);
    }

    /** The labels of the generated pages, in the book's language. */
    public Labels labels() {
        return Labels.of(book.metadata().language());
    }
}
