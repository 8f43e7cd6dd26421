package dev.studybook.build;

import dev.studybook.config.Request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.output.pdf.Paper;
import dev.studybook.testing.PdfText;
import dev.studybook.testing.TestBooks;
import dev.studybook.testing.VeraPdf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/** The book in content/ as print: A5 with PDF/A, handouts and the review sheet; every paper size's margins. */
class PrintLayoutTest {

    @TempDir
    static Path out;

    static TestBooks.Built a5;

    @BeforeAll
    static void build() {
        a5 = TestBooks.build(Request.of(TestBooks.content(), out.resolve("a5"), "pdf").withOption("pdf.paper", "A5")
                .withOption("pdf.pdf-a", "true").withSwitch("split").withSwitch("review"));
    }

    static Path book(TestBooks.Built b) {
        return b.result().outputs().stream().map(BuildResult.Output::file)
                .filter(f -> f.getFileName().toString().equals("go-interview.pdf")).findFirst().orElseThrow();
    }

    @Test
    void pdfAPlusUaValidatesWithVeraPdf() throws Exception {
        assertEquals(List.of(), VeraPdf.failures(book(a5), PDFAFlavour.PDFA_2_B));
        assertEquals(List.of(), VeraPdf.failures(book(a5), PDFAFlavour.PDFUA_1));
    }

    @Test
    void theCoverFillsItsPageToEveryEdge() throws IOException {
        java.awt.image.BufferedImage page;
        try (PDDocument doc = Loader.loadPDF(book(a5).toFile())) {
            page = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 24);
        }
        int w = page.getWidth();
        int h = page.getHeight();
        int ground = Integer.parseInt(dev.studybook.cover.CoverArt.BACKGROUND.substring(1), 16);
        // Inside the page's edges, below the picture's top band: the cover's ground, never paper.
        int[][] points = {{3, h / 2}, {w - 4, h / 2}, {3, h - 4}, {w / 2, h - 4}, {w - 4, h - 4}, {w - 4, h / 5}};
        for (int[] p : points) {
            int rgb = page.getRGB(p[0], p[1]) & 0xFFFFFF;
            int distance = Math.abs((rgb >> 16) - (ground >> 16)) + Math.abs(((rgb >> 8) & 0xFF) - ((ground >> 8) & 0xFF))
                    + Math.abs((rgb & 0xFF) - (ground & 0xFF));
            assertTrue(distance < 30, String.format("pixel %d,%d of %dx%d is #%06x, not the cover's %s", p[0], p[1], w, h,
                    rgb, dev.studybook.cover.CoverArt.BACKGROUND));
        }
    }

    @Test
    void splitWritesOneHandoutPerChapterEachWithItsTitleHeaderAndPageNumbers() throws IOException {
        Path dir = book(a5).getParent().resolve("handouts");
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("01-map.pdf", "02-process-thread-goroutine.pdf", "03-string-concat.pdf", "04-gmp.pdf",
                "05-defer.pdf", "06-gc.pdf", "07-channel.pdf", "08-slice.pdf"), names);
        try (PDDocument doc = Loader.loadPDF(dir.resolve("04-gmp.pdf").toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            s.setStartPage(1);
            s.setEndPage(1);
            List<String> first = s.getText(doc).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            assertEquals("Go 语言面试题深度解析 · 讲义", first.get(0));
            assertEquals("GMP 调度模型", first.get(1));
            assertEquals("1", first.get(first.size() - 1), "page numbers from the first page");
            s.setStartPage(2);
            s.setEndPage(3);
            String next = s.getText(doc);
            assertTrue(next.contains("Go 语言面试题深度解析") && next.contains("GMP 调度模型\n"), "running headers");
            assertTrue(doc.getDocumentInformation().getTitle().startsWith("GMP 调度模型"));
        }
    }

    @Test
    void reviewSheetGathersEveryChaptersReviewSectionUnderItsTitle() throws IOException {
        Path review = book(a5).getParent().resolve("go-interview-review.pdf");
        try (PDDocument doc = Loader.loadPDF(review.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            String text = s.getText(doc);
            List<String> titles = List.of("Map 的底层实现、并发安全性及扩容机制是什么？", "进程、线程、协程的区别",
                    "Go 字符串拼接的 4 种方式、底层原理及场景选择", "GMP 调度模型", "defer 的执行机制", "GC 垃圾回收机制",
                    "Go 语言中的 Channel", "Go 切片（slice）的底层结构");
            int last = -1;
            for (String t : titles) {
                int at = text.indexOf(t + "\n", last + 1);
                assertTrue(at > last, t + " is in the review sheet, in order");
                last = at;
            }
            assertTrue(doc.getNumberOfPages() <= 10, "compact: " + doc.getNumberOfPages() + " A5 pages");
            assertTrue(!text.contains("答案框架") && !text.contains("原理拆解"), "only the review sections");
        }
    }

    @ParameterizedTest
    @EnumSource(Paper.class)
    void nothingIsDrawnOutsideTheContentBoxAndNoLineStartsWithClosingPunctuation(Paper paper, @TempDir Path dir)
            throws IOException {
        Path pdf = paper == Paper.A5 ? book(a5)
                : book(TestBooks.build(Request.of(TestBooks.content(), dir, "pdf").withOption("pdf.paper", paper.name())));
        float mm = 72f / 25.4f;
        float side = (float) paper.sideMarginMm() * mm;
        List<String> outside = PdfText.outsideBox(pdf, side, side, 0, 0);
        assertEquals(List.of(), outside, paper + ": text outside the side margins");
        // Body text stays between the running header (top margin) and the page number (bottom margin).
        List<String> vertical = new ArrayList<>();
        for (String s : PdfText.outsideBox(pdf, 0, 0, (float) paper.topMarginMm() * mm, (float) paper.bottomMarginMm() * mm)) {
            if (!s.matches("page \\d+: '(\\d+|Go 语言面试题深度解析|.*(？|理|区别|结构|模型|机制|Channel|选择))' .*")) {
                vertical.add(s);
            }
        }
        assertEquals(List.of(), vertical, paper + ": body text in the top or bottom margin");
        assertEquals(List.of(), PdfText.badLineBreaks(pdf), paper + ": lines breaking Chinese punctuation rules");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(paper.widthMm() * mm, doc.getPage(5).getMediaBox().getWidth(), 1.0);
            assertEquals(paper.heightMm() * mm, doc.getPage(5).getMediaBox().getHeight(), 1.0);
        }
    }
}
