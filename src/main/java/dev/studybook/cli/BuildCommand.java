package dev.studybook.cli;

import dev.studybook.build.BuildResult;
import dev.studybook.build.BuildSession;
import dev.studybook.build.Builder;
import dev.studybook.error.Activity;
import dev.studybook.error.StudybookException;
import dev.studybook.error.Tasks;
import java.util.concurrent.CompletableFuture;
import dev.studybook.build.Progress;
import dev.studybook.error.Diagnostics;
import dev.studybook.config.Request;
import dev.studybook.error.ExitCode;
import dev.studybook.error.OutOfMemory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code studybook build}: writes the EPUB and PDF of a book. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the book's EPUB and PDF.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  studybook build                      content/ -> dist/<name>.epub and .pdf",
            "  studybook build --format epub        only the EPUB",
            "  studybook build --content ~/mybook --out ~/ebooks",
            "  studybook build --index SUMMARY.md   use another index page",
            "  studybook build --content repo --index ~/saved/README.md",
            "                                       an index page saved outside the repository it lists",
            "  studybook build --skip-missing       build without the chapters whose files do not exist",
            "  studybook build --paper A5 --split --review",
            "                                       phone-sized PDF, one handout per chapter, a review sheet",
            "  studybook build --format pdf,anki --quiz",
            "                                       the PDF, an Anki deck and a self-test of the book's questions"})
