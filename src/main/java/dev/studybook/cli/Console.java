package dev.studybook.cli;

import dev.studybook.error.Diagnostics;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** How commands print: warnings and errors on stderr, one line each; results on stdout. */
final class Console {
    private final PrintWriter out;
    private final PrintWriter err;
    private final CommonOptions options;

    Console(PrintWriter out, PrintWriter err, CommonOptions options) {
        this.out = out;
        this.err = err;
        this.options = options;
    }

    void warnings(List<Diagnostics.Warning> warnings) {
        if (options.quiet) {
            return;
        }
        for (Diagnostics.Warning w : warnings) {
            err.println("warning: " + w);
        }
        err.flush();
    }

    void info(String line) {
        if (!options.quiet) {
            out.println(line);
            out.flush();
        }
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
