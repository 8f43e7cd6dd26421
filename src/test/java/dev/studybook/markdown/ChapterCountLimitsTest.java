package dev.studybook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.Snippets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** MAX_CHAPTER_HEADINGS and MAX_CHAPTER_FOOTNOTES: a chapter at the limit converts, one more is refused at its line. */
class ChapterCountLimitsTest {


    private static int count(String html, String needle) {
        int n = 0;
        for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void hundredThousandFootnotesLimitLetsAChapterAtTheLimitConvert() {
        String html = MarkdownRenderer.toHtml(Snippets.footnotes(MarkdownRenderer.MAX_FOOTNOTES));
        assertEquals(MarkdownRenderer.MAX_FOOTNOTES, count(html, "class=\"footnote-ref\""));
    }

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void hundredThousandFootnotesLimitRefusesOneMoreAtItsLine() {
        MarkdownRenderer.TooMany e = assertThrows(MarkdownRenderer.TooMany.class,
                () -> MarkdownRenderer.toHtml(Snippets.footnotes(MarkdownRenderer.MAX_FOOTNOTES + 1)));
        assertEquals(3 + 2 * MarkdownRenderer.MAX_FOOTNOTES, e.line());
        assertTrue(e.getMessage().contains("10,000 footnote references (MAX_CHAPTER_FOOTNOTES)"), e.getMessage());
    }

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void hundredThousandSameHeadingsLimitLetsAChapterAtTheLimitConvert() {
        // The title and 9,999 sections: 10,000 headings.
        String html = MarkdownRenderer.toHtml(Snippets.sameHeadings(MarkdownRenderer.MAX_HEADINGS - 1));
        assertEquals(MarkdownRenderer.MAX_HEADINGS - 1, count(html, "<h2"));
    }

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void hundredThousandSameHeadingsLimitRefusesOneMoreAtItsLine() {
        MarkdownRenderer.TooMany e = assertThrows(MarkdownRenderer.TooMany.class,
                () -> MarkdownRenderer.toHtml(Snippets.sameHeadings(MarkdownRenderer.MAX_HEADINGS)));
        assertEquals(3 + 4 * (MarkdownRenderer.MAX_HEADINGS - 1), e.line());
        assertTrue(e.getMessage().contains("10,000 headings (MAX_CHAPTER_HEADINGS)"), e.getMessage());
    }
}
