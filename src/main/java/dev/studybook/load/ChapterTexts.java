package dev.studybook.load;

import dev.studybook.io.TextFiles;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The chapters' texts of one load, each file read and decoded once: the outline reads the chapters to find contents
 * pages among them, and the loader then reads every chapter for the converter.
 */
final class ChapterTexts {
    private final Map<Path, String> read = new HashMap<>();

    /** The chapter's text, as {@link TextFiles#read} gives it; an error is thrown (and not remembered) as there. */
    String read(Path file) {
        String text = read.get(file);
        if (text == null) {
            text = TextFiles.read(file, "chapter");
            read.put(file, text);
        }
        return text;
    }
}
