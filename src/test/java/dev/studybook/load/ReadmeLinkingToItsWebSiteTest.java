package dev.studybook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.build.Outputs;
import dev.studybook.config.Request;
import dev.studybook.convert.BookConverter;
import dev.studybook.error.Diagnostics;
import dev.studybook.error.StudybookException;
import dev.studybook.markdown.MarkdownRenderer;
import dev.studybook.model.Book;
import dev.studybook.model.Chapter;
import dev.studybook.model.ChapterBody;
import dev.studybook.model.Outline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A README that lists its web site's articles instead of the Markdown files they are written in
 * (geektutu/7days-golang, labuladong/fucking-algorithm) stopped with "the index page links to no Markdown chapter";
 * its site's pages are the chapters now, judged per host, and chapters' links to them lead into the book.
 */
class ReadmeLinkingToItsWebSiteTest {

    @TempDir
    Path tmp;

    private Path write(Path book, String file, String text) throws IOException {
        Path p = book.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static LoadedBook load(Path book, Diagnostics d) {
        return BookLoader.load(Request.read(book, Optional.empty()), Outputs.DEFAULT.specs(), d);
    }

    private static List<String> files(Outline o, Path book) {
        return o.chapters().stream().filter(c -> !c.titlePage())
                .map(c -> book.relativize(c.file()).toString().replace('\\', '/')).toList();
    }

    /** A book shaped like geektutu/7days-golang: articles by address, code folders beside, a README in two languages. */
    private Path articles() throws IOException {
        Path book = Files.createDirectories(tmp.resolve("seven-days"));
        write(book, "README.md", """
                # 7 days from scratch

                推荐先阅读 **[Go 语言简明教程](https://blog.example.com/post/quick-go.html)**。

                ## 7天从零实现 Web 框架

                [Web](https://blog.example.com/post/web.html) 是一个 Web 框架，[简明教程](https://blog.example.com/post/quick-gin.html)可以快速入门。

                - 第一天：[前置知识](https://blog.example.com/post/web-day1.html) | [Code](web/day1-base)
                - 第二天：[上下文](https://blog.example.com/post/web-day2.html) | [Code](web/day2-context)
                - 第三天：[路由](https://blog.example.com/post/web-day3.html) | [Code](web/day3-router)

                ## Web Framework

                [Web](https://blog.example.com/post/web.html) is a framework.

                - Day 1 - Basics [Code](web/day1-base)
                """);
        write(book, "web/doc/web.md", "---\ntitle: 从零实现 Web 框架\n---\n\n本系列共三篇。\n");
        write(book, "web/doc/web-day1.md", "---\ntitle: 第一天\n---\n\n## 标准库\n\n见[系列介绍](https://blog.example.com/post/web.html)，"
                + "明天是[第二天](https://blog.example.com/archives/web-day2/)。\n");
        write(book, "web/doc/web-day2.md", """
                ---
                title: 第二天
                ---

                接[第一天](http://www.blog.example.com/post/web-day1/)，读过[第三天](https://blog.example.com/post/web-day3.html#路由树)
                再看[Go 语言简明教程](https://blog.example.com/post/quick-go.html)。
                """);
        write(book, "web/doc/web-day3.md", "---\ntitle: 第三天\n---\n\n## 路由树\n\n树。\n");
        write(book, "web/day1-base/main.go", "package main\n");
        write(book, "web/day2-context/main.go", "package main\n");
        write(book, "web/day3-router/main.go", "package main\n");
        return book;
    }

    @Test
    void readmeOfArticleAddressesHasTheArticlesTheirNamesGiveAsChaptersInItsOrder() throws IOException {
        Path book = articles();
        Diagnostics d = new Diagnostics();
        Outline o = load(book, d).outline();
        assertEquals(List.of("web/doc/web.md", "web/doc/web-day1.md", "web/doc/web-day2.md", "web/doc/web-day3.md"),
                files(o, book));
        assertEquals("前置知识", o.chapters().stream().filter(c -> c.file().endsWith("web-day1.md")).findFirst()
                .orElseThrow().title());
        List<String> said = d.warnings().stream().map(w -> w.toString()).toList();
        assertTrue(said.stream().anyMatch(w -> w.contains("README.md:7") && w.contains("own web site")
                && w.contains("5 of the 7 links to blog.example.com (4 pages")), said.toString());
        // The English half's link to the same article is the same chapter, not a warning.
        assertFalse(said.stream().anyMatch(w -> w.contains("already a chapter")), said.toString());
    }

    @Test
    void chaptersLinksToTheSitesPagesLeadIntoTheBookAndTheSitesOtherPagesStayOnTheWeb() throws IOException {
        Path book = articles();
        Diagnostics d = new Diagnostics();
        Book b = BookConverter.convert(load(book, d), cp -> true, d, MarkdownRenderer::toHtml, () -> { });
        Chapter day2 = b.chapters().stream().filter(c -> c.source().endsWith("web-day2.md")).findFirst().orElseThrow();
        List<ChapterBody.Mark> links = day2.body().marks().stream().filter(m -> m instanceof ChapterBody.ChapterLink).toList();
        String day1 = b.chapters().stream().filter(c -> c.source().endsWith("web-day1.md")).findFirst().orElseThrow().id();
        String day3 = b.chapters().stream().filter(c -> c.source().endsWith("web-day3.md")).findFirst().orElseThrow().id();
        assertEquals(List.of(new ChapterBody.ChapterLink(day1, ""), new ChapterBody.ChapterLink(day3, "路由树")), links);
        assertTrue(day2.body().toString().contains("href=\"https://blog.example.com/post/quick-go.html\""),
                day2.body().toString());
        // Another address of the site's page, named after its file as every page of that site is, leads into the book.
        Chapter first = b.chapters().stream().filter(c -> c.source().endsWith("web-day1.md")).findFirst().orElseThrow();
        assertEquals(List.of(new ChapterBody.ChapterLink(b.chapters().get(0).id(), ""),
                new ChapterBody.ChapterLink(day2.id(), "")), first.body().marks().stream()
                        .filter(m -> m instanceof ChapterBody.ChapterLink).toList());
    }

    @Test
    void linksToAnotherSitesArticlesNamedLikeTheBooksFilesAreNoChapters() throws IOException {
        // One link to an outside article whose name the book holds, and a host whose pages the README already links
        // as files (a wiki beside each chapter), prove no site: nothing is taken from the web.
        Path book = Files.createDirectories(tmp.resolve("algorithms"));
        write(book, "README.md", """
                # 算法

                - [Heap](heap.md) ([wiki](https://en.wikipedia.org/wiki/Heap))
                - [Graph](graph.md) ([wiki](https://en.wikipedia.org/wiki/Graph))
                - [Sort](sort.md) ([wiki](https://en.wikipedia.org/wiki/Sort))

                See also [a trie](https://other.example.org/articles/trie.html).
                """);
        for (String n : List.of("heap", "graph", "sort", "trie")) {
            write(book, n + ".md", "# " + n + "\n\nSee [Heap](https://en.wikipedia.org/wiki/Heap).\n");
        }
        Diagnostics d = new Diagnostics();
        LoadedBook loaded = load(book, d);
        assertEquals(List.of("heap.md", "graph.md", "sort.md"), files(loaded.outline(), book));
        assertTrue(loaded.outline().site().isEmpty());
        assertFalse(d.warnings().stream().anyMatch(w -> w.message().contains("web site")), d.warnings().toString());
        Book b = BookConverter.convert(loaded, cp -> true, d, MarkdownRenderer::toHtml, () -> { });
        assertTrue(b.chapters().get(1).body().toString().contains("href=\"https://en.wikipedia.org/wiki/Heap\""));
    }

    @Test
    void readmeOfTitlesHasThePagesItsLinkTextsTitleAndNotAPageAnotherAddressNames() throws IOException {
        // labuladong/fucking-algorithm: the link text is the page's first heading (or front matter title); the
        // exercises at ".../problem-set/bst1/" are not BST1.md, the article "二叉搜索树心法（特性篇）" links by title.
        Path book = Files.createDirectories(tmp.resolve("algo"));
        write(book, "README.md", """
                # 算法小抄

                ### [本站简介](https://algo.example.com/algo/home/)

                ### [数据结构](https://algo.example.com/algo/menu/data-structure/)
                  * [二叉搜索树心法（特性篇）](https://algo.example.com/algo/data-structure/bst-part1/)
                  * [【强化练习】二叉搜索树经典例题 I](https://algo.example.com/algo/problem-set/bst1/)
                  * [一个方法团灭 LeetCode 打家劫舍问题](https://algo.example.com/algo/dynamic-programming/rob/)
                  * [经典动态规划：编辑距离](https://algo.example.com/algo/dynamic-programming/edit-distance/)
                  * [本章导读](https://algo.example.com/algo/intro/a/)
                  * [本章导读](https://algo.example.com/algo/intro/b/)
                """);
        write(book, "数据结构系列/BST1.md", "# 二叉搜索树心法（特性篇）\n\n正文。\n");
        write(book, "动态规划系列/抢房子.md", "# 一个方法团灭 LeetCode 打家劫舍问题\n\n见[编辑距离](https://algo.example.com/algo/dynamic-programming/edit-distance/)。\n");
        write(book, "动态规划系列/编辑距离.md", "---\ntitle: \"经典动态规划：编辑距离\"\n---\n\n正文。\n");
        write(book, "动态规划系列/导读.md", "# 本章导读\n\n正文。\n");
        write(book, "动态规划系列/README.md", "# 动态规划系列\n\n![二维码](../qrcode.jpg)\n");
        Diagnostics d = new Diagnostics();
        LoadedBook loaded = load(book, d);
        assertEquals(List.of("数据结构系列/BST1.md", "动态规划系列/抢房子.md", "动态规划系列/编辑距离.md"),
                files(loaded.outline(), book));
        assertTrue(d.warnings().stream().anyMatch(w -> w.message().contains("3 of the 8 links to algo.example.com (3 pages,"
                + " found by their text")), d.warnings().toString());
        Book b = BookConverter.convert(loaded, cp -> true, d, MarkdownRenderer::toHtml, () -> { });
        assertTrue(b.chapters().stream().anyMatch(c -> c.body().marks().contains(new ChapterBody.ChapterLink(
                b.chapters().get(b.chapters().size() - 1).id(), ""))), "the rob page links to the edit distance page");
    }

    @Test
    void readmeOfWebLinksBesideMorePagesThanItselfIsReadAsTheFolderOfPages() throws IOException {
        // A README whose links lead only to the web, beside pages it does not list, stopped with "links to no Markdown
        // chapter"; the pages are the book, the README first, the repository's upkeep left out.
        Path book = Files.createDirectories(tmp.resolve("notes"));
        write(book, "README.md", "# 我的笔记\n\n在线阅读：[网站](https://notes.example.com/)，[知乎](https://zhuanlan.zhihu.com/x)\n");
        write(book, "CONTRIBUTING.md", "# Contributing\n");
        for (String n : List.of("b-缓存", "a-并发", "c-网络", "d-存储")) {
            write(book, n + ".md", "# " + n + "\n\n正文。\n");
        }
        Diagnostics d = new Diagnostics();
        Outline o = load(book, d).outline();
        assertEquals(List.of("README.md", "a-并发.md", "b-缓存.md", "c-网络.md", "d-存储.md"), files(o, book));
        assertEquals("我的笔记", o.metadata().title());
        assertTrue(d.warnings().stream().anyMatch(w -> w.toString().contains("README.md:3")
                && w.message().contains("links to no Markdown chapter (its 2 links lead to the web), and the content"
                        + " folder holds 5 Markdown pages")), d.warnings().toString());
    }

    @Test
    void readmeOfWebLinksBesideAFewPagesIsStillRefused() throws IOException {
        Path book = Files.createDirectories(tmp.resolve("few"));
        write(book, "README.md", "# 书\n\n[网站](https://notes.example.com/)\n");
        write(book, "a.md", "# a\n");
        write(book, "b.md", "# b\n");
        StudybookException e = assertThrows(StudybookException.class, () -> load(book, new Diagnostics()));
        assertTrue(e.getMessage().contains("links to no Markdown chapter"), e.getMessage());
    }
}
