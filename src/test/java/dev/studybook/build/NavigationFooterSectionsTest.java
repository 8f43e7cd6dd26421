package dev.studybook.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.Cli;
import dev.studybook.testing.EpubContents;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tiancaiamao/go-internals ends 26 chapters with "## links" over "[目录]", "上一节: […]", "下一节: […]": the contents
 * listed "links" under each of them. Such a heading is left out of the contents; one over real links stays.
 */
class NavigationFooterSectionsTest {

    @TempDir
    Path tmp;

    @Test
    void linksSectionsOfPreviousAndNextWereListedInTheContentsUnderEveryChapter() throws IOException {
        Path out = tmp.resolve("out");
        Cli.Run r = Cli.run("build", "--content", TestBooks.book("links/navigation-footer-sections").toString(), "--out",
                out.toString(), "--format=epub");
        assertEquals(0, r.code(), r.out() + r.err());
        Path epub = EpubContents.written(out);
        EpubContents e = EpubContents.read(epub);
        String outline = e.nav().outline();
        assertTrue(outline.contains("本书结构") && outline.contains("字符串"), outline);
        assertTrue(!outline.contains("链接"), outline);
        // "links" stays once: the heading of the references chapter, whose links lead to pages, not around the book.
        assertEquals(1, outline.lines().filter(l -> l.strip().startsWith("links ->")).count(), outline);
        // The footers stay in the text, their links leading into the book.
        assertTrue(e.text(e.chapterFile("基本类型")).contains("上一节"), e.text(e.chapterFile("基本类型")));
    }
}
