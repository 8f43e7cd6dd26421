package dev.studybook.error;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the warnings of one build from every stage, in a thread-safe way, for the command to print. */
public final class Diagnostics {

    /**
     * What a warning is about. The build goes on past every kind; {@code studybook check} counts the kinds
     * that spoil the book (a link or image that leads nowhere, a character that prints as '#') as errors.
     */
    public enum Kind {
        LINK(true), ANCHOR(true), IMAGE(true), GLYPH(true), INCLUDE(true), MISSING_CHAPTER(true), ALT_TEXT(false),
        INDEX(false), CONFIG(false), STRUCTURE(false), CODE(false), UNLINKED_FILE(false), OUTPUT(false), RENDER(false),
        REMOTE(false), MATH(false), DIAGRAM(false);

        private final boolean error;

        Kind(boolean error) {
            this.error = error;
        }

        /** True when {@code studybook check} reports it as an error. */
        public boolean isError() {
            return error;
        }
    }

    /** One warning: where, what kind, and what. */
    public record Warning(SourceLocation location, Kind kind, String message) {
        @Override
        public String toString() {
            return location == null ? message : location + ": " + message;
        }
    }

    private final List<Warning> warnings = new ArrayList<>();

    public synchronized void warn(SourceLocation location, Kind kind, String message) {
        warnings.add(new Warning(location, kind, message));
    }

    /**
     * The warnings so far, each once (the same message at the same place is said once however often a stage
     * found it), sorted by file and line so that parallel stages print in a stable order.
     */
    public synchronized List<Warning> warnings() {
        List<Warning> sorted = new ArrayList<>(new java.util.LinkedHashSet<>(warnings));
        sorted.sort(Comparator.comparing((Warning w) -> w.location() == null ? "" : w.location().file().toString())
                .thenComparingInt(w -> w.location() == null ? 0 : w.location().line())
                .thenComparing(Warning::message));
        return List.copyOf(sorted);
    }
}
