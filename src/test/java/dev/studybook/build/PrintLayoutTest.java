package dev.studybook.build;

import dev.studybook.config.Request;
import dev.studybook.model.Outline;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/** The book in content/ as print: A5 with PDF/A, handouts and the review sheet; every paper size's margins. */
@Tag("content")
class PrintLayoutTest {

    @TempDir
    static Path out;

    static TestBooks.Built a5;
    static Outline outline;

    @BeforeAll
    static void build() {
        outline = TestBooks.load(TestBooks.content()).outline();
        a5 = TestBooks.build(Request.of(TestBooks.content(), out.resolve("a5"), "pdf").withOption("pdf.paper", "A5")
                .withOption("pdf.pdf-a", "true").withSwitch("split").withSwitch("review"));
    }

    static Path book(TestBooks.Built b) {
        return b.result().outputs().stream().map(BuildResult.Output::file)
                .filter(f -> f.getFileName().toString().equals(outline.outputName() + ".pdf")).findFirst().orElseThrow();
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
        List<Outline.OutlineChapter> top = outline.chapters().stream().filter(c -> c.depth() == 1).toList();
        assertEquals(top.size(), names.size(), names.toString());
        assertTrue(names.stream().allMatch(n -> n.matches("\\d\\d-[a-z0-9-]+\\.pdf")), names.toString());
        Outline.OutlineChapter fourth = top.get(3);
        try (PDDocument doc = Loader.loadPDF(dir.resolve(names.get(3)).toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            s.setStartPage(1);
            s.setEndPage(1);
            List<String> first = s.getText(doc).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            assertEquals(outline.metadata().title() + " · 讲义", first.get(0));
            assertEquals(fourth.title(), first.get(1));
            assertEquals("1", first.get(first.size() - 1), "page numbers from the first page");
            s.setStartPage(2);
            s.setEndPage(3);
            String next = s.getText(doc);
            assertTrue(next.contains(outline.metadata().title()) && next.contains(fourth.title() + "\n"), "running headers");
            assertTrue(doc.getDocumentInformation().getTitle().startsWith(fourth.title()));
        }
    }

    @Test
    void reviewSheetGathersEveryChaptersReviewSectionUnderItsTitle() throws IOException {
        Path review = book(a5).getParent().resolve(outline.outputName() + "-review.pdf");
        try (PDDocument doc = Loader.loadPDF(review.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            String text = s.getText(doc);
            List<String> titles = outline.chapters().stream().map(Outline.OutlineChapter::title).toList();
            int last = -1;
            for (String t : titles) {
                int at = text.indexOf(t + "\n", last + 1);
                assertTrue(at > last, t + " is in the review sheet, in order");
                last = at;
            }
            assertTrue(doc.getNumberOfPages() <= 2 * titles.size(), "compact: " + doc.getNumberOfPages() + " A5 pages");
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
        List<String> runningHeaders = new ArrayList<>(List.of(outline.metadata().title()));
        outline.chapters().forEach(c -> runningHeaders.add(c.title()));
        List<String> vertical = new ArrayList<>();
        for (String s : PdfText.outsideBox(pdf, 0, 0, (float) paper.topMarginMm() * mm, (float) paper.bottomMarginMm() * mm)) {
            if (!s.matches("page \\d+: '\\d+' .*") && runningHeaders.stream().noneMatch(h -> s.contains("'" + h))) {
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
