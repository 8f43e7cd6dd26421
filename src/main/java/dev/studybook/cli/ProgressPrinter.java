package dev.studybook.cli;

import dev.studybook.build.Progress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows a build's progress: on a terminal, a bar on one line (only for builds that take longer than about two
 * seconds); otherwise a plain line as each stage begins, which logs and CI read well.
 */
final class ProgressPrinter implements Progress {
    static final long SHOW_AFTER_NANOS = 2_000_000_000L;
    private static final int WIDTH = 28;

    private final PrintWriter out;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private String stage = "";
    private boolean drawn;

    ProgressPrinter(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void update(String newStage, int done, int total, String item) {
        if (!terminal) {
            if (!newStage.equals(stage)) {
                stage = newStage;
                out.println(switch (newStage) {
                    case "read" -> "reading the index page";
                    case "convert" -> "converting " + total + " chapter" + (total == 1 ? "" : "s");
                    case "fonts" -> "subsetting the fonts";
                    case "write" -> "writing " + total + " file" + (total == 1 ? "" : "s");
                    default -> newStage;
                });
                out.flush();
            }
            return;
        }
        stage = newStage;
        if (System.nanoTime() - start < SHOW_AFTER_NANOS) {
            return;
        }
        int filled = total <= 0 ? 0 : Math.min(WIDTH, WIDTH * done / total);
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        String line = String.format(Locale.ROOT, "\r[%s] %-7s %d/%d %s", bar, newStage, done, total, item);
        out.print(line.length() > 78 ? line.substring(0, 78) : String.format(Locale.ROOT, "%-78s", line));
        out.flush();
        drawn = true;
    }

    /** Clears the bar before the last line is printed. */
    synchronized void finish() {
        if (drawn) {
            out.print("\r" + " ".repeat(79) + "\r");
            out.flush();
            drawn = false;
        }
    }
}
