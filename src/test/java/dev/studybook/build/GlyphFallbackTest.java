package dev.studybook.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.PdfContent;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rare characters print in the PDF from the bundled fallback faces, subset; what none has is reported once. */
class GlyphFallbackTest {

    @TempDir
    Path tmp;

    @Test
    void extensionBMathHangulExtendedLatinArrowsAndDingbatsPrintAndCopyOutAsWritten() throws IOException {
        TestBooks.Built b = TestBooks.build(TestBooks.book("glyphs/rare"), tmp, "pdf");
        String text = PdfContent.bodyText(b.output("pdf"), false);
        for (String s : List.of("𠮷野家", "𝐀𝐁 与 𝑥𝑦", "𝔸 和 ℕ", "한국어 문장입니다", "Ăǎ ẞ", "ῼ Ω", "Ӂ ґ Ж", "→ ⇒ ⟹ ↦",
                "✓ ✗ ☐ ★ ♥ ⚠", "a → b ✓ 𝑥")) {
            assertTrue(text.contains(s), s + " in\n" + text);
        }
        assertTrue(text.contains("象形文字 # 没有字体"), "a character no face has is '#'");
        Set<String> fonts = fonts(b.output("pdf"));
        for (String f : List.of("NotoSansJP-Regular", "NotoSansMath-Regular", "NotoSans-Regular", "NanumGothic",
                "NotoSansSymbols2-Regular")) {
            assertTrue(fonts.stream().anyMatch(n -> n.matches("[A-Z]{6}\\+" + f)), f + " embedded as a subset: " + fonts);
        }
        // Subset to the few characters used: the fallbacks add tens of kilobytes, not their 10 MB.
        assertTrue(Files.size(b.output("pdf")) < 250_000, Files.size(b.output("pdf")) + " bytes");

        List<String> w = b.diagnostics().warnings().stream().map(Object::toString).toList();
        assertEquals(2, w.size(), w.toString());
        assertTrue(w.get(0).contains("missing.md:3:") && w.get(0).contains("U+13000") && w.get(0).contains("2 times"), w.get(0));
        assertTrue(w.get(1).contains("missing.md:5:") && w.get(1).contains("U+13001") && w.get(1).contains("once"), w.get(1));
    }

    @Test
    void anOpenTaskBoxPrintsFromTheSymbolsFaceNotAsHash() throws IOException {
        // ☐ is in neither Noto SC face nor Noto Emoji: it printed as '#' before the fallbacks.
        TestBooks.Built b = TestBooks.build(TestBooks.book("build/basic"), tmp, "pdf");
        assertTrue(PdfContent.bodyText(b.output("pdf"), false).contains("☐"));
        assertTrue(fonts(b.output("pdf")).stream().anyMatch(n -> n.endsWith("+NotoSansSymbols2-Regular")));
    }

    @Test
    void aBookThatNeedsNoFallbackEmbedsNone() throws IOException {
        Path book = Files.createDirectories(tmp.resolve("book"));
        Files.writeString(book.resolve("README.md"), "# 书\n\n[一](one.md)\n");
        Files.writeString(book.resolve("one.md"), "# 一\n\n中文与 English，还有 `code` 和 ✓ → ⇒。\n");
        TestBooks.Built b = TestBooks.build(book, tmp.resolve("out"), "pdf");
        Set<String> fonts = fonts(b.output("pdf"));
        assertFalse(fonts.stream().anyMatch(n -> n.contains("NotoSansJP") || n.contains("Math") || n.contains("Nanum")
                || n.contains("Symbols2") || n.endsWith("+NotoSans-Regular")), fonts.toString());
    }

    private static Set<String> fonts(Path pdf) throws IOException {
        Set<String> names = new TreeSet<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : doc.getPages()) {
                for (COSName n : page.getResources().getFontNames()) {
                    names.add(page.getResources().getFont(n).getName());
                }
            }
        }
        return names;
    }
}
