package dev.studybook.build;

import dev.studybook.config.Request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.load.OutlineReader;
import dev.studybook.error.Diagnostics;
import dev.studybook.model.Outline;
import dev.studybook.testing.EpubCheckRunner;
import dev.studybook.testing.EpubContents;
import dev.studybook.raster.DiagramText;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import dev.studybook.testing.PdfText;
import dev.studybook.testing.TestBooks;
import dev.studybook.testing.VeraPdf;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The book that ships in content/, built as a user builds it: the content suite (tag {@code content}), which
 * asserts what must hold for any book studybook ships (valid, complete, fonts embedded), not what the book says.
 */
@Tag("content")
class ContentBookTest {

    @TempDir
    static Path out;

    static TestBooks.Built built;
    static Outline outline;

    @BeforeAll
    static void build() {
        outline = TestBooks.load(TestBooks.content(), new Diagnostics()).outline();
        built = TestBooks.build(TestBooks.content(), out);
    }

    @Test
    void everyChapterTheIndexLinksIsInTheBookOnceInOrder() throws IOException {
        List<String> linked = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\]\\(([^)#]+\\.md)\\)")
                .matcher(Files.readString(outline.indexFile()));
        while (m.find()) {
            linked.add(m.group(1));
        }
        List<String> files = outline.chapters().stream().map(c -> c.file().getFileName().toString()).toList();
        assertEquals(linked, files);
        assertTrue(files.size() >= 8, files.toString());
    }

    @Test
    void buildsWithoutAnyWarning() {
        assertEquals(List.of(), built.diagnostics().warnings().stream().map(Object::toString).toList());
    }

    @Test
    void epubPassesEpubCheckWithoutErrorsOrWarnings() {
        EpubCheckRunner.Result r = EpubCheckRunner.check(built.output("epub"));
        assertTrue(r.clean(), r.toString());
    }

    @Test
    void epubHasACoverPageAndACoverImageOfTheRightShape() throws IOException {
        EpubContents epub = EpubContents.read(built.output("epub"));
        EpubContents.Item cover = epub.manifest().stream().filter(i -> i.properties().equals("cover-image")).findFirst()
                .orElseThrow();
        assertEquals("image/png", cover.mediaType());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(epub.bytes(cover.href())));
        assertEquals(1600, img.getWidth());
        assertEquals(2560, img.getHeight());
        assertEquals("cover.xhtml", epub.spine().get(0));
        Element coverImg = epub.body("cover.xhtml").selectFirst("img");
        assertEquals(cover.href(), coverImg.attr("src"));
        assertTrue(coverImg.attr("alt").startsWith("封面：" + outline.metadata().title()), coverImg.attr("alt"));
        assertEquals("cover-image", epub.opf().selectFirst("meta[name=cover]").attr("content"));
    }

    @Test
    void navListsChaptersAndTheirSectionsToDepthTwoWithLandmarksAndTheNcxAgrees() throws IOException {
        EpubContents epub = EpubContents.read(built.output("epub"));
        EpubContents.NavNode nav = epub.nav();
        // Parts (a label without a chapter file) hold chapters; each chapter lists its level-2 headings, no deeper.
        List<EpubContents.NavNode> chapters = new ArrayList<>();
        for (EpubContents.NavNode n : nav.children()) {
            if (n.href() == null || outline.parts().stream().anyMatch(p -> p.title().equals(n.label()) && !p.title().isEmpty())) {
                chapters.addAll(n.children());
            } else {
                chapters.add(n);
            }
        }
        assertEquals(outline.chapters().size(), chapters.size());
        for (int i = 0; i < chapters.size(); i++) {
            EpubContents.NavNode c = chapters.get(i);
            String file = epub.chapterFiles().get(i);
            List<String> h2 = epub.body(file).select("h2").eachText();
            assertEquals(h2, c.children().stream().map(EpubContents.NavNode::label).toList(), file);
            assertTrue(c.children().stream().allMatch(n -> n.children().isEmpty()), "depth 2 only");
        }
        Element landmarks = epub.xhtml(epub.navFile()).selectFirst("nav#landmarks");
        assertEquals(List.of("cover", "toc", "bodymatter"), landmarks.select("a").eachAttr("epub:type"));
        // The NCX holds the same entries in the same order.
        Document ncx = Jsoup.parse(epub.text("toc.ncx"), "", Parser.xmlParser());
        List<String> ncxLabels = ncx.select("navPoint > navLabel > text").eachText();
        assertEquals(nav.all().stream().skip(1).map(EpubContents.NavNode::label).toList(), ncxLabels);
    }

