package dev.studybook.load;

import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import dev.studybook.io.TextFiles;
import dev.studybook.model.SourceText;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The chapters' texts of one load, each file read and decoded once: the outline reads the chapters to find contents
 * pages among them, and the loader then reads every chapter for the converter. A notebook's text is its cells as
 * Markdown.
 */
final class ChapterTexts {
    private final Map<Path, String> read = new HashMap<>();
    private final Map<Path, SourceText> notebooks = new HashMap<>();
    private final Diagnostics diagnostics;

    ChapterTexts(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * The chapter's text, as {@link TextFiles#readChapter} gives it, with a warning when it was not UTF-8; an error is
     * thrown (and not remembered) as there.
     */
    String read(Path file) {
        return Notebook.isNotebook(file) ? source(file).text() : text(file);
    }

    /** The chapter's Markdown with where each line was written: a notebook's cells as Markdown, else the file as read. */
    SourceText source(Path file) {
        if (!Notebook.isNotebook(file)) {
            return SourceText.of(file, text(file));
        }
        SourceText s = notebooks.get(file);
        if (s == null) {
            s = Notebook.read(file, text(file));
            notebooks.put(file, s);
        }
        return s;
    }

    private String text(Path file) {
        String text = read.get(file);
        if (text == null) {
            TextFiles.Decoded d = TextFiles.readChapter(file, "chapter");
            if (!d.legacyCharset().isEmpty()) {
                diagnostics.warn(SourceLocation.of(file, 1), Diagnostics.Kind.STRUCTURE, "the chapter is not UTF-8; it was"
                        + " read as " + d.legacyCharset() + " (save it as UTF-8: iconv -f " + d.legacyCharset()
                        + " -t UTF-8)");
            }
            text = d.text();
            read.put(file, text);
        }
        return text;
    }
}
