package dev.studybook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.error.Diagnostics;
import dev.studybook.error.ExitCode;
import dev.studybook.error.StudybookException;
import dev.studybook.model.Outline;
import dev.studybook.model.Outline.OutlineChapter;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutlineReaderTest {

    @TempDir
    Path tmp;

    @Test
    void seedIndexOfAbsoluteGithubLinksResolvesToItsEightChaptersInOrder() {
        Outline o = TestBooks.load(TestBooks.book("index/seed"), new Diagnostics()).outline();
        List<OutlineChapter> cs = o.chapters();
        assertEquals(List.of("Map 的底层实现、并发安全性及扩容机制是什么？", "进程、线程、协程的区别",
                "Go 字符串拼接的 4 种方式、底层原理及场景选择", "GMP 调度模型", "defer 的执行机制", "GC 垃圾回收机制",
                "Go语言中的channel", "Go 切片（slice）的底层结构"), cs.stream().map(OutlineChapter::title).toList());
        assertEquals(List.of("Map 的底层实现、并发安全性及扩容机制是什么？.md", "Go语言中的进程、线程、协程的区别.md",
                "Go 字符串拼接的 4 种方式、底层原理及场景选择.md", "Go 语言 GMP 调度模型.md", "Go 中 defer 的执行机制.md",
                "Go 语言 GC 垃圾回收机制.md", "Go 语言中的Channel .md", "Go 切片（slice）的底层结构.md"),
                cs.stream().map(c -> c.file().getFileName().toString()).toList());
        assertTrue(cs.stream().allMatch(c -> Files.isRegularFile(c.file())));
        // One "目录" heading over all links labels the list; it is not a part.
        assertEquals(1, o.parts().size());
        assertEquals("", o.parts().get(0).title());
    }

    @Test
    void withoutBookYamlTitleAndDescriptionComeFromTheIndexPage() {
        Outline o = TestBooks.load(TestBooks.book("index/seed"), new Diagnostics()).outline();
        assertEquals("Go语言面试题深度解析", o.metadata().title());
        assertTrue(o.metadata().description().startsWith("本文档整理 Go 语言高频面试题"), o.metadata().description());
        assertEquals("zh-CN", o.metadata().language());
        assertTrue(o.metadata().identifier().startsWith("urn:uuid:"));
    }

    @Test
    void repositoryLinksAlsoFindChaptersKeptAtTheTopOfTheContentFolder() throws IOException {
        Path book = tmp.resolve("flat");
        Files.createDirectories(book);
        Files.writeString(book.resolve("README.md"),
                "# Flat\n\n[A](https://github.com/o/r/blob/main/deep/er/%E7%AB%A0%20%E4%B8%80.md)\n", StandardCharsets.UTF_8);
        Files.writeString(book.resolve("章 一.md"), "# 章一\n", StandardCharsets.UTF_8);
        Outline o = TestBooks.load(book, new Diagnostics()).outline();
        assertEquals("章 一.md", o.chapters().get(0).file().getFileName().toString());
    }

    @Test
    void headingsAboveGroupsOfLinksStartPartsAndNestedItemsAreSubChapters() {
        Outline o = TestBooks.load(TestBooks.book("build/basic"), new Diagnostics()).outline();
        assertEquals(List.of("第一部分 基础", "第二部分 进阶"), o.parts().stream().map(Outline.OutlinePart::title).toList());
        assertEquals(List.of(1, 2, 1, 1), o.chapters().stream().map(OutlineChapter::depth).toList());
        assertEquals("测试之书", o.metadata().title());
        assertEquals(List.of("张三", "Li Si"), o.metadata().authors());
        assertEquals("basic", o.outputName());
    }

    @Test
    void emojiShortcodesBeforeAnIndexHeadingAreNotLeftAsWordsInThePartTitle() throws IOException {
        // CyC2018/CS-Notes: '## :pencil2: 算法' was the part 'pencil2 算法'.
        Path book = Files.createDirectories(tmp.resolve("emoji"));
        Files.writeString(book.resolve("README.md"), "# Notes\n\n## :pencil2: 算法\n\n- [A](a.md)\n\n"
                + "## :floppy_disk: 数据库 :star:\n\n- [B](b.md)\n", StandardCharsets.UTF_8);
        Files.writeString(book.resolve("a.md"), "# A\n\ntext\n", StandardCharsets.UTF_8);
        Files.writeString(book.resolve("b.md"), "# B\n\ntext\n", StandardCharsets.UTF_8);
        Outline o = TestBooks.load(book, new Diagnostics()).outline();
        assertEquals(List.of("算法", "数据库 \u2b50"), o.parts().stream().map(Outline.OutlinePart::title).toList());
    }

    @Test
    void aLinkToAMissingChapterNamesTheIndexLineAndThePathLookedFor() throws IOException {
        Path book = tmp.resolve("missing");
        Files.createDirectories(book);
        Files.writeString(book.resolve("README.md"), "# T\n\n- [一](one.md)\n- [二](sub/two%20x.md)\n", StandardCharsets.UTF_8);
        Files.writeString(book.resolve("one.md"), "# 一\n", StandardCharsets.UTF_8);
        StudybookException e = assertThrows(StudybookException.class,
                () -> TestBooks.load(book, new Diagnostics()).outline());
        assertEquals(ExitCode.CONTENT, e.exitCode());
        assertEquals(book.resolve("README.md"), e.location().orElseThrow().file());
        assertEquals(4, e.location().orElseThrow().line());
        assertTrue(e.getMessage().contains("sub/two x.md"), e.getMessage());
    }

    @Test
    void theSameFileLinkedTwiceIsOneChapterWithAWarning() throws IOException {
        Path book = tmp.resolve("twice");
        Files.createDirectories(book);
        Files.writeString(book.resolve("SUMMARY.md"), "# S\n\n* [一](one.md)\n* [又一](./one.md)\n", StandardCharsets.UTF_8);
        Files.writeString(book.resolve("one.md"), "# 一\n", StandardCharsets.UTF_8);
        Diagnostics d = new Diagnostics();
        Outline o = TestBooks.load(book, d).outline();
        assertEquals(1, o.chapters().size());
        assertEquals(1, d.warnings().size());
        assertEquals(4, d.warnings().get(0).location().line());
    }

    @Test
    void noIndexPageAndAnIndexWithoutChaptersAreErrors() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        StudybookException none = assertThrows(StudybookException.class,
                () -> TestBooks.load(empty, new Diagnostics()).outline());
        assertTrue(none.getMessage().contains("no index page"), none.getMessage());
        Files.writeString(empty.resolve("README.md"), "# T\n\n[site](https://go.dev)\n", StandardCharsets.UTF_8);
        StudybookException noLinks = assertThrows(StudybookException.class,
                () -> TestBooks.load(empty, new Diagnostics()).outline());
        assertTrue(noLinks.getMessage().contains("no Markdown chapter"), noLinks.getMessage());
    }

    @Test
    void aChapterLinkLeavingTheContentFolderIsRefused() throws IOException {
        Path book = Files.createDirectories(tmp.resolve("inner/book"));
        Files.writeString(tmp.resolve("inner/secret.md"), "# secret\n", StandardCharsets.UTF_8);
        Files.writeString(book.resolve("README.md"), "# T\n\n[s](../secret.md)\n", StandardCharsets.UTF_8);
        StudybookException e = assertThrows(StudybookException.class,
                () -> TestBooks.load(book, new Diagnostics()).outline());
        assertTrue(e.getMessage().contains("outside the content folder"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }

    /** The count that decides whether a chapter may be a contents page, made without splitting it into lines. */
    @Test
    void linkLinesCountsEachLineWithALinkOnce() {
        for (String text : List.of("", "no links\n", "[a](a.md)\n", "[a](a.md) [b](b.md) <a href=\"c\">c</a>\n\n[d](d.md)",
                "href=\n](\nhref=](\n\n", "x\n\n\n[a](a.md)", "[a]\n(a.md)\n<a\nhref=x>", "](", "text](x)\nhref=\n](\nplain")) {
            long expected = text.lines().filter(l -> l.contains("](") || l.contains("href=")).count();
            assertEquals(expected, OutlineReader.linkLines(text), text);
        }
    }
}
