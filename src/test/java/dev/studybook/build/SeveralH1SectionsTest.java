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
 * CyC2018/CS-Notes writes the sections of 代码可读性.md as level-1 headings ("# 一、可读性的重要性" to "# 十三、…", no
 * title over them), and 0voice/awesome_golang_learning's interview_questions/README.md puts "# 一、语言基础" to
 * "# 七、Redis" under its title "# Golang面试题": the contents and bookmarks, which list a chapter's sections from
 * level 2, left all those sections out (代码可读性 had no entry under it; the README's 1,215 lines listed only its
 * questions, under no section). Such h1s now go one level down under the chapter's title.
 */
class SeveralH1SectionsTest {

    @TempDir
    Path tmp;

    @Test
    void levelOneSectionsAfterTheFirstWereMissingFromTheContents() throws IOException {
        Path out = tmp.resolve("out");
        Cli.Run r = Cli.run("build", "--content", TestBooks.book("nested/several-h1-sections").toString(), "--out",
                out.toString(), "--format=epub");
        assertEquals(0, r.code(), r.out() + r.err());
        Path epub = EpubContents.written(out);
        EpubContents e = EpubContents.read(epub);
        EpubContents.NavNode nav = e.nav();
        String outline = nav.outline();

        // Numbered h1s with no title over them: the index's title is put on top, each is a section of the chapter.
        for (String s : new String[] {"一、基础", "二、创建表", "三、修改表"}) {
            assertEquals("SQL", nav.parentOf(s).orElse(null), outline);
        }
        String sql = e.chapterFile("SQL");
        assertEquals("h3", e.body(sql).select("h1, h2, h3, h4").stream().filter(h -> h.text().equals("1. 主键"))
                .findFirst().orElseThrow().tagName(), e.text(sql));
        assertEquals(1, e.body(sql).select("h1").size(), e.text(sql));
        assertEquals("SQL", e.body(sql).selectFirst("h1").text(), e.text(sql));

        // A title over numbered h1s stays the title, shown once; its sections and their questions nest under it.
        assertEquals("Go 面试题", nav.parentOf("一、语言基础").orElse(null), outline);
        assertEquals("Go 面试题", nav.parentOf("二、并发编程").orElse(null), outline);
        String go = e.chapterFile("Go 面试题");
        assertEquals(1, e.body(go).select("h1").size(), e.text(go));
        assertEquals("[Go 面试题, 一、语言基础, make 和 new 的区别, 二、并发编程, 无缓冲 channel]",
                e.body(go).select("h1, h2, h3, h4").eachText().toString(), e.text(go));
        assertEquals("[h1, h2, h3, h2, h3]", e.body(go).select("h1, h2, h3, h4").stream().map(h -> h.tagName())
                .toList().toString(), e.text(go));

        // A chapter of one h1 is as it was: that h1 opens it, its h2 a section.
        String download = e.chapterFile("下载");
        assertEquals("目的", e.body(download).selectFirst("h1").text(), e.text(download));
        assertEquals("下载", nav.parentOf("格式").orElse(null), outline);
    }
}
