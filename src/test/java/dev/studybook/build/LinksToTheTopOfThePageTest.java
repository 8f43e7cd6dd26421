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
 * CyC2018/CS-Notes cites its sources as placeholder links, "[编程之美 3.1](#)": 7 of them in 4 chapters each printed
 * "the link '#' names no heading or anchor", a warning about a broken anchor where HTML defines '#' (and '#top') as
 * the page's top. They lead to the chapter's start without a word; a real missing anchor is still reported.
 */
class LinksToTheTopOfThePageTest {

    @TempDir
    Path tmp;

    @Test
    void placeholderLinksToTheTopWereWarnedAboutAsBrokenAnchors() throws IOException {
        Path out = tmp.resolve("out");
        Cli.Run r = Cli.run("build", "--content", TestBooks.book("links/links-to-the-top-of-the-page").toString(), "--out",
                out.toString(), "--format=epub");
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals(1, r.err().lines().filter(l -> l.contains("names no heading")).count(), r.err());
        assertTrue(r.err().contains("'#没有这一节' names no heading"), r.err());
        Path epub = EpubContents.written(out);
        EpubContents e = EpubContents.read(epub);
        String strings = e.chapterFile("字符串");
        String math = e.chapterFile("数学");
        for (String[] link : new String[][] {{"编程之美 3.1", strings}, {"编程之美 2.17", strings}, {"数学的开头", math}}) {
            var a = e.linksWithText(strings, link[0]);
            assertEquals(1, a.size(), link[0] + " in " + e.text(strings));
            EpubContents.Target target = e.resolve(strings, a.get(0).attr("href")).orElseThrow(() -> new AssertionError(
                    a.get(0).outerHtml()));
            assertEquals(link[1], target.file(), a.get(0).outerHtml());
        }
    }
}