    @Test
    void pageListMapsTheEpubOntoThePdfsPages() throws IOException {
        EpubContents epub = EpubContents.read(built.output("epub"));
        Element pageList = epub.xhtml(epub.navFile()).selectFirst("nav#page-list");
        List<Element> entries = pageList.select("a");
        int pdfPages = PdfText.pages(built.output("pdf"));
        assertTrue(entries.size() > 150 && entries.size() <= pdfPages, entries.size() + " entries, " + pdfPages + " PDF pages");
        int previous = 0;
        for (Element a : entries) {
            int page = Integer.parseInt(a.text());
            assertTrue(page > previous, "page numbers increase: " + page);
            previous = page;
            assertTrue(epub.resolve(epub.navFile(), a.attr("href")).isPresent(), "leads somewhere: " + a.attr("href"));
        }
        // The block after each marker is printed on that page of the PDF (text read back by position; a table's
        // cells interleave there, so a few blocks cannot be found by their first words).
        List<String> off = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(built.output("pdf").toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            for (Element a : entries) {
                Element marker = epub.resolve(epub.navFile(), a.attr("href")).orElseThrow().element();
                assertEquals("doc-pagebreak", marker.attr("role"));
                assertEquals("pagebreak", marker.attr("epub:type"));
                Element block = marker.parent().normalName().equals("section") ? marker.nextElementSibling() : marker.parent();
                String words = block.text().replaceAll("\\s+", "");
                words = words.substring(0, Math.min(8, words.length()));
                int page = Integer.parseInt(a.text());
                s.setStartPage(page);
                s.setEndPage(page);
                if (words.isEmpty()) {
                    continue; // a figure: nothing to find by text
                }
                if (!s.getText(doc).replaceAll("\\s+", "").contains(words)) {
                    off.add(a.attr("href") + " '" + words + "'");
                }
            }
        }
        assertTrue(off.size() * 100 <= entries.size() * 3, off.size() + " of " + entries.size() + " markers off: " + off);
        assertEquals("pagination", epub.opf().selectFirst("meta[property=source-of]").text());
    }

    @Test
    void footnotesAreEpub3PopUpNotesWithALinkBack() throws IOException {
        EpubContents epub = EpubContents.read(built.output("epub"));
        Element body = epub.body(epub.chapterFiles().get(0));
        Element ref = body.selectFirst("a[epub:type=noteref]");
        assertEquals("doc-noteref", ref.attr("role"));
        Element note = epub.resolve(epub.chapterFiles().get(0), ref.attr("href")).orElseThrow().element();
        assertEquals("aside", note.normalName());
        assertEquals("footnote", note.attr("epub:type"));
        assertEquals("doc-footnote", note.attr("role"));
        Element back = note.selectFirst("a[role=doc-backlink]");
        assertEquals(ref.parent().id(), epub.resolve(epub.chapterFiles().get(0), back.attr("href")).orElseThrow().element().id());
    }

    @Test
    void accessibilityMetadataAndLanguageOnEveryDocument() throws IOException {
        EpubContents epub = EpubContents.read(built.output("epub"));
        Document opf = epub.opf();
        assertEquals(List.of("textual", "visual"), opf.select("meta[property=schema:accessMode]").eachText());
        assertEquals(List.of("textual"), opf.select("meta[property=schema:accessModeSufficient]").eachText());
        assertTrue(opf.select("meta[property=schema:accessibilityFeature]").eachText().containsAll(List.of(
                "structuralNavigation", "tableOfContents", "alternativeText", "printPageNumbers")));
        assertEquals("none", opf.selectFirst("meta[property=schema:accessibilityHazard]").text());
        assertFalse(opf.selectFirst("meta[property=schema:accessibilitySummary]").text().isBlank());
        assertEquals("EPUB Accessibility 1.1 - WCAG 2.1 Level AA", opf.selectFirst("meta[property=dcterms:conformsTo]").text());
        for (String f : epub.xhtmlFiles()) {
            Element html = epub.xhtml(f).selectFirst("html");
            assertEquals("zh-CN", html.attr("lang"), f);
            assertEquals("zh-CN", html.attr("xml:lang"), f);
            for (Element img : epub.xhtml(f).select("img")) {
                assertFalse(img.attr("alt").isBlank(), f + ": " + img.outerHtml());
            }
            int previous = 0;
            for (Element h : epub.body(f).select("h1, h2, h3, h4, h5, h6")) {
                int level = h.normalName().charAt(1) - '0';
                assertTrue(level <= previous + 1 || previous == 0, f + ": " + h.outerHtml() + " after h" + previous);
                previous = level;
            }
        }
    }

