package dev.studybook.build;

import dev.studybook.fonts.EmbeddedFont;
import dev.studybook.fonts.FontFace;
import dev.studybook.fonts.FontSet;
import dev.studybook.markdown.MarkdownRenderer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What outlives one build when studybook runs several in a row ({@code studybook watch}): the fonts, read once;
 * each chapter's HTML by the Markdown it came from, so that only changed chapters are parsed again; and the
 * font subsets by the characters they hold. A single build uses a session that keeps nothing.
 */
public final class BuildSession {

    private final Progress progress;
    private final boolean keep;
    private CompletableFuture<FontSet> fonts;
    private final Map<String, String> html = new ConcurrentHashMap<>();
    private final Map<String, List<EmbeddedFont>> subsets = new ConcurrentHashMap<>();

    private BuildSession(Progress progress, boolean keep) {
        this.progress = progress;
        this.keep = keep;
    }

    /** A session for one build. */
    public static BuildSession once(Progress progress) {
        return new BuildSession(progress, false);
    }

    /** A session for builds one after another, keeping what it can. */
    public static BuildSession repeated(Progress progress) {
        return new BuildSession(progress, true);
    }

    Progress progress() {
        return progress;
    }

    /** 0 while a build runs, 1 once it moves its outputs into place, 2 once it was stopped. */
    private final java.util.concurrent.atomic.AtomicInteger state = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Stops the build (the watchdog's call): true when it had not begun to move its outputs into place, which it
     * then never does; false when it already had, so that it finishes with a complete set.
     */
    public boolean stop() {
        return state.compareAndSet(0, 2) || state.get() == 2;
    }

    /** A build of this session begins: the previous one's outputs are in place (watch builds one after another). */
    void begin() {
        state.compareAndSet(1, 0);
    }

    /** True when the build may move its outputs into place, which a later {@link #stop} can no longer prevent. */
    boolean startCommit() {
        return state.compareAndSet(0, 1);
    }

    /**
     * studybook's fonts and the book's own {@code faces}, being read from the first call on (a build asks at its
     * start, so that they load while the book is read and converted).
     */
    synchronized CompletableFuture<FontSet> fonts(List<FontFace> faces) {
        if (fonts == null) {
            fonts = FontSet.loadAsync(FontSet.DEFAULT_FACES);
        }
        return faces.isEmpty() ? fonts : fonts.thenCombine(FontSet.loadAsync(faces), FontSet::with);
    }

    /**
     * Called once the fonts are subset: a single build lets go of the whole fonts (some 100 MB parsed), so that
     * they can be collected while the outputs are written; a repeated session keeps them for the next build.
     */
    synchronized void subsetsMade() {
        if (!keep) {
            fonts = null;
        }
    }

    /** Markdown to HTML, remembered by the Markdown's digest in a repeated session. */
    UnaryOperator<String> markdown() {
        if (!keep) {
            return MarkdownRenderer::toHtml;
        }
        return text -> html.computeIfAbsent(digest(text), k -> MarkdownRenderer.toHtml(text));
    }

    /** Font subsets for the book's characters, remembered by the characters in a repeated session. */
    List<EmbeddedFont> subsets(String characters, Function<String, List<EmbeddedFont>> make) {
        if (!keep) {
            return make.apply(characters);
        }
        String key = digest(characters.codePoints().distinct().sorted()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
        if (subsets.size() > 8) {
            subsets.clear();
        }
        return subsets.computeIfAbsent(key, k -> make.apply(characters));
    }

    static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
