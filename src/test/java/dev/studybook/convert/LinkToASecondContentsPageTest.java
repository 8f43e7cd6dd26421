package dev.studybook.convert;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.EpubContents;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A link to a page that lists the chapters but is not the index (astaxie/build-web-application-with-golang's
 * "[目录](preface.md)" at the foot of each of its 95 sections, beside its SUMMARY.md) was shown as plain text with a
 * warning each time; it now leads to the book's contents, as a link to the index page does. A page that is no list
 * of chapters still gets the warning.
 */
class LinkToASecondContentsPageTest {

    @TempDir
    Path out;

    @Test
    void linkToASecondContentsPageLeadsToTheContents() throws IOException {
        TestBooks.Built b = TestBooks.build(TestBooks.book("index/link-to-a-second-contents-page"), out, "epub");
        EpubContents e = EpubContents.read(b.output("epub"));
        String first = e.text(e.chapterFile("环境"));
        assertTrue(first.matches("(?s).*<a href=\"nav\\.xhtml[^\"]*\">目录</a>.*"), first);
        List<String> warnings = b.diagnostics().warnings().stream().map(Object::toString).toList();
        assertFalse(warnings.stream().anyMatch(w -> w.contains("preface.md")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("03.md:9") && w.contains("notes.md")), warnings.toString());
    }
}
