package dev.studybook.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.error.Diagnostics;
import dev.studybook.testing.EpubCheckRunner;
import dev.studybook.testing.EpubContents;
import dev.studybook.testing.PdfText;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged pictures, pictures hiding their size and SVGs referring outside themselves: each gets one warning at its
 * chapter's line, both outputs show the same thing, and the EPUB stays valid.
 */
class HostilePicturesTest {

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void damagedAndHostilePicturesWarnOnceWithTheChapterLineInBothOutputs() throws IOException {
        TestBooks.Built b = TestBooks.build(TestBooks.book("pictures/hostile"), tmp, "epub", "pdf");
        Map<String, String> byPicture = b.diagnostics().warnings().stream()
                .filter(w -> w.kind() == Diagnostics.Kind.IMAGE)
                .collect(Collectors.toMap(w -> w.message().replaceFirst("^[^']*'images/([^']*)'.*$", "$1"),
                        w -> w.location().toString(), (x, y) -> x + " and " + y));
        assertEquals(Map.of(
                "truncated.png", "pictures.md:7", "truncated.jpg", "pictures.md:9", "fill-byte.jpg", "pictures.md:11",
                "small-screen.gif", "pictures.md:13", "escaped-import.svg", "pictures.md:15", "stylesheet-pi.svg", "pictures.md:17",
                "remote-use.svg", "pictures.md:19", "feimage.svg", "pictures.md:21", "use-bomb.svg", "pictures.md:23"),
                byPicture.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().replaceFirst("^.*/", ""))));
        EpubContents epub = EpubContents.read(b.output("epub"));
        List<String> images = epub.manifest().stream().map(EpubContents.Item::href).filter(h -> h.startsWith("images/"))
                .filter(h -> !h.endsWith(".png") || h.contains("truncated")).sorted().toList();
        // The damaged and oversized pictures are left out; the cleaned SVGs stay.
        assertEquals(List.of("images/escaped-import.svg", "images/feimage.svg", "images/photo.jpg", "images/remote-use.svg",
                "images/stylesheet-pi.svg"), images);
        String chapter = epub.text(epub.chapterFiles().get(0));
        for (String alt : List.of("truncated png", "truncated jpeg", "fill byte", "small screen", "use bomb")) {
            assertTrue(chapter.contains(alt), alt);
        }
        for (String svg : List.of("images/escaped-import.svg", "images/stylesheet-pi.svg", "images/remote-use.svg", "images/feimage.svg")) {
            String text = epub.text(svg);
            assertFalse(text.contains("127.0.0.1") || text.contains("passwd") || text.contains("<?xml-stylesheet"), text);
        }
        assertTrue(EpubCheckRunner.check(b.output("epub")).clean());
        String pdf = PdfText.text(b.output("pdf"));
        assertTrue(pdf.contains("truncated png") && pdf.contains("use bomb"), pdf);
        assertFalse(b.diagnostics().warnings().stream().anyMatch(w -> w.message().contains("Can't read")));
    }
}
