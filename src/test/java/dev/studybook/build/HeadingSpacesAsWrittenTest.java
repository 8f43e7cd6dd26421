package dev.studybook.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.studybook.testing.Cli;
import dev.studybook.testing.EpubContents;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CyC2018/CS-Notes' GFM-TOC list in "Leetcode 题解 - 位运算.md" links "## 8.  判断一个数是不是 4 的 n 次方" (two spaces)
 * as #8--判断一个数是不是-4-的-n-次方, as GitHub slugs the heading's text as written: studybook slugged the collapsed
 * text (one dash), and the link led to the chapter's start with a warning. The heading's own text is slugged now;
 * the collapsed form still leads there, and so does a slug around an escaped "\~" (one dash each side).
 */
class HeadingSpacesAsWrittenTest {

    @TempDir
    Path tmp;

    @Test
    void linkToAHeadingWithTwoSpacesLedToTheChaptersStart() throws IOException {
        Path out = tmp.resolve("out");
        Cli.Run r = Cli.run("build", "--content", TestBooks.book("links/heading-spaces-as-written").toString(), "--out",
                out.toString(), "--format=epub");
        assertEquals(0, r.code(), r.out() + r.err());
        assertFalse(r.err().contains("names no heading"), r.err());
        Path epub = EpubContents.written(out);
        EpubContents e = EpubContents.read(epub);
        String file = e.chapterFile("位运算");
        for (String[] link : new String[][] {
                {"8. 判断一个数是不是 4 的 n 次方", "8. 判断一个数是不是 4 的 n 次方"},
                {"13. 统计从 0 ~ n 每个数的二进制表示中 1 的个数", "13. 统计从 0 ~ n 每个数的二进制表示中 1 的个数"},
                {"第 8 题", "8. 判断一个数是不是 4 的 n 次方"}}) {
            var a = e.linksWithText(file, link[0]);
            assertEquals(1, a.size(), link[0] + " in " + e.text(file));
            var target = e.resolve(file, a.get(0).attr("href")).orElseThrow();
            assertEquals(link[1], target.element().text(), a.get(0).outerHtml());
        }
    }
}
