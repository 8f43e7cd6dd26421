package dev.studybook.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.assemble.OutlineReader;
import dev.studybook.error.Diagnostics;
import dev.studybook.model.Outline;
import dev.studybook.testing.EpubCheckRunner;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The book that ships in content/, built as a user builds it. */
class ContentBookTest {

    @TempDir
    static Path out;

    static TestBooks.Built built;
    static Outline outline;

    @BeforeAll
    static void build() {
        outline = OutlineReader.read(TestBooks.content(), Optional.empty(), new Diagnostics());
        built = TestBooks.build(TestBooks.content(), out);
    }

    @Test
    void theIndexListsTheEightChaptersInTheSeedsOrder() {
        List<String> files = outline.chapters().stream().map(c -> c.file().getFileName().toString()).toList();
        assertEquals(List.of("01-map.md", "02-process-thread-goroutine.md", "03-string-concat.md", "04-gmp.md",
                "05-defer.md", "06-gc.md", "07-channel.md", "08-slice.md"), files);
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
            assertEquals("Go 语言面试题深度解析", info.getTitle());
            assertEquals("studybook 项目组", info.getAuthor());
            assertTrue(info.getSubject().startsWith("面向中文 Go 开发者的面试复习书"), info.getSubject());
            assertTrue(info.getKeywords().contains("GMP 调度模型"), info.getKeywords());
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
