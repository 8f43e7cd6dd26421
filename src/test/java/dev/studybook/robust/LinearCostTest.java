package dev.studybook.robust;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.Snippets;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Chapters whose conversion used to grow with the square of their size: doubling the input must roughly double the
 * work, counted as the bytes the converting thread allocates (deterministic, unlike time on a shared machine).
 */
class LinearCostTest {

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static long work(String markdown) {
        long before = allocated();
        Snippets.xhtml(markdown);
        return allocated() - before;
    }

    /** Converts n and 2n copies (after one warm-up) and checks that the work at most 2.6 times the smaller one. */
    private static void doublingRoughlyDoublesTheWork(IntFunction<String> chapter, int n) {
        work(chapter.apply(n / 4));
        long one = work(chapter.apply(n));
        long two = work(chapter.apply(2 * n));
        double ratio = (double) two / one;
        assertTrue(ratio < 2.6, "work for 2n / work for n = " + ratio + " (" + one + " and " + two + " bytes)");
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void fiftyThousandLinkReferenceDefinitionsCostLinearWork() {
        // flexmark's inline parser copied the rest of the paragraph (Matcher.toMatchResult on Java 17) for each match.
        doublingRoughlyDoublesTheWork(n -> {
            StringBuilder s = new StringBuilder("# Links\n\n");
            for (int k = 0; k < n; k++) {
                s.append("[l").append(k).append("] ");
            }
            s.append("\n\n");
            for (int k = 0; k < n; k++) {
                s.append("[l").append(k).append("]: https://example.com/").append(k).append(" \"t\"\n");
            }
            return s.toString();
        }, 4000);
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void oneParagraphOfManyLinksImagesAutolinksCodeEntitiesAndTagsCostsLinearWork() {
        // Each of these is read by a regular-expression match, which copied the rest of the paragraph.
        doublingRoughlyDoublesTheWork(n -> "# Links\n\n"
                + "[a](https://example.com/a) ![i](https://example.com/i.png) <https://example.com/x> `c` &amp; <span>s</span> "
                        .repeat(n) + "\n", 2000);
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void hundredThousandHeadingsWithTheSameTextCostLinearWork() {
        doublingRoughlyDoublesTheWork(Snippets::sameHeadings, 4000);
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void hundredThousandFootnotesCostLinearWork() {
        doublingRoughlyDoublesTheWork(Snippets::footnotes, 4000);
    }
}
