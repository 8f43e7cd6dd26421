package dev.studybook.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.config.Request;
import dev.studybook.testing.ReadingSystems;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text copied out of the PDF as viewers copy it: pdf.js (Firefox) and poppler's pdftotext -raw read the content
 * stream in its order, PDFBox reads the glyphs drawn. A paragraph with inline code, a footnote mark and a link
 * comes out in source order with no space added around the code; a code block keeps its indentation as real
 * space characters; table cells keep their short words whole; and the print mode opens chapters on right-hand
 * pages with a blank page before them.
 */
class PdfCopyTest {

    /** The paragraph of readers/night/01-code.md as it reads, its footnote mark in brackets. */
    static final String PARAGRAPH = "runtime/map.go 只剩 makemap、mapaccess1、mapassign、mapdelete 这些编译器调用的入口，真正的逻辑都在"
            + " internal/runtime/maps 的 map.go、table.go、group.go 和几个 runtime_fast*.go 快速路径里[1]。用 runtime/metrics 读取"
            + " /sched/goroutines:goroutines 就能看到当前的 goroutine 数，详见另一节和 sync.Map 的文档。";

    @TempDir
    static Path dir;
    static Path pdf;
    static List<String> code;
    static int chapterPage;

    @BeforeAll
    static void build() throws IOException {
        pdf = TestBooks.build(TestBooks.book("readers/night"), dir.resolve("screen"), "pdf").output("pdf");
        String md = Files.readString(TestBooks.book("readers/night").resolve("01-code.md"));
        String block = md.substring(md.indexOf("```go\n") + 6, md.indexOf("```", md.indexOf("```go\n") + 6));
        code = block.replace("\t", "    ").lines().toList();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                s.setStartPage(p);
                s.setEndPage(p);
                if (s.getText(doc).contains("代码、表格与链接\n") && chapterPage == 0 && p > 3) {
                    chapterPage = p;
                }
            }
        }
        assertTrue(chapterPage > 0, "the chapter's first page");
    }

    @Test
    void pdftotextReadsTheParagraphInSourceOrderWithoutAddedSpaces() throws IOException {
        Optional<Path> tool = ReadingSystems.pdftotext();
        Assumptions.assumeTrue(tool.isPresent(), "poppler's pdftotext is not installed (apt-get install poppler-utils)");
        ReadingSystems.assertCopied(PARAGRAPH, ReadingSystems.pdftotextRaw(tool.get(), pdf, chapterPage, chapterPage), "pdftotext -raw");
    }

    @Test
    void pdfJsReadsTheParagraphAndTheCodeInSourceOrder() throws IOException {
        Optional<Path> pdfjs = ReadingSystems.pdfjs();
        Assumptions.assumeTrue(pdfjs.isPresent(), "pdf.js is not installed: npm install pdfjs-dist in ~/.cache/studybook/pdfjs"
                + " (or $STUDYBOOK_PDFJS), with Node on the PATH");
        String text = ReadingSystems.pdfjsText(pdfjs.get(), pdf, chapterPage, chapterPage);
        ReadingSystems.assertCopied(PARAGRAPH, text, "pdf.js");
        // pdf.js turns every run of spaces into one and drops empty lines, in any PDF: the code's lines that fit
        // the page are compared with their runs collapsed, in order.
        int at = 0;
        for (String line : code) {
            if (line.isBlank() || line.length() >= 60) {
                continue;
            }
            String collapsed = line.strip().replaceAll(" +", " ");
            int found = text.indexOf("\n" + collapsed + "\n", at);
            assertTrue(found >= 0, "pdf.js copies the code line '" + collapsed + "' after the one before:\n" + text);
            at = found + 1;
        }
    }

    @Test
    void theCodeBlockIsDrawnWithItsIndentationAsSpaceCharacters() throws IOException {
        // Only the glyphs drawn: no space that PDFBox would infer from a gap.
        List<String> lines = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    StringBuilder sb = new StringBuilder();
                    positions.forEach(p -> sb.append(p.getUnicode()));
                    lines.add(sb.toString());
                }
            };
            s.setSortByPosition(false);
            s.setStartPage(chapterPage);
            s.setEndPage(chapterPage);
            s.getText(doc);
        }
        String drawn = String.join("\n", lines);
        for (String line : code) {
            if (line.length() < 60) {
                assertTrue(drawn.contains(line.stripTrailing()), "code line drawn as written: '" + line + "' in\n" + drawn);
            }
        }
    }

    @Test
    void tableCellsKeepShortWordsWhole() throws IOException {
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            text = s.getText(doc);
        }
        List<String> lines = text.lines().map(String::strip).toList();
        for (String word : List.of("版本", "调度器", "关键结构", "说明", "Go 1.14", "Go 1.26", "sched", "mcentral", "sysmon",
                "pidle", "调度方式", "作用对象", "errors.ErrUnsupported", "*json.SyntaxError", "*strconv.NumError")) {
            assertTrue(lines.stream().anyMatch(l -> l.contains(word)), "'" + word + "' on one line:\n" + text);
        }
    }

    @Test
    void printModeOpensChaptersOnRightHandPagesAfterABlankPage() throws IOException {
        Path print = TestBooks.build(Request.of(TestBooks.book("readers/night"), dir.resolve("print"), "pdf")
                .withOption("pdf.print", "true")).output("pdf");
        try (PDDocument doc = Loader.loadPDF(print.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            int first = 0;
            for (int p = 4; p <= doc.getNumberOfPages() && first == 0; p++) {
                s.setStartPage(p);
                s.setEndPage(p);
                if (s.getText(doc).contains("代码、表格与链接\n")) {
                    first = p;
                }
            }
            assertEquals(1, first % 2, "the chapter opens on a right-hand (odd) page: " + first);
            assertEquals(chapterPage + 1, first, "one blank page more than the screen PDF, whose chapter opens on " + chapterPage);
            s.setStartPage(first - 1);
            s.setEndPage(first - 1);
            assertEquals("", s.getText(doc).strip(), "the page before is blank: no header, no number");
        }
    }
}
