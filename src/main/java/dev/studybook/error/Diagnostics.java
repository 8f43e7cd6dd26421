package dev.studybook.error;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the warnings of one build from every stage, in a thread-safe way, for the command to print. */
public final class Diagnostics {

    /** One warning: where, and what. */
    public record Warning(SourceLocation location, String message) {
        @Override
        public String toString() {
            return location == null ? message : location + ": " + message;
        }
    }

    private final List<Warning> warnings = new ArrayList<>();

    public synchronized void warn(SourceLocation location, String message) {
        warnings.add(new Warning(location, message));
    }

    /** The warnings so far, sorted by file and line so that parallel stages print in a stable order. */
    public synchronized List<Warning> warnings() {
        List<Warning> sorted = new ArrayList<>(warnings);
        sorted.sort(Comparator.comparing((Warning w) -> w.location() == null ? "" : w.location().file().toString())
                .thenComparingInt(w -> w.location() == null ? 0 : w.location().line())
                .thenComparing(Warning::message));
        return List.copyOf(sorted);
    }
}
