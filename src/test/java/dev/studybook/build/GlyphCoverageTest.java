package dev.studybook.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlyphCoverageTest {

    @TempDir
    Path tmp;

    @Test
    void aCharacterNoFontHasIsReportedWithFileAndLineOnce() throws IOException {
        Path book = Files.createDirectories(tmp.resolve("book"));
        Files.writeString(book.resolve("README.md"), "# 书\n\n[一](one.md)\n", StandardCharsets.UTF_8);
        // U+13000 (an Egyptian hieroglyph) is in none of the bundled fonts; emoji and CJK are.
        Files.writeString(book.resolve("one.md"), "# 一\n\n中文 📖 😀 ✓\n\n象形 \uD80C\uDC00 与 \uD80C\uDC00\n",
                StandardCharsets.UTF_8);
        TestBooks.Built b = TestBooks.build(book, tmp.resolve("out"), "epub");
        List<String> w = b.diagnostics().warnings().stream().map(Object::toString).toList();
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("one.md:5:") && w.get(0).contains("U+13000"), w.get(0));
    }
}
