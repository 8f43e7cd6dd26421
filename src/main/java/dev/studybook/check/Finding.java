package dev.studybook.check;

import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;

/** One thing {@code studybook check} found: where, how serious, what kind, and what. */
public record Finding(SourceLocation location, boolean error, Diagnostics.Kind kind, String message) {

    @Override
    public String toString() {
        return (location == null ? "" : location + ": ") + (error ? "error: " : "warning: ") + message;
    }
}
