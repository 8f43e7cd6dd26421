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

    /** More warnings of one shape than this are said once, with their count; {@code check} and --verbose list each. */
    static final int LISTED = 3;

    /**
     * What makes two warnings alike: their kind and their message without what is quoted, bracketed or counted ("once"
     * and "2 times" too: four Hebrew letters of one line of getify/You-Dont-Know-JS printed four lines).
     */
    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile(
            "'[^']*'|\\([^)]*\\)|\\bonce\\b|\\d+ times\\b|\\d+");

    /**
     * The lines the warnings print as: each once, but more than {@link #LISTED} of one shape (a repository's hundreds
     * of pictures without alt text, or links to its example files: 455 lines for CyC2018/CS-Notes, 382 for
     * unknwon/the-way-to-go_ZH_CN, burying the few that matter) are the first of them with the count and the
     * number of files, unless {@code verbose}.
     */
    static List<String> lines(List<Diagnostics.Warning> warnings, boolean verbose) {
        java.util.Map<String, List<Diagnostics.Warning>> alike = new java.util.LinkedHashMap<>();
        for (Diagnostics.Warning w : warnings) {
            alike.computeIfAbsent(shape(w), k -> new java.util.ArrayList<>()).add(w);
        }
        List<String> out = new java.util.ArrayList<>();
        for (Diagnostics.Warning w : warnings) {
            List<Diagnostics.Warning> group = alike.get(shape(w));
            if (verbose || group.size() <= LISTED) {
                out.add("warning: " + w);
            } else if (group.get(0) == w) {
                long files = group.stream().map(a -> a.location() == null ? "" : a.location().file().toString())
                        .distinct().count();
                out.add("warning: " + w + " (and " + (group.size() - 1) + " more like it in " + files
                        + (files == 1 ? " file" : " files") + "; studybook check or --verbose lists each)");
            }
        }
        return out;
    }

    private static String shape(Diagnostics.Warning w) {
        return w.kind() + " " + QUOTED.matcher(w.message()).replaceAll("_");
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
