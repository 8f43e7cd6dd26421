package dev.studybook.check;

import dev.studybook.build.BuildSession;
import dev.studybook.build.Builder;
import dev.studybook.build.Outputs;
import dev.studybook.build.Progress;
import dev.studybook.config.Request;
import dev.studybook.config.SettingsResolver;
import dev.studybook.load.BookLoader;
import dev.studybook.load.LoadedBook;
import dev.studybook.model.ChapterSource;
import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import dev.studybook.error.StudybookException;
import dev.studybook.highlight.Highlighter;
import dev.studybook.markdown.CodeSamples;
import dev.studybook.model.Asset;
import dev.studybook.model.Book;
import dev.studybook.model.CodeSample;
import dev.studybook.model.Outline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Everything that can be found wrong with a book without building it, in one pass: what conversion warns about
 * (links, anchors and images that lead nowhere, characters no font has, missing alt text), plus files of the
 * content folder no chapter uses, chapters with the same title, and code in languages nothing highlights.
 */
public final class BookChecker {

    /** Fence languages that are plain text on purpose. */
    static final Set<String> PLAIN = Set.of("text", "txt", "plain", "plaintext", "output", "none", "nohighlight");

    /** File names no index page is expected to link to. */
    static final Set<String> NOT_CHAPTERS = Set.of("book.yaml", "book.yml", "summary.md", "readme.md", "license",
            "license.md", "changelog.md", "contributing.md", ".gitignore", ".gitattributes");

    private BookChecker() {
    }

    /** Checks the book {@code request} names, reading and converting it as a build does. */
    public static List<Finding> check(Request request) {
        List<Finding> findings = new ArrayList<>();
        Diagnostics d = new Diagnostics();
        LoadedBook loaded;
        try {
            // Every missing chapter is a finding of its own, and the rest of the book is still checked.
            loaded = BookLoader.load(request.withSwitch(SettingsResolver.SKIP_MISSING), Outputs.DEFAULT.specs(), d);
        } catch (StudybookException e) {
            findings.add(new Finding(e.location().orElse(null), true, Diagnostics.Kind.INDEX, e.getMessage()
                    + e.hint().map(h -> " (" + h + ")").orElse("")));
            d.warnings().forEach(w -> findings.add(finding(w)));
            return sorted(findings);
        }
        Outline outline = loaded.outline();
        Book book;
        try {
            book = Builder.convert(loaded, d, BuildSession.once(Progress.NONE));
        } catch (StudybookException e) {
            findings.add(new Finding(e.location().orElse(null), true, Diagnostics.Kind.STRUCTURE, e.getMessage()
                    + e.hint().map(h -> " (" + h + ")").orElse("")));
            d.warnings().forEach(w -> findings.add(finding(w)));
            return sorted(findings);
        }
        d.warnings().forEach(w -> findings.add(finding(w)));
        duplicateTitles(outline, findings);
        codeLanguages(loaded, findings);
        unusedFiles(outline, book, findings);
        return sorted(findings);
    }

    private static Finding finding(Diagnostics.Warning w) {
        return new Finding(w.location(), w.kind().isError(), w.kind(), w.message());
    }

    /**
     * Chapters of one title under one parent (the same part, the same chapter above them): the contents show them
     * alike. The same title under two parents ("Summary" closing each chapter of an mdBook or GitBook, "Traits" in
     * two places) is told apart by where it stands.
     */
    private static void duplicateTitles(Outline outline, List<Finding> findings) {
        Map<String, Integer> seen = new HashMap<>();
        int part = 0;
        for (Outline.OutlinePart p : outline.parts()) {
            part++;
            List<Integer> parents = new ArrayList<>();
            int ordinal = 0;
            for (Outline.OutlineChapter c : p.chapters()) {
                ordinal++;
                int depth = Math.max(1, c.depth());
                while (parents.size() > depth - 1) {
                    parents.remove(parents.size() - 1);
                }
                int parent = parents.isEmpty() ? 0 : parents.get(parents.size() - 1);
                while (parents.size() < depth) {
                    parents.add(ordinal);
                }
                String title = c.title().isBlank() ? "" : c.title().strip();
                if (title.isEmpty()) {
                    continue;
                }
                Integer first = seen.putIfAbsent(part + "/" + parent + "/" + title, c.indexLine());
                if (first != null) {
                    findings.add(new Finding(SourceLocation.of(outline.indexFile(), c.indexLine()), false,
                            Diagnostics.Kind.INDEX, "another chapter (line " + first + ") has the same title '" + title
                                    + "'; readers cannot tell them apart in the table of contents"));
                }
            }
        }
    }

