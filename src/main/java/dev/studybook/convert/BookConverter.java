package dev.studybook.convert;

import dev.studybook.load.LinkResolver;
import dev.studybook.markdown.MarkdownRenderer;
import dev.studybook.error.Diagnostics;
import dev.studybook.error.ExitCode;
import dev.studybook.error.SourceLocation;
import dev.studybook.error.StudybookException;
import dev.studybook.io.ContentFolder;
import dev.studybook.model.Asset;
import dev.studybook.load.LoadedBook;
import dev.studybook.model.Book;
import dev.studybook.model.ChapterSource;
import dev.studybook.model.Chapter;
import dev.studybook.model.Outline;
import dev.studybook.model.Outline.OutlineChapter;
import dev.studybook.model.Outline.OutlinePart;
import dev.studybook.model.Part;
import dev.studybook.xhtml.BookLinker;
import dev.studybook.xhtml.CleanChapter;
import dev.studybook.xhtml.XhtmlCleaner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;

/**
 * Converts every chapter of an outline to XHTML (in parallel, each chapter's Markdown parsed once), then
 * links them into a {@link Book}: the second stage of a build.
 */
public final class BookConverter {

    /** The longest chapter, in characters after preprocessing: a 50 MB chapter took minutes and gigabytes. */
    static final int MAX_CHAPTER_CHARS = 8_000_000;

    /** Ids the renderers give to their own pages; no heading may take them. */
    public static final Set<String> RESERVED_IDS = Set.of("titlepage", "toc", "cover", "nav", "landmarks",
            "page-list", "book", "colophon");

    /** Deeply nested Markdown recurses deeply; conversion threads get a stack to match. */
    private static final long STACK_BYTES = 512L * 1024 * 1024;

    private BookConverter() {
    }

