package dev.studybook.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.EpubCheckRunner;
import dev.studybook.testing.EpubContents;
import dev.studybook.testing.PdfContent;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TeX math typeset in both outputs: SVG pictures with the TeX as alt text in the EPUB, vector paths in the PDF. */
class MathTest {

    @TempDir
    Path tmp;

    @Test
    void formulasArePicturesWithTheirTexAsAltTextAndDollarsInProseAndCodeStayText() throws IOException {
        TestBooks.Built b = TestBooks.build(TestBooks.book("math/formulas"), tmp, "epub", "pdf");
        EpubContents epub = EpubContents.read(b.output("epub"));
        Element body = epub.body(epub.chapterFiles().get(0));
        List<String> alts = body.select("img.math-picture").stream().map(e -> e.attr("alt")).toList();
        assertTrue(alts.containsAll(List.of("O(n\\log n)", "O(n^2)", "a^2+b^2=c^2", "e^{i\\pi} + 1 = 0",
                "\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}", "\\int_0^1 x^2\\,dx = \\frac{1}{3}")), alts.toString());
        assertEquals(3, body.select(".math-display > img").size() - 0, "three displayed formulas");
        String text = body.text();
        assertTrue(text.contains("价格 $5 和 $10，环境变量 $HOME 与 $PATH，还有 [1] 和 [注]。"), text);
        assertEquals(List.of("echo $HOME", "$x$"), body.select("p > code, p > span.cg > code").stream().map(Element::text).toList()
                .subList(0, 2));
        assertTrue(body.select("pre").text().contains("echo \"$PATH\" $1 $x$"));
        // Each formula is an SVG with a PNG fallback for readers without SVG.
        long svgs = epub.manifest().stream().filter(i -> i.href().startsWith("images/math-") && i.href().endsWith(".svg")).count();
        long pngs = epub.manifest().stream().filter(i -> i.href().startsWith("images/math-") && i.href().endsWith(".png")).count();
        assertTrue(svgs == 7 && svgs == pngs, svgs + " SVGs, " + pngs + " PNGs");
        assertTrue(EpubCheckRunner.check(b.output("epub")).clean());

        // In the PDF the formulas are vector paths: no raster image, and the prose dollars are text.
        assertEquals(1, PdfContent.distinctImages(b.output("pdf")), "only the cover is a raster image");
        String pdfText = PdfContent.bodyText(b.output("pdf"), false);
        assertTrue(pdfText.contains("价格 $5 和 $10"), pdfText);
        assertFalse(pdfText.contains("O(n\\log"), pdfText);
    }

    @Test
    void aFormulaThatCannotBeTypesetIsShownAsWrittenWithAWarning() throws IOException {
        Path book = java.nio.file.Files.createDirectories(tmp.resolve("book"));
        java.nio.file.Files.writeString(book.resolve("README.md"), "# 书\n\n[一](one.md)\n");
        java.nio.file.Files.writeString(book.resolve("one.md"), "# 一\n\n好的 $x^2$，坏的 $\\foo{2}$ 结束。\n");
        TestBooks.Built b = TestBooks.build(book, tmp.resolve("out"), "epub");
        List<String> w = b.diagnostics().warnings().stream().map(Object::toString).toList();
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("one.md:3:") && w.get(0).contains("cannot be typeset"), w.get(0));
        EpubContents epub = EpubContents.read(b.output("epub"));
        assertEquals("$\\foo{2}$", epub.body(epub.chapterFiles().get(0)).select("code.math-source").text());
        assertTrue(EpubCheckRunner.check(b.output("epub")).clean());
    }

    /**
     * Notes copied from the web draw formulas as pictures of a web service (CodeCogs, Zhihu's equation, GitHub's old
     * render/math): offline they were remote pictures left out, shown as their address with a warning (CyC2018/CS-Notes,
     * wolverinn/Waking-Up, halfrost/LeetCode-Go). Their TeX is read from the address and typeset as $…$ is.
     */
    @Test
    void formulaPicturesDrawnByWebServicesWereLeftOutAsRemotePictures() throws IOException {
        TestBooks.Built b = TestBooks.build(TestBooks.book("math/web-formula-pictures"), tmp, "epub", "pdf");
        EpubContents epub = EpubContents.read(b.output("epub"));
        Element body = epub.body(epub.chapterFiles().get(0));
        assertEquals(List.of("E=mc^2", "x^2 + y^2=1"), body.select("p > span.math > img.math-picture").stream()
                .map(e -> e.attr("alt")).toList());
        assertEquals(List.of("\\sum_{i=1}^{n} x_i+1", "a+b=c"), body.select("div.math-display > img.math-picture").stream()
                .map(e -> e.attr("alt")).toList());
        // Any other remote picture is still one, with the one warning about remote pictures.
        assertEquals(1, body.select("span.image-missing").size(), body.html());
        List<String> w = b.diagnostics().warnings().stream().map(Object::toString).toList();
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("1 remote picture"), w.get(0));
        assertTrue(EpubCheckRunner.check(b.output("epub")).clean());
        String pdfText = PdfContent.bodyText(b.output("pdf"), false);
        assertFalse(pdfText.contains("codecogs") || pdfText.contains("zhihu"), pdfText);
    }
}
