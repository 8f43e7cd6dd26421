package dev.studybook.preprocess;

import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import dev.studybook.error.StudybookException;
import dev.studybook.io.ContentFolder;
import dev.studybook.io.TextFiles;
import dev.studybook.model.SourceText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a preprocessor may use: the book's folder, through which alone it reads files (nothing outside it), the
 * book's language (for the labels it writes) and the build's diagnostics, with warnings that are said once per
 * book however often their cause occurs. Chapters are preprocessed in parallel, each with a context of its own
 * ({@link #forChapter()}) whose warnings said once are gathered into the book's in book order ({@link #merge}).
 */
public final class PreprocessContext {

    private final ContentFolder content;
    private final Diagnostics diagnostics;
    private final String language;
    /** Warnings said once per book: key to the first place, the message and how often it occurred. */
    private final Map<String, Tally> once = new LinkedHashMap<>();
    /** The book's context, for a chapter's; null for the book's own. */
    private final PreprocessContext book;
    /** A chapter's warnings said once, in the order they were found, until they are merged into the book's. */
    private final List<Runnable> held = new ArrayList<>();
    /** Values computed once per book for every chapter (the book's context holds them). */
    private final Map<String, Object> shared = new java.util.HashMap<>();

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
        this.book = null;
    }

    private PreprocessContext(PreprocessContext book) {
        this.content = book.content;
        this.diagnostics = book.diagnostics;
        this.language = book.language;
        this.book = book;
    }

    /**
     * A context for one chapter, used by one thread: its warnings said once are held until {@link #merge} gives
     * them to this (the book's) context, so that which place is named first does not depend on which chapter was
     * done first.
     */
    public PreprocessContext forChapter() {
        return new PreprocessContext(this);
    }

    /** Gathers the warnings said once that {@code chapter} (made by {@link #forChapter()}) held, as if found now. */
    public void merge(PreprocessContext chapter) {
        if (chapter.book != this) {
            throw new IllegalArgumentException("not a chapter context of this book's");
        }
        chapter.held.forEach(Runnable::run);
        chapter.held.clear();
    }

    /**
     * A value computed from the book's folder once per build and shared by every chapter (MyST's labels, found in
     * all pages): the first chapter to ask computes it, which must not depend on which chapter that is.
     */
    @SuppressWarnings("unchecked")
    public <T> T shared(String key, java.util.function.Supplier<T> compute) {
        if (book != null) {
            return book.shared(key, compute);
        }
        synchronized (shared) {
            Object v = shared.get(key);
            if (v == null) {
                v = compute.get();
                shared.put(key, v);
            }
            return (T) v;
        }
    }

    /**
     * The book's folder as an Obsidian vault, to find what a wikilink names: listed once per book, when a chapter
     * first has a wikilink.
     */
    public ObsidianVault vault() {
        return shared("obsidian.vault", () -> ObsidianVault.of(content));
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
    public void warnOnce(String key, SourceLocation at, Diagnostics.Kind kind, String message) {
        if (book != null) {
            held.add(() -> book.warnOnce(key, at, kind, message));
            return;
        }
        synchronized (this) {
            once.computeIfAbsent(key, k -> new Tally(at, kind, message)).count++;
        }
    }

    /**
     * As {@link #warnOnce}, unless a warning with {@code key} was already gathered (in book order): an end tag is
     * counted with its opening tag, not as a second occurrence.
     */
    public void warnOnceUnlessSaid(String key, SourceLocation at, Diagnostics.Kind kind, String message) {
        if (book != null) {
            held.add(() -> book.warnOnceUnlessSaid(key, at, kind, message));
            return;
        }
        synchronized (this) {
            if (!once.containsKey(key)) {
                warnOnce(key, at, kind, message);
            }
        }
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
