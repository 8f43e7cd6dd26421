package dev.studybook.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.load.OutlineReader;
import dev.studybook.convert.BookConverter;
import dev.studybook.error.Diagnostics;
import dev.studybook.model.Book;
import dev.studybook.testing.EpubCheckRunner;
import dev.studybook.testing.EpubContents;
import dev.studybook.testing.PdfLinks;
import dev.studybook.testing.PdfText;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small fixture book, built end to end: every conversion rule seen in the EPUB and the PDF. */
class BasicBookTest {

    @TempDir
    static Path out;

    static TestBooks.Built built;
    static Path epub;
    static Path pdf;

    @BeforeAll
    static void build() {
        built = TestBooks.build(TestBooks.book("build/basic"), out);
        epub = built.output("epub");
        pdf = built.output("pdf");
    }

    @Test
    void epubPassesEpubCheckWithoutErrorsOrWarnings() {
        EpubCheckRunner.Result r = EpubCheckRunner.check(epub);
        assertTrue(r.clean(), r.toString());
    }

    @Test
    void warningsNameFileAndLine() {
        List<String> w = built.diagnostics().warnings().stream().map(Object::toString).toList();
        assertTrue(w.stream().anyMatch(s -> s.contains("02-tables.md:14: image not found") && s.contains("missing.png")), w.toString());
        assertTrue(w.stream().anyMatch(s -> s.contains("02-tables.md:16:") && s.contains("outside the content folder")), w.toString());
        assertEquals(2, w.size(), w.toString());
    }

