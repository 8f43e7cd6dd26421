package dev.studybook.output.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.config.Request;
import dev.studybook.testing.TestBooks;
import dev.studybook.testing.VeraPdf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * A book laid out in groups of chapters and merged is the book laid out whole: the same pages with the same text
 * (page numbers, running heads, the contents' numbers), bookmarks and links to the same places (links from one
 * group into another too), one structure tree that passes PDF/UA-1, the same bytes each time.
 */
class GroupedLayoutTest {

    private static final String BOOK = "grouped/cross-links";
    /** Twelve chapters, each ending in a table whose header row a page break would leave alone in two of them. */
    private static final String HEADS = "print/table-head-at-foot";

    @TempDir
    Path dir;

    @Test
    void groupedBookHasTheWholeBooksPagesBookmarksAndLinks() throws Exception {
        compare(false);
    }

    @Test
    void groupedBookForPrintingHasTheWholeBooksBlankPages() throws Exception {
        compare(true);
    }

    /**
     * Regression (issue 20): groups were laid out once, without the layouts again that keep a table's header row with
     * its rows (LoneLines), so a grouped book had header rows alone at a page's foot that the whole book moved on.
     */
    @Test
    void groupedBookKeepsWhatThePageBreaksWouldLeaveAloneAsTheWholeBookDoes() throws Exception {
        Path whole = build(HEADS, "whole-heads", true, false);
        Path grouped = build(HEADS, "grouped-heads", false, false);
        try (PDDocument w = Loader.loadPDF(whole.toFile()); PDDocument g = Loader.loadPDF(grouped.toFile())) {
            assertEquals(pageTexts(w), pageTexts(g), "the text of each page");
        }
    }

    @Test
    void groupedBookIsTheSameBytesEachTime() throws Exception {
        Path first = build("one", false, false);
        Path second = build("two", false, false);
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(first), Files.readAllBytes(second)),
                "two builds of the same book in groups differ");
    }

    private void compare(boolean print) throws Exception {
        Path whole = build("whole", true, print);
        Path grouped = build("grouped", false, print);
        try (PDDocument w = Loader.loadPDF(whole.toFile()); PDDocument g = Loader.loadPDF(grouped.toFile())) {
            assertTrue(w.getNumberOfPages() >= 8, "the test book has several pages a chapter: " + w.getNumberOfPages());
            assertEquals(w.getNumberOfPages(), g.getNumberOfPages(), "pages");
            assertEquals(pageTexts(w), pageTexts(g), "the text of each page");
            assertEquals(outline(w), outline(g), "bookmarks: title, page, height");
            List<String> links = links(w);
            assertTrue(links.stream().anyMatch(l -> !l.startsWith("p2 ")),
                    "the book has links between chapters: " + links);
            assertEquals(links, links(g), "links: from page, to page and height");
            assertStructure(g);
        }
        assertEquals(List.of(), VeraPdf.failures(grouped, PDFAFlavour.PDFUA_1));
    }

    private Path build(String name, boolean whole, boolean print) {
        return build(BOOK, name, whole, print);
    }

    private Path build(String book, String name, boolean whole, boolean print) {
        String wasChars = System.getProperty(GroupedLayout.GROUP_CHARS_PROPERTY);
        try {
            // Grouped: every chapter a group of its own (the test book is far below the real group size).
            if (whole) {
                System.clearProperty(GroupedLayout.GROUP_CHARS_PROPERTY);
            } else {
                System.setProperty(GroupedLayout.GROUP_CHARS_PROPERTY, "1");
            }
            Request request = Request.of(TestBooks.book(book), dir.resolve(name), "pdf");
            if (print) {
                request = request.withOption("pdf.print", "true");
            }
            return TestBooks.build(request).output("pdf");
        } finally {
            restore(GroupedLayout.GROUP_CHARS_PROPERTY, wasChars);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    private static List<String> pageTexts(PDDocument doc) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        List<String> pages = new ArrayList<>();
        for (int p = 1; p <= doc.getNumberOfPages(); p++) {
            s.setStartPage(p);
            s.setEndPage(p);
            String text = s.getText(doc);
            // A blank page laid out whole holds a hidden no-break space (a line break when extracted); the blank
            // page the merge puts between groups holds nothing.
            pages.add(p + ": " + (text.isBlank() ? "" : text));
        }
        return pages;
    }

    private static List<String> outline(PDDocument doc) throws IOException {
        List<String> out = new ArrayList<>();
        outline(doc.getDocumentCatalog().getDocumentOutline(), "", out);
        return out;
    }

    private static void outline(PDOutlineNode node, String indent, List<String> out) throws IOException {
        for (PDOutlineItem item : node.children()) {
            PDPageXYZDestination d = (PDPageXYZDestination) item.getDestination();
            out.add(indent + item.getTitle() + " -> p" + d.retrievePageNumber() + " top " + d.getTop());
            outline(item, indent + "  ", out);
        }
    }

    /**
     * Each link within the book: the page it is on, and where it leads. (On the contents pages the whole book has two
     * link areas an entry, title and number, where the grouped one has two of the entry's whole line: not compared.)
     */
    private static List<String> links(PDDocument doc) throws IOException {
        List<String> out = new ArrayList<>();
        int i = 0;
        for (PDPage page : doc.getPages()) {
            for (PDAnnotation a : page.getAnnotations()) {
                if (a instanceof PDAnnotationLink link && link.getAction() instanceof PDActionGoTo go
                        && go.getDestination() instanceof PDPageXYZDestination d) {
                    out.add("p" + i + " -> p" + d.retrievePageNumber() + " top " + d.getTop());
                }
            }
            i++;
        }
        Collections.sort(out);
        return out;
    }

    /** One structure tree: a Document of Parts, every element's page one of the document's. */
    private static void assertStructure(PDDocument doc) {
        Set<COSDictionary> pages = Collections.newSetFromMap(new IdentityHashMap<>());
        doc.getPages().forEach(p -> pages.add(p.getCOSObject()));
        COSDictionary top = (COSDictionary) doc.getDocumentCatalog().getStructureTreeRoot().getK();
        assertEquals(COSName.DOCUMENT, top.getCOSName(COSName.S));
        COSArray parts = top.getCOSArray(COSName.K);
        assertTrue(parts.size() >= 3, "the front matter and a Part for each group: " + parts.size());
        List<String> dangling = new ArrayList<>();
        walk(top, pages, dangling);
        assertEquals(List.of(), dangling, "elements on pages the PDF does not have");
    }

    private static void walk(COSDictionary element, Set<COSDictionary> pages, List<String> dangling) {
        COSBase page = element.getDictionaryObject(COSName.PG);
        if (page instanceof COSDictionary p && !pages.contains(p)) {
            dangling.add(element.getCOSName(COSName.S).getName());
        }
        COSBase k = element.getDictionaryObject(COSName.K);
        if (k instanceof COSDictionary d && d.containsKey(COSName.S)) {
            walk(d, pages, dangling);
        } else if (k instanceof COSArray a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.getObject(i) instanceof COSDictionary d && d.containsKey(COSName.S)) {
                    walk(d, pages, dangling);
                }
            }
        }
    }
}
