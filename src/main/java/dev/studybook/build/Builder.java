package dev.studybook.build;

import dev.studybook.config.Request;
import dev.studybook.config.Settings;
import dev.studybook.convert.BookConverter;
import dev.studybook.cover.CoverArt;
import dev.studybook.error.Diagnostics;
import dev.studybook.error.ExitCode;
import dev.studybook.error.SourceLocation;
import dev.studybook.error.StudybookException;
import dev.studybook.error.Tasks;
import dev.studybook.fonts.EmbeddedFont;
import dev.studybook.fonts.FontSet;
import dev.studybook.io.AtomicOutput;
import dev.studybook.load.BookLoader;
import dev.studybook.load.LoadedBook;
import dev.studybook.model.Asset;
import dev.studybook.model.Book;
import dev.studybook.output.Labels;
import dev.studybook.output.Output;
import dev.studybook.output.OutputContext;
import dev.studybook.output.OutputFile;
import dev.studybook.output.PageMap;
import dev.studybook.output.Styles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a build, one way from source to files: the book loaded (settings, outline, chapters through the
 * preprocessors), every chapter converted (while the fonts load), the fonts subset once to the book's characters,
 * then each output's files written atomically, the PDF's before the EPUB's, which marks the PDF's pages.
 */
public final class Builder {

    /** Used when neither SOURCE_DATE_EPOCH nor book.yaml gives a date: the first time a ZIP entry can hold. */
    static final Instant FALLBACK_TIME = Instant.parse("1980-01-01T00:00:02Z");

    private Builder() {
    }

    public static BuildResult build(Request request, Diagnostics diagnostics) {
        return build(request, diagnostics, BuildSession.once(Progress.NONE), Outputs.DEFAULT);
    }

    /** A build within a session, which reports progress and may remember work from earlier builds. */
    public static BuildResult build(Request request, Diagnostics diagnostics, BuildSession session) {
        return build(request, diagnostics, session, Outputs.DEFAULT);
    }

