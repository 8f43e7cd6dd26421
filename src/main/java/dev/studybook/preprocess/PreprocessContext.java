package dev.studybook.preprocess;

import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import dev.studybook.error.StudybookException;
import dev.studybook.io.ContentFolder;
import dev.studybook.io.TextFiles;
import dev.studybook.model.SourceText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a preprocessor may use: the book's folder, through which alone it reads files (nothing outside it), the
 * book's language (for the labels it writes) and the build's diagnostics, with warnings that are said once per
 * book however often their cause occurs.
 */
public final class PreprocessContext {

    private final ContentFolder content;
    private final Diagnostics diagnostics;
    private final String language;
    /** Warnings said once per book: key to the first place, the message and how often it occurred. */
    private final Map<String, Tally> once = new LinkedHashMap<>();

    private static final class Tally {
        final SourceLocation first;
        final Diagnostics.Kind kind;
        final String message;
        int count;

        Tally(SourceLocation first, Diagnostics.Kind kind, String message) {
            this.first = first;
            this.kind = kind;
            this.message = message;
        }
    }

    public PreprocessContext(ContentFolder content, Diagnostics diagnostics, String language) {
        this.content = content;
        this.diagnostics = diagnostics;
        this.language = language == null || language.isBlank() ? "zh-CN" : language;
    }

    public ContentFolder content() {
        return content;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    /** The book's language, a BCP 47 tag such as {@code zh-CN}. */
    public String language() {
        return language;
    }

    /** True when the book is written in Chinese, so that labels studybook writes are Chinese too. */
    public boolean chinese() {
        return language.toLowerCase(java.util.Locale.ROOT).startsWith("zh");
    }

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

    /** True when {@code path} relative to {@code base} names a file inside the book; reads nothing. */
    public boolean exists(Path base, String path) {
        return content.resolve(base, path).filter(Files::isRegularFile).isPresent();
    }

    public void warn(SourceLocation at, String message) {
        diagnostics.warn(at, Diagnostics.Kind.INCLUDE, message);
    }

    /**
     * A warning said once for the whole book however often {@code key} occurs: at its first place, with the count
     * of the others, when {@link #finish()} is called.
     */
    public synchronized void warnOnce(String key, SourceLocation at, Diagnostics.Kind kind, String message) {
        once.computeIfAbsent(key, k -> new Tally(at, kind, message)).count++;
    }

    /** True when a warning with {@code key} was already gathered. */
    public synchronized boolean warnedOnce(String key) {
        return once.containsKey(key);
    }

    /** Says the warnings gathered with {@link #warnOnce}; called once all chapters are preprocessed. */
    public synchronized void finish() {
        for (Tally t : once.values()) {
            String more = t.count <= 1 ? "" : " (" + (t.count - 1) + " more in the book)";
            diagnostics.warn(t.first, t.kind, t.message + more);
        }
        once.clear();
    }
}
