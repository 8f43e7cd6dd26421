package dev.studybook.xhtml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.Snippets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs of text with no place to break a line are broken by force beyond the limit, and only there. */
class LongWordsTest {

    @Test
    void runsAreBrokenJustOverTheLimitAndNotAtIt() {
        String at = "a".repeat(LongWords.MAX_UNBROKEN_RUN);
        assertSame(at, LongWords.broken(at));
        String over = LongWords.broken(at + "b");
        assertEquals(at + "\u200Bb", over);
        // Spaces, ideographs and hyphens are break opportunities: long text with them is left alone.
        String prose = ("word ".repeat(1000) + "汉字".repeat(2000) + "a-b".repeat(1000));
        assertSame(prose, LongWords.broken(prose));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void oneMegabyteWordIsBrokenWithAWarning() {
        Snippets.Warnings warnings = new Snippets.Warnings();
        String xhtml = Snippets.xhtml("# T\n\nStart " + "a".repeat(1_000_000) + " end.\n", warnings);
        assertTrue(xhtml.contains("a".repeat(LongWords.MAX_UNBROKEN_RUN) + "\u200B"));
        assertTrue(xhtml.split("\u200B").length > 1_000_000 / LongWords.MAX_UNBROKEN_RUN - 2);
        assertEquals(1, warnings.stream().filter(w -> w.startsWith("3: ") && w.contains("MAX_UNBROKEN_RUN")).count(), warnings.toString());
    }

    @Test
    void theWarningNamesTheOuterElementWhenItsOwnLongTextFollowsAnInnerOne() {
        // Texts are met in document order, elements by their start: the div starts before the p inside it.
        String run = "a".repeat(LongWords.MAX_UNBROKEN_RUN + 1);
        org.jsoup.nodes.Element body = org.jsoup.Jsoup.parse("<div id=outer><p id=inner>" + run + "</p>" + run
                + "</div><p id=after>" + run + "</p>").body();
        assertEquals("outer", XmlText.cleanAndBreak(body).id());
        assertEquals(3, body.html().split("\u200B", -1).length - 1);
        org.jsoup.nodes.Element plain = org.jsoup.Jsoup.parse("<p>" + run + "</p>").body();
        assertEquals(plain.child(0), XmlText.cleanAndBreak(plain));
        assertEquals(null, XmlText.cleanAndBreak(org.jsoup.Jsoup.parse("<p>short \u0001</p>").body()));
    }
}
