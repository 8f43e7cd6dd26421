package dev.studybook.cli;

import dev.studybook.build.Outputs;
import dev.studybook.config.Request;
import dev.studybook.load.BookLoader;
import dev.studybook.load.LoadedBook;
import dev.studybook.codetest.CodeTestReport;
import dev.studybook.codetest.CodeTester;
import dev.studybook.error.Diagnostics;
import dev.studybook.error.ExitCode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code studybook test}: compiles, checks and runs the book's code blocks. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Compile, check and run the book's code blocks with the commands configured for their language",
            "(book.yaml 'test:'; Go and Python have presets), and compare each program's output with the",
            "'输出' block shown after it."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  studybook test                       test the code of content/",
            "  studybook test --require go          fail, rather than skip, when Go is not installed",
            "  STUDYBOOK_REQUIRE=go studybook test  the same, for CI"})
public final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    BookLocation book;

    @Option(names = "--require", paramLabel = "LANG", split = ",",
            description = "Languages whose tools must be installed (default: $STUDYBOOK_REQUIRE).")
    List<String> require = List.of();

    @Option(names = "--jobs", paramLabel = "N", description = "Blocks tested at once (default: the number of processors).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() {
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), common);
        Path dir = book.dir();
        Diagnostics diagnostics = new Diagnostics();
        LoadedBook loaded = BookLoader.load(book.apply(Request.read(dir, book.index())), Outputs.DEFAULT.specs(),
                diagnostics);
        console.warnings(diagnostics.warnings());
        Set<String> required = new HashSet<>();
        require.forEach(r -> required.add(r.strip().toLowerCase(Locale.ROOT)));
        String env = System.getenv("STUDYBOOK_REQUIRE");
        if (env != null && !env.isBlank()) {
            Arrays.stream(env.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).forEach(required::add);
        }
        long start = System.nanoTime();
        CodeTestReport r = CodeTester.run(loaded, required, jobs);
        for (CodeTestReport.Failure f : r.failures()) {
            spec.commandLine().getErr().println("error: " + f);
        }
        spec.commandLine().getErr().flush();
        for (String s : r.skipped()) {
            console.info("skipped: " + s);
        }
        if (!r.untested().isEmpty()) {
            console.info("not tested (no test settings): " + r.untested());
        }
        console.info(String.format(Locale.ROOT, "tested %d programs (%d outputs compared) and %d fragments%s: %d failed, in %.1f s",
                r.programs(), r.compared(), r.fragments(), r.ignored() > 0 ? ", " + r.ignored() + " ignored" : "",
                r.failures().size(), (System.nanoTime() - start) / 1e9));
        return r.passed() ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
    }
}