public final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    BookLocation book;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write (default: dist).")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",",
            description = "Outputs to write, comma-separated: epub, pdf, handouts, review, quiz, anki (default: epub,pdf).")
    List<String> formats = List.of();

    @Option(names = "--paper", paramLabel = "SIZE", description = "The PDF's paper: A4 (default), A5, B5 or Letter.")
    String paper;

    @Option(names = "--split", description = "Also write one PDF handout per chapter to <out>/handouts/.")
    boolean split;

    @Option(names = "--review", description = "Also write <name>-review.pdf: every chapter's '## 速记' section on a few pages.")
    boolean review;

    @Option(names = "--quiz", description = "Also write <name>-quiz.pdf: the book's questions with room to write, answers at the end.")
    boolean quiz;

    @Option(names = "--pdf-a", description = "Make the PDF PDF/A-2b as well as PDF/UA-1, for archiving.")
    boolean pdfA;

    @Option(names = "--fetch-remote", description = "Download remote pictures (http/https) into a cache folder and put"
            + " them in the book (default: their alt text and address are shown).")
    boolean fetchRemote;

    @Option(names = "--print", description = "Make the PDF for printing on both sides: chapters open on right-hand pages.")
    boolean print;

    @Option(names = "--no-embed-fonts", description = "Leave the fonts out of the EPUB: readers use their own.")
    boolean noEmbedFonts;

    @Option(names = "--timeout", paramLabel = "TIME", description = "Stop a build that runs longer than this:"
            + " seconds, or with a unit, e.g. 90s, 10m, 1h (default: 10m).")
    String timeout = "10m";

    /** The default time a build may take before the watchdog stops it. */
    static final java.time.Duration DEFAULT_TIMEOUT = java.time.Duration.ofMinutes(10);

    /** Reads a --timeout value: {@code 90}, {@code 90s}, {@code 10m}, {@code 1h}, {@code 500ms}. */
    static java.time.Duration duration(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,7})(ms|s|m|h)?").matcher(s.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new StudybookException(ExitCode.USAGE, null, "--timeout '" + s + "' is not a time",
                    "write seconds or a number with a unit, e.g. --timeout 90s, --timeout 30m");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> java.time.Duration.ofMillis(n);
            case "m" -> java.time.Duration.ofMinutes(n);
            case "h" -> java.time.Duration.ofHours(n);
            default -> java.time.Duration.ofSeconds(n);
        };
    }

    /** How a message shows a time limit: "10m", "90s", "500ms". */
    static String show(java.time.Duration d) {
        if (d.toMillis() % 60_000 == 0) {
            return d.toMinutes() + "m";
        }
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /**
     * Runs the build under a watchdog: past {@code limit} it is stopped (its staged outputs discarded, the earlier
     * ones left as they were) and the error names the stage and what it was working on.
     */
    static BuildResult watched(Request request, Diagnostics diagnostics, Progress progress, java.time.Duration limit) {
        String[] stage = {"read", ""};
        Progress recording = (s, done, total, item) -> {
            synchronized (stage) {
                stage[0] = s;
                stage[1] = done + "/" + total;
            }
            progress.update(s, done, total, item);
        };
        BuildSession session = BuildSession.once(recording);
        CompletableFuture<BuildResult> result = new CompletableFuture<>();
        Thread t = new Thread(null, () -> {
            try {
                result.complete(Builder.build(request, diagnostics, session));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "studybook-build", 64L * 1024 * 1024);
        t.setDaemon(true);
        OutOfMemory.reset();
        t.start();
        try {
            return await(result, t, limit);
        } catch (java.util.concurrent.TimeoutException e) {
            String where = Activity.current().map(a -> " at " + a).orElse("");
            if (!session.stop()) {
                // It was already moving its outputs into place: a moment more gives a complete set.
                return join(result);
            }
            t.interrupt();
            String s;
            synchronized (stage) {
                s = stage[0] + (stage[1].equals("0/0") || stage[1].isEmpty() ? "" : " (" + stage[1] + ")");
            }
            throw new StudybookException(ExitCode.CONTENT, null, "the build took longer than " + show(limit)
                    + " and was stopped in stage '" + s + "'" + where + "; earlier outputs are left as they were",
                    "raise the limit with --timeout (e.g. --timeout 30m), or look at what makes that stage slow");
        } catch (InterruptedException e) {
            session.stop();
            t.interrupt();
            Thread.currentThread().interrupt();
            throw new StudybookException(ExitCode.INTERRUPTED, null, "interrupted", null);
        } catch (java.util.concurrent.ExecutionException e) {
            return join(result);
        }
    }

    /**
     * The build's result, waited for at most {@code limit}. A thread that died of an OutOfMemoryError (the build's
     * own, while handing on its failure, or a worker the build waits for) completes nothing: that ends the wait at
     * once, as the OutOfMemoryError the command line explains, and the build is stopped.
     */
    static <T> T await(CompletableFuture<T> result, Thread build, java.time.Duration limit)
            throws InterruptedException, java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new java.util.concurrent.TimeoutException();
            }
            try {
                return result.get(Math.min(left, POLL_NANOS), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                if (!result.isDone() && (OutOfMemory.seen() || !build.isAlive())) {
                    build.interrupt();
                    throw new OutOfMemoryError("a thread of the build ran out of memory");
                }
            }
        }
    }

    /** How often the watchdog looks for threads that died of an OutOfMemoryError. */
    private static final long POLL_NANOS = 250_000_000L;

    private static BuildResult join(CompletableFuture<BuildResult> result) {
        return Tasks.join(result);
    }

    /** The command line as a request: each flag is a setting that wins over book.yaml. */
    Request request(Path dir) {
        Request r = book.apply(new Request(dir, book.index(), Optional.ofNullable(out), formats, Set.of(), Map.of()));
        if (paper != null) {
            r = r.withOption("pdf.paper", paper);
        }
        if (pdfA) {
            r = r.withOption("pdf.pdf-a", "true");
        }
        if (print) {
            r = r.withOption("pdf.print", "true");
        }
        if (noEmbedFonts) {
            r = r.withOption("epub.embed-fonts", "false");
        }
        if (split) {
            r = r.withSwitch("split");
        }
        if (review) {
            r = r.withSwitch("review");
        }
        if (fetchRemote) {
            r = r.withSwitch(dev.studybook.config.SettingsResolver.FETCH_REMOTE);
        }
        if (quiz) {
            r = r.withSwitch("quiz");
        }
        return r;
    }

    @Override
    public Integer call() {
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), common);
        Path dir = book.dir();
        Diagnostics diagnostics = new Diagnostics();
        boolean terminal = System.console() != null;
        ProgressPrinter progress = common.quiet ? null
                : new ProgressPrinter(terminal ? spec.commandLine().getErr() : spec.commandLine().getOut(), terminal);
        StageTimes times = new StageTimes(progress == null ? Progress.NONE : progress);
        java.time.Duration limit = duration(timeout);
        BuildResult result;
        try {
            result = watched(request(dir), diagnostics, times, limit);
        } finally {
            if (progress != null) {
                progress.finish();
            }
            console.warnings(diagnostics.warnings());
        }
        List<BuildResult.Output> shown = result.outputs().stream().filter(o -> !o.file().getParent().getFileName().toString()
                .equals("handouts")).toList();
        String written = shown.stream()
                .map(o -> Main.display(o.file()) + " (" + Console.size(o.bytes()) + ")")
                .collect(Collectors.joining(", "));
        long handouts = result.outputs().size() - shown.size();
        if (handouts > 0) {
            written += ", " + handouts + " handouts in " + Main.display(result.outputs().stream()
                    .filter(o -> !shown.contains(o)).findFirst().orElseThrow().file().getParent());
        }
        if (common.verbose) {
            console.info("timings: " + times.summary() + "; JVM up " + String.format(Locale.ROOT, "%.2f s",
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0));
        }
        console.info(String.format(Locale.ROOT, "wrote %s in %.1f s", written, result.elapsed().toMillis() / 1000.0));
        return ExitCode.OK.code();
    }
}
