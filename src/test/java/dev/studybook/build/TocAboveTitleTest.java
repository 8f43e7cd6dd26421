package dev.studybook.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.Cli;
import dev.studybook.testing.EpubContents;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Path;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chapters of aceld/golang open with Typora's "[TOC]" above their title ("# 1、最常用的调试 golang 的 bug…", or
 * "## 1、数据定义" that the index names): 21 of its 22 chapters opened with their list of sections, the title below
 * it (PDF page 10). The list now comes right under the title.
 */
class TocAboveTitleTest {

    @TempDir
    Path tmp;

    @Test
    void chapterOpenedWithItsListOfSectionsAboveItsTitle() throws IOException {
        Path out = tmp.resolve("out");
        Cli.Run r = Cli.run("build", "--content", TestBooks.book("dialects/toc-above-title").toString(), "--out",
                out.toString(), "--format=epub");
        assertEquals(0, r.code(), r.out() + r.err());
        Path epub = EpubContents.written(out);
        EpubContents e = EpubContents.read(epub);
        for (String[] c : new String[][] {{"1、调试 golang 的 bug", "场景1：程序的运行时间"}, {"2、数组和切片", "切片"}}) {
            String file = e.chapterFile(c[0]);
            Element body = e.body(file);
            Element first = body.select("h1, h2, h3, div.chapter-toc").first();
            assertEquals("h1", first.tagName(), body.html());
            assertEquals(c[0], first.text(), body.html());
            Element toc = first.nextElementSibling();
            assertTrue(toc != null && toc.hasClass("chapter-toc"), body.html());
            assertTrue(toc.select("a").eachText().contains(c[1]), toc.outerHtml());
            // The title is not one of its sections, even when it was a "##" heading as the list was made.
            assertTrue(!toc.select("a").eachText().contains(c[0]), toc.outerHtml());
        }
    }
}
