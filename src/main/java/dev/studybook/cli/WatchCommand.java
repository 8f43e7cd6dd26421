package dev.studybook.cli;

import dev.studybook.build.BuildResult;
import dev.studybook.build.Watcher;
import dev.studybook.config.Request;
import dev.studybook.error.ExitCode;
import java.io.IOException;
import java.io.UncheckedIOException;
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

/** {@code studybook watch}: rebuilds on every saved change until stopped with Ctrl-C. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Build the book, then rebuild it whenever a file of the content folder is saved, saying what",
            "changed and how long the rebuild took. Only changed chapters are converted again. Stop with Ctrl-C."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  studybook watch --format epub        the fastest loop while writing",
            "  studybook watch --content ~/mybook --out ~/mybook/dist"})
public final class WatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    BookLocation book;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write (default: dist).")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",", description = "Formats to write: epub, pdf (default: both).")
    List<String> formats = List.of();

    @Override
    public Integer call() {
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), common);
        Path dir = book.dir();
        Request request = book.apply(new Request(dir, book.index(), Optional.of(out != null ? out : Path.of("dist")), formats,
                Set.of(), Map.of()));
        console.info("watching " + Main.display(dir) + " (Ctrl-C to stop)");
        Watcher w = new Watcher(request, r -> {
            String why = r.changed().isEmpty() ? "first build" : "changed: " + String.join(", ", r.changed());
            if (r.error() != null) {
                spec.commandLine().getErr().println("error: " + r.error().oneLine());
                spec.commandLine().getErr().flush();
                console.info(why + "; build failed in " + seconds(r.millis()) + ", waiting for the next change");
                return;
            }
            console.warnings(r.result().warnings());
            console.info(why + "; rebuilt in " + seconds(r.millis()) + ": " + r.result().outputs().stream()
                    .map(o -> Main.display(o.file()) + " (" + Console.size(o.bytes()) + ")").collect(Collectors.joining(", ")));
        });
        try {
            w.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ExitCode.OK.code();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }
}
