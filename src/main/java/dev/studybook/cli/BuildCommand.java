package dev.studybook.cli;

import dev.studybook.build.BuildResult;
import dev.studybook.build.BuildSession;
import dev.studybook.build.Builder;
import dev.studybook.build.Progress;
import dev.studybook.error.Diagnostics;
import dev.studybook.config.Request;
import dev.studybook.error.ExitCode;
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
        BuildResult result;
        try {
            result = Builder.build(request(dir), diagnostics, BuildSession.once(times));
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
