package dev.studybook.output.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * A chapter that is one 1 MB word kept OpenHTMLtoPDF's line breaker busy for more than ten minutes, re-scanning the
 * rest of the one text node for every line: long text nodes are laid out in pieces, and the text still copies
 * out whole.
 */
class LongTextsTest {

    @TempDir
    Path dir;

    @Test
    void oneMegabyteWordNoLongerStallsThePdfAndCopiesOutWhole() throws IOException {
        TestBooks.Built built = TestBooks.build(TestBooks.book("long-words/twenty-thousand"), dir, "pdf");
        try (PDDocument doc = Loader.loadPDF(built.output("pdf").toFile())) {
            // Without the running heads and page numbers the word crosses.
            String text = new PDFTextStripper().getText(doc).lines()
                    .filter(line -> !line.strip().matches("\\d+|One word|Long words"))
                    .collect(java.util.stream.Collectors.joining()).replaceAll("[\\s\u200B]", "");
            assertTrue(text.contains("Start" + "a".repeat(20_000) + "end."), "the long word copies out whole, in order");
            assertTrue(text.contains("word".repeat(1_500) + "last."), "the long paragraph copies out whole");
        }
    }

    @Test
    void longTextIsCutAtBreakOpportunitiesOnly() throws IOException {
        String word = ("a".repeat(2_000) + "\u200B").repeat(10);
        String prose = "word  word\n".repeat(1_000);
        Document dom = dom("<p>" + word + "</p><pre>" + prose + "</pre><p>short</p>");
        LongTexts.apply(dom);
        Node p = dom.getElementsByTagName("p").item(0);
        assertEquals(word, p.getTextContent(), "the characters and their order are unchanged");
        assertTrue(p.getChildNodes().getLength() > 5, "the word is cut into pieces");
        for (Node t = p.getFirstChild(); t != null; t = t.getNextSibling()) {
            assertTrue(t.getTextContent().endsWith("\u200B"), "each piece ends at a forced break");
        }
        Node pre = dom.getElementsByTagName("pre").item(0);
        assertEquals(prose, pre.getTextContent());
        assertTrue(pre.getChildNodes().getLength() > 5, "the preformatted text is cut into pieces");
        for (Node t = pre.getFirstChild(); t.getNextSibling() != null; t = t.getNextSibling()) {
            String piece = t.getTextContent();
            assertTrue(Character.isWhitespace(piece.charAt(piece.length() - 1)), "each piece ends at a space: " + piece);
            assertTrue(!Character.isWhitespace(t.getNextSibling().getTextContent().charAt(0)), "never between two spaces");
        }
        assertEquals(1, dom.getElementsByTagName("p").item(1).getChildNodes().getLength(), "short text is left alone");
    }

    /**
     * The line breaker's work on a text node grows with the square of its length (the rest of the node is copied
     * and scanned for every line): summed over the nodes, it only doubles when the word doubles.
     */
    @Test
    void lineBreakingWorkDoublesWithTheWord() throws IOException {
        long once = breakerWork(100_000);
        long twice = breakerWork(200_000);
        assertTrue(twice < 2.2 * once, once + " then " + twice);
    }

    /** The sum of the squares of the lengths of the text nodes of a word of {@code letters}, broken as the cleaner does. */
    private static long breakerWork(int letters) throws IOException {
        // Through all of the print document's fixes, as the renderer gets it.
        Document dom = PdfLayout.fixed(page("<p>" + ("a".repeat(2_000) + "\u200B").repeat(letters / 2_000) + "</p>"),
                new TextWidths(java.util.List.of()), d -> { });
        long work = 0;
        for (Node t = dom.getElementsByTagName("p").item(0).getFirstChild(); t != null; t = t.getNextSibling()) {
            long n = t.getTextContent().length();
            work += n * n;
        }
        return work;
    }

    private static Document dom(String body) throws IOException {
        return PdfLayout.parse(page(body));
    }

    private static String page(String body) {
        return "<html xmlns=\"" + PdfLayout.XHTML + "\"><head><title>t</title></head><body>" + body + "</body></html>";
    }
}
