package dev.studybook.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {
    @Option(names = {"-v", "--verbose"}, description = "Print more: stack traces of internal errors, library warnings.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
    boolean quiet;
}