    @Test
    void svgFiguresHaveAPngFallbackAndTheEpubStaysUnderItsBudget() throws IOException {
        EpubContents epub = EpubContents.read(built.output("epub"));
        Document opf = epub.opf();
        for (Element svg : opf.select("manifest > item[media-type=image/svg+xml]")) {
            Element png = opf.selectFirst("manifest > item[id=" + svg.attr("fallback") + "]");
            assertEquals("image/png", png.attr("media-type"), svg.attr("href"));
            assertTrue(ImageIO.read(new ByteArrayInputStream(epub.bytes(png.attr("href")))).getWidth() > 300);
        }
        for (String font : epub.entryNames().stream().filter(n -> n.endsWith(".ttf")).toList()) {
            assertTrue(epub.bytes(font.substring("OEBPS/".length())).length < 2_500_000, font + " is subset to the book's characters");
        }
        assertTrue(epub.entryNames().stream().allMatch(n -> n.matches("[A-Za-z0-9._/-]+")), epub.entryNames().toString());
    }

    /**
     * Issue 17: diagram labels shrank to about 5.6 px on a phone. Every picture's text is at least 8 px when it fills
     * a phone's column, and its PNG fallback has at least a pixel for each of the column's, so they are no smaller there.
     */
    @Test
    void diagramTextIsAtLeastEightPixelsOnAPhoneInThePictureAndItsPngFallback() throws IOException {
        EpubContents epub = EpubContents.read(built.output("epub"));
        Document opf = epub.opf();
        List<String> small = new ArrayList<>();
        for (Element svg : opf.select("manifest > item[media-type=image/svg+xml]")) {
            byte[] bytes = epub.bytes(svg.attr("href"));
            double px = DiagramText.smallestTextPx(bytes, DiagramText.PHONE_COLUMN_PX).orElse(99);
            if (px < DiagramText.MIN_READABLE_PX) {
                small.add(svg.attr("href") + ": " + px + " px");
            }
            Element png = opf.selectFirst("manifest > item[id=" + svg.attr("fallback") + "]");
            // Shown across a phone's column, the PNG's labels are as large as the picture's if it has a pixel for
            // every CSS pixel of the column.
            int pngWidth = ImageIO.read(new ByteArrayInputStream(epub.bytes(png.attr("href")))).getWidth();
            if (pngWidth < DiagramText.PHONE_COLUMN_PX) {
                small.add(png.attr("href") + ": " + pngWidth + " px wide, narrower than a phone's column");
            }
        }
        assertEquals(List.of(), small);
    }

    /**
     * Issue 17: chapter 1's title differed between the contents, the running head and its heading. Each chapter
     * has one title: its heading, its document's title, its contents entry and its PDF bookmark.
     */
    @Test
    void eachChapterHasOneTitleInItsHeadingDocumentTitleContentsAndBookmark() throws IOException {
        EpubContents epub = EpubContents.read(built.output("epub"));
        List<String> headings = new ArrayList<>();
        for (String file : epub.chapterFiles()) {
            Document doc = epub.xhtml(file);
            String h1 = doc.selectFirst("h1").text();
            assertEquals(h1, doc.selectFirst("title").text(), file);
            assertTrue(epub.nav().find(h1).isPresent(), file + ": no contents entry reads '" + h1 + "'");
            headings.add(h1);
        }
        List<String> bookmarks = new ArrayList<>();
        try (PDDocument pdf = Loader.loadPDF(built.output("pdf").toFile())) {
            collectBookmarks(pdf.getDocumentCatalog().getDocumentOutline(), bookmarks);
        }
        assertTrue(bookmarks.containsAll(headings), "PDF bookmarks " + bookmarks + " hold every chapter title " + headings);
    }

    private static void collectBookmarks(org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode node,
            List<String> out) {
        if (node == null) {
            return;
        }
        for (var item : node.children()) {
            out.add(item.getTitle());
            collectBookmarks(item, out);
        }
    }

