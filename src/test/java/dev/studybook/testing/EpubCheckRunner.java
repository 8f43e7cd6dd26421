package dev.studybook.testing;

import com.adobe.epubcheck.api.EPUBLocation;
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.messages.Message;
import com.adobe.epubcheck.messages.Severity;
import com.adobe.epubcheck.util.DefaultReportImpl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs EPUBCheck through its Java API and keeps every message it reports. */
public final class EpubCheckRunner {

    /** The outcome of one validation. */
    public record Result(int fatals, int errors, int warnings, List<String> messages) {
        public boolean clean() {
            return fatals == 0 && errors == 0 && warnings == 0;
        }

        @Override
        public String toString() {
            return fatals + " fatal, " + errors + " errors, " + warnings + " warnings:\n  " + String.join("\n  ", messages);
        }
    }

    private EpubCheckRunner() {
    }

    public static Result check(Path epub) {
        List<String> messages = new ArrayList<>();
        int[] counts = new int[3];
        DefaultReportImpl report = new DefaultReportImpl(epub.getFileName().toString()) {
            @Override
            public void message(Message message, EPUBLocation location, Object... args) {
                super.message(message, location, args);
                Severity s = message.getSeverity();
                if (s == Severity.FATAL || s == Severity.ERROR || s == Severity.WARNING) {
                    counts[s == Severity.FATAL ? 0 : s == Severity.ERROR ? 1 : 2]++;
                    messages.add(s + " " + message.getID() + " " + (location == null ? "" : location.getPath() + ":"
                            + location.getLine()) + " " + message.getMessage(args));
                }
            }
        };
        new EpubCheck(epub.toFile(), report).doValidate();
        // Our own counts, and EPUBCheck's: a message either of them saw fails the check.
        return new Result(Math.max(counts[0], report.getFatalErrorCount()), Math.max(counts[1], report.getErrorCount()),
                Math.max(counts[2], report.getWarningCount()), messages);
    }
}
