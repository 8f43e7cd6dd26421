package dev.studybook.cli;

import dev.studybook.build.BuildRequest;
import dev.studybook.build.BuildResult;
import dev.studybook.build.Builder;
import dev.studybook.error.Diagnostics;
import dev.studybook.error.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
            "  studybook build --index SUMMARY.md   use another index page"})
public final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--content", paramLabel = "DIR",
            description = "The book's folder (default: ./content when it exists, else the current folder).")
    Path content;

    @Option(names = "--index", paramLabel = "FILE",
            description = "The index page that lists the chapters (default: SUMMARY.md or README.md in the content folder).")
    Path index;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "dist", description = "Where to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",",
            description = "Formats to write, comma-separated: epub, pdf (default: both).")
    List<String> formats = List.of();

    @Override
    public Integer call() {
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), common);
        Path dir = content != null ? content : Files.isDirectory(Path.of("content")) ? Path.of("content") : Path.of(".");
        Diagnostics diagnostics = new Diagnostics();
        BuildResult result;
        try {
            result = Builder.build(new BuildRequest(dir, Optional.ofNullable(index), out,
                    formats.stream().map(f -> f.toLowerCase(Locale.ROOT)).toList()), diagnostics);
        } finally {
            console.warnings(diagnostics.warnings());
        }
        String written = result.outputs().stream()
                .map(o -> Main.display(o.file()) + " (" + Console.size(o.bytes()) + ")")
                .collect(Collectors.joining(", "));
        console.info(String.format(Locale.ROOT, "wrote %s in %.1f s", written, result.elapsed().toMillis() / 1000.0));
        return ExitCode.OK.code();
    }
}
