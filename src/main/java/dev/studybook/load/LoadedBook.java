package dev.studybook.load;

import dev.studybook.config.Settings;
import dev.studybook.fonts.FontFace;
import dev.studybook.model.ChapterSource;
import dev.studybook.model.Outline;
import java.util.List;

/**
 * A book as {@link BookLoader} reads it, the same for every command: the settings, the outline (book.yaml and the
 * index page), each chapter's Markdown after the preprocessors, and the author's own fonts and stylesheets.
 */
public record LoadedBook(Settings settings, Outline outline, List<ChapterSource> chapters, List<FontFace> fonts,
        List<String> css) {

    public LoadedBook {
        chapters = List.copyOf(chapters);
        fonts = List.copyOf(fonts);
        css = List.copyOf(css);
    }
}