    /** A build that may write any of {@code outputs}. */
    public static BuildResult build(Request request, Diagnostics diagnostics, BuildSession session, Outputs outputs) {
        long start = System.nanoTime();
        sourceDateEpoch(System.getenv("SOURCE_DATE_EPOCH")); // checked before any work
        session.begin();
        Progress progress = session.progress();
        session.fonts(List.of()); // starts reading the fonts while the book is read (and Java2D starts)
        dev.studybook.io.HostName.startFontsWithoutLookup();
        progress.update("read", 0, 1, "index page");
        LoadedBook loaded = BookLoader.load(request, outputs.specs(), diagnostics);
        Settings settings = loaded.settings();
        List<Output> chosen = settings.outputs().stream().map(n -> outputs.byName(n).orElseThrow()).toList();
        Styles styles = Styles.bundled().withExtra(loaded.css());
        CompletableFuture<FontSet> fonts = session.fonts(loaded.fonts());
        Book book = convert(loaded, fonts, diagnostics, session);
        progress.update("fonts", 0, 1, "subsetting");
        Labels labels = Labels.of(book.metadata().language());
        StringBuilder extra = new StringBuilder();
        chosen.forEach(o -> extra.append(o.characters(labels)));
        String text = characters(book, labels) + extra;
        String figures = figureText(book);
        List<EmbeddedFont> embedded = session.subsets(text + '\u0000' + figures, chars -> join(fonts).subset(text,
                figures));
        session.subsetsMade();
        for (Output o : chosen) {
            o.prepare(book, embedded);
        }
        // The drawn cover (a few tenths of a second) is made beside the outputs' other work; they wait for it only
        // when they write it.
        CompletableFuture<Asset> drawing = book.cover().map(CompletableFuture::completedFuture)
                .orElseGet(() -> CompletableFuture.supplyAsync(() -> new Asset("cover.png", "image/png", null,
                        CoverArt.png(book.metadata(), embedded)), Builder::daemon));
        java.util.function.Supplier<Asset> cover = () -> join(drawing);
        Instant time = timestamp(book);
        String baseName = loaded.outline().outputName();
        List<Job> jobs = new ArrayList<>();
        for (Output o : chosen) {
            OutputContext context = new OutputContext(book, embedded, styles, time, settings.tocDepth(),
                    settings.options(o.name()), cover, settings.outDir(), baseName, diagnostics);
            for (OutputFile f : o.files(context)) {
                jobs.add(new Job(o.name(), f, settings.outDir().resolve(f.path())));
            }
        }
        List<BuildResult.Output> written = run(jobs, settings.outDir(), progress, session);
        return new BuildResult(written, diagnostics.warnings(), Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Converts the loaded book's chapters, reporting characters that no font of the book has: what {@code build}
     * and {@code check} both do, so that they find the same problems.
     */
    public static Book convert(LoadedBook loaded, Diagnostics diagnostics, BuildSession session) {
        dev.studybook.io.HostName.startFontsWithoutLookup();
        return convert(loaded, session.fonts(loaded.fonts()), diagnostics, session);
    }

    private static Book convert(LoadedBook loaded, CompletableFuture<FontSet> fonts, Diagnostics diagnostics,
            BuildSession session) {
        Progress progress = session.progress();
        int total = loaded.chapters().size();
        AtomicInteger converted = new AtomicInteger();
        progress.update("convert", 0, total, "");
        return BookConverter.convert(loaded, cp -> join(fonts).covers(cp), diagnostics, session.markdown(),
                () -> progress.update("convert", converted.incrementAndGet(), total, ""));
    }

    /** Runs a task on a thread of its own that does not keep the process alive. */
    private static void daemon(Runnable task) {
        Thread t = new Thread(task, "studybook-cover");
        t.setDaemon(true);
        t.start();
    }

    /** One file to write, of the named output. */
    private record Job(String output, OutputFile file, Path target) {
    }

    /**
     * Writes every job: first the ones that do not mark a page map (the PDFs, in parallel), then the ones that
     * mark the whole book's printed pages (the EPUB). Outputs are listed in the order of the jobs.
     */
    private static List<BuildResult.Output> run(List<Job> jobs, Path outDir, Progress progress, BuildSession session) {
        AtomicInteger written = new AtomicInteger();
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
        Staging staging = new Staging();
        try {
            Map<Job, CompletableFuture<Optional<PageMap>>> futures = new LinkedHashMap<>();
            for (Job j : jobs) {
                if (j.file().pages() != OutputFile.Pages.MARKS) {
                    futures.put(j, CompletableFuture.supplyAsync(() -> write(j, Optional.empty(), written, jobs.size(),
                            progress, staging), pool));
                }
            }
            Optional<PageMap> pages = Optional.empty();
            for (Map.Entry<Job, CompletableFuture<Optional<PageMap>>> e : futures.entrySet()) {
                if (e.getKey().file().pages() == OutputFile.Pages.LAYS_OUT && pages.isEmpty()) {
                    pages = join(e.getValue());
                }
            }
            for (Job j : jobs) {
                if (j.file().pages() == OutputFile.Pages.MARKS) {
                    Optional<PageMap> map = pages;
                    futures.put(j, CompletableFuture.supplyAsync(() -> write(j, map, written, jobs.size(), progress,
                            staging), pool));
                }
            }
            for (Job j : jobs) {
                join(futures.get(j));
            }
            // Every file is complete: only now do they replace the earlier outputs, all together.
            if (!session.startCommit()) {
                throw new StudybookException(ExitCode.INTERRUPTED, null, "the build was stopped", null);
            }
            AtomicOutput.commitAll(staging.finish());
            List<BuildResult.Output> outputs = new ArrayList<>();
            for (Job j : jobs) {
                outputs.add(new BuildResult.Output(j.output(), j.target(), size(j.target())));
            }
            return outputs;
        } finally {
            staging.abort();
            pool.shutdownNow();
        }
    }

    /**
     * The files of a build written so far: committed together when all are, else discarded, also those that a
     * still-running job finishes after another failed.
     */
    private static final class Staging {
        private final List<AtomicOutput.Staged> staged = new ArrayList<>();
        private boolean closed;

        synchronized void add(AtomicOutput.Staged s) {
            if (closed) {
                s.discard();
            } else {
                staged.add(s);
            }
        }

        synchronized List<AtomicOutput.Staged> finish() {
            closed = true;
            return List.copyOf(staged);
        }

        synchronized void abort() {
            closed = true;
            staged.forEach(AtomicOutput.Staged::discard);
        }
    }

    private static Optional<PageMap> write(Job j, Optional<PageMap> pages, AtomicInteger written, int total,
            Progress progress, Staging staging) {
        List<Optional<PageMap>> made = new ArrayList<>(List.of(Optional.empty()));
        try (AutoCloseable at = dev.studybook.error.Activity.at(j.target().getFileName().toString())) {
            staging.add(AtomicOutput.stage(j.target(), out -> made.set(0, j.file().writer().write(out, pages))));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        progress.update("write", written.incrementAndGet(), total, j.target().getFileName().toString());
        return made.get(0);
    }

    /**
     * Every character the PDF lays out: the book's text (task boxes ☐ ☑ are in its chapters' XHTML when the
     * book has task lists), the generated labels, and printable ASCII.
     */
    static String characters(Book book, Labels labels) {
        StringBuilder sb = new StringBuilder(book.visibleText());
        sb.append(labels.contents()).append(labels.bodymatter()).append(labels.titlePage()).append(labels.landmarks())
                .append(labels.review()).append(labels.handout()).append(labels.cover());
        for (char c = 0x20; c < 0x7F; c++) {
            sb.append(c);
        }
        sb.append("\u00a0\u3000\u2026\u2014\u2013\u00b7[]");
        return sb.toString();
    }

    /** The sources of the book's SVG pictures (markup is ASCII), whose labels the PDF may draw in the book's fonts. */
    static String figureText(Book book) {
        StringBuilder sb = new StringBuilder();
        for (Asset a : book.assets()) {
            if (a.mediaType().equals("image/svg+xml")) {
                sb.append(new String(a.data(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }

    /**
     * The time written into the outputs: SOURCE_DATE_EPOCH when set (reproducible-builds.org), else the
     * book's date, else a fixed date; never the clock, so that two builds give the same bytes.
     */
    static Instant timestamp(Book book) {
        return timestamp(book, System.getenv("SOURCE_DATE_EPOCH"));
    }

    /** The earliest SOURCE_DATE_EPOCH a ZIP entry can hold: 1980-01-01. */
    static final long MIN_EPOCH = dev.studybook.config.BookConfigReader.MIN_DATE.atStartOfDay().toEpochSecond(ZoneOffset.UTC);

    /** The last SOURCE_DATE_EPOCH a ZIP entry's DOS time can hold: the end of 2107. */
    static final long MAX_EPOCH = dev.studybook.config.BookConfigReader.MAX_DATE.plusDays(1).atStartOfDay()
            .toEpochSecond(ZoneOffset.UTC) - 2;

    static Instant timestamp(Book book, String epoch) {
        Optional<Instant> given = sourceDateEpoch(epoch);
        if (given.isPresent()) {
            return given.get();
        }
        Optional<java.time.LocalDate> date = book.metadata().date();
        return date.map(d -> d.atStartOfDay().toInstant(ZoneOffset.UTC)).orElse(FALLBACK_TIME);
    }

    /** SOURCE_DATE_EPOCH's time when it is set; an error when it is not a time a ZIP entry can hold. */
    static Optional<Instant> sourceDateEpoch(String epoch) {
        if (epoch != null && !epoch.isBlank()) {
            String e = epoch.strip();
            if (!e.matches("\\d{1,19}") || e.length() > 12 || Long.parseLong(e) < MIN_EPOCH || Long.parseLong(e) > MAX_EPOCH) {
                throw new StudybookException(ExitCode.CONTENT, null, "SOURCE_DATE_EPOCH='"
                        + (e.length() > 30 ? e.substring(0, 30) + "…" : e) + "' is not a time an EPUB's ZIP file can hold"
                        + " (seconds since 1970 from " + MIN_EPOCH + " to " + MAX_EPOCH + ", the years 1980 to 2107)",
                        "set it to a time in that range, e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it");
            }
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(e)));
        }
        return Optional.empty();
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T join(CompletableFuture<T> f) {
        return Tasks.join(f);
    }
}