    /** Issue 17: Apple Books uses the book's embedded fonts only when the EPUB asks for them in this file. */
    @Test
    void theEpubAsksAppleBooksToUseItsOwnFonts() throws IOException {
        EpubContents epub = EpubContents.read(built.output("epub"));
        assertTrue(epub.entryNames().contains("META-INF/com.apple.ibooks.display-options.xml"), epub.entryNames().toString());
        try (var zip = new java.util.zip.ZipFile(built.output("epub").toFile())) {
            String options = new String(zip.getInputStream(zip.getEntry("META-INF/com.apple.ibooks.display-options.xml"))
                    .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(options.contains("<option name=\"specified-fonts\">true</option>"), options);
        }
    }

    @Test
    void withoutEmbeddedFontsTheEpubStillPassesEpubCheckAndHoldsNoFont(@TempDir Path dir) throws IOException {
        TestBooks.Built b = TestBooks.build(Request.of(TestBooks.content(), dir, "epub").withOption("epub.embed-fonts", "false"));
        EpubCheckRunner.Result r = EpubCheckRunner.check(b.output("epub"));
        assertTrue(r.clean(), r.toString());
        EpubContents epub = EpubContents.read(b.output("epub"));
        assertTrue(epub.entryNames().stream().noneMatch(n -> n.endsWith(".ttf") || n.endsWith("fonts.css")), epub.entryNames().toString());
        assertTrue(epub.xhtmlFiles().stream().noneMatch(f -> epub.text(f).contains("fonts.css")));
    }

    @Test
    void pdfOpensWithTheSameCover() throws IOException {
        try (PDDocument doc = Loader.loadPDF(built.output("pdf").toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(1);
            s.setEndPage(1);
            assertEquals("", s.getText(doc).strip(), "the cover page is only the picture");
            assertTrue(doc.getPage(0).getResources().getXObjectNames().iterator().hasNext());
        }
    }

    @Test
    void pdfHoldsEveryChapterInOrder() throws IOException {
        String text = PdfText.text(built.output("pdf")).replaceAll("\\s+", "");
        int last = -1;
        for (Outline.OutlineChapter c : outline.chapters()) {
            String opening = firstSentence(Files.readString(c.file()));
            int at = text.indexOf(opening, last + 1);
            assertTrue(at > last, "chapter " + c.file().getFileName() + " (\"" + opening + "\") is not after the previous one");
            last = at;
        }
    }

    @Test
    void pdfTextHasNoKangxiRadicalsTheSourceDoesNotHave() throws IOException {
        String text = PdfText.text(built.output("pdf"));
        StringBuilder source = new StringBuilder();
        for (Outline.OutlineChapter c : outline.chapters()) {
            source.append(Files.readString(c.file()));
        }
        List<String> bad = new ArrayList<>();
        text.codePoints().filter(cp -> cp >= 0x2E80 && cp <= 0x2FDF)
                .filter(cp -> source.indexOf(new String(Character.toChars(cp))) < 0)
                .forEach(cp -> bad.add(String.format("U+%04X %s", cp, new String(Character.toChars(cp)))));
        assertEquals(List.of(), bad);
        assertTrue(text.contains("一"), "the common character 一 is extracted as itself");
    }

    @Test
    void nothingIsDrawnOutsideTheContentBox() throws IOException {
        float margin = 22f / 25.4f * 72f;
        assertEquals(List.of(), PdfText.outsideMargins(built.output("pdf"), margin, margin));
    }

    @Test
    void pdfIsTaggedPdfUaWithItsMetadata() throws Exception {
        Path pdf = built.output("pdf");
        assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFUA_1));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDDocumentInformation info = doc.getDocumentInformation();
            assertEquals(outline.metadata().title(), info.getTitle());
            assertEquals(outline.metadata().authorLine(), info.getAuthor());
            assertEquals(outline.metadata().description(), info.getSubject());
            for (Outline.OutlineChapter c : outline.chapters()) {
                assertTrue(info.getKeywords().contains(c.title()), info.getKeywords());
            }
            assertEquals("zh-CN", doc.getDocumentCatalog().getLanguage());
            assertTrue(doc.getDocumentCatalog().getViewerPreferences().displayDocTitle(), "the window shows the title");
        }
    }

    @Test
    void noLineStartsOrEndsWithForbiddenPunctuation() throws IOException {
        assertEquals(List.of(), PdfText.badLineBreaks(built.output("pdf")));
    }

    @Test
    void everyPdfFontIsEmbedded() throws IOException {
        List<String> fonts = PdfText.fonts(built.output("pdf"));
        assertTrue(fonts.stream().allMatch(f -> f.endsWith("embedded=true")), fonts.toString());
        assertTrue(fonts.size() >= 4, fonts.toString());
    }

    /**
     * The width of a phone's screen in CSS pixels, less the 15 px that Chromium's scroll bar (or a reader's margins)
     * takes: the view in which chapter 15's six-column table was 350 px wide in a 345 px view.
     */
    static final int PHONE_VIEW = 360 - 15;

    /**
     * Nothing in any chapter is wider than a 360 px phone screen: each chapter in a frame of {@value #PHONE_VIEW} px
     * with the book's CSS and fonts, all in one headless Chromium run, reports its document's scrollWidth (on a
     * phone a wider chapter scrolls sideways, or a reader cuts off its right edge). Chapter 15's benchmark table
     * was 350 px wide in a 345 px view.
     */
    @Test
    void noChapterIsWiderThanAPhoneScreen() throws IOException {
        Optional<Path> chromium = dev.studybook.testing.ReadingSystems.chromium();
        org.junit.jupiter.api.Assumptions.assumeTrue(chromium.isPresent(),
                "Chromium is not installed: chapter widths not checked (apt-get install chromium, or set STUDYBOOK_CHROMIUM)");
        EpubContents epub = EpubContents.read(built.output("epub"));
        Path oebps = out.resolve("phone-width");
        for (EpubContents.Item item : epub.manifest()) {
            Path p = oebps.resolve(item.href()).normalize();
            assertTrue(p.startsWith(oebps), item.href());
            Files.createDirectories(p.getParent());
            Files.write(p, epub.bytes(item.href()));
        }
        String js = new String(ContentBookTest.class.getResourceAsStream("/readers/width.js").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        List<String> chapters = epub.chapterFiles();
        StringBuilder frames = new StringBuilder();
        for (String chapter : chapters) {
            String x = epub.text(chapter).replace("</body>", "<script>//<![CDATA[\nwindow.CHAPTER = \"" + chapter
                    + "\";\n" + js + "\n//]]></script></body>");
            Path measured = oebps.resolve(chapter).resolveSibling("width-" + oebps.resolve(chapter).getFileName());
            Files.writeString(measured, x);
            frames.append("<iframe src=\"").append(oebps.relativize(measured).toString().replace('\\', '/'))
                    .append("\" style=\"display:block;width:").append(PHONE_VIEW).append("px;height:640px;border:0\"></iframe>");
        }
        // The page around the frames writes each chapter's report into itself, whose document Chromium dumps.
        Path page = oebps.resolve("width.html");
        Files.writeString(page, "<!DOCTYPE html><html><body style=\"margin:0\">" + frames + "<script>const got = [];"
                + " addEventListener('message', e => { got.push(e.data); let p = document.getElementById('studybook-report');"
                + " if (!p) { p = document.createElement('pre'); p.id = 'studybook-report'; document.body.appendChild(p); }"
                + " p.textContent = got.sort().join('\\n'); });</script></body></html>");
        String dom = dev.studybook.testing.ReadingSystems.dumpDom(chromium.get(), page.toUri().toString(), 500, 640, false);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<pre id=\"studybook-report\">(.*?)</pre>",
                java.util.regex.Pattern.DOTALL).matcher(dom);
        assertTrue(m.find(), "the measuring script ran");
        List<String> reports = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&amp;", "&").lines().toList();
        assertEquals(chapters.size(), reports.size(), "every chapter reported its width: " + reports);
        List<String> wide = new ArrayList<>();
        for (String r : reports) {
            String[] f = r.split(" ", 4);
            if (Integer.parseInt(f[1]) > Integer.parseInt(f[2])) {
                wide.add(f[0] + ": " + f[1] + " px wide in a " + f[2] + " px view" + (f.length > 3 ? ", " + f[3] : ""));
            }
        }
        assertEquals(List.of(), wide);
    }

    /** The first prose line of a chapter (not a heading), whitespace removed, at most 20 characters. */
    private static String firstSentence(String markdown) {
        for (String line : markdown.split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#") && !l.startsWith("!") && !l.startsWith("|") && !l.startsWith("`")
                    && !l.startsWith("-") && !l.startsWith(">") && !l.matches("^\\d+\\..*")) {
                String plain = l.replaceAll("[*`_\\[\\]]|\\(http[^)]*\\)|\\([^)]*\\.md[^)]*\\)", "").replaceAll("\\s+", "");
                return plain.substring(0, Math.min(20, plain.length()));
            }
        }
        throw new AssertionError("no prose line");
    }
}
