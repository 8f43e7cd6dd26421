package dev.studybook.build;

import dev.studybook.error.Diagnostics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What a build wrote, what it warned about, and how long it took. */
public record BuildResult(List<Output> outputs, List<Diagnostics.Warning> warnings, Duration elapsed) {

    public BuildResult {
        outputs = List.copyOf(outputs);
        warnings = List.copyOf(warnings);
    }

    /** One file written. */
    public record Output(String format, Path file, long bytes) {
    }
}
