package dev.studybook.build;

import dev.studybook.load.OutlineReader;
import dev.studybook.config.BookConfig;
import dev.studybook.config.BuildSettings;
import dev.studybook.convert.BookConverter;
import dev.studybook.error.Diagnostics;
import dev.studybook.error.ExitCode;
import dev.studybook.error.SourceLocation;
import dev.studybook.error.StudybookException;
import dev.studybook.fonts.EmbeddedFont;
import dev.studybook.fonts.FontFace;
import dev.studybook.io.ContentFolder;
import dev.studybook.io.TextFiles;
import dev.studybook.fonts.FontSet;
import dev.studybook.io.AtomicOutput;
import dev.studybook.cover.CoverArt;
import dev.studybook.model.Asset;
import dev.studybook.model.Book;
import dev.studybook.model.Outline;
import dev.studybook.output.pdf.PdfRenderer;
import dev.studybook.output.Labels;
import dev.studybook.output.PageMap;
import dev.studybook.output.Paper;
import dev.studybook.output.RenderContext;
import dev.studybook.output.RenderOptions;
import dev.studybook.output.Renderer;
import dev.studybook.output.Styles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs a build, one way from source to files: outline (book.yaml and index page), conversion of every chapter
 * (while the fonts load), fonts subset once to the book's characters, then each output written atomically:
 * the formats asked for, and the handouts and review sheet when asked.
 */
public final class Builder {

    /** Used when neither SOURCE_DATE_EPOCH nor book.yaml gives a date: the first time a ZIP entry can hold. */
    static final Instant FALLBACK_TIME = Instant.parse("1980-01-01T00:00:02Z");

    private Builder() {
    }

    public static BuildResult build(BuildRequest request, Diagnostics diagnostics) {
        return build(request, diagnostics, BuildSession.once(Progress.NONE));
    }

