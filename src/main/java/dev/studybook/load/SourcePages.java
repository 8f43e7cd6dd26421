package dev.studybook.load;

import dev.studybook.error.SourceLocation;
import dev.studybook.io.ContentFolder;
import dev.studybook.preprocess.FrontMatter;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The pages a Sphinx-style contents (Jupyter Book's {@code _toc.yml}, a MyST {@code {toctree}}) names by their path
 * without extension, written into a {@link SiteSummary}: found with the extensions Sphinx tries, globs taken by
 * name, Markdown pages and notebooks read, reStructuredText left out and named in one note.
 */
final class SourcePages {

    /** The extensions an entry without one is looked for with, in Jupyter Book's order. */
    static final List<String> EXTENSIONS = List.of(".md", ".ipynb", ".rst", ".markdown", ".myst");

    /** How many pages a glob brings in at most. */
    static final int MAX_GLOB = 2_000;

    private final ContentFolder content;
    private final Path docs;
    private final SiteSummary md;
    private final List<String> skipped = new ArrayList<>();
    private SourceLocation skippedAt;
    private Path at;
    private int pages;

    SourcePages(ContentFolder content, Path docs, SiteSummary md) {
        this.content = content;
        this.docs = docs;
        this.md = md;
    }

    /** The file the next entries are written in (for the note's place); the contents file by default. */
    void writtenIn(Path file) {
        this.at = file;
    }

    /** How many pages were listed. */
    int count() {
        return pages;
    }

    /** The note naming the pages left out, empty when none was. */
    String note() {
        int n = skipped.size();
        if (n == 0) {
            return "";
        }
        return n + (n == 1 ? " page is reStructuredText (or another markup) and is" : " pages are reStructuredText"
                + " (or another markup) and are") + " left out (only Markdown pages and notebooks are read): "
                + String.join(", ", skipped.subList(0, Math.min(n, 8))) + (n > 8 ? " and " + (n - 8) + " more" : "");
    }

    /** Where the note is said: the first page left out, else {@code toc}. */
    SourceLocation noteAt(Path toc) {
        return skippedAt == null ? SourceLocation.of(toc) : skippedAt;
    }

    /**
     * The title of a book whose configuration names none: its root page's front matter {@code title}, else its
     * first heading (a jb-article's root page is the article); empty when it has neither.
     */
    static String rootTitle(Path page) {
        if (!Files.isRegularFile(page, LinkOption.NOFOLLOW_LINKS)) {
            return "";
        }
        try {
            return FrontMatter.title(dev.studybook.io.TextFiles.read(page, "page"));
        } catch (RuntimeException e) {
            // Unreadable: the loader reports it when it reads the chapter.
            return "";
        }
    }

    /** Whether studybook reads a page of this name: Markdown, or a Jupyter notebook (its cells as Markdown). */
    static boolean readable(String page) {
        String p = page.toLowerCase(Locale.ROOT);
        return SiteSummary.isPageName(p) || p.endsWith(".markdown") || p.endsWith(".ipynb");
    }

    /** The page an entry names, relative to {@code docs}, with its extension; empty when no such file exists. */
    Optional<String> find(Path base, String name) {
        String n = name.strip().replaceFirst("^\\./", "");
        Path from = n.startsWith("/") ? docs : base;
        n = n.replaceFirst("^/+", "");
        Path rel = docs.relativize(from);
        String prefix = rel.toString().isEmpty() ? "" : rel.toString().replace('\\', '/') + "/";
        if (exists(prefix + n)) {
            return Optional.of(normal(prefix + n));
        }
        for (String ext : EXTENSIONS) {
            if (exists(prefix + n + ext)) {
                return Optional.of(normal(prefix + n + ext));
            }
        }
        return Optional.empty();
    }

    private String normal(String relative) {
        return docs.relativize(docs.resolve(relative).normalize()).toString().replace('\\', '/');
    }

    /** The page a {@code file} entry names, with its extension found as Jupyter Book finds it. */
    void file(int line, int depth, String title, String name, boolean inner) {
        String n = name.strip().replaceFirst("^\\./", "").replaceFirst("^/+", "");
        Optional<String> found = find(docs, n);
        String page = found.orElse(n.contains(".") && EXTENSIONS.stream().anyMatch(n::endsWith) ? n : n + ".md");
        if (!readable(page)) {
            skip(line, page);
            if (!inner) {
                return;
            }
            // A notebook's sections are still the book's: under its title, or its file's name.
            md.group(line, depth, title.isEmpty() ? SiteSummary.folderTitle(Path.of(page).getFileName().toString()
                    .replaceFirst("\\.[^.]+$", "")) : title);
            return;
        }
        if (md.page(line, depth, title, page)) {
            pages++;
        }
    }

    void skip(int line, String page) {
        if (skipped.isEmpty()) {
            skippedAt = at == null ? null : SourceLocation.of(at, line);
        }
        skipped.add(page);
    }

    boolean exists(String relative) {
        Optional<Path> p = content.resolve(docs, relative);
        return p.isPresent() && Files.isRegularFile(p.get(), LinkOption.NOFOLLOW_LINKS);
    }

    /** The Markdown pages a glob names ({@code chapters/*}), by name, each once. */
    void glob(int line, int depth, String pattern) {
        String p = pattern.strip().replaceFirst("^\\./", "");
        PathMatcher matcher;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + p);
        } catch (IllegalArgumentException e) {
            return;
        }
        List<String> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(docs, SiteSummary.MAX_DEPTH)) {
            walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && content.contains(f))
                    .map(f -> docs.relativize(f).toString().replace('\\', '/'))
                    .filter(r -> !r.startsWith("_build/") && !r.contains("/."))
                    .filter(r -> matcher.matches(Path.of(r)) || matcher.matches(Path.of(r.replaceFirst("\\.[^./]+$", ""))))
                    .limit(MAX_GLOB).forEach(found::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            return;
        }
        found.sort(SiteSummary::natural);
        for (String f : found) {
            if (SiteSummary.isPageName(f) || f.endsWith(".ipynb")) {
                if (md.page(line, depth, "", f)) {
                    pages++;
                }
            } else if (f.endsWith(".rst")) {
                skip(line, f);
            }
        }
    }

}