    private static void codeLanguages(LoadedBook loaded, List<Finding> findings) {
        for (ChapterSource c : loaded.chapters()) {
            for (CodeSample s : CodeSamples.extract(c.text().text())) {
                String lang = s.language().toLowerCase(Locale.ROOT);
                if (!Highlighter.supports(lang) && !PLAIN.contains(lang)) {
                    findings.add(new Finding(c.text().locate(s.line()), false, Diagnostics.Kind.CODE,
                            "the code block's language '" + s.language() + "' is not one studybook highlights; it is shown"
                                    + " as plain text (write e.g. go, java, python, bash, json, yaml, sql, or text)"));
                }
            }
        }
    }

    /** Markdown files no index links to, and images no chapter shows. */
    private static void unusedFiles(Outline outline, Book book, List<Finding> findings) {
        Set<Path> used = new HashSet<>();
        used.add(outline.indexFile().toAbsolutePath().normalize());
        outline.chapters().forEach(c -> used.add(c.file().toAbsolutePath().normalize()));
        for (Asset a : book.assets()) {
            if (a.source() != null) {
                used.add(a.source().toAbsolutePath().normalize());
            }
        }
        book.cover().map(Asset::source).ifPresent(p -> used.add(p.toAbsolutePath().normalize()));
        Path root = outline.contentDir();
        // An .mdx file is a page where the book is a site that serves them (its contents are a configuration file
        // or it has .mdx chapters: Docusaurus, Nextra, rspress); elsewhere it is some tool's component file.
        String index = outline.indexFile().getFileName().toString().toLowerCase(Locale.ROOT);
        boolean mdxPages = !(index.endsWith(".md") || index.endsWith(".markdown")) || outline.chapters().stream()
                .anyMatch(c -> c.file() != null && c.file().getFileName().toString().toLowerCase(Locale.ROOT)
                        .endsWith(".mdx"));
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                if (!Files.isRegularFile(p) || root.relativize(p).toString().startsWith(".")
                        || NOT_CHAPTERS.contains(p.getFileName().toString().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                boolean markdown = name.endsWith(".md") || name.endsWith(".markdown") || mdxPages && name.endsWith(".mdx");
                boolean image = name.matches(".*\\.(png|jpe?g|gif|webp|svg)");
                if ((markdown || image) && !used.contains(p.toAbsolutePath().normalize())) {
                    findings.add(new Finding(SourceLocation.of(p), false, Diagnostics.Kind.UNLINKED_FILE, markdown
                            ? "no index page links to this file, so it is not in the book; link it from "
                                    + root.relativize(outline.indexFile()) + " or remove it"
                            : "no chapter shows this image"));
                }
            }
        } catch (IOException e) {
            findings.add(new Finding(SourceLocation.of(root), false, Diagnostics.Kind.UNLINKED_FILE,
                    "cannot list the content folder: " + e.getMessage()));
        }
    }

    private static List<Finding> sorted(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings);
        out.sort(Comparator.comparing((Finding f) -> f.location() == null ? "" : f.location().file().toString())
                .thenComparingInt(f -> f.location() == null ? 0 : f.location().line()));
        return List.copyOf(out);
    }
}
