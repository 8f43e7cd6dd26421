package dev.studybook.markdown;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Source lines of parsed nodes, found by binary search in the document's line starts: flexmark's own
 * {@code getStartLineNumber()} counts line ends from the top of the document on every call, so a chapter with 100,000
 * headings took minutes (each rendered node asks for its line).
 */
final class Lines {
    private static final Map<Document, int[]> STARTS = Collections.synchronizedMap(new WeakHashMap<>());

    /** Line starts compared by {@link #startLine}, for tests that check that finding every node's line grows linearly. */
    static final AtomicLong PROBES = new AtomicLong();

    private Lines() {
    }

    /** The 0-based line a node starts on, counting {@code \n}, {@code \r\n} and a lone {@code \r} as line ends. */
    static int startLine(Document document, Node node) {
        int[] starts = STARTS.computeIfAbsent(document, d -> starts(d.getChars()));
        int offset = node.getStartOffset();
        if (offset < 0) {
            return -1;
        }
        // The last line starting at or before the offset (starts[0] is 0).
        int low = 0;
        int high = starts.length - 1;
        int probes = 0;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            probes++;
            if (starts[mid] <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        PROBES.addAndGet(probes);
        return low;
    }

    /** The offset each line starts at. */
    static int[] starts(CharSequence text) {
        int[] out = new int[16];
        int n = 0;
        out[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = i + 1;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