    @Test
    void epubHoldsChaptersWithAsciiNamesImagesFontsAndAStoredMimetypeFirst() throws IOException {
        try (ZipFile zip = new ZipFile(epub.toFile())) {
            ZipEntry first = zip.entries().nextElement();
            assertEquals("mimetype", first.getName());
            assertEquals(ZipEntry.STORED, first.getMethod());
            for (String name : List.of("OEBPS/ch01.xhtml", "OEBPS/ch04.xhtml", "OEBPS/nav.xhtml", "OEBPS/toc.ncx",
                    "OEBPS/images/diagram.png", "OEBPS/images/flow.svg", "OEBPS/fonts/NotoSerifSC-Regular.ttf")) {
                assertTrue(zip.getEntry(name) != null, name);
            }
            zip.stream().forEach(e -> assertTrue(e.getName().matches("[A-Za-z0-9._/-]+"), e.getName()));
            String ch01 = new String(zip.getInputStream(zip.getEntry("OEBPS/ch01.xhtml")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(ch01.contains("<a href=\"ch03.xhtml#一个表格\">第二章的表格</a>"), ch01);
            assertTrue(ch01.contains("<a href=\"ch04.xhtml\">第三章</a>"), ch01);
            assertTrue(ch01.contains("List&lt;T&gt; 和一个 &lt;token&gt;"), ch01);
            assertFalse(ch01.contains("<script") || ch01.contains("onclick") || ch01.contains("javascript:"), ch01);
            String ch04 = new String(zip.getInputStream(zip.getEntry("OEBPS/ch04.xhtml")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(ch04.contains("<a href=\"ch01.xhtml#小结\">第一章</a>"), ch04);
            // "小结" is a heading of all four chapters: one id each, book-wide.
            assertTrue(ch04.contains("<h2 id=\"小结-4\">") && ch04.contains("href=\"#小结-4\""), ch04);
            byte[] font = zip.getInputStream(zip.getEntry("OEBPS/fonts/NotoSerifSC-Regular.ttf")).readAllBytes();
            assertTrue(font.length < 400_000, "the serif font is subset to the book's characters: " + font.length);
        }
    }

    @Test
    void headingIdsAreUniqueAcrossTheBook() {
        Diagnostics d = new Diagnostics();
        Book book = BookConverter.convert(TestBooks.load(TestBooks.book("build/basic"), d), cp -> true, d,
                dev.studybook.markdown.MarkdownRenderer::toHtml, () -> { });
        Set<String> ids = new HashSet<>();
        book.chapters().forEach(ch -> ch.headings().forEach(h -> assertTrue(ids.add(h.id()), "duplicate id " + h.id())));
        assertTrue(ids.containsAll(List.of("小结", "小结-2", "小结-3", "小结-4")), ids.toString());
    }

    @Test
    void pdfHoldsEveryChapterInOrderWithTheTextAsWritten() throws IOException {
        String text = PdfText.text(pdf).replaceAll("\\s+", "");
        int a = text.indexOf("Go的并发模型以goroutine和channel为核心。这一句在源文件里折行");
        int b = text.indexOf("这个子章节没有一级标题");
        int c = text.indexOf("短变量声明");
        int d = text.indexOf("这里有一个脚注");
        assertTrue(a > 0 && a < b && b < c && c < d, "order: " + a + " " + b + " " + c + " " + d);
        assertTrue(text.contains("List<T>和一个<token>标记应当原样可见"), "literal tags survive");
        assertTrue(text.contains("脚注的内容，写在章节末尾。"));
        assertTrue(text.contains("[图片：不存在的图]"));
        assertFalse(text.contains("alert("), "scripts never reach the PDF");
    }

    @Test
    void pdfLinksBetweenChaptersLeadToTheirTargets() throws IOException {
        List<PdfLinks.Link> links = PdfLinks.links(pdf);
        assertTrue(links.stream().anyMatch(l -> l.uri() != null && l.uri().equals("https://go.dev")), links.toString());
        // [第二章的表格](02-tables.md#一个表格) leads to the page that shows that table.
        assertTrue(links.stream().anyMatch(l -> l.uri() == null && l.toPageText().contains("短变量声明")
                && l.toPageText().contains("一个表格")), "a link to the table's page");
        // The footnote reference leads to the footnote.
        assertTrue(links.stream().anyMatch(l -> l.uri() == null && l.toPageText().contains("脚注的内容")), "footnote link");
    }

    @Test
    void longCodeLinesUrlsAndWideTablesStayInsideThePage() throws IOException {
        // pdf.css: 22 mm left and right margins on A4.
        float margin = 22f / 25.4f * 72f;
        assertEquals(List.of(), PdfText.outsideMargins(pdf, margin, margin));
        String text = PdfText.text(pdf).replaceAll("\\s+", "");
        assertTrue(text.contains("thirdArgumentmap[string][]int)(resultstring,errerror){return\"\",nil}"), "the long code line is all there");
        String cells = PdfText.text(pdf, false).replaceAll("\\s+", "");
        assertTrue(cells.contains("averyveryverylongidentifierwithoutanyspaces"), "the table cell is all there");
    }

    @Test
    void pdfOpensWithTheCoverATitlePageAndAContentsPageWithPageNumbersAndHasBookmarks() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(1);
            s.setEndPage(1);
            assertEquals("", s.getText(doc).strip(), "page 1 is the cover picture");
            s.setStartPage(2);
            s.setEndPage(2);
            String first = s.getText(doc);
            assertTrue(first.contains("测试之书") && first.contains("张三、Li Si") && first.contains("2026-01-15"), first);
            s.setStartPage(3);
            s.setEndPage(3);
            String toc = s.getText(doc);
            assertTrue(toc.contains("目录"), toc);
            assertTrue(toc.lines().anyMatch(l -> l.startsWith("第二章 表格与图片") && l.matches(".*\\.{3,}\\s*\\d+\\s*")), toc);
            PDDocumentOutline outline = doc.getDocumentCatalog().getDocumentOutline();
            List<String> top = new ArrayList<>();
            outline.children().forEach(i -> top.add(i.getTitle()));
            assertEquals(List.of("第一部分 基础", "第二部分 进阶"), top);
            List<String> chapters = new ArrayList<>();
            outline.getFirstChild().children().forEach(i -> chapters.add(i.getTitle()));
            assertEquals(List.of("第一章 并发", "第二章 表格与图片"), chapters);
            List<String> sections = new ArrayList<>();
            outline.getFirstChild().getFirstChild().children().forEach(i -> sections.add(i.getTitle()));
            assertEquals(List.of("小结", "1.1 通道"), sections);
        }
    }

    @Test
    void pdfIsA4WithPageNumbersAndEachChapterStartsANewPage() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            List<String> chapterStarts = new ArrayList<>();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                assertEquals(595.3f, doc.getPage(i - 1).getMediaBox().getWidth(), 0.5f);
                assertEquals(841.9f, doc.getPage(i - 1).getMediaBox().getHeight(), 0.5f);
                s.setStartPage(i);
                s.setEndPage(i);
                List<String> lines = s.getText(doc).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
                if (i == 1) {
                    continue; // the cover
                }
                if (i > 3) {
                    assertEquals(Integer.toString(i), lines.get(lines.size() - 1), "footer of page " + i);
                }
                chapterStarts.add(lines.get(0));
            }
            assertTrue(chapterStarts.containsAll(List.of("并发的基础", "1.1 通道", "表格与图片", "脚注与链接")), chapterStarts.toString());
        }
    }

    @Test
    void everyPdfFontIsEmbedded() throws IOException {
        List<String> fonts = PdfText.fonts(pdf);
        assertFalse(fonts.isEmpty());
        assertTrue(fonts.stream().allMatch(f -> f.endsWith("embedded=true")), fonts.toString());
        assertTrue(fonts.stream().noneMatch(f -> f.contains("Times") || f.contains("Courier") || f.contains("Helvetica")),
                fonts.toString());
    }

    @Test
    void tocDepthFromBookYamlReachesTheNavTheNcxAndThePdfBookmarks(@TempDir Path dir) throws IOException {
        Path book = TestBooks.copy("build/basic", dir.resolve("book"));
        Files.writeString(book.resolve("book.yaml"), Files.readString(book.resolve("book.yaml")) + "toc-depth: 1\n");
        TestBooks.Built b = TestBooks.build(book, dir.resolve("out"));
        EpubContents epub = EpubContents.read(b.output("epub"));
        assertTrue(epub.nav().all().stream().noneMatch(n -> n.label().equals("小结")), epub.nav().outline());
        assertFalse(epub.text("toc.ncx").contains("小结"));
        try (PDDocument doc = Loader.loadPDF(b.output("pdf").toFile())) {
            List<String> titles = new ArrayList<>();
            doc.getDocumentCatalog().getDocumentOutline().getFirstChild().children().forEach(i -> titles.add(i.getTitle()));
            assertEquals(List.of("第一章 并发", "第二章 表格与图片"), titles);
            List<String> all = new ArrayList<>();
            collectTitles(doc.getDocumentCatalog().getDocumentOutline(), all);
            assertFalse(all.contains("小结"), all.toString());
            assertTrue(all.contains("1.1 通道"), "sub-chapters are chapters, listed at any depth: " + all);
        }
    }

    private static void collectTitles(org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode node,
            List<String> out) {
        node.children().forEach(i -> {
            out.add(i.getTitle());
            collectTitles(i, out);
        });
    }

    @Test
    void twoBuildsAreByteIdentical(@TempDir Path second) throws IOException {
        TestBooks.Built again = TestBooks.build(TestBooks.book("build/basic"), second);
        assertArrayEquals(Files.readAllBytes(epub), Files.readAllBytes(again.output("epub")), "EPUB differs");
        assertArrayEquals(Files.readAllBytes(pdf), Files.readAllBytes(again.output("pdf")), "PDF differs");
    }
    @Test
    void aHandoutsLinkToAnotherChapterIsTextWithoutAWarning(@TempDir Path dir) throws IOException {
        // Each handout holds one chapter: its links to others were dropped by the PDF library with one
        // "Could not find valid target for link" warning each, 34 of them for the book in content/.
        TestBooks.Built b = TestBooks.build(TestBooks.book("build/basic"), dir, "handouts");
        assertTrue(b.diagnostics().warnings().stream().noneMatch(w -> w.message().contains("valid target")),
                b.diagnostics().warnings().toString());
        Path handout;
        try (var files = Files.list(dir.resolve("handouts"))) {
            handout = files.filter(f -> f.getFileName().toString().startsWith("01-")).findFirst().orElseThrow();
        }
        assertTrue(PdfText.text(handout).contains("第二章的表格"), "the link's text stays");
        assertTrue(PdfLinks.links(handout).stream().noneMatch(l -> l.uri() == null && l.toPage() == 0),
                PdfLinks.links(handout).toString());
    }
}
