package dev.studybook.preprocess;

import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import dev.studybook.error.StudybookException;
import dev.studybook.io.ContentFolder;
import dev.studybook.io.TextFiles;
import dev.studybook.model.SourceText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a preprocessor may use: the book's folder, through which alone it reads files (nothing outside it), and
 * the build's diagnostics.
 */
public record PreprocessContext(ContentFolder content, Diagnostics diagnostics) {

    /**
     * The text of the file {@code path} names relative to the folder {@code base}, or empty with a warning at
     * {@code at} when it is outside the book, missing or not text.
     */
    public Optional<SourceText> read(Path base, String path, SourceLocation at, String what) {
        Optional<Path> p = content.resolve(base, path);
        if (p.isEmpty()) {
            warn(at, "the " + what + " '" + path + "' lies outside the book's folder and is not read; it is left as written");
            return Optional.empty();
        }
        if (!Files.isRegularFile(p.get())) {
            warn(at, "the " + what + " '" + path + "' does not exist (looked for " + SourceLocation.of(p.get()).displayPath()
                    + "); it is left as written");
            return Optional.empty();
        }
        try {
            return Optional.of(SourceText.of(p.get(), TextFiles.read(p.get(), what)));
        } catch (StudybookException e) {
            warn(at, "the " + what + " '" + path + "' cannot be read: " + e.getMessage() + "; it is left as written");
            return Optional.empty();
        }
    }

    public void warn(SourceLocation at, String message) {
        diagnostics.warn(at, Diagnostics.Kind.INCLUDE, message);
    }
}