    /**
     * Converts the loaded book's chapters; {@code glyphs} tells which characters the book's fonts have (it may
     * block until the fonts are read), and characters it rejects are reported with file and line;
     * {@code markdown} turns each chapter's Markdown into HTML (a session may remember it), and
     * {@code chapterDone} is called as each chapter is converted.
     */
    public static Book convert(LoadedBook loaded, IntPredicate glyphs, Diagnostics diagnostics,
            UnaryOperator<String> markdown, Runnable chapterDone) {
        Outline outline = loaded.outline();
        ContentFolder content;
        try {
            content = new ContentFolder(outline.contentDir(), outline.boundary());
        } catch (IOException e) {
            throw StudybookException.content(SourceLocation.of(outline.contentDir()), "cannot open the content folder", e.getMessage());
        }
        LinkResolver resolver = new LinkResolver(content, outline.repository(), outline.site());
        List<OutlineChapter> chapters = outline.chapters();
        List<String> ids = new ArrayList<>();
        Map<Path, String> idByFile = new HashMap<>();
        int width = Math.max(2, String.valueOf(chapters.size()).length());
        for (int i = 0; i < chapters.size(); i++) {
            String id = "ch" + String.format("%0" + width + "d", i + 1);
            ids.add(id);
            if (!chapters.get(i).titlePage()) {
                idByFile.put(chapters.get(i).file(), id);
            }
        }
        AssetRegistry assets = new AssetRegistry(content, diagnostics);
        RemoteImages remote = loaded.settings().fetchRemote() ? RemoteImages.fetch(RemotePictures.standard())
                : RemoteImages.leave();
        Diagrams diagrams = new Diagrams();
        GlyphCoverage coverage = new GlyphCoverage(glyphs);
        int threads = Math.max(1, Math.min(chapters.size(), Runtime.getRuntime().availableProcessors()));
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(null, r, "studybook-convert-" + n.incrementAndGet(), STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
        try {
            return convert(loaded, outline, resolver, ids, idByFile, assets, remote, diagrams, coverage,
                    diagnostics, markdown, chapterDone, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Book convert(LoadedBook loaded, Outline outline, LinkResolver resolver,
            List<String> ids, Map<Path, String> idByFile, AssetRegistry assets, RemoteImages remote, Diagrams diagrams,
            GlyphCoverage coverage, Diagnostics diagnostics, UnaryOperator<String> markdown, Runnable chapterDone,
            ExecutorService pool) {
        List<OutlineChapter> chapters = outline.chapters();
        List<Converted> converted = convertAll(loaded.chapters(), ids, resolver, idByFile, outline.indexFile(),
                outline.metadata().language(), assets, remote, diagrams, coverage, diagnostics, markdown, chapterDone, pool);
        coverage.report(diagnostics);
        remote.report(diagnostics);
        diagrams.report(diagnostics);
        List<CleanChapter> clean = converted.stream().map(Converted::clean).toList();
        List<String> titles = converted.stream().map(Converted::title).toList();
        List<BookLinker.LinkedChapter> linked = BookLinker.link(clean, ids, RESERVED_IDS,
                (index, line, message) -> diagnostics.warn(loaded.chapters().get(index).text().locate(line),
                        Diagnostics.Kind.ANCHOR, message), outline.config().questions(),
                (index, line) -> loaded.chapters().get(index).text().locate(line), pool);
        List<Part> parts = new ArrayList<>();
        int i = 0;
        for (OutlinePart op : outline.parts()) {
            List<Chapter> cs = new ArrayList<>();
            for (OutlineChapter oc : op.chapters()) {
                BookLinker.LinkedChapter lc = linked.get(i);
                cs.add(new Chapter(ids.get(i), titles.get(i), oc.depth(), oc.file(), lc.body(), lc.headings(), lc.review(),
                        lc.images(), lc.questions()));
                i++;
            }
            parts.add(new Part(op.title(), cs));
        }
        Optional<Asset> cover = outline.metadata().cover().flatMap(c -> cover(c, outline, resolver, assets));
        return new Book(outline.metadata(), parts, assets.assets(), cover);
    }

    /** The cover book.yaml names, read like any image of the book; empty (with a warning) when it cannot be used. */
    private static Optional<Asset> cover(String path, Outline outline, LinkResolver resolver, AssetRegistry assets) {
        Path yaml = outline.config().file().orElse(outline.contentDir().resolve("book.yaml"));
        SourceLocation at = SourceLocation.of(yaml);
        var target = dev.studybook.load.LinkTarget.parse(path);
        if (target.isEmpty()) {
            assets.warn(at, "the cover '" + path + "' is not a file of the book; a cover is drawn instead");
            return Optional.empty();
        }
        LinkResolver.Resolution r = resolver.resolve(yaml, target.get());
        if (r instanceof LinkResolver.Found found) {
            return assets.image(found.file(), at);
        }
        assets.warn(at, r instanceof LinkResolver.Outside ? "the cover '" + path + "' lies outside the content folder; a cover is drawn instead"
                : "the cover '" + path + "' does not exist; a cover is drawn instead");
        return Optional.empty();
    }

    /** A chapter converted and cleaned, with its title. */
    private record Converted(CleanChapter clean, String title) {
    }

    /** The index page's link text, else the title the chapter's front matter gives, else its first heading, else its file name. */
    private static String title(ChapterSource source, CleanChapter clean) {
        OutlineChapter oc = source.entry();
        String title = !oc.title().isBlank() ? oc.title()
                : source.text().frontMatter().getOrDefault("title", clean.firstH1());
        if (title.isBlank()) {
            String name = oc.file().getFileName().toString();
            title = name.replaceFirst("\\.[^.]+$", "");
        }
        return title;
    }

    private static List<Converted> convertAll(List<ChapterSource> chapters, List<String> ids, LinkResolver resolver,
            Map<Path, String> idByFile, Path indexFile, String language, AssetRegistry assets, RemoteImages remote,
            Diagrams diagrams, GlyphCoverage coverage, Diagnostics diagnostics,
            UnaryOperator<String> markdownToHtml, Runnable chapterDone, ExecutorService pool) {
        ContentsPages contentsPages = new ContentsPages(resolver, idByFile);
        try {
            List<Future<Converted>> futures = new ArrayList<>();
            for (int i = 0; i < chapters.size(); i++) {
                ChapterSource source = chapters.get(i);
                OutlineChapter oc = source.entry();
                String id = ids.get(i);
                int index = i;
                futures.add(pool.submit(dev.studybook.error.Activity.named(SourceLocation.of(oc.file()).displayPath(), () -> {
                    String markdown = source.text().text();
                    if (markdown.length() > MAX_CHAPTER_CHARS) {
                        throw StudybookException.content(SourceLocation.of(oc.file()), "the chapter is "
                                + markdown.length() / 1_000_000 + " million characters long, more than the limit of "
                                + MAX_CHAPTER_CHARS / 1_000_000 + " million (MAX_CHAPTER_CHARS)", "split it into several chapters");
                    }
                    String html;
                    try {
                        html = markdownToHtml.apply(markdown);
                    } catch (MarkdownRenderer.TooMany e) {
                        throw StudybookException.content(source.text().locate(e.line()), e.getMessage(),
                                "split the chapter into several chapters");
                    } catch (StackOverflowError e) {
                        throw StudybookException.content(SourceLocation.of(oc.file()),
                                "the chapter nests lists or block quotes too deeply to convert",
                                "flatten the nesting");
                    }
                    ChapterReferences refs = new ChapterReferences(source.text(), index, id, resolver, idByFile, indexFile,
                            contentsPages, assets, diagnostics, remote, diagrams, language);
                    CleanChapter clean = XhtmlCleaner.clean(html, refs);
                    // Each chapter titled on its own thread too: the title depends on the chapter alone.
                    String title = title(source, clean);
                    clean.ensureTitle(title);
                    clean.closeHeadingGaps();
                    clean.findIds();
                    // Only now, after the chapter's conversion: the check waits for every font to be read, which
                    // goes on meanwhile on the other threads (warnings are reported in book order all the same).
                    coverage.check(index, source.text());
                    chapterDone.run();
                    return new Converted(clean, title);
                })));
            }
            List<Converted> out = new ArrayList<>();
            for (Future<Converted> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StudybookException se) {
                throw se;
            }
            if (e.getCause() instanceof StackOverflowError) {
                throw new StudybookException(ExitCode.CONTENT, null, "a chapter nests too deeply to convert",
                        "flatten its nesting");
            }
            throw new StudybookException(ExitCode.INTERNAL, null, "converting a chapter failed: " + e.getCause(),
                    "this is a bug in studybook; run with --verbose and report it", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StudybookException(ExitCode.INTERRUPTED, null, "interrupted", null);
        }
    }
}
