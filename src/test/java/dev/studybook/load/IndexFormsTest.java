package dev.studybook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.build.Outputs;
import dev.studybook.config.Request;
import dev.studybook.config.SettingsResolver;
import dev.studybook.error.Diagnostics;
import dev.studybook.error.StudybookException;
import dev.studybook.model.Metadata;
import dev.studybook.model.Outline;
import dev.studybook.model.Outline.OutlineChapter;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index forms real repositories use, each on a tiny book of its own under books/: what the outline holds (parts,
 * chapters, nesting, titles), read as every command reads it.
 */
class IndexFormsTest {

    @TempDir
    Path tmp;

    private static Outline outline(String book) {
        return TestBooks.load(TestBooks.book(book)).outline();
    }

    private static Outline outline(String book, String index) {
        return BookLoader.load(Request.read(TestBooks.book(book), Optional.of(Path.of(index))), Outputs.DEFAULT.specs(),
                new Diagnostics()).outline();
    }

    /** The outline as indented lines: "[part]" for a part, two spaces a level, "*" for a title page. */
    private static String tree(Outline o) {
        StringBuilder sb = new StringBuilder();
        for (Outline.OutlinePart p : o.parts()) {
            int base = 0;
            if (!p.title().isEmpty()) {
                sb.append('[').append(p.title()).append("]\n");
                base = 1;
            }
            for (OutlineChapter c : p.chapters()) {
                sb.append("  ".repeat(base + c.depth() - 1)).append(c.titlePage() ? "*" : "").append(c.title().isEmpty()
                        ? c.file().getFileName().toString() : c.title()).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void linkInsideHeadingBelowAnchorListIsAChapter() {
        // ##### [1.1 …](01.甲篇/1.1 ….md) under <h3 id="1">甲篇</h3> and a '---', below "* [甲篇](#1)": every part kept.
        Outline o = outline("index-forms/anchor-list");
        assertEquals("""
                [甲篇]
                  1.1 如何反转一个链表？
                  1.2 什么是 LRU 缓存？
                [乙篇]
                  2.1 进程与线程的区别
                """, tree(o));
        assertEquals("大厂面试题汇总，持续更新", o.metadata().title());
    }

    @Test
    void docsifyHashRoutesAreChapters() {
        Outline o = outline("index-forms/docsify-hash", "sidebar.md");
        assertEquals("前言\nlet 和 const 命令\n解构赋值\n", tree(o));
        assertEquals("ES 入门", o.metadata().title());
        assertEquals(List.of("README.md", "let.md", "destructuring.md"),
                o.chapters().stream().map(c -> c.file().getFileName().toString()).toList());
    }

    @Test
    void docsifySidebarIsFoundWithPathRoutesAndItsGroupsArePartTitles() {
        Outline o = outline("index-forms/docsify-routes");
        assertEquals("_sidebar.md", o.indexFile().getFileName().toString());
        assertEquals("""
                README.md
                [Getting started]
                  Quick start
                  Writing pages
                [Customization]
                  Themes
                """, tree(o));
        assertEquals("en", o.metadata().language());
    }

    @Test
    void commentsSeparatorsUpperHeadingsSwitchersBadgesAndContentsLinksAreReadAsGitHubShowsThem() {
        // The link after "<br>" and the one after a comment are kept; the '---' under "## 基础篇" keeps the part; the
        // upper heading level gives the parts and the lower one titles; the language switcher, the badge and the
        // link to the contents are not chapters.
        Outline o = outline("index-forms/mixed");
        assertEquals("""
                [基础篇]
                  *语法
                    变量
                    函数
                  *类型
                    接口
                [进阶篇]
                  并发
                  反射
                """, tree(o));
    }

    @Test
    void contentsPagesBringInTheirPagesRecursivelyEvenAboveALongReferenceListButNotTheirNavigationFooters() {
        Outline o = outline("nested/contents-pages");
        assertEquals("""
                算法
                  排序
                  查找
                  图
                    广度优先
                    深度优先
                网络
                """, tree(o));
    }

    @Test
    void nestingIsTurnedOffInBookYaml() throws IOException {
        Path book = TestBooks.copy("nested/contents-pages", tmp.resolve("book"));
        Files.writeString(book.resolve("book.yaml"), "nested: false\n", StandardCharsets.UTF_8);
        assertEquals("算法\n网络\n", tree(TestBooks.load(book).outline()));
        Files.writeString(book.resolve("book.yaml"), "nested: maybe\n", StandardCharsets.UTF_8);
        StudybookException e = assertThrows(StudybookException.class, () -> TestBooks.load(book));
        assertEquals(book.resolve("book.yaml"), e.location().orElseThrow().file());
        assertEquals(1, e.location().orElseThrow().line());
    }

    @Test
    void anMdBookIsNotNestedByMistakeAndItsSrcSummaryAndBookTomlAreRead() {
        Outline o = outline("nested/mdbook-not-nested");
        assertEquals("Chapter\n", tree(o));
        assertEquals("SUMMARY.md", o.indexFile().getFileName().toString());
        assertEquals("An mdBook", o.metadata().title());
        assertEquals(List.of("Ann Author"), o.metadata().authors());
        assertEquals("en", o.metadata().language());
    }

    @Test
    void missingChapterWhoseNameIsElsewhereInTheBookSaysWhere() {
        // lifei6671/interview-go links ./001.md from its index; the file lies in es/.
        StudybookException e = assertThrows(StudybookException.class, () -> outline("missing/namesake"));
        assertEquals(9, e.location().orElseThrow().line());
        assertTrue(e.getMessage().endsWith("namesake/001.md (a file of that name is at es/001.md)"), e.getMessage());
    }

    @Test
    void missingChapterLinkedByItsGithubAddressAtTheWrongFolderSaysWhereTheFileOfThatNameIs() {
        // 0voice/interview_internal_reference links 12.1.3 ….md by its GitHub address at the repository's top; the file
        // lies in 12.Zookeeper篇/. The error said only "no trailing part of it exists in the content folder".
        StudybookException e = assertThrows(StudybookException.class, () -> outline("missing/namesake-of-repository-url"));
        assertEquals(7, e.location().orElseThrow().line());
        assertTrue(e.getMessage().contains("from the repository path '2.1.2 四次挥手.md'") && e.getMessage()
                .endsWith("; a file of that name is at 02.网络篇/2.1.2 四次挥手.md)"), e.getMessage());
    }

    @Test
    void missingChaptersStopTheLoadNamingEveryOneAndASummaryEntryWithEntriesUnderItBecomesATitle() {
        StudybookException e = assertThrows(StudybookException.class, () -> outline("missing/summary"));
        assertTrue(e.getMessage().startsWith("3 chapter files not found:"), e.getMessage());
        for (String line : List.of("SUMMARY.md:6: ", "SUMMARY.md:8: ", "SUMMARY.md:10: ")) {
            assertTrue(e.getMessage().contains(line), line + " in " + e.getMessage());
        }
        assertTrue(e.getMessage().contains("ch1/absent.md") && e.getMessage().contains("ch2/gone.md")
                && e.getMessage().contains("ch3.md"), e.getMessage());
        assertTrue(e.hint().orElseThrow().contains("--skip-missing"), e.hint().orElseThrow());

        Diagnostics d = new Diagnostics();
        Outline o = BookLoader.load(Request.read(TestBooks.book("missing/summary"), Optional.empty())
                .withSwitch(SettingsResolver.SKIP_MISSING), Outputs.DEFAULT.specs(), d).outline();
        assertEquals("""
                前言
                第一章
                  1.1 存在
                [第二章（文件不存在）]
                  2.2 又一个存在
                """, tree(o));
        assertEquals(List.of(6, 8, 10), d.warnings().stream().filter(w -> w.kind() == Diagnostics.Kind.MISSING_CHAPTER)
                .map(w -> w.location().line()).toList());
        assertTrue(d.warnings().stream().anyMatch(w -> w.kind() == Diagnostics.Kind.INDEX && w.location().line() == 7
                && w.message().contains("shown as a title")), d.warnings().toString());
    }

    @Test
    void missingSkipInBookYamlBuildsWithoutThem() throws IOException {
        Path book = TestBooks.copy("missing/summary", tmp.resolve("book"));
        Files.writeString(book.resolve("book.yaml"), "missing: skip\n", StandardCharsets.UTF_8);
        assertEquals(4, TestBooks.load(book).outline().chapters().size());
        Files.writeString(book.resolve("book.yaml"), "title: x\nmissing: ignore\n", StandardCharsets.UTF_8);
        StudybookException e = assertThrows(StudybookException.class, () -> TestBooks.load(book));
        assertEquals(2, e.location().orElseThrow().line());
        assertTrue(e.getMessage().contains("'missing'"), e.getMessage());
    }

    @Test
    void summarySectionLinksWithEntriesUnderThemLostTheirTitleAndTheirEntriesMovedUpALevel() {
        // tmrts/go-patterns: "* [Creational Patterns](/README.md#creational-patterns)" over its patterns. HonKit shows
        // each category over its patterns; the outline had all the patterns side by side under the README.
        assertEquals("""
                Patterns
                  *Creational Patterns
                    Builder
                    Singleton
                  *Behavioral Patterns
                    Observer
                Contributing
                """, tree(outline("index-forms/summary-section-links-over-entries")));
    }

    @Test
    void readmeTitleInARawHtmlHeadingWithBadgesWasNotReadAndTheBookWasNamedAfterItsFolder() {
        // tmrts/go-patterns: <h1 align="center">Go Patterns <br> <a><img badge></a>...</h1>; the book was "go-patterns".
        Outline o = outline("metadata/readme-html-heading-with-badges");
        assertEquals("Go Patterns", o.metadata().title());
        assertEquals("A curated collection of idiomatic design patterns.", o.metadata().description());
    }

    @Test
    void readmeTitleUnderALanguageSwitcherWasNotReadAndTheBookWasNamedAfterItsFolder() {
        // donnemartin/system-design-primer: "*[English](README.md) ∙ [日本語](README-ja.md)*" and "Help [translate]
        // (TRANSLATIONS.md) this guide!" above "# The System Design Primer"; the book was "system-design-primer".
        assertEquals("The Primer", outline("index-forms/readme-that-is-the-text").metadata().title());
        // A list of chapter links above a level-1 heading still makes that heading a part, not the title.
        assertEquals("readme-with-list-above-heading", outline("index-forms/readme-with-list-above-heading").metadata().title());
    }

    @Test
    void readmeThatIsTheTextWasLeftOutAndItsTableOfSolutionsGaveEveryChapterTheTitleSolution() {
        // donnemartin/system-design-primer: a README of 1,839 lines that links to 14 chapters; the book held its
        // translation statuses and solutions (each titled "Solution", the text of every row's link), not the primer.
        Diagnostics d = new Diagnostics();
        Outline o = TestBooks.load(TestBooks.book("index-forms/readme-that-is-the-text"), d).outline();
        Path root = o.contentDir();
        assertEquals(List.of("README.md", "TRANSLATIONS.md", "approach.md", "solutions/pastebin/README.md", "solutions/twitter/README.md",
                "solutions/cache/README.md"),
                o.chapters().stream().filter(c -> !c.titlePage()).map(c -> root.relativize(c.file()).toString()
                        .replace('\\', '/')).toList());
        assertEquals(List.of("", "translate", "the approach", "", "", ""), o.chapters().stream().filter(c -> !c.titlePage())
                .map(OutlineChapter::title).toList());
        // The README's headings over its links still give the parts and title pages (the title page of
        // "### Design questions" is no chapter of the README's).
        assertTrue(d.warnings().stream().anyMatch(w -> w.kind() == Diagnostics.Kind.INDEX && w.message().contains("mostly text")),
                d.warnings().toString());
        // A README of links with a short introduction stays only the contents.
        assertFalse(outline("index-forms/readme-with-badges-above-its-title").chapters().stream()
                .anyMatch(c -> c.file().getFileName().toString().equals("README.md")));
    }

    @Test
    void metadataComesFromBookJsonWithItsStructure() {
        Outline o = outline("metadata/book-json");
        assertEquals("TOC.md", o.indexFile().getFileName().toString());
        Metadata m = o.metadata();
        assertEquals("GitBook 之书", m.title());
        assertEquals(List.of("某作者"), m.authors());
        assertEquals("zh-hans", m.language());
        assertEquals("一本用 book.json 描述自己的书。", m.description());
        assertEquals("studybook-test/gitbook-book", o.repository().orElseThrow().slug());
    }

    @Test
    void metadataComesFromBookIni() {
        Outline o = outline("metadata/book-ini");
        assertEquals("INI 之书", o.metadata().title());
        assertEquals(List.of("甲", "乙"), o.metadata().authors());
        assertEquals("zh", o.metadata().language());
        assertEquals("studybook-test/ini-book", o.repository().orElseThrow().slug());
    }

    @Test
    void readmeHeadedOverviewWasTheBooksTitle() {
        // cch123/golang-notes: readme.md starts "# Overview"; the book was titled "Overview" on its cover.
        Outline o = outline("metadata/readme-titled-overview");
        assertEquals("readme-titled-overview", o.metadata().title());
        assertEquals("Channel\nSelect\n", tree(o));
    }

    @Test
    void bookIniAuthorsAfterALabelListedTheLabelAsAnAuthor() {
        // gopl-zh: authors = ["译者:", "chai2010", …]; the title page read "译者:、chai2010、…".
        Metadata m = outline("metadata/book-ini-authors-after-a-label").metadata();
        assertEquals("译本之书", m.title());
        assertEquals(List.of("甲", "乙"), m.authors());
    }

    @Test
    void metadataComesFromTheIndexPagesFrontMatter() {
        Metadata m = outline("metadata/front-matter").metadata();
        assertEquals("Front Matter Book", m.title());
        assertEquals(List.of("Jane Doe"), m.authors());
        assertEquals("en-GB", m.language());
        assertEquals("Its title comes from the front matter.", m.description());
    }

    @Test
    void frontMatterAuthorsWrittenAsAYamlListAfterAByteOrderMarkAreEachAnAuthor() {
        // The index page's front matter is read by the same reader as a chapter's (one reader, not two): a
        // block list of authors and a byte order mark before the first fence were lost by the old line reader.
        Metadata m = outline("metadata/front-matter-author-list").metadata();
        assertEquals(List.of("张三", "李四"), m.authors());
        assertEquals("zh-CN", m.language());
        assertEquals("并发笔记", m.title());
    }

    @Test
    void theIndexPagesHeadingNamesTheBookOverItsFrontMatterTitle() {
        // VuePress pages title themselves in front matter ("前言页"); the heading readers see names the book.
        Metadata m = outline("dialects/front-matter").metadata();
        assertEquals("前端笔记", m.title());
        assertEquals("一本用 VuePress 写成的笔记，头部带有 front matter。", m.description());
    }

    @Test
    void anEnglishBookIsFoundToBeEnglishAndAChineseBookFullOfEnglishTermsStaysChinese() {
        assertEquals("en", outline("metadata/english").metadata().language());
        assertEquals("zh-CN", outline("index/seed").metadata().language());
        assertEquals("zh-CN", Languages.detect("# 通道\n\n`chan` 是 goroutine 之间的管道，buffered channel 在缓冲区满之前不阻塞。\n"
                + "```go\nfunc main() { ch := make(chan int, 1); ch <- 1; fmt.Println(<-ch) }\n```\n"));
        assertEquals("zh-TW", Languages.detect("這個程式說明了記憶體的使用，我們來看範例。"));
        assertEquals("ja", Languages.detect("これはチャネルの説明です。ゴルーチンの間で値を送ります。"));
    }

    @Test
    void aBookWithoutAnyTitleIsNotNamedAfterAFolderThatSaysNothing() throws IOException {
        Path book = Files.createDirectories(tmp.resolve("golang-notes/zh"));
        Files.writeString(book.resolve("README.md"), "- [一](one.md)\n", StandardCharsets.UTF_8);
        Files.writeString(book.resolve("one.md"), "# 一\n\n正文。\n", StandardCharsets.UTF_8);
        Outline o = TestBooks.load(book).outline();
        assertEquals("golang-notes", o.metadata().title());
        assertEquals("golang-notes", o.outputName());
    }

    @Test
    void ownRepositoryUrlsAreChaptersAndAnotherRepositorysReadmeIsNot() {
        // The afterword links a style guide in another repository: it stays an external link, the build goes on.
        Outline o = outline("repository/own-urls");
        assertEquals("第一篇 基础\n第二篇 进阶\n", tree(o));
        assertEquals("studybook-test/notes", o.repository().orElseThrow().slug());
    }

    @Test
    void theRepositoryNamedInBookYamlIsKnown() {
        assertEquals("studybook-test/named", outline("repository/named").repository().orElseThrow().slug());
    }

    @Test
    void aChapterOneFolderUpIsReadWhenTheRepositoryRootIsThere() {
        // --content src in an mdBook whose book.toml lies one folder up: the repository is the boundary.
        Path src = TestBooks.book("confinement/mdbook-repo").resolve("src");
        Outline o = TestBooks.load(src).outline();
        assertEquals("Preface\nHello\n", tree(o));
        assertEquals(TestBooks.book("confinement/mdbook-repo"), o.boundary());
        assertEquals("Listings Beside the Source", o.metadata().title());
        assertEquals("studybook-test/listings", o.repository().orElseThrow().slug());
    }

    @Test
    void aReadmeWhoseContentsLinkLeadsToTheRealContentsPageBuildsTheWholeBook() {
        // unknwon/the-way-to-go_ZH_CN: the README links to 3 chapters and "[目录](eBook/directory.md)", which lists 200.
        Diagnostics d = new Diagnostics();
        Outline o = BookLoader.load(Request.read(TestBooks.book("index-forms/contents-elsewhere"), Optional.empty()),
                Outputs.DEFAULT.specs(), d).outline();
        assertEquals("directory.md", o.indexFile().getFileName().toString());
        assertEquals(5, o.chapters().stream().filter(c -> !c.titlePage()).count(), tree(o));
        assertEquals("Go 入门笔记", o.metadata().title());
        assertTrue(d.warnings().stream().anyMatch(w -> w.message().contains("--index README.md")), d.warnings().toString());
    }

    @Test
    void theSidebarTheSitesPageNamesWinsOverAStaleSummary() {
        // ruanyf/es6tutorial: its site shows sidebar.md (33 chapters); a SUMMARY.md left from GitBook lists 29.
        Outline o = outline("index-forms/site-sidebar");
        assertEquals("sidebar.md", o.indexFile().getFileName().toString());
        assertEquals("前言\n第一篇\n第二篇（后来加的）\n", tree(o));
    }

    @Test
    void docsifySidebarAliasedToOneFileForEveryPageIsTheIndex() {
        // lifei6671/interview-go: loadSidebar: true with alias {'/.*/_sidebar.md': '/sidebar.md'}; no _sidebar.md.
        Outline o = outline("index-forms/docsify-sidebar-alias");
        assertEquals("sidebar.md", o.indexFile().getFileName().toString());
        assertEquals("README.md\n[基础]\n  通道\n  切片\n  映射\n", tree(o));
    }

    @Test
    void hugoSiteWhoseReadmeLinksToNoChapterIsReadFromItsContentFolderInMenuOrder() {
        // qcrao/Go-Questions: a README of web links, and the pages in content/ ordered by front matter weight.
        Diagnostics d = new Diagnostics();
        Outline o = BookLoader.load(Request.read(TestBooks.book("index-forms/hugo-site"), Optional.empty()),
                Outputs.DEFAULT.specs(), d).outline();
        assertEquals("关于本书\n进阶\n  调度器\n[基础]\n  通道是什么\n  切片扩容\n", tree(o));
        assertEquals("Go 问答笔记", o.metadata().title());
        assertEquals("zh-CN", o.metadata().language());
        assertTrue(d.warnings().stream().anyMatch(w -> w.message().contains("Hugo site's content/ folder")), d.warnings().toString());
    }

    @Test
    void hugoSiteBesideAReadmeLinkingOnePageWasLeftOutForThatPage() throws IOException {
        // talkgo/night: a README of text linking one page (how to propose a talk) beside a Hugo site of 220 pages;
        // the book was the README and that page, 35 pages of 2 chapters.
        Path book = Files.createDirectories(tmp.resolve("night"));
        Files.writeString(book.resolve("README.md"), "# Go 夜读\n\n每周四晚上的源码阅读。\n\n参考[如何发起分享提案](PROPOSAL.md)。\n",
                StandardCharsets.UTF_8);
        Files.writeString(book.resolve("PROPOSAL.md"), "# 如何发起分享提案\n\n提一个 issue。\n", StandardCharsets.UTF_8);
        Files.writeString(book.resolve("config.toml"), "baseurl = \"https://example.org/\"\ntitle = \"Go 夜读\"\n",
                StandardCharsets.UTF_8);
        Path night = Files.createDirectories(book.resolve("content/night"));
        Files.writeString(book.resolve("content/_index.md"), "---\ntitle: 首页\n---\n\n欢迎。\n", StandardCharsets.UTF_8);
        Files.writeString(night.resolve("_index.md"), "---\ntitle: 夜读\nweight: 1\n---\n", StandardCharsets.UTF_8);
        for (int i = 1; i <= 12; i++) {
            Files.writeString(night.resolve(i + "-talk.md"), "---\ntitle: 第 " + i + " 期\nweight: " + i + "\n---\n\n正文。\n",
                    StandardCharsets.UTF_8);
        }
        Diagnostics d = new Diagnostics();
        Outline o = TestBooks.load(book, d).outline();
        assertTrue(o.chapters().size() >= 12, tree(o));
        assertTrue(tree(o).contains("第 12 期") && !tree(o).contains("如何发起分享提案"), tree(o));
        assertTrue(d.warnings().stream().anyMatch(w -> w.message().contains("links to 1 chapter and the Hugo site's")),
                d.warnings().toString());
    }

    @Test
    void mkdocsSiteIsReadFromItsNavNotFromItsReadme() {
        // krahets/hello-algo: the README links to the web site only ("links to no Markdown chapter"); the menu is
        // nav: in mkdocs.yml, with Python tags elsewhere in it and a docs_dir its build step writes.
        Diagnostics d = new Diagnostics();
        Outline o = BookLoader.load(Request.read(TestBooks.book("index-forms/mkdocs-nav"), Optional.empty()),
                Outputs.DEFAULT.specs(), d).outline();
        assertEquals("mkdocs.yml", o.indexFile().getFileName().toString());
        assertEquals("序\n第 1 章 基础\n  1.1 数组 *\n  list.md\n", tree(o));
        assertEquals("算法笔记", o.metadata().title());
        assertEquals(List.of("笔记作者"), o.metadata().authors());
        assertEquals("zh", o.metadata().language());
        assertTrue(d.warnings().stream().anyMatch(w -> w.location().line() == 3
                && w.message().contains("docs_dir 'build/docs' does not exist")), d.warnings().toString());
    }

    @Test
    void mkdocsDocsFolderNamedAsTheContentIsReadFromTheNavAbove() {
        Outline o = TestBooks.load(TestBooks.book("index-forms/mkdocs-nav").resolve("docs")).outline();
        assertEquals("序\n第 1 章 基础\n  1.1 数组 *\n  list.md\n", tree(o));
    }

    @Test
    void mkdocsSiteWithoutNavIsReadInMkdocsOwnOrder() throws IOException {
        // Without nav:, MkDocs lists each folder's index page first, then its pages and folders by name; a top-level
        // folder is a part, as MkDocs shows it as a section of its menu.
        Path book = TestBooks.copy("index-forms/mkdocs-nav", tmp.resolve("book"));
        Files.writeString(book.resolve("mkdocs.yml"), "site_name: 算法笔记\n", StandardCharsets.UTF_8);
        assertEquals("[Basics]\n  index.md\n  array.md\n  list.md\n  orphan.md\n[Intro]\n  index.md\n",
                tree(TestBooks.load(book).outline()));
    }

    @Test
    void mkdocsNavPageThatDoesNotExistIsNamedAtItsLineOfMkdocsYml() throws IOException {
        Path book = TestBooks.copy("index-forms/mkdocs-nav", tmp.resolve("book"));
        Files.delete(book.resolve("docs/basics/list.md"));
        StudybookException e = assertThrows(StudybookException.class, () -> TestBooks.load(book));
        assertEquals("mkdocs.yml", e.location().orElseThrow().file().getFileName().toString());
        assertEquals(18, e.location().orElseThrow().line(), e.getMessage());
    }

    @Test
    void multilingualGitBookRootIsRefusedNamingTheLanguagesFolders() {
        // astaxie/build-web-application-with-golang: the root README only switches languages; the error said to
        // list chapters as links, not that each folder of LANGS.md is a book.
        // One folder down, in repo/: AllTestBooksTest builds every test book, and this root is refused by design.
        Path book = TestBooks.book("index-forms/gitbook-langs/repo");
        StudybookException e = assertThrows(StudybookException.class, () -> TestBooks.load(book));
        assertTrue(e.getMessage().contains("this is a GitBook in 2 languages (LANGS.md)"), e.getMessage());
        String hint = e.hint().orElseThrow();
        assertTrue(hint.contains("--content " + book.toAbsolutePath().normalize().resolve("en")) && hint.contains("en, zh)"), hint);
        assertEquals("Introduction\nMaps\n", tree(TestBooks.load(book.resolve("en")).outline()));
    }

    @Test
    void siteInOneFolderPerLanguageIsRefusedNamingTheLanguagesFolders() {
        // fastapi/fastapi: a README of web links and docs/en/mkdocs.yml, docs/de/mkdocs.yml, … (14 languages); the
        // 1,699 pages of all of them were read as one book, and its PDF ran past the 20-minute limit.
        // One folder down, in repo/: AllTestBooksTest builds every test book, and this root is refused by design.
        Path book = TestBooks.book("index-forms/mkdocs-languages/repo");
        StudybookException e = assertThrows(StudybookException.class, () -> TestBooks.load(book));
        assertTrue(e.getMessage().contains("the site is in 2 languages (docs/de, docs/en), one book each"), e.getMessage());
        String hint = e.hint().orElseThrow();
        assertTrue(hint.contains("--content " + book.toAbsolutePath().normalize().resolve("docs/en")), hint);
        assertEquals("Kettle\nTutorial\n", tree(TestBooks.load(book.resolve("docs/en")).outline()));
    }

    @Test
    void gitBookWhoseLangsMdNamesOneLanguageWasRefusedAsAGitBookIn1Languages() {
        // tiancaiamao/go-internals: LANGS.md names zh/ alone, the root README links to the web site; the build
        // stopped with "this is a GitBook in 1 languages". The one language's folder is the book.
        Diagnostics d = new Diagnostics();
        Outline o = TestBooks.load(TestBooks.book("index-forms/gitbook-one-language"), d).outline();
        assertEquals("SUMMARY.md", o.indexFile().getFileName().toString());
        assertEquals("zh", o.indexFile().getParent().getFileName().toString());
        assertEquals("如何研究\n  从源代码安装\n基本数据结构\n", tree(o));
        assertTrue(d.warnings().stream().anyMatch(w -> w.message().contains("the one language LANGS.md names, in zh/")),
                d.warnings().toString());
    }

    @Test
    void docsifySiteInDocsWhoseSidebarLinksFromTheSiteRootHadEveryChapterNotFound() {
        // hollischuang/toBeTopJavaer: docs/_sidebar.md links /basics/….md, docs/basics/….md on the site; built from
        // the repository's root, the 176 chapters were looked for in basics/ at the root and the build stopped.
        Diagnostics d = new Diagnostics();
        Outline o = TestBooks.load(TestBooks.book("index-forms/docsify-in-docs-with-root-relative-links"), d).outline();
        assertEquals("_sidebar.md", o.indexFile().getFileName().toString());
        assertEquals("[基础篇]\n  *面向对象\n    面向对象与面向过程\n    什么是多态\n", tree(o));
        assertTrue(o.chapters().stream().filter(c -> !c.titlePage()).allMatch(c -> c.file().toString().contains("/docs/basics/")),
                o.chapters().toString());
    }

    @Test
    void docsifySidebarWhoseOneItemWithoutLinkHoldsEveryGroupWasOnePartNamedContents() {
        // lifei6671/interview-go's sidebar.md opens with "- 目录", its nine groups nested under it: the book had one
        // part, 目录 (a bookmark "Contents" leading to the first question), its groups no parts.
        Outline o = outline("index-forms/docsify-sidebar-one-item-over-all");
        assertEquals("sidebar.md", o.indexFile().getFileName().toString());
        assertEquals("""
                README.md
                [Go 常见面试题]
                  交替打印数字和字母
                  翻转字符串
                [Redis 基础]
                  持久化
                """, tree(o));
    }

    @Test
    void repositoryRootWhoseReadmeLinksToNoChapterReadsTheSiteInDocs() {
        // datawhalechina/pumpkin-book: the root README links to the web site; the book is docs/ with its sidebar.
        Diagnostics d = new Diagnostics();
        Outline o = BookLoader.load(Request.read(TestBooks.book("index-forms/docs-site"), Optional.empty()),
                Outputs.DEFAULT.specs(), d).outline();
        assertEquals("_sidebar.md", o.indexFile().getFileName().toString());
        assertEquals("第1章\n第2章\n", tree(o));
        assertTrue(d.warnings().stream().anyMatch(w -> w.message().contains("the site in docs/")), d.warnings().toString());
    }

    @Test
    void anMdBookRootWhoseBookTomlNamesNoSrcReadsSrcSummary() {
        // mdBook's src defaults to "src"; the repository's root was refused with "no index page".
        Outline o = TestBooks.load(TestBooks.book("confinement/mdbook-repo")).outline();
        assertEquals("Preface\nHello\n", tree(o));
        assertEquals("Listings Beside the Source", o.metadata().title());
    }

    @Test
    void aLinkLeavingTheRepositoryRootIsRefused() throws IOException {
        Path repo = TestBooks.copy("confinement/mdbook-repo", tmp.resolve("repo"));
        Files.writeString(tmp.resolve("secret.md"), "# secret\n", StandardCharsets.UTF_8);
        Files.writeString(repo.resolve("src/SUMMARY.md"), "# Summary\n\n- [Secret](../../secret.md)\n", StandardCharsets.UTF_8);
        StudybookException e = assertThrows(StudybookException.class, () -> TestBooks.load(repo.resolve("src")));
        assertTrue(e.getMessage().contains("leads outside"), e.getMessage());
        assertEquals(3, e.location().orElseThrow().line());
    }

    @Test
    void anIndexPageOutsideTheBookIsReadAndItsRelativeLinksLeadIntoTheContentFolder() throws IOException {
        Path book = Files.createDirectories(tmp.resolve("clone"));
        Files.createDirectories(book.resolve("notes"));
        Files.writeString(book.resolve("notes/a.md"), "# A\n\n正文。\n", StandardCharsets.UTF_8);
        Path saved = Files.createDirectories(tmp.resolve("saved")).resolve("index.txt");
        Files.writeString(saved, "# 保存的目录\n\n- [甲](notes/a.md)\n", StandardCharsets.UTF_8);
        Outline o = BookLoader.load(Request.read(book, Optional.of(saved)), Outputs.DEFAULT.specs(), new Diagnostics())
                .outline();
        assertEquals("甲\n", tree(o));
        assertEquals("保存的目录", o.metadata().title());
        assertEquals(book.resolve("notes/a.md"), o.chapters().get(0).file());
    }

    @Test
    void theRepositoryRootIsFoundAtItsGitFolderAndItsRemoteAndBranchAreRead() throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.createDirectories(repo.resolve(".git"));
        Files.writeString(repo.resolve(".git/config"), "[core]\n\tbare = false\n[remote \"origin\"]\n"
                + "\turl = git@github.com:Some-One/Some.Repo.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n",
                StandardCharsets.UTF_8);
        Files.writeString(repo.resolve(".git/HEAD"), "ref: refs/heads/develop\n", StandardCharsets.UTF_8);
        Path docs = Files.createDirectories(repo.resolve("docs/book"));
        assertEquals(repo, BookRoot.find(docs));
        var r = BookRoot.fromGit(repo).orElseThrow();
        assertEquals("Some-One/Some.Repo", r.slug());
        assertEquals("https://github.com/Some-One/Some.Repo/blob/develop/docs/a%20b.md", r.webUrl("docs/a b.md", false));
        // Never further up than three folders, and never the home folder.
        Path deep = Files.createDirectories(repo.resolve("a/b/c/d"));
        assertEquals(deep, BookRoot.find(deep));
    }

    private static List<String> alternatives(String path) {
        return LinkResolver.alternatives(new LinkTarget(path, "", LinkTarget.Kind.RELATIVE)).stream().map(LinkTarget::path)
                .collect(Collectors.toList());
    }

    @Test
    void linkTargetsOfOtherRepositoriesAreExternal() {
        var own = dev.studybook.model.Repository.parse("studybook-test/notes");
        assertTrue(LinkTarget.parse("https://github.com/studybook-test/notes/blob/main/a.md", own).isPresent());
        assertTrue(LinkTarget.parse("https://github.com/STUDYBOOK-TEST/Notes/raw/main/a.png", own).isPresent());
        assertFalse(LinkTarget.parse("https://github.com/other/notes/blob/main/a.md", own).isPresent());
        assertFalse(LinkTarget.parse("https://github.com/studybook-test/notes/blob/main/a.md", Optional.empty()).isPresent());
        assertEquals("images/b.png", LinkTarget.parse("https://fastly.jsdelivr.net/gh/studybook-test/notes@v1/images/b.png",
                own).orElseThrow().path());
        assertEquals("docs/let", LinkTarget.parse("https://studybook-test.github.io/notes/#/docs/let", own).orElseThrow().path());
        assertEquals("guide/x.html", LinkTarget.parse("https://studybook-test.github.io/notes/guide/x.html", own)
                .orElseThrow().path());
        assertFalse(LinkTarget.parse("https://studybook-test.github.io/other/x.html", own).isPresent());
        assertEquals(List.of("a.md", "a.mdx"), alternatives("a.html"));
        assertEquals(List.of("guide/README.md", "guide/index.md", "guide/index.mdx"), alternatives("guide/index.html"));
        assertEquals(List.of("docs/let.md", "docs/let.mdx"), alternatives("docs/let"));
        assertEquals(List.of(), alternatives("main.go"));
    }

    private static Outline site(String book, Diagnostics d) {
        return BookLoader.load(Request.read(TestBooks.book(book), Optional.empty()), Outputs.DEFAULT.specs(), d).outline();
    }

    @Test
    void translationNamedWithLanguageAndRegionJoinedWasAChapter() {
        // jwasham/coding-interview-university: its README lists 16 translations; README-ptbr.md, whose name joins
        // language and region and whose link says "Português Brasileiro", was a chapter of 51 pages in Portuguese, with
        // 16 warnings for the links to its sibling translations.
        Outline o = outline("index-forms/readme-with-joined-language-region-translations");
        assertEquals(List.of("arrays.md", "trees.md"), o.chapters().stream().map(c -> c.file().getFileName().toString()).toList());
    }

    @Test
    void readmeThatIsTheTextAndLinksToOneChapterSaidOneChapters(@TempDir Path tmp) throws Exception {
        // jwasham/coding-interview-university: "… (1601 lines) and links to 1 chapters: it is the book's first chapter".
        Path book = Files.createDirectories(tmp.resolve("plan"));
        StringBuilder readme = new StringBuilder("# Study Plan\n\nSee [the languages](languages.md).\n\n");
        for (int i = 0; i < 320; i++) {
            readme.append("Study topic ").append(i).append(" for an hour, then write it down.\n\n");
        }
        Files.writeString(book.resolve("README.md"), readme);
        Files.writeString(book.resolve("languages.md"), "# Languages\n\nPick one.\n");
        Diagnostics d = new Diagnostics();
        BookLoader.load(Request.read(book, Optional.empty()), Outputs.DEFAULT.specs(), d);
        assertTrue(d.warnings().stream().anyMatch(w -> w.message().contains("and links to 1 chapter: it is the book's first")),
                d.warnings().toString());
    }

    @Test
    void readmeThatLinksToNoChapterButIsTheWholeGuideHadNoBook() {
        // jlevy/the-art-of-command-line: one README of 600 lines, its translations and AUTHORS.md beside it; the build
        // stopped with "the index page links to no Markdown chapter".
        Diagnostics d = new Diagnostics();
        Outline o = site("index-forms/readme-alone-is-the-book", d);
        assertEquals(List.of("README.md"), o.chapters().stream().map(c -> c.file().getFileName().toString()).toList());
        assertEquals("Shell Habits", o.metadata().title());
        assertTrue(d.warnings().stream().anyMatch(w -> w.message().contains("the book is this page alone")), d.warnings().toString());
    }

    @Test
    void readmeThatLinksToNoneOfTheNotesBesideItIsNoBookOfItself(@TempDir Path tmp) throws Exception {
        // A folder of notes its README does not list (jaywcjlove/linux-command) is not the README alone. It stopped
        // with "links to no Markdown chapter"; the notes are the book now, the README first, as a folder is read.
        Path book = Files.createDirectories(tmp.resolve("notes"));
        Files.copy(TestBooks.book("index-forms/readme-alone-is-the-book").resolve("README.md"), book.resolve("README.md"));
        for (String n : List.of("ls", "cp", "mv", "rm")) {
            Files.writeString(book.resolve(n + ".md"), "# " + n + "\n\nA command.\n");
        }
        Diagnostics d = new Diagnostics();
        Outline o = BookLoader.load(Request.read(book, Optional.empty()), Outputs.DEFAULT.specs(), d).outline();
        assertEquals(List.of("README.md", "cp.md", "ls.md", "mv.md", "rm.md"),
                o.chapters().stream().map(c -> c.file().getFileName().toString()).toList());
        assertEquals("Shell Habits", o.metadata().title());
        assertTrue(d.warnings().stream().anyMatch(w -> w.message().contains("links to no Markdown chapter")
                && w.message().contains("5 Markdown pages")), d.warnings().toString());
    }

    @Test
    void vitepressSidebarDeclaredAsAConstantBeforeTheConfigIsReadOverTheReadme() {
        // vuejs/docs: 'export const sidebar = {...}' above 'export default defineConfigWithTheme({ themeConfig: {
        // sidebar } })'; the reader lost the second constant (the first array's end was taken for an expression going
        // on), so the README of contributing notes was the book. Per-path sidebars are parts named by the nav; a page
        // two sidebars list is a chapter once; srcDir is where the pages are.
        Diagnostics d = new Diagnostics();
        Outline o = site("index-forms/vitepress-sidebar", d);
        assertEquals("config.ts", o.indexFile().getFileName().toString());
        assertEquals("[Guide]\n  *Getting started\n    Start here\n    Install (\"quick\")\n  *Going further\n    Deeper\n[API]\n  Reference\n", tree(o));
        assertEquals("Site notes", o.metadata().title());
        assertEquals("en-US", o.metadata().language());
        assertTrue(d.warnings().stream().noneMatch(w -> w.kind() == Diagnostics.Kind.INDEX), d.warnings().toString());
    }

    @Test
    void vitepressContentFolderThatIsTheSrcDirReadsTheConfigAbove() throws IOException {
        // --content src in a clone: .vitepress/ lies one folder up, inside the repository.
        Path book = TestBooks.copy("index-forms/vitepress-sidebar", tmp.resolve("book"));
        Files.createDirectories(book.resolve(".git"));
        Outline o = TestBooks.load(book.resolve("src")).outline();
        assertEquals("config.ts", o.indexFile().getFileName().toString());
        assertEquals(tree(site("index-forms/vitepress-sidebar", new Diagnostics())), tree(o));
    }

    @Test
    void vuepressSidebarOfPathTitlePairsIsTheIndexOfABookWithoutIndexPage() {
        // febobo/web-interview: no README at the root, only docs/.vuepress/config.js ("no index page" before).
        Outline o = site("index-forms/vuepress-sidebar", new Diagnostics());
        assertEquals("[基础篇]\n  什么是闭包？\n  this 指向谁？\n[进阶篇]\n  advanced.md\n", tree(o));
        assertEquals("面试笔记", o.metadata().title());
    }

    @Test
    void docsifySidebarPageThatTheSitesAliasFetchesFromTheWebIsLeftOutWithAWarningNotMissing() throws IOException {
        // docsifyjs/docsify: _sidebar.md lists changelog.md and awesome.md, which index.html's alias sends to
        // raw.githubusercontent.com; the build stopped with "2 chapter files not found".
        Diagnostics d = new Diagnostics();
        Outline o = site("index-forms/docsify-remote-alias", d);
        assertEquals("README.md\nSoil\nSeeds\n", tree(o));
        List<Diagnostics.Warning> index = d.warnings().stream().filter(w -> w.kind() == Diagnostics.Kind.INDEX).toList();
        assertEquals(1, index.size(), index.toString());
        assertEquals("_sidebar.md", index.get(0).location().file().getFileName().toString());
        assertEquals(3, index.get(0).location().line());
        assertTrue(index.get(0).message().contains("https://example.org/garden-notes/NEWS.md"), index.toString());
        assertTrue(index.get(0).message().contains("index.html:12"), index.toString());
        // Without the alias the page is missing, as before.
        Path book = TestBooks.copy("index-forms/docsify-remote-alias", tmp.resolve("book"));
        Path html = book.resolve("index.html");
        Files.writeString(html, Files.readString(html).replace("'.*?/news'", "'/elsewhere'"));
        assertThrows(StudybookException.class, () -> TestBooks.load(book));
    }

    @Test
    void docusaurusSiteInAMonoreposAppsFolderIsTheBookWhenTheReadmeLinksToNoChapter() {
        // yangshun/tech-interview-handbook: the README links to the web site only; the Docusaurus site is
        // apps/website/ ("the index page links to no Markdown chapter" before).
        Outline o = site("index-forms/monorepo-site", new Diagnostics());
        assertEquals("sidebars.js", o.indexFile().getFileName().toString());
        assertEquals("[Reading tides]\n  spring-tides.md\n  neap-tides.md\nharbours.md\n", tree(o));
        assertEquals("Tide guide", o.metadata().title());
    }

    @Test
    void rspressMetaJsonOrdersAndTitlesEachFolderAndMdxPagesAreChaptersInTheirPlace() {
        // web-infra-dev/rspress: each folder's _meta.json is its sidebar (names, {type, name, label}, section
        // headers, sub-folders); "the index page links to no Markdown chapter" before. MDX pages were left out with a
        // note until MdxSyntax read them.
        Diagnostics d = new Diagnostics();
        Outline o = site("index-forms/rspress-meta", d);
        assertEquals("_meta.json", o.indexFile().getFileName().toString());
        assertEquals("[Guide]\n  intro.md\n  *Watching\n    Owls at night\n    finches.md\n    *Songs\n      dawn.md\n"
                + "      dusk.mdx\n", tree(o));
        assertEquals("Bird notes", o.metadata().title());
        assertFalse(d.warnings().stream().anyMatch(w -> w.message().contains("MDX")), d.warnings().toString());
    }

    @Test
    void fumadocsMetaJsonOrdersTitlesAndHidesPagesAndTranslationsAreLeftOut() {
        // vercel/swr-site (Fumadocs): content/docs/meta.json {"pages": ["getting-started", "..."]}, pages as
        // api.mdx beside api.cn.mdx, api.es.mdx …; "the index page links to no Markdown chapter" before.
        Diagnostics d = new Diagnostics();
        Outline o = site("index-forms/fumadocs-meta-json", d);
        assertEquals("meta.json", o.indexFile().getFileName().toString());
        assertEquals("start.mdx\n[Guides]\n  *Going further\n    sooner.mdx\n    later.mdx\n  brewing.mdx\n", tree(o));
    }

    @Test
    void fumadocsHeadingIdsRootLinksAndPublicPicturesAreRead() throws IOException {
        // vercel/swr-site: "## Installation [#installation]" showed the brackets in every heading; links to
        // /docs/global-configuration (50) and pictures in public/ (/img/…) were not found.
        dev.studybook.testing.TestBooks.Built b = TestBooks.build(TestBooks.book("index-forms/fumadocs-meta-json"),
                tmp, "epub");
        assertEquals(List.of(), b.diagnostics().warnings().stream().map(Object::toString).toList());
        dev.studybook.testing.EpubContents epub = dev.studybook.testing.EpubContents.read(b.output("epub"));
        String start = epub.text(epub.chapterFiles().get(0));
        assertTrue(start.contains("Kettles <a id=\"kettles") && !start.contains("[#kettles]"), start);
        assertTrue(start.contains("<a href=\"ch05.xhtml#steeping\">") && start.contains("<a href=\"ch04.xhtml\">later"),
                start);
        assertTrue(epub.entryNames().stream().anyMatch(n -> n.endsWith("leaf.png")), epub.entryNames().toString());
    }

    @Test
    void starlightSidebarWasIgnored() throws IOException {
        // withastro/starlight's docs: astro.config.mjs's starlight({ sidebar }) was not read; the README (web links)
        // gave way to a folder walk of 323 pages in 17 languages. Now the sidebar: slugs, { slug }, { link } (an
        // external one left out), groups and autogenerated folders (sidebar.order first, hidden pages left out),
        // the root locale's pages only, the splash home page first (its hero's tagline kept); titles only in front
        // matter.
        Diagnostics d = new Diagnostics();
        Outline o = site("index-forms/starlight-sidebar", d);
        assertEquals("astro.config.mjs", o.indexFile().getFileName().toString());
        assertEquals("""
                index.mdx
                [Start Here]
                  getting-started.md
                  Install it
                [Guides]
                  wicks.md
                  aardvark.md
                  *Deep
                    glass.md
                [Reference]
                  Options
                """, tree(o));
        assertEquals("Lantern", o.metadata().title());
        assertEquals("en", o.metadata().language());
        assertFalse(d.warnings().stream().anyMatch(w -> w.message().contains("index page")), d.warnings().toString());
        // A link to a route no page makes (a page of src/pages/, a plugin's) is left out, said once; no missing chapter.
        assertTrue(d.warnings().stream().anyMatch(w -> w.message().contains("a route that no page of src/content/docs/"
                + " makes (/changelog/")), d.warnings().toString());
        dev.studybook.testing.TestBooks.Built b = TestBooks.build(TestBooks.book("index-forms/starlight-sidebar"), tmp,
                "epub");
        dev.studybook.testing.EpubContents epub = dev.studybook.testing.EpubContents.read(b.output("epub"));
        String home = epub.text(epub.chapterFiles().get(0));
        // The splash page's hero tagline (front matter) is its opening text; its card keeps its title.
        assertTrue(home.contains(">Lantern</h1><p>Light for your documents.</p>")
                && home.contains("<p><strong>Bright</strong></p>\n<p>Lanterns shine.</p>"), home);
        String start = epub.text(epub.chapterFiles().get(1));
        assertTrue(start.contains(">Getting started</h1>"), start);
        // /install/ is install.md from the site's root (src/content/docs/), not the content folder's.
        assertTrue(start.contains("<a href=\"ch03.xhtml\">lantern</a>"), start);
    }

    @Test
    void mintlifyNavigationWasIgnored() throws IOException {
        // mintlify/docs: docs.json's navigation was not read; the README (one web link) gave way to a folder walk of
        // 287 pages, translations among them. Now its tabs are parts, its groups (a root page titled by the group)
        // and pages in order, one language; an OpenAPI operation ("GET /plants") is left out with a note.
        Diagnostics d = new Diagnostics();
        Outline o = site("index-forms/mintlify-navigation", d);
        assertEquals("docs.json", o.indexFile().getFileName().toString());
        assertEquals("""
                [Guides]
                  *Start
                    index.mdx
                    quickstart.mdx
                    Planting
                      seeds.mdx
                [API]
                  *Endpoints
                    intro.mdx
                """, tree(o));
        assertEquals("Garden", o.metadata().title());
        assertEquals("en", o.metadata().language());
        assertTrue(d.warnings().stream().anyMatch(w -> w.message().contains("names a page that no file of the folder"
                + " holds (GET /plants")), d.warnings().toString());
        dev.studybook.testing.TestBooks.Built b = TestBooks.build(TestBooks.book("index-forms/mintlify-navigation"), tmp,
                "epub");
        dev.studybook.testing.EpubContents epub = dev.studybook.testing.EpubContents.read(b.output("epub"));
        String welcome = epub.text(epub.chapterFiles().get(1));
        // /guides is the folder's index.mdx.
        assertTrue(welcome.contains(">Welcome</h1>") && welcome.contains("<a href=\"ch04.xhtml\">planting</a>"), welcome);
    }

    @Test
    void nextraMetaTitlesAndOrdersPagesHidesWhatItHidesAndUnnamedPagesFollow() {
        // shuding/nextra: _meta.json (or _meta.js) maps names to titles; pages it does not name come after, by name.
        Outline o = site("index-forms/nextra-meta", new Diagnostics());
        assertEquals("Welcome\nSetting up\n[Advanced]\n  Second step\n  First step\nextra.md\nglossary.mdx\n", tree(o));
    }

    @Test
    void vitepressSidebarRoutesMadeByRewritesLeadToThePagesTheRewritesCameFrom() throws IOException {
        // VitePress 'rewrites' (a monorepo's packages/:pkg/src/(.*) served as :pkg/$1): the sidebar names the routes
        // readers see; each was a missing chapter before.
        Outline o = site("index-forms/vitepress-rewrites", new Diagnostics());
        assertEquals("Start\n[Appliances]\n  Kettle\n  Descaling\n  Toaster\n", tree(o));
        assertEquals(List.of("guide/start.md", "packages/kettle/src/index.md", "packages/kettle/src/descaling.md",
                "packages/toaster/src/index.md"), o.chapters().stream().filter(c -> c.file() != null)
                .map(c -> TestBooks.book("index-forms/vitepress-rewrites").relativize(c.file()).toString()).toList());
    }

    @Test
    void vuepressSidebarImportedFromOtherFilesIsReadInTheNavbarsOrder() {
        // Snailclimb/JavaGuide: config.ts imports theme.ts, which imports navbar.ts and sidebar/index.ts, which
        // imports one file per path and wraps lists in helpers (createImportantSection([...])). Before: "writes no
        // sidebar", the README's 236 links instead of the site's 451 pages, the paths in the order they match.
        Outline o = site("index-forms/vuepress-imported", new Diagnostics());
        assertEquals("config.ts", o.indexFile().getFileName().toString());
        assertEquals("[Basics]\n  home.md\n  *Knives\n    sharpening.md\n    storage.md\n    care.md\n"
                + "[Baking]\n  *Bread\n    sourdough.md\n    rye.md\n  cakes.md\n", tree(o));
        assertEquals("Kitchen notes", o.metadata().title());
    }

    @Test
    void vuepressPartThatNoNavbarEntryLeadsToIsNamedByItsFolderReadmeNotByTheFolderName() {
        // Snailclimb/JavaGuide: no top-bar entry leads into "/zhuanlan/", so its part was titled "Zhuanlan" (the
        // folder's name) although the folder's README.md names it in its front matter.
        Outline o = site("index-forms/vuepress-part-named-by-folder-readme", new Diagnostics());
        assertEquals("[Basics]\n  README.md\n  soil.md\n[专栏：堆肥与轮作]\n  README.md\n  compost.md\n", tree(o));
    }

    @Test
    void repositoryWithNothingAtItsRootButADocsifySiteInDocsIsReadFromItsSidebarNotRefusedForWantOfAnIndexPage() {
        // datawhalechina/easy-rl: the root holds only docs/ (README.md, _sidebar.md, index.html); "no index page".
        // The sidebar is read as docsify shows it: the home page (README.md) first.
        Diagnostics d = new Diagnostics();
        Outline o = site("index-forms/docsify-in-docs-without-root-readme", d);
        assertEquals("_sidebar.md", o.indexFile().getFileName().toString());
        assertEquals(List.of("README.md", "ch1.md", "ch1_questions&keywords.md", "ch2.md"), o.chapters().stream()
                .map(c -> c.file().getFileName().toString()).toList());
        assertTrue(d.warnings().stream().anyMatch(w -> w.kind() == Diagnostics.Kind.INDEX
                && w.message().contains("the site in docs/")), d.warnings().toString());
    }

    @Test
    void loppoChaptersYmlOfAWangdocTutorialIsItsContentsNotRefusedForAReadmeWithoutChapters() {
        // wangdoc/javascript-tutorial (and every wangdoc tutorial): chapters.yml lists "- path: title", folders
        // ("basic/: 入门篇") over their pages, relative to loppo.yml's dir; the README links to no page, and the
        // build stopped with "the index page links to no Markdown chapter".
        Diagnostics d = new Diagnostics();
        Outline o = site("index-forms/loppo-chapters-yml", d);
        assertEquals("chapters.yml", o.indexFile().getFileName().toString());
        assertEquals("脚本语言教程", o.metadata().title());
        // "<img>" and "<video>，<audio>" are titles, not HTML: read as HTML, the first was a picture-only link and its
        // page was left out, the second an empty title.
        assertEquals("[入门篇]\n  导论\n  基本语法\n[数据类型]\n  数值\n  *进阶\n    Symbol\n[附录：网页元素接口]\n  <img>\n"
                + "  <video>，<audio>\n", tree(o));
        assertEquals(List.of("introduction.md", "grammar.md", "number.md", "symbol.md", "image.md", "media.md"), o.chapters().stream()
                .filter(c -> !c.titlePage()).map(c -> c.file().getFileName().toString()).toList());
    }

    @Test
    void readmeWithBadgesAboveItsTitleIsTitledByItsHeading() {
        // datawhalechina/easy-rl: a line of shields.io badges (and an <a><img></a> licence) above "# 蘑菇书EasyRL" made
        // the heading an entry of the contents, and the book was named after its folder.
        Outline o = outline("index-forms/readme-with-badges-above-its-title");
        assertEquals("Go 并发笔记", o.metadata().title());
        assertEquals("从 goroutine 讲到调度器。", o.metadata().description());
        assertEquals("goroutine\nchannel\n", tree(o));
    }

    @Test
    void docsifyReadmeWithBadgesAboveItsTitleNamesTheBookOfTheSidebar() {
        // datawhalechina/easy-rl: the sidebar has no heading, so the title comes from docs/README.md, whose badges
        // hid its heading: the book was called "datawhalechina+easy-rl".
        Outline o = site("index-forms/docsify-readme-with-badges-above-its-title", new Diagnostics());
        assertEquals("_sidebar.md", o.indexFile().getFileName().toString());
        assertEquals("蘑菇书RL", o.metadata().title());
        assertEquals("一本强化学习的入门教程。", o.metadata().description());
    }

    @Test
    void docsifyNameInIndexHtmlTitlesABookWhoseSidebarAndReadmeHaveNoHeading() {
        Outline o = site("index-forms/docsify-name-in-index-html", new Diagnostics());
        assertEquals("算法小抄", o.metadata().title());
        assertEquals(List.of("README.md", "sort.md", "search.md"), o.chapters().stream()
                .map(c -> c.file().getFileName().toString()).toList());
    }

    @Test
    void readmeHeadingThatIsAShopLinkNamedTheBook() {
        // scutan90/DeepLearning-500-questions: the README's first heading is a line naming the shop that sells the
        // print edition, with its address; the book was titled with it (and its files "https-item-jd-com-….epub")
        // though the docsify site calls itself by the book's name.
        Outline o = site("index-forms/docsify-readme-heading-is-a-shop-link", new Diagnostics());
        assertEquals("算法小抄", o.metadata().title());
        assertFalse(o.outputName().startsWith("https"), o.outputName());
    }

    @Test
    void vitepressConfigFolderWithIndexTsInAMonorepoIsReadWithTheSidebarAndTitleItSpreadsIn() {
        // vuejs/pinia: packages/docs/.vitepress/config/index.ts spreads ...sharedConfig (title) and each locale's
        // ...enConfig (themeConfig.sidebar) from files beside it. Before: "the index page links to no Markdown
        // chapter" (config/index.ts was not looked for); with it, the book was titled "packages" (the spread title
        // was not read).
        Outline o = site("index-forms/vitepress-config-folder-in-monorepo", new Diagnostics());
        assertEquals("index.ts", o.indexFile().getFileName().toString());
        assertEquals("[Guide]\n  Filling\n  Boiling\n", tree(o));
        assertEquals("Kettle", o.metadata().title());
    }

    @Test
    void vuepressSidebarImportedFromAFileThatIsNotInTheBookFallsBackToFileOrderWithOneWarningAtTheConfigsLine() {
        // The imported sidebar.js is not in the book (nor sidebar.ts): no JavaScript is run, so the pages are read in
        // file order, front matter 'order' first, and one warning names config.ts and the line.
        Diagnostics d = new Diagnostics();
        Outline o = site("index-forms/vuepress-computed", d);
        assertEquals("README.md\n[First]\n  a-later-by-name.md\n  b.md\n[Later]\n  page.md\n", tree(o));
        List<Diagnostics.Warning> index = d.warnings().stream().filter(w -> w.kind() == Diagnostics.Kind.INDEX).toList();
        assertEquals(1, index.size(), index.toString());
        assertEquals("config.ts", index.get(0).location().file().getFileName().toString());
        assertEquals(8, index.get(0).location().line());
        assertTrue(index.get(0).message().contains("sidebar is computed (sidebar)"), index.toString());
    }

    @Test
    void docusaurusSidebarsInWebsiteFolderReadDocIdsFromFrontMatterAndNumberPrefixes() {
        // reduxjs/redux: the README links to the web site only; website/sidebars.js names doc ids (front matter 'id',
        // file names without their number prefix) in '{ Label: [ids] }' shorthand and typed items.
        Diagnostics d = new Diagnostics();
        Outline o = site("index-forms/docusaurus-sidebars", d);
        assertEquals("sidebars.js", o.indexFile().getFileName().toString());
        assertEquals("[Getting Started]\n  01-introduction.md\n  02-install.md\n[Topics]\n  More topics\n    state.md\n    Side effects\n", tree(o));
    }

    @Test
    void docusaurusSiteWithoutSidebarsIsInGeneratedOrder() {
        Diagnostics d = new Diagnostics();
        Outline o = site("index-forms/docusaurus-auto", d);
        assertEquals("overview.md\nusage.md\nrecipes.mdx\n[The basics]\n  types.md\n[Advanced]\n  tuning.md\n", tree(o));
        assertTrue(d.warnings().stream().anyMatch(w -> w.message().contains("no sidebars file")), d.warnings().toString());
    }

    @Test
    void indexPageLinkToAnMdxPageMakesItAChapterWithoutItsImportsOrTabsTags() throws IOException {
        // MDX pages linked from an index page were not chapters (only .md and .markdown links were), so
        // MdxSyntax never saw them.
        Outline o = site("index-forms/mdx-chapter", new Diagnostics());
        assertEquals("Planting\nWatering\n", tree(o));
        TestBooks.Built b = TestBooks.build(TestBooks.book("index-forms/mdx-chapter"), tmp.resolve("out"), "epub");
        dev.studybook.testing.EpubContents epub = dev.studybook.testing.EpubContents.read(b.output("epub"));
        String watering = epub.text(epub.chapterFiles().get(1));
        assertTrue(watering.contains("Water early in the morning.") && watering.contains("Once a week."), watering);
        assertFalse(watering.contains("import ") || watering.contains("@theme") || watering.contains("&lt;Tab")
                || watering.contains("<Tabs") || watering.contains("TabItem"), watering);
    }

    @Test
    void aSidebarPageOutsideTheBookIsRefused() throws IOException {
        Path book = TestBooks.copy("index-forms/vuepress-sidebar", tmp.resolve("book"));
        Path config = book.resolve("docs/.vuepress/config.js");
        Files.writeString(config, Files.readString(config).replace("\"advanced\"", "\"../../../etc/passwd\""));
        assertThrows(StudybookException.class, () -> TestBooks.load(book));
    }

    @Test
    void docusaurusSidebarPageThatDoesNotExistIsNamedAtItsLineOfSidebarsJs() throws IOException {
        Path book = TestBooks.copy("index-forms/docusaurus-sidebars", tmp.resolve("book"));
        Files.delete(book.resolve("docs/more/state.md"));
        StudybookException e = assertThrows(StudybookException.class, () -> TestBooks.load(book));
        assertEquals("sidebars.js", e.location().orElseThrow().file().getFileName().toString());
        assertEquals(10, e.location().orElseThrow().line(), e.getMessage());
    }

    @Test
    void jekyllJustTheDocsPagesAreNestedByParentAndOrderedByNavOrder() {
        // just-the-docs/just-the-docs: the README links to no page of the site ("links to no Markdown chapter").
        Outline o = site("index-forms/jekyll-nav", new Diagnostics());
        assertEquals("_config.yml", o.indexFile().getFileName().toString());
        assertEquals("index.md\nSetup\nTools\n  Hammer\n  Saw\n", tree(o));
        assertEquals("Field notes", o.metadata().title());
    }

    @Test
    void jekyllPagesWithoutTitleTakeTheirFirstHeadingAsGitHubPagesDoes() {
        // eastlakeside/interpy-zh: chapter pages carry only `parent:` and `nav_order:`; GitHub Pages' default
        // jekyll-titles-from-headings names them by their first heading, and just-the-docs lists them under their
        // parent. They were left out, so the book was the eight title pages of its parts.
        Outline o = site("index-forms/jekyll-nav-untitled-pages", new Diagnostics());
        assertEquals("_config.yml", o.indexFile().getFileName().toString());
        assertEquals("README.md\n  前言\n  致谢\n工具\n  锤子\n  锯子\n", tree(o));
        assertEquals("工具笔记", o.metadata().title());
    }

    @Test
    void aReadmeOpeningWithALevelThreeHeadingIsNotTitledByIt() {
        // aceld/golang: the README opens with "### 出版计算机图书" (where to buy the printed book) and has no level-1
        // heading; that advertisement became the book's title. A title needs a level-1 heading, or a level-2 one
        // opening the page; else the repository's (here the folder's) name.
        Outline o = site("index-forms/readme-opening-with-a-small-heading", new Diagnostics());
        assertEquals("readme-opening-with-a-small-heading", o.metadata().title());
        assertEquals("第一章 协程\n第二章 通道\n", tree(o));
    }

    @Test
    void aReadmeTitledByACentredHtmlH1UnderItsBadgesIsTitledByIt() {
        // dunwu/db-tutorial: logo and badges in <p align="center">, then <h1 align="center">DB-TUTORIAL</h1>, the
        // title GitHub shows; it was taken for nothing and the book was named after its folder.
        Outline o = site("index-forms/readme-with-an-html-h1-title", new Diagnostics());
        assertEquals("数据库教程", o.metadata().title());
        assertEquals("关系型数据库\n键值数据库\n", tree(o));
    }

    @Test
    void docBuilderToctreeInEachLanguageFolderHadNoIndex() {
        // huggingface/course: the README links to the web site only; chapters/<lang>/_toctree.yml lists the pages
        // (`local:` without .mdx) under titled sections, nested. "the index page links to no Markdown chapter" before.
        Diagnostics d = new Diagnostics();
        Outline o = site("index-forms/doc-builder-toctree-per-language", d);
        assertEquals("_toctree.yml", o.indexFile().getFileName().toString());
        assertEquals("en", o.indexFile().getParent().getFileName().toString());
        assertEquals("[0. Setup]\n  Introduction\n[1. Planting]\n  Choosing seeds\n  *Soil\n    Digging\n    Watering\n",
                tree(o));
        assertEquals("en", o.metadata().language());
        assertTrue(d.warnings().stream().anyMatch(w -> w.message().contains("the book is chapters/en/")
                && w.message().contains("--content chapters/fr")), d.warnings().toString());
    }

    @Test
    void jupyterBookTocHadNoIndex() {
        // TeachBooks/manual, executablebooks/quantecon-mini-example: the pages are listed in book/_toc.yml (jb-book:
        // root, parts with captions, chapters with nested sections, files without extension, web links, globs) and
        // the title in _config.yml; the README links to the web site only. "the index page links to no chapter"
        // before.
        Diagnostics d = new Diagnostics();
        Outline o = site("index-forms/jupyter-book-toc", d);
        assertEquals("_toc.yml", o.indexFile().getFileName().toString());
        assertEquals("intro.md\n[Getting started]\n  soil.md\n    Digging deep\n  seeds.md\n[Further]\n  notebook.ipynb\n"
                + "    watering.md\n  a-one.md\n  b-two.md\n", tree(o));
        assertEquals("The Garden Book", o.metadata().title());
        assertEquals(List.of("Ada Gardener", "Garden Club"), o.metadata().authors());
        // The notebook is a chapter (JupyterBookNotebooksWereLeftOutTest); the reStructuredText page is named, at its
        // line of _toc.yml.
        assertTrue(d.warnings().stream().noneMatch(w -> w.message().contains("notebook.ipynb")), d.warnings().toString());
        assertTrue(d.warnings().stream().anyMatch(w -> w.message().contains("extra/legacy.rst")
                && w.location().line() == 22), d.warnings().toString());
    }

    @Test
    void jupyterBookArticleTocAtTheRootHadNoIndex() {
        Outline o = site("index-forms/jupyter-book-article", new Diagnostics());
        assertEquals("_toc.yml", o.indexFile().getFileName().toString());
        assertEquals("index.md\nabout.md\n  details.md\n", tree(o));
        assertEquals("Small article", o.metadata().title());
    }

    @Test
    void jupyterBookPageThatDoesNotExistIsNamedAtItsLineOfTheToc() throws IOException {
        Path book = TestBooks.copy("index-forms/jupyter-book-article", tmp.resolve("book"));
        Files.delete(book.resolve("docs/details.md"));
        StudybookException e = assertThrows(StudybookException.class, () -> TestBooks.load(book));
        assertEquals("_toc.yml", e.location().orElseThrow().file().getFileName().toString());
        assertEquals(6, e.location().orElseThrow().line(), e.getMessage());
    }

    @Test
    void mystYmlTocOfJupyterBookTwoHadNoIndex() {
        // jupyter-book/jupyter-book's and ProjectPythia/pythia-foundations' docs: project.toc in myst.yml (file,
        // title with children, url) names the pages, project.title and authors the book.
        Outline o = site("index-forms/myst-yml-toc", new Diagnostics());
        assertEquals("myst.yml", o.indexFile().getFileName().toString());
        assertEquals("index.md\n[Guide]\n  clouds.md\n  wind.md\n", tree(o));
        assertEquals("Weather Notes", o.metadata().title());
        assertEquals(List.of("Rain Maker", "Sun Shine"), o.metadata().authors());
    }

    @Test
    void sphinxMystToctreesHadNoIndex() {
        // executablebooks/MyST-Parser, executablebooks/sphinx-book-theme: docs/conf.py (myst_parser) and
        // docs/index.md whose ```{toctree} blocks list the pages, each page's own toctree its sub-pages; the README
        // was the whole book before.
        Diagnostics d = new Diagnostics();
        Outline o = site("index-forms/sphinx-myst-toctree", d);
        assertEquals("conf.py", o.indexFile().getFileName().toString());
        assertEquals("index.md\nintro.md\n[Guides]\n  Setting up\n  index.md\n    b-beta.md\n    a-alpha.md\n"
                + "[Reference]\n  faq.md\n", tree(o));
        assertEquals("Kettle", o.metadata().title());
        assertEquals(List.of("Tea Maker"), o.metadata().authors());
        assertTrue(d.warnings().stream().anyMatch(w -> w.message().contains("'guide/gone'")
                && w.location().file().getFileName().toString().equals("index.md") && w.location().line() == 29),
                d.warnings().toString());
        assertTrue(d.warnings().stream().anyMatch(w -> w.message().contains("api/reference.rst")), d.warnings().toString());
        assertTrue(d.warnings().stream().noneMatch(w -> w.message().contains("not-a-page")), d.warnings().toString());
    }

    @Test
    void docBuilderToctreeOfTheContentFolderIsReadWithoutALanguageWarning() {
        Diagnostics d = new Diagnostics();
        Outline o = BookLoader.load(Request.read(TestBooks.book("index-forms/doc-builder-toctree-per-language")
                .resolve("chapters/fr"), Optional.empty()), Outputs.DEFAULT.specs(), d).outline();
        assertEquals("_toctree.yml", o.indexFile().getFileName().toString());
        assertEquals("Introduction\n", tree(o));
        assertEquals("fr", o.metadata().language());
        assertTrue(d.warnings().stream().noneMatch(w -> w.message().contains("language folders")), d.warnings().toString());
    }

    @Test
    void docBuilderPagesShowedSvelteBlocksHeadingIdsInBracketsAndDarkModeTwins() throws IOException {
        // huggingface/course: every heading ended in "[[id]]", both frameworks' text stood between "{#if fw === 'pt'}",
        // "{:else}" and "{/if}", each diagram was shown twice (its "hidden dark:block" twin), and pictures left on
        // the web read "[图片：…]" in an English book.
        TestBooks.Built b = TestBooks.build(TestBooks.book("index-forms/doc-builder-toctree-per-language"),
                tmp.resolve("out"), "epub");
        dev.studybook.testing.EpubContents epub = dev.studybook.testing.EpubContents.read(b.output("epub"));
        String intro = epub.text(epub.chapterFiles().get(0));
        String seeds = epub.text(epub.chapterFiles().get(1));
        assertFalse(intro.contains("[[") || seeds.contains("[["), intro + seeds);
        assertTrue(intro.contains("[Picture: The garden in daylight]"), intro);
        assertFalse(intro.contains("The garden at night") || intro.contains("图片"), intro);
        assertTrue(seeds.contains("Buy seeds from the shop.") && seeds.contains("shop<span class=\"o\">.</span>buy()")
                && seeds.contains("Keep them dry."), seeds);
        assertFalse(seeds.contains("Collect seeds") || seeds.contains("Keep them cold") || seeds.contains("{#if")
                || seeds.contains("{:else}") || seeds.contains("{/if}"), seeds);
        assertTrue(b.diagnostics().warnings().stream().noneMatch(w -> w.message().contains("digging")),
                b.diagnostics().warnings().toString());
    }

    @Test
    void aFolderOfPagesWithoutAnyIndexWasRefused() throws IOException {
        // withastro/starlight's docs/src/content/docs and jaywcjlove/linux-command's command/: no SUMMARY.md, README.md
        // or site configuration; "no index page" before. The pages are read in a site's generated order (front matter
        // sidebar.order, sidebar_position, then names), the translations in de/ and the 404 and hidden pages left out.
        Diagnostics d = new Diagnostics();
        Outline o = site("index-forms/folder-without-index", d);
        assertEquals("index.mdx\ngetting-started.mdx\napples.md\n[Guides]\n  advanced.md\n  Basics\nzebra.md\n", tree(o));
        assertEquals("Field Notes", o.metadata().title());
        assertEquals(1, d.warnings().size(), d.warnings().toString());
        String w = d.warnings().get(0).message();
        assertTrue(w.contains("no index page") && w.contains("6 Markdown pages") && w.contains("de/"), w);
        // Astro serves guides/basics.mdx at /guides/basics/: the home page's link to it leads there.
        TestBooks.Built b = TestBooks.build(TestBooks.book("index-forms/folder-without-index"), tmp.resolve("out"), "epub");
        assertTrue(b.diagnostics().warnings().stream().noneMatch(x -> x.message().contains("does not exist")),
                b.diagnostics().warnings().toString());
        // Titled by their front matter, else their first heading.
        dev.studybook.testing.EpubContents epub = dev.studybook.testing.EpubContents.read(b.output("epub"));
        String nav = epub.text("nav.xhtml");
        for (String title : List.of("Getting started", "Advanced work", "Basics", "Zebra crossings", "Apples")) {
            assertTrue(nav.contains(title), title + ": " + nav);
        }
        assertFalse(nav.contains("Not found") || nav.contains("Secret") || nav.contains("zebra.md"), nav);
    }

    @Test
    void aFolderGroupOpenedByItsIndexPageWasTitledByTheFolderName() throws IOException {
        // javascript-tutorial/zh.javascript.info read as a folder of pages: 1-js/index.md ("# JavaScript 编程语言")
        // opened a group titled "Js", and 01-getting-started/index.md ("# 简介") one titled "Getting started".
        Path book = tmp.resolve("tutorial");
        Files.createDirectories(book.resolve("1-js/01-getting-started/1-intro"));
        Files.createDirectories(book.resolve("2-ui/1-document"));
        Files.writeString(book.resolve("1-js/index.md"), "# JavaScript 编程语言\n\n从头学习这门语言。\n", StandardCharsets.UTF_8);
        Files.writeString(book.resolve("1-js/01-getting-started/index.md"), "# 简介\n\n语言与开发环境。\n",
                StandardCharsets.UTF_8);
        Files.writeString(book.resolve("1-js/01-getting-started/1-intro/article.md"), "# JavaScript 简介\n\n它是什么。\n",
                StandardCharsets.UTF_8);
        Files.writeString(book.resolve("2-ui/index.md"), "---\ntitle: 浏览器：文档、事件和接口\n---\n\n# 浏览器\n\n页面。\n",
                StandardCharsets.UTF_8);
        Files.writeString(book.resolve("2-ui/1-document/article.md"), "# 文档\n\nDOM。\n", StandardCharsets.UTF_8);
        TestBooks.Built b = TestBooks.build(book, tmp.resolve("out"), "epub");
        String nav = dev.studybook.testing.EpubContents.read(b.output("epub")).text("nav.xhtml");
        for (String title : List.of("JavaScript 编程语言", ">简介<", "JavaScript 简介", "浏览器：文档、事件和接口", ">文档<")) {
            assertTrue(nav.contains(title), title + ": " + nav);
        }
        assertFalse(nav.contains(">Js<") || nav.contains("Getting started") || nav.contains(">Ui<"), nav);
        // A folder of one page is that page: no group "Intro" over "JavaScript 简介".
        assertFalse(nav.contains("Intro<") || nav.contains(">Document<"), nav);
    }

    @Test
    void anEmptyFolderIsStillRefusedWithNoIndexPage() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty/pictures"));
        Files.writeString(empty.resolve("notes.txt"), "not Markdown\n", StandardCharsets.UTF_8);
        StudybookException e = assertThrows(StudybookException.class, () -> TestBooks.load(empty.getParent()));
        assertTrue(e.getMessage().contains("no index page"), e.getMessage());
    }
}
