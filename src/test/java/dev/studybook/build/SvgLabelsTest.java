package dev.studybook.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.PdfText;
import dev.studybook.testing.TestBooks;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The labels of SVG figures in the PDF: plain ones are text in the book's fonts, the rest Batik's outlines. */
class SvgLabelsTest {

    @TempDir
    Path tmp;

    private static final String SVG = """
            <svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200">
              <title>测试图</title>
              <rect x="10" y="10" width="380" height="180" fill="none" stroke="#000"/>
              <g font-family="Noto Sans SC, sans-serif" font-size="14" fill="#333333">
                <text x="200" y="60" text-anchor="middle" font-weight="bold">哈希桶　溢出链</text>
                <text x="20" y="100">普通标签 tophash</text>
              </g>
              <text x="20" y="140" font-family="monospace" font-size="12">b.overflow</text>
              <g transform="rotate(90 200 100)"><text x="200" y="100" font-size="12">旋转的字</text></g>
            </svg>
            """;

    @Test
    void plainLabelsBecomeSearchableTextInEmbeddedFontsAndOthersStayOutlines() throws IOException {
        Path book = Files.createDirectories(tmp.resolve("book"));
        Files.createDirectories(book.resolve("images"));
        Files.writeString(book.resolve("images/fig.svg"), SVG, StandardCharsets.UTF_8);
        Files.writeString(book.resolve("README.md"), "# 书\n\n[一](one.md)\n", StandardCharsets.UTF_8);
        Files.writeString(book.resolve("one.md"), "# 一\n\n正文。\n\n![一张图](images/fig.svg)\n",
                StandardCharsets.UTF_8);
        TestBooks.Built b = TestBooks.build(book, tmp.resolve("out"), "pdf");
        Path pdf = b.output("pdf");

        String text = PdfText.text(pdf);
        assertTrue(text.contains("普通标签 tophash"), text);
        assertTrue(text.contains("哈希桶"), text);
        assertTrue(text.contains("b.overflow"), text);
        // The rotated label is drawn by Batik as outlines: there, but not as text.
        assertFalse(text.contains("旋转的字"), text);

        List<String> formFonts = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(new File(pdf.toString()))) {
            for (PDPage page : doc.getPages()) {
                for (COSName n : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(n) instanceof PDFormXObject form && form.getResources() != null) {
                        for (COSName f : form.getResources().getFontNames()) {
                            formFonts.add(form.getResources().getFont(f).getName());
                        }
                    }
                }
            }
        }
        // Bold CJK, regular CJK and monospace: the book's own embedded subsets, nothing else.
        assertEquals(3, formFonts.size(), formFonts.toString());
        assertTrue(formFonts.stream().anyMatch(f -> f.endsWith("+NotoSansSC-Bold")), formFonts.toString());
        assertTrue(formFonts.stream().anyMatch(f -> f.endsWith("+NotoSansSC-Regular")), formFonts.toString());
        assertTrue(formFonts.stream().anyMatch(f -> f.endsWith("+JetBrainsMono-Regular")), formFonts.toString());
    }
}
