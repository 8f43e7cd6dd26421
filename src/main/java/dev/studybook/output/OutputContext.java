package dev.studybook.output;

import dev.studybook.config.OptionValues;
import dev.studybook.error.Diagnostics;
import dev.studybook.fonts.EmbeddedFont;
import dev.studybook.model.Asset;
import dev.studybook.model.Book;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Everything an output reads: the converted book, its fonts subset to it, the stylesheets, the timestamp to put in
 * the files (fixed, for byte-identical builds), how deep tables of contents go, the output's own options, the cover
 * (book.yaml's or one drawn for the book), where the files go and their base name, and where warnings go.
 */
public record OutputContext(Book book, List<EmbeddedFont> fonts, Styles styles, Instant timestamp, int tocDepth,
        OptionValues options, Asset cover, Path outDir, String baseName, Diagnostics diagnostics) {

    public OutputContext {
        fonts = List.copyOf(fonts);
    }

    /** The same context with another output's options. */
    public OutputContext withOptions(OptionValues other) {
        return new OutputContext(book, fonts, styles, timestamp, tocDepth, other, cover, outDir, baseName, diagnostics);
    }

    /** The labels of the generated pages, in the book's language. */
    public Labels labels() {
        return Labels.of(book.metadata().language());
    }
}
