package dev.studybook.codetest;

import dev.studybook.error.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * What {@code studybook test} found: how many blocks of each kind it checked, what it skipped and why, and
 * each failure at its file and line.
 */
public record CodeTestReport(int programs, int compared, int fragments, int ignored, Map<String, Integer> untested,
        List<String> skipped, List<Failure> failures) {

    public CodeTestReport {
        untested = Map.copyOf(untested);
        skipped = List.copyOf(skipped);
        failures = List.copyOf(failures);
    }

    /** One block that failed, and the output that shows why. */
    public record Failure(SourceLocation location, String message) {
        @Override
        public String toString() {
            return location + ": " + message;
        }
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
