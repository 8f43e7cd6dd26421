package dev.studybook.cli;

import dev.studybook.check.BookChecker;
import dev.studybook.check.Finding;
import dev.studybook.config.Request;
import dev.studybook.error.ExitCode;
import dev.studybook.io.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code studybook check}: everything that can be found wrong without building, one line per finding. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Find what is wrong with the book without building it: links, anchors and images that lead",
            "nowhere, characters no font has, files no index links to, chapters with the same title, code in",
            "languages studybook does not highlight. Exit code 1 when something is an error."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  studybook check                      check content/",
            "  studybook check --content ~/mybook",
            "  studybook check --format json        for CI: one JSON object with every finding"})
public final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    BookLocation book;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default): file:line: message per finding; json: one JSON document.")
    String format;

    @Override
    public Integer call() {
        Path dir = book.dir();
        List<Finding> findings = BookChecker.check(Request.read(dir, book.index()));
        long errors = findings.stream().filter(Finding::error).count();
        long warnings = findings.size() - errors;
        PrintWriter out = spec.commandLine().getOut();
        if (format.equalsIgnoreCase("json")) {
            out.println(json(findings, errors, warnings));
        } else {
            findings.forEach(out::println);
            if (!common.quiet) {
                out.println(String.format(Locale.ROOT, "%d error%s, %d warning%s", errors, errors == 1 ? "" : "s",
                        warnings, warnings == 1 ? "" : "s"));
            }
        }
        out.flush();
        return errors > 0 ? ExitCode.CONTENT.code() : ExitCode.OK.code();
    }

    static String json(List<Finding> findings, long errors, long warnings) {
        StringBuilder sb = new StringBuilder("{\n  \"errors\": ").append(errors).append(",\n  \"warnings\": ")
                .append(warnings).append(",\n  \"findings\": [");
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("    {\"file\": ")
                    .append(f.location() == null ? "null" : Json.string(f.location().displayPath()))
                    .append(", \"line\": ").append(f.location() == null ? 0 : f.location().line())
                    .append(", \"severity\": ").append(Json.string(f.error() ? "error" : "warning"))
                    .append(", \"kind\": ").append(Json.string(f.kind().name().toLowerCase(Locale.ROOT)))
                    .append(", \"message\": ").append(Json.string(f.message())).append('}');
        }
        return sb.append(findings.isEmpty() ? "]\n}" : "\n  ]\n}").toString();
    }
}
