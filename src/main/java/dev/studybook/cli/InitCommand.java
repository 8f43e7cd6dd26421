package dev.studybook.cli;

import dev.studybook.error.ExitCode;
import dev.studybook.error.SourceLocation;
import dev.studybook.error.StudybookException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code studybook init}: a new book that builds and passes the checks at once. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Start a new book: book.yaml, an index page, two short sample chapters and a picture.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  studybook init mybook                a new book in ./mybook",
            "  studybook init mybook && studybook build --content mybook --out mybook/dist"})
public final class InitCommand implements Callable<Integer> {

    /** The files of a new book, as resources of the jar. */
    static final List<String> FILES = List.of("book.yaml", "README.md", "01-start.md", "02-pictures-and-code.md",
            "images/flow.svg");

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Where to create the book (default: the current folder).")
    Path dir = Path.of(".");

    @Override
    public Integer call() {
        for (String f : FILES) {
            // NOFOLLOW: a dangling symbolic link exists too, and writing through it would create a file elsewhere.
            for (Path p = dir.resolve(f); p != null && !p.equals(dir); p = p.getParent()) {
                if (Files.isSymbolicLink(p)) {
                    throw new StudybookException(ExitCode.USAGE, SourceLocation.of(p), "this is a symbolic link; init"
                            + " never writes through one, so that it creates files only inside " + Main.display(dir),
                            "choose an empty or new folder");
                }
            }
            if (Files.exists(dir.resolve(f), LinkOption.NOFOLLOW_LINKS)) {
                throw new StudybookException(ExitCode.USAGE, SourceLocation.of(dir.resolve(f)),
                        "this file exists already; init never overwrites", "choose an empty or new folder");
            }
        }
        try {
            for (String f : FILES) {
                String text;
                try (InputStream in = InitCommand.class.getResourceAsStream("/studybook/init/" + f)) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                text = text.replace("{uuid}", UUID.randomUUID().toString()).replace("{date}", LocalDate.now().toString());
                Path target = dir.resolve(f);
                Files.createDirectories(target.getParent());
                // CREATE_NEW (O_EXCL) refuses a symbolic link put in place since the check above.
                Files.writeString(target, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            }
        } catch (IOException e) {
            throw new StudybookException(ExitCode.OUTPUT, SourceLocation.of(dir), "cannot write the new book: " + e.getMessage(),
                    "check that the folder is writable");
        }
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), common);
        console.info("created a book in " + Main.display(dir) + ": " + String.join(", ", FILES));
        console.info("build it: studybook build --content " + Main.display(dir) + " --out " + Main.display(dir.resolve("dist")));
        return ExitCode.OK.code();
    }
}
