package dev.studybook.cli;

import dev.studybook.config.Request;
import dev.studybook.config.SettingsResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the book is: the options every command that reads a book takes, and their defaults. */
public final class BookLocation {

    @Option(names = "--content", paramLabel = "DIR",
            description = "The book's folder (default: ./content when it exists, else the current folder).")
    Path content;

    @Option(names = "--index", paramLabel = "FILE",
            description = {"The index page that lists the chapters (default: SUMMARY.md, _sidebar.md or README.md in the",
                "content folder); it may lie anywhere, its relative links lead into the content folder."})
    Path index;

    @Option(names = "--skip-missing",
            description = "Leave out the chapters the index page lists that do not exist, with a warning each, instead of stopping.")
    boolean skipMissing;

    /** The content folder: --content, else ./content when it exists, else the current folder. */
    Path dir() {
        if (content != null) {
            return content;
        }
        return Files.isDirectory(Path.of("content")) ? Path.of("content") : Path.of(".");
    }

    Optional<Path> index() {
        return Optional.ofNullable(index);
    }

    /** The request with what these options ask of how the book is read. */
    Request apply(Request r) {
        return skipMissing ? r.withSwitch(SettingsResolver.SKIP_MISSING) : r;
    }
}
