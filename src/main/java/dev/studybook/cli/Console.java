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
        for (String line : lines(warnings, options.verbose)) {
            err.println(line);
        }
        err.flush();
    }

    /** More warnings of missing alt text than this are said in one line; {@code check} and --verbose list each. */
    static final int ALT_TEXT_LISTED = 3;

    /**
     * The lines the warnings print as: each once, but a repository's hundreds of pictures without alt text (455
     * warnings for CyC2018/CS-Notes, burying the few that matter) are one line with the count, the number of files
     * and the first place, unless {@code verbose}.
     */
    static List<String> lines(List<Diagnostics.Warning> warnings, boolean verbose) {
        List<Diagnostics.Warning> alt = warnings.stream().filter(w -> w.kind() == Diagnostics.Kind.ALT_TEXT).toList();
        boolean fold = !verbose && alt.size() > ALT_TEXT_LISTED;
        List<String> out = new java.util.ArrayList<>();
        for (Diagnostics.Warning w : warnings) {
            if (fold && w.kind() == Diagnostics.Kind.ALT_TEXT) {
                if (w == alt.get(0)) {
                    long files = alt.stream().map(a -> a.location() == null ? "" : a.location().file().toString())
                            .distinct().count();
                    out.add("warning: " + alt.size() + " images in " + files + (files == 1 ? " file" : " files")
                            + " have no alt text (the first: " + (w.location() == null ? "" : w.location() + "") + ");"
                            + " describe them for readers who cannot see them; studybook check or --verbose lists each");
                }
                continue;
            }
            out.add("warning: " + w);
        }
        return out;
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
