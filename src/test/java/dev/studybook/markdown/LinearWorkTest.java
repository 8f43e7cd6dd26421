package dev.studybook.markdown;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.html.HtmlRenderer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Costs that cost time but allocate nothing (so robust.LinearCostTest, which counts allocated bytes, cannot see them):
 * doubling the input must roughly double the work, counted where the work is done.
 */
class LinearWorkTest {

    private static long work(AtomicLong counter, String markdown) {
        long before = counter.get();
        MarkdownRenderer.toHtml(markdown);
        return counter.get() - before;
    }

    /** Converts n and 2n copies and checks that some work was counted and that 2n took at most 2.6 times the work of n. */
    private static void doublingRoughlyDoublesTheWork(AtomicLong counter, IntFunction<String> chapter, int n) {
        long one = work(counter, chapter.apply(n));
        long two = work(counter, chapter.apply(2 * n));
        assertTrue(one > 0, "no work counted: the lookup is not the one this test watches");
        double ratio = (double) two / one;
        assertTrue(ratio < 2.6, "work for 2n / work for n = " + ratio + " (" + one + " and " + two + ")");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void hundredThousandHeadingsWithTheSameTextFindTheirLinesInLinearWork() {
        // flexmark's getStartLineNumber() went through the line table from the top for every node: n² lines looked at.
        doublingRoughlyDoublesTheWork(Lines.PROBES, n -> "# Same\n\n" + "## Same\n\ntext\n\n".repeat(n), 4000);
    }

    @Test
    void hundredThousandFootnotesRenderWithoutFlexmarksEmbeddedAttributeProvider() {
        // Its work allocates nothing and happens inside flexmark (for every footnote tag it went through the children
        // of the node being rendered, looking for attributes studybook never writes: 100,000 footnotes took minutes),
        // so no counter of studybook's can see it: this pins the option that leaves it out.
        assertFalse(HtmlRenderer.EMBEDDED_ATTRIBUTE_PROVIDER.get(Markdown.OPTIONS));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void manyBareTagsInOneParagraphAreFoundInLinearWork() {
        // Each "<b>" asked about every node of its paragraph after it, looking for a "</b>".
        doublingRoughlyDoublesTheWork(StudybookHtmlExtension.BARE_TAG_WALK, n -> "# Tags\n\n" + "<b> x <i>y</i> ".repeat(n),
                4000);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void manyUnclosedDollarsInOneParagraphAreSearchedInLinearWork() {
        // Each "$" searched the rest of the paragraph for its closing "$" again.
        doublingRoughlyDoublesTheWork(MathExtension.SCANNED, n -> "# Prices\n\n" + "$5 \\(a $$b ".repeat(n), 4000);
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void fiftyThousandBackslashEscapesInOneParagraphAreUnescapedForAutolinksInLinearWork() {
        // flexmark's autolink pass unescaped the whole paragraph through a segment builder that grows by one slot at a
        // time: the square of the escapes. A URL in the paragraph makes it look for links at all.
        doublingRoughlyDoublesTheWork(LinearAutolinks.ESCAPE_WORK,
                n -> "# Escapes\n\nsee https://example.com/a " + "a\\* ".repeat(n), 4000);
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void fiftyThousandBackslashEscapesInOneParagraphStillLinkEveryUrl() {
        String html = MarkdownRenderer.toHtml("# Escapes\n\nsee https://example.com/a " + "a\\* ".repeat(3000)
                + "mail me@example.com or www.example.org/bc " + "a\\* ".repeat(3000) + "http://example.net/d\n");
        assertTrue(html.contains("<a href=\"https://example.com/a\">"), html.substring(0, 200));
        assertTrue(html.contains("<a href=\"mailto:me@example.com\">"), "the e-mail address is not a link");
        assertTrue(html.contains(">www.example.org/bc</a>"), "the www. address is not a link");
        assertTrue(html.contains("<a href=\"http://example.net/d\">"), "the last URL is not a link");
        assertTrue(html.contains("a* a* a*"), "escapes are not unescaped");
        assertFalse(html.contains("\\"), "a backslash was left");
    }
}
