package dev.studybook.output.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * 100,000 headings or paragraphs in one chapter: OpenHTMLtoPDF's PDF/UA tagging sorted each element's children with a
 * comparison that walks the parent's children from the first, the square of their number; long runs of sibling
 * blocks are nested in groups, and a chapter of ordinary length is left as it is.
 */
class SiblingRunsTest {

    private static String page(String body) {
        return "<html xmlns=\"" + PdfLayout.XHTML + "\"><head><title>t</title></head><body><section class=\"chapter\" id=\"ch01\">"
                + body + "</section></body></html>";
    }

    private static Document fixed(String body) throws IOException {
        // Through all of the print document's fixes, as the renderer gets it.
        return PdfLayout.fixed(page(body), new TextWidths(java.util.List.of()), d -> { });
    }

    /** The tagger's sorting work: for every element, the square of its number of element children, summed. */
    private static long sortWork(Document dom) {
        long work = 0;
        org.w3c.dom.NodeList all = dom.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            long n = 0;
            for (Node c = all.item(i).getFirstChild(); c != null; c = c.getNextSibling()) {
                n += c instanceof Element ? 1 : 0;
            }
            work += n * n;
        }
        return work;
    }

    private static String sameHeadings(int n) {
        return "<h1>Same</h1>\n" + "<h2>Same</h2>\n<p>text</p>\n".repeat(n);
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void hundredThousandSameHeadingsSortInWorkThatDoublesWithTheChapter() throws IOException {
        long once = sortWork(fixed(sameHeadings(20_000)));
        long twice = sortWork(fixed(sameHeadings(40_000)));
        assertTrue(twice < 2.2 * once, once + " then " + twice);
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void hundredThousandSameHeadingsAreGroupedWithoutLosingOrKeepingApartAnything() throws IOException {
        int n = 3_000;
        Document dom = fixed(sameHeadings(n));
        Element section = (Element) dom.getElementsByTagName("section").item(0);
        int groups = 0;
        for (Node c = section.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                assertEquals("div", e.getLocalName(), "every block is in a group");
                assertEquals("sb-run", e.getAttribute("class"));
                Node lastBlock = e.getLastChild();
                while (!(lastBlock instanceof Element)) {
                    lastBlock = lastBlock.getPreviousSibling();
                }
                assertFalse(lastBlock.getLocalName().equals("h2"), "a heading stays with its paragraph");
                groups++;
            }
        }
        assertEquals(6, groups, "6,001 blocks in groups of 1,000 (the first 1,001: its last heading brings its paragraph)");
        assertEquals(n, dom.getElementsByTagName("h2").getLength());
        assertEquals("Same" + "Sametext".repeat(n), section.getTextContent().replaceAll("\\s", ""), "in order");
    }

    @Test
    void chapterOfOrdinaryLengthIsLeftAsItIsAndOneBlockMoreIsGrouped() throws IOException {
        Document at = fixed("<p>x</p>".repeat(SiblingRuns.MAX_CHILDREN));
        assertEquals(0, at.getElementsByTagName("div").getLength(), "at the limit: no group");
        Document over = fixed("<p>x</p>".repeat(SiblingRuns.MAX_CHILDREN + 1));
        assertEquals(3, over.getElementsByTagName("div").getLength(), "one block more: groups of 1,000, 1,000 and 1");
    }
}
