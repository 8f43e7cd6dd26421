package dev.studybook.output;

import dev.studybook.config.OptionValues;
import dev.studybook.error.Diagnostics;
import dev.studybook.fonts.EmbeddedFont;
import dev.studybook.model.Asset;
import dev.studybook.model.Book;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything an output reads: the converted book, its fonts subset to it, the stylesheets, the timestamp to put in
 * the files (fixed, for byte-identical builds), how deep tables of contents go, the output's own options, the cover
 * (book.yaml's or one drawn for the book), where the files go and their base name, and where warnings go.
 *
 * @param coverArt the cover, which may still be being drawn: an output asks for it with {@link #cover()} only
 *                 when it writes it, so that drawing it overlaps the output's other work
 */
public record OutputContext(Book book, List<EmbeddedFont> fonts, Styles styles, Instant timestamp, int tocDepth,
        OptionValues options, Supplier<Asset> coverArt, Path outDir, String baseName, Diagnostics diagnostics) {

    public OutputContext {
        fonts = List.copyOf(fonts);
        Objects.requireNonNull(coverArt, "coverArt");
    }

    /** The cover picture, waiting for it to be drawn when it is not yet. */
    public Asset cover() {
        return coverArt.get();
    }

    /** The same context with another output's options. */
    public OutputContext withOptions(OptionValues other) {
        return new OutputContext(book, fonts, styles, timestamp, tocDepth, other, coverArt, outDir, baseName, diagnostics);
    }

    /** The labels of the generated pages, in the book's language. */
    public Labels labels() {
        return Labels.of(book.metadata().language());
    }
}