    /** A build within a session, which reports progress and may remember work from earlier builds. */
    public static BuildResult build(BuildRequest request, Diagnostics diagnostics, BuildSession session) {
        long start = System.nanoTime();
        Progress progress = session.progress();
        session.fonts(); // starts reading the fonts while the index page is read
        progress.update("read", 0, 1, "index page");
        Outline outline = OutlineReader.read(request.contentDir(), request.index(), diagnostics);
        BuildSettings settings = outline.config().build();
        List<Renderer> renderers = renderers(!request.formats().isEmpty() ? request.formats() : settings.formats());
        RenderOptions options = options(request, settings, outline);
        Path outDir = request.outDir().orElseGet(() -> settings.out().map(o -> outline.contentDir().resolve(o).normalize())
                .orElse(Path.of("dist"))).toAbsolutePath().normalize();
        boolean split = request.split().or(settings::split).orElse(false);
        boolean review = request.review().or(settings::review).orElse(false);

        Styles styles = Styles.bundled().withExtra(userCss(outline));
        Converted converted = convert(outline, diagnostics, session);
        Book book = converted.book();
        List<EmbeddedFont> embedded = converted.fonts();
        for (Renderer r : renderers) {
            r.prepare(book, embedded);
        }
        Asset cover = book.cover().orElseGet(() -> new Asset("cover.png", "image/png", null,
                CoverArt.png(book.metadata(), embedded)));
        RenderContext context = new RenderContext(book, embedded, styles, timestamp(book), options, cover,
                Optional.empty(), diagnostics);

        List<Job> jobs = new ArrayList<>();
        for (Renderer r : renderers) {
            jobs.add(new Job(r, context, outDir.resolve(outline.outputName() + "." + r.extension())));
        }
        if (split) {
            for (Derivations.Handout h : Derivations.handouts(book)) {
                jobs.add(new Job(PdfRenderer.handout(), context.withBook(h.book()), outDir.resolve("handouts").resolve(h.fileName())));
            }
        }
        if (review) {
            Optional<Book> sheet = Derivations.review(book);
            if (sheet.isPresent()) {
                jobs.add(new Job(PdfRenderer.review(), context.withBook(sheet.get()),
                        outDir.resolve(outline.outputName() + "-review.pdf")));
            } else {
                diagnostics.warn(SourceLocation.of(outline.indexFile()), Diagnostics.Kind.STRUCTURE, "no chapter has a '## 速记' section (or a heading"
                        + " with the class 'review'), so there is no review sheet");
            }
        }
        List<BuildResult.Output> outputs = run(jobs, outDir, diagnostics, progress);
        return new BuildResult(outputs, diagnostics.warnings(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** The converted book and its fonts, subset to its characters. */
    private record Converted(Book book, List<EmbeddedFont> fonts) {
    }

    /**
     * Converts the chapters and subsets the fonts. The whole fonts (some 100 MB once parsed) are needed only
     * here: once this returns, nothing of a single build refers to them any more and they can be collected
     * while the outputs are written.
     */
    private static Converted convert(Outline outline, Diagnostics diagnostics, BuildSession session) {
        Progress progress = session.progress();
        CompletableFuture<FontSet> fonts = session.fonts();
        CompletableFuture<FontSet> allFonts = userFaces(outline).isEmpty() ? fonts
                : fonts.thenCombine(CompletableFuture.supplyAsync(() -> FontSet.load(userFaces(outline))), FontSet::with);
        int total = outline.chapters().size();
        java.util.concurrent.atomic.AtomicInteger converted = new java.util.concurrent.atomic.AtomicInteger();
        progress.update("convert", 0, total, "");
        Book book = BookConverter.convert(outline, cp -> join(allFonts).covers(cp), diagnostics, session.markdown(),
                () -> progress.update("convert", converted.incrementAndGet(), total, ""));
        Labels labels = Labels.of(book.metadata().language());
        progress.update("fonts", 0, 1, "subsetting");
        List<EmbeddedFont> subsets = session.subsets(characters(book, labels), chars -> join(allFonts).subset(chars));
        session.subsetsMade();
        return new Converted(book, subsets);
    }

    /** The author's fonts from book.yaml, each checked to be a file of the content folder. */
    static List<FontFace> userFaces(Outline outline) {
        List<FontFace> out = new ArrayList<>();
        Path yaml = outline.config().file().orElse(outline.contentDir());
        int n = 0;
        for (BookConfig.FontConfig f : outline.config().fonts()) {
            Path p = inContent(outline, f.file(), SourceLocation.of(yaml, f.line()), "font");
            String stem = p.getFileName().toString().replaceFirst("\\.[^.]+$", "").replaceAll("[^A-Za-z0-9_-]+", "-");
            out.add(new FontFace(f.family(), f.weight(), f.italic(), "user-" + (++n) + "-" + stem + ".ttf", null, p, true));
        }
        return out;
    }

    /** The author's stylesheets from book.yaml, read from the content folder. */
    static List<String> userCss(Outline outline) {
        Path yaml = outline.config().file().orElse(outline.contentDir());
        List<String> out = new ArrayList<>();
        for (String css : outline.config().css()) {
            out.add(TextFiles.read(inContent(outline, css, SourceLocation.of(yaml), "stylesheet"), "stylesheet"));
        }
        return out;
    }

    private static Path inContent(Outline outline, String path, SourceLocation at, String what) {
        ContentFolder content;
        try {
            content = new ContentFolder(outline.contentDir());
        } catch (IOException e) {
            throw StudybookException.content(at, "cannot open the content folder", e.getMessage());
        }
        Path p = content.resolve(content.root(), "/" + path).orElseThrow(() -> StudybookException.content(at,
                "the " + what + " '" + path + "' lies outside the content folder", "put it inside the content folder"));
        if (!Files.isRegularFile(p)) {
            throw StudybookException.content(at, "the " + what + " '" + path + "' does not exist",
                    "give its path relative to the content folder");
        }
        return p;
    }

    /** One file to write. */
    private record Job(Renderer renderer, RenderContext context, Path target) {
    }

    /**
     * Writes every job: first the ones that do not wait for a page map (the PDFs, in parallel), then the ones
     * that mark the PDF's pages (the EPUB). Outputs are listed in the order of the jobs.
     */
    private static List<BuildResult.Output> run(List<Job> jobs, Path outDir, Diagnostics diagnostics, Progress progress) {
        java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
        progress.update("write", 0, jobs.size(), "");
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new StudybookException(ExitCode.OUTPUT, SourceLocation.of(outDir),
                    "cannot create the output folder: " + e.getMessage(), "choose a writable folder with --out");
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
            // Layout recurses once per nesting level of the document.
            Thread t = new Thread(null, r, "studybook-render", 256L * 1024 * 1024);
            t.setDaemon(true);
            return t;
        });
        try {
            Map<Job, CompletableFuture<Written>> futures = new LinkedHashMap<>();
            for (Job j : jobs) {
                if (!j.renderer().usesPageMap()) {
                    futures.put(j, CompletableFuture.supplyAsync(() -> {
                        Written w = write(j.renderer(), j.context(), j.target());
                        progress.update("write", written.incrementAndGet(), jobs.size(), j.target().getFileName().toString());
                        return w;
                    }, pool));
                }
            }
            Optional<PageMap> pages = Optional.empty();
            for (Map.Entry<Job, CompletableFuture<Written>> e : futures.entrySet()) {
                if (e.getKey().context().book() == jobs.get(0).context().book() && pages.isEmpty()) {
                    pages = join(e.getValue()).pages();
                }
            }
            for (Job j : jobs) {
                if (j.renderer().usesPageMap()) {
                    RenderContext c = pages.map(j.context()::withPages).orElse(j.context());
                    futures.put(j, CompletableFuture.supplyAsync(() -> {
                        Written w = write(j.renderer(), c, j.target());
                        progress.update("write", written.incrementAndGet(), jobs.size(), j.target().getFileName().toString());
                        return w;
                    }, pool));
                }
            }
            List<BuildResult.Output> outputs = new ArrayList<>();
            for (Job j : jobs) {
                Written w = join(futures.get(j));
                outputs.add(w.output());
                if (j.renderer().name().equals("epub") && w.output().bytes() > EPUB_WARNING_BYTES) {
                    diagnostics.warn(SourceLocation.of(j.target()), Diagnostics.Kind.OUTPUT, String.format(java.util.Locale.ROOT,
                            "the EPUB is %.0f MB; Send to Kindle takes at most 50 MB: make images smaller", w.output().bytes() / 1048576.0));
                }
            }
            return outputs;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Send to Kindle refuses larger files. */
    static final long EPUB_WARNING_BYTES = 50L * 1024 * 1024;

    private record Written(BuildResult.Output output, Optional<PageMap> pages) {
    }

    private static Written write(Renderer r, RenderContext c, Path target) {
        List<Optional<PageMap>> pages = new ArrayList<>(List.of(Optional.empty()));
        AtomicOutput.write(target, out -> pages.set(0, r.render(c, out)));
        return new Written(new BuildResult.Output(r.name(), target, size(target)), pages.get(0));
    }

    private static RenderOptions options(BuildRequest request, BuildSettings settings, Outline outline) {
        Paper paper = RenderOptions.DEFAULTS.paper();
        if (request.paper().isPresent()) {
            paper = Paper.parse(request.paper().get()).orElseThrow(() -> new StudybookException(ExitCode.USAGE, null,
                    "unknown paper '" + request.paper().get() + "'", "use one of: A4, A5, B5, Letter"));
        } else if (settings.paper().isPresent()) {
            paper = Paper.parse(settings.paper().get()).orElseThrow(() -> StudybookException.content(
                    SourceLocation.of(outline.config().file().orElse(outline.contentDir())),
                    "unknown paper '" + settings.paper().get() + "' in book.yaml", "use one of: A4, A5, B5, Letter"));
        }
        boolean pdfA = request.pdfA().or(settings::pdfA).orElse(false);
        boolean embed = request.embedFonts().or(settings::embedFonts).orElse(true);
        int depth = settings.tocDepth().orElse(RenderOptions.DEFAULTS.tocDepth());
        return new RenderOptions(paper, pdfA, embed, depth);
    }

    private static List<Renderer> renderers(List<String> names) {
        List<String> wanted = names.isEmpty() ? Formats.names() : names;
        Set<Renderer> out = new LinkedHashSet<>();
        for (String n : wanted) {
            out.add(Formats.byName(n).orElseThrow(() -> new StudybookException(ExitCode.USAGE, null,
                    "unknown format '" + n + "'", "use one of: " + String.join(", ", Formats.names()))));
        }
        return List.copyOf(out);
    }

    /**
     * Every character the outputs may draw: the book's text, the labels of its SVG figures (their source as a
     * whole: markup is ASCII), the generated labels, and printable ASCII.
     */
    static String characters(Book book, Labels labels) {
        StringBuilder sb = new StringBuilder(book.visibleText());
        for (Asset a : book.assets()) {
            if (a.mediaType().equals("image/svg+xml")) {
                sb.append(new String(a.data(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        sb.append(labels.contents()).append(labels.bodymatter()).append(labels.titlePage()).append(labels.landmarks())
                .append(labels.review()).append(labels.handout()).append(labels.cover());
        for (char c = 0x20; c < 0x7F; c++) {
            sb.append(c);
        }
        sb.append("\u00a0\u3000\u2026\u2014\u2013\u00b7\u2610\u2611[]");
        return sb.toString();
    }

    /**
     * The time written into the outputs: SOURCE_DATE_EPOCH when set (reproducible-builds.org), else the
     * book's date, else a fixed date; never the clock, so that two builds give the same bytes.
     */
    static Instant timestamp(Book book) {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch != null && epoch.strip().matches("\\d{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(epoch.strip()));
        }
        Optional<java.time.LocalDate> date = book.metadata().date();
        return date.map(d -> d.atStartOfDay().toInstant(ZoneOffset.UTC)).orElse(FALLBACK_TIME);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof StudybookException se) {
                throw se;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new StudybookException(ExitCode.INTERNAL, null, String.valueOf(c), null, c);
        }
    }
}
