package dev.studybook.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.studybook.testing.Corpus;
import dev.studybook.testing.EpubCheckRunner;
import dev.studybook.testing.EpubContents;
import dev.studybook.testing.EpubContents.NavNode;
import dev.studybook.testing.EpubContents.Target;
import dev.studybook.testing.PdfContent;
import dev.studybook.testing.PdfText;
import dev.studybook.testing.TestBooks;
import dev.studybook.testing.TrapServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The "real-world books" of issue 6: every book of src/test/resources/corpus (GitBook, HonKit and mdBook
 * SUMMARY dialects, READMEs of links, cross-chapter links, images and legacy HTML, odd code fences and
 * tag-like text, line endings and byte order marks, empty and oddly titled chapters, Chinese file names)
 * builds to an EPUB that EPUBCheck passes without a message and a PDF without missing glyphs, and each book's
 * particular behaviour is checked in the EPUB and the PDF.
 */
class RealWorldCorpusTest {

    /** The host of the corpus's remote images; each build points it at {@link #trap}. */
    static final String REMOTE = "https://images.example.com";

    /** A few strings per book, with characters of every kind it uses, that the PDF must show as written. */
    static final Map<String, List<String>> PDF_STRINGS = Map.of(
            "gitbook-summary", List.of("你好，世界", "实践二：Web 服务", "不要通过共享内存来通信，而要通过通信来共享内存。",
                    "func (p *Point) Move(dx int)"),
            "mdbook-summary", List.of("panic 与 recover", "std::sync::mpsc 提供多生产者、单消费者的通道。",
                    "println!(\"你好，mdBook\");"),
            "readme-links", List.of("Go 夜读笔记", "iota 在常量组里从 0 开始递增", "Go 只有 for 一种循环"),
            "cross-links", List.of("如何安全地关闭通道？", "v, ok := <-ch", "https://pkg.go.dev/sync", "e1 happens-before"),
            "images-html", List.of("醒目的红字", "—— 右对齐的署名", "[图片：远程架构图]", "启动 goroutine"),
            "code-and-text", List.of("hello, 世界", "List<T>", "Vec<Option<T>>", "\"波浪线围栏\"", "{\"键\": \"值\", \"n\": 1}"),
            "line-endings", List.of("这一句在源文件里折行，中文之间不应出现空格。", "带 BOM 的标题", "代码块里的行"),
            "odd-chapters", List.of("……", "？！", "🚀", "🎉🎉", "✅ 完成"),
            "chinese-names", List.of("第 3 章：《内存模型》？", "【select】", "问与答", "编译器和处理器都会重排指令。"));

    @TempDir
    static Path tmp;

    static TrapServer trap;

    /** One corpus book, built once for all the tests that look at it. */
    record Built(String name, Path dir, TestBooks.Built build, EpubContents epub, Path pdf) {
        List<String> warnings() {
            return build.diagnostics().warnings().stream().map(Object::toString).toList();
        }

        /** The PDF's text as a reader sees it, without page footers. */
        String pdfText() {
            return pdfText(true);
        }

        String pdfText(boolean sortByPosition) {
            try {
                return PdfContent.bodyText(pdf, sortByPosition);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final Map<String, Object> BUILDS = new HashMap<>();

    @BeforeAll
    static void startTrap() {
        trap = TrapServer.start();
    }

    @AfterAll
    static void stopTrap() {
        trap.close();
    }

    static Stream<String> books() {
        return Corpus.names().stream();
    }

    /** Builds a corpus book (a copy whose remote image URLs point at the trap server), once. */
    static synchronized Built built(String name) {
        Object b = BUILDS.computeIfAbsent(name, n -> {
            try {
                Path dir = Corpus.copy(n, tmp.resolve("src").resolve(n), REMOTE, trap.base());
                TestBooks.Built build = TestBooks.build(dir, tmp.resolve("out").resolve(n));
                return new Built(n, dir, build, EpubContents.read(build.output("epub")), build.output("pdf"));
            } catch (RuntimeException | IOException | Error e) {
                return e;
            }
        });
        if (b instanceof Built built) {
            return built;
        }
        throw new AssertionError("building the corpus book '" + name + "' failed: " + b, (Throwable) b);
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Every book

    @Test
    void everyCorpusBookNamesItsDistinctivePdfStrings() {
        assertEquals(Set.copyOf(Corpus.names()), PDF_STRINGS.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("books")
    void epubPassesEpubCheckWithoutErrorsOrWarnings(String name) {
        EpubCheckRunner.Result r = EpubCheckRunner.check(built(name).build().output("epub"));
        assertTrue(r.clean(), name + ": " + r);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("books")
    void noHrefOrSrcInsideTheEpubDangles(String name) {
        assertEquals(List.of(), built(name).epub().danglingReferences(), name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("books")
    void noLinkIsInsideAnotherLink(String name) {
        assertEquals(List.of(), built(name).epub().nestedLinks(), name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("books")
    void everyLinkShowsSomethingToFollow(String name) {
        assertEquals(List.of(), built(name).epub().emptyLinks(), name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("books")
    void theTableOfContentsListsTheChaptersInSpineOrder(String name) {
        EpubContents epub = built(name).epub();
        List<String> navChapters = epub.nav().all().stream().filter(n -> n.href() != null && !n.href().contains("#"))
                .map(NavNode::href).toList();
        assertEquals(epub.chapterFiles(), navChapters, name + ":\n" + epub.nav().outline());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("books")
    void epubFileNamesAreAscii(String name) {
        List<String> odd = built(name).epub().entryNames().stream().filter(e -> !e.matches("[A-Za-z0-9._/-]+")).toList();
        assertEquals(List.of(), odd, name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("books")
    void imagesAreTypedByTheirBytes(String name) {
        EpubContents epub = built(name).epub();
        List<String> wrong = new ArrayList<>();
        for (EpubContents.Item i : epub.manifest()) {
            if (!i.mediaType().startsWith("image/")) {
                continue;
            }
            String sniffed = sniff(epub.bytes(i.href()));
            if (!i.mediaType().equals(sniffed)) {
                wrong.add(i.href() + " is " + i.mediaType() + " but its bytes are " + sniffed);
            }
        }
        assertEquals(List.of(), wrong, name);
    }

    private static String sniff(byte[] b) {
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8) {
            return "image/jpeg";
        }
        if (b.length > 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F') {
            return "image/gif";
        }
        String head = new String(b, 0, Math.min(b.length, 512), StandardCharsets.UTF_8);
        return head.contains("<svg") ? "image/svg+xml" : "unknown";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("books")
    void chaptersHoldNoCarriageReturnOrByteOrderMark(String name) {
        EpubContents epub = built(name).epub();
        List<String> bad = new ArrayList<>();
        for (String f : epub.xhtmlFiles()) {
            String s = epub.text(f);
            if (s.indexOf('\r') >= 0 || s.contains("&#13;") || s.contains("&#xD;") || s.contains("&#xd;")) {
                bad.add(f + " holds a carriage return");
            }
            if (s.indexOf('\uFEFF') >= 0) {
                bad.add(f + " holds a byte order mark");
            }
        }
        assertEquals(List.of(), bad, name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("books")
    void everyPdfFontIsEmbedded(String name) throws IOException {
        List<String> fonts = PdfText.fonts(built(name).pdf());
        assertFalse(fonts.isEmpty(), name);
        List<String> bad = fonts.stream().filter(f -> !f.endsWith("embedded=true") || f.contains("Times")
                || f.contains("Courier") || f.contains("Helvetica")).toList();
        assertEquals(List.of(), bad, name + ": " + fonts);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("books")
    void pdfHasNoMissingGlyphs(String name) {
        Built b = built(name);
        List<String> noFont = b.warnings().stream().filter(w -> w.contains("no font")).toList();
        assertEquals(List.of(), noFont, name + ": characters without a font");
        String pdf = squeeze(b.pdfText());
        List<String> missing = PDF_STRINGS.get(name).stream().filter(s -> !pdf.contains(squeeze(s))).toList();
        assertEquals(List.of(), missing, name + ": strings the PDF does not show as written");
        // A glyph the fonts lack prints as '#': the PDF may hold no more '#' than the text of the EPUB.
        long inPdf = pdf.chars().filter(c -> c == '#').count();
        long inEpub = b.epub().visibleText().chars().filter(c -> c == '#').count();
        assertTrue(inPdf <= inEpub, name + ": the PDF shows " + inPdf + " '#' but the book's text has " + inEpub);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers for the per-book checks

    /** Pairs of (entry, the entry directly above it in the table of contents; "" for the top level). */
    private static Map<String, String> parents(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static void assertParents(EpubContents epub, Map<String, String> expected) {
        NavNode nav = epub.nav();
        List<String> wrong = new ArrayList<>();
        expected.forEach((label, parent) -> {
            Optional<String> actual = nav.parentOf(label);
            if (!actual.equals(Optional.of(parent))) {
                wrong.add("'" + label + "' should be under '" + parent + "' but is "
                        + actual.map(p -> "under '" + p + "'").orElse("missing"));
            }
        });
        if (!wrong.isEmpty()) {
            fail(String.join("\n", wrong) + "\ntable of contents:\n" + nav.outline());
        }
    }

    /**
     * Asserts that the link with {@code text} in the chapter titled {@code chapter} is one link that leads to
     * the chapter titled {@code toChapter}, at the element whose text is {@code toText} (null: the chapter
     * itself, without a fragment).
     */
    private static void assertLink(EpubContents epub, String chapter, String text, String toChapter, String toText) {
        String file = epub.chapterFile(chapter);
        List<Element> links = epub.linksWithText(file, text);
        assertEquals(1, links.size(), "links '" + text + "' in " + chapter + ": " + links + "\n" + epub.body(file).html());
        String href = links.get(0).attr("href");
        Optional<Target> target = epub.resolve(file, href);
        assertTrue(target.isPresent(), "'" + text + "' in " + chapter + " leads nowhere: " + href);
        assertEquals(epub.chapterFile(toChapter), target.get().file(), "'" + text + "' in " + chapter + ": " + href);
        if (toText == null) {
            assertFalse(href.contains("#"), "'" + text + "' in " + chapter + " should lead to the chapter: " + href);
        } else {
            assertTrue(href.contains("#"), "'" + text + "' in " + chapter + " should lead to '" + toText + "': " + href);
            assertEquals(toText, target.get().element().text(), "'" + text + "' in " + chapter + ": " + href);
        }
    }

    /** Asserts that {@code text} shows in the chapter, and not as (or inside) a link. */
    private static void assertPlainText(EpubContents epub, String chapter, String text) {
        String file = epub.chapterFile(chapter);
        Element body = epub.body(file);
        assertTrue(body.text().contains(text), "'" + text + "' is not shown in " + chapter);
        List<Element> links = body.select("a[href]").stream().filter(a -> a.text().contains(text)).toList();
        assertEquals(List.of(), links.stream().map(Element::outerHtml).toList(),
                "'" + text + "' in " + chapter + " cannot be resolved inside the book and should be plain text");
    }

    // ---------------------------------------------------------------------------------------------------------
    // gitbook-summary: a GitBook/HonKit SUMMARY.md

    @Test
    void gitbookChaptersFollowTheSummaryInOrder() {
        EpubContents epub = built("gitbook-summary").epub();
        assertEquals(List.of("前言", "第一章 入门", "1.1 安装", "1.2 你好，世界", "1.2.1 运行程序", "第二章 语法", "2.1 变量",
                "2.2 函数", "2.3 方法", "实践一：命令行工具", "实践二：Web 服务", "第三章 并发", "3.1 goroutine", "3.2 channel",
                "第四章 反射", "A. 术语表", "B. 延伸阅读"), epub.nav().chapterLabels(), epub.nav().outline());
    }

    @Test
    void gitbookTabFourSpaceAndTwoSpaceBulletsNest() {
        assertParents(built("gitbook-summary").epub(), parents(
                "前言", "", "第一章 入门", "", "第二章 语法", "",
                "1.1 安装", "第一章 入门", "1.2 你好，世界", "第一章 入门", "1.2.1 运行程序", "1.2 你好，世界",
                "2.1 变量", "第二章 语法", "2.2 函数", "第二章 语法", "2.3 方法", "第二章 语法"));
    }

    @Test
    void gitbookNumberedItemsIndentedByTwoSpacesNestAsInHonKit() {
        // HonKit/GitBook read SUMMARY.md with a marked-style parser: any deeper indentation nests.
        assertParents(built("gitbook-summary").epub(), parents(
                "第三章 并发", "进阶", "3.1 goroutine", "第三章 并发", "3.2 channel", "第三章 并发", "第四章 反射", "进阶"));
    }

    @Test
    void gitbookPartHeadingsStartParts() {
        assertParents(built("gitbook-summary").epub(), parents("A. 术语表", "附录", "B. 延伸阅读", "附录"));
    }

    @Test
    void gitbookItemWithoutALinkGroupsItsChildrenAndNeverHangsThemOnThePreviousChapter() {
        NavNode nav = built("gitbook-summary").epub().nav();
        Optional<String> p1 = nav.parentOf("实践一：命令行工具");
        Optional<String> p2 = nav.parentOf("实践二：Web 服务");
        assertTrue(p1.isPresent() && p1.equals(p2) && (p1.get().equals("") || p1.get().equals("实践篇")),
                "the children of the item '实践篇' (no link) belong to it or to the top level, not to '"
                        + p1.orElse("?") + "'\n" + nav.outline());
    }

    @Test
    void gitbookSameFileLinkedTwiceIsOneChapterWithAWarning() {
        Built b = built("gitbook-summary");
        List<String> labels = b.epub().nav().chapterLabels();
        assertEquals(1, labels.stream().filter(l -> l.startsWith("第一章 入门")).count(), labels.toString());
        assertTrue(b.warnings().stream().anyMatch(w -> w.contains("SUMMARY.md:15:") && w.contains("chapter1/README.md")),
                b.warnings().toString());
    }

    @Test
    void gitbookTitleComesFromTheReadmeNotFromTheSummaryHeading() {
        // GitBook: "title: Title of your book, default value is extracted from the README". "# Summary" only
        // labels the list of links, like the "目录" headings the outline reader already skips.
        assertEquals("Go 语言入门教程", built("gitbook-summary").epub().title());
    }

    // ---------------------------------------------------------------------------------------------------------
    // mdbook-summary: an mdBook SUMMARY.md

    @Test
    void mdbookChaptersFollowTheSummaryInOrder() {
        EpubContents epub = built("mdbook-summary").epub();
        assertEquals(List.of("简介", "安装", "第一个程序", "编译与运行", "调试", "panic 与 recover", "所有权", "并发", "线程",
                "通道", "贡献者", "致谢"), epub.nav().chapterLabels(), epub.nav().outline());
    }

    @Test
    void mdbookPartTitlesAndNestingWithSpacesAndTabs() {
        assertParents(built("mdbook-summary").epub(), parents(
                "简介", "", "安装", "基础篇", "第一个程序", "基础篇", "编译与运行", "第一个程序", "调试", "第一个程序",
                "所有权", "基础篇", "并发", "进阶篇", "线程", "并发", "通道", "并发"));
    }

    @Test
    void mdbookDraftChaptersAreNotLinkedAndTheirChildrenDoNotMoveUnderThePreviousChapter() {
        NavNode nav = built("mdbook-summary").epub().nav();
        for (String draft : List.of("草稿：错误处理", "宏")) {
            nav.find(draft).ifPresent(n -> assertEquals(null, n.href(), "the draft '" + draft + "' has no file to link to"));
        }
        Optional<String> parent = nav.parentOf("panic 与 recover");
        assertTrue(parent.equals(Optional.of("基础篇")) || parent.equals(Optional.of("草稿：错误处理")),
                "'panic 与 recover' is a child of the draft '草稿：错误处理', not of '" + parent.orElse("?") + "'\n" + nav.outline());
    }

    @Test
    void mdbookTitleIsNotTheSummaryHeading() {
        // "# Summary" labels mdBook's list of chapters (the title lives in book.toml, outside the content folder).
        String title = built("mdbook-summary").epub().title();
        assertFalse(title.equalsIgnoreCase("summary"), title);
    }

    @Test
    void mdbookSuffixChaptersAfterASeparatorStandOutsideTheLastPart() {
        // mdBook: "Part Title: ... a title for the following numbered chapters"; suffix chapters are not numbered.
        assertParents(built("mdbook-summary").epub(), parents("贡献者", "", "致谢", ""));
    }

    // ---------------------------------------------------------------------------------------------------------
    // readme-links: a README of links with headings between the groups

    @Test
    void readmeGroupsUnderHeadingsBecomePartsInOrder() {
        EpubContents epub = built("readme-links").epub();
        assertEquals(List.of("变量与常量", "流程控制", "Goroutine 入门", "Channel 详解", "项目结构", "测试", "常见问题"),
                epub.nav().chapterLabels(), epub.nav().outline());
        assertParents(epub, parents("变量与常量", "基础", "流程控制", "基础", "Goroutine 入门", "并发", "Channel 详解", "并发",
                "常见问题", "附录"));
        assertEquals("Go 夜读笔记", epub.title());
    }

    @Test
    void readmeLinksInsideATableAreChapters() {
        assertParents(built("readme-links").epub(), parents("项目结构", "工程实践", "测试", "工程实践"));
    }

    @Test
    void readmeSameFileLinkedTwiceIsOneChapterWithAWarning() {
        Built b = built("readme-links");
        assertTrue(b.epub().nav().find("再谈 Goroutine").isEmpty(), b.epub().nav().outline());
        assertTrue(b.warnings().stream().anyMatch(w -> w.contains("README.md:18:")), b.warnings().toString());
    }

    @Test
    void readmeRepositoryUrlsOfChaptersLeadToChaptersAndOfOtherFilesStayOnTheWeb() {
        EpubContents epub = built("readme-links").epub();
        assertLink(epub, "Goroutine 入门", "Channel 详解", "Channel 详解", null);
        List<Element> src = epub.linksWithText(epub.chapterFile("Goroutine 入门"), "hello/main.go");
        assertEquals(1, src.size());
        assertEquals("https://github.com/example/notes/blob/master/examples/hello/main.go", src.get(0).attr("href"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // cross-links: chapters linking each other and the rest of the repository

    @Test
    void crossLinksIndexWithBackslashAndRootAbsolutePaths() {
        EpubContents epub = built("cross-links").epub();
        assertEquals(List.of("第一章 通道", "第二章 选择", "第三章 内存模型", "第四章 常见问题"), epub.nav().chapterLabels(),
                epub.nav().outline());
    }

    @Test
    void crossLinksBetweenChaptersLeadToTheirAnchors() {
        EpubContents epub = built("cross-links").epub();
        String c1 = "第一章 通道";
        String c2 = "第二章 选择";
        String c3 = "第三章 内存模型";
        String c4 = "第四章 常见问题";
        // Down two folders, same folder, Windows backslashes, root-absolute, reference-style.
        assertLink(epub, c1, "内存模型", c3, "Happens-before");
        assertLink(epub, c1, "select 语句", c2, "default 分支");
        assertLink(epub, c1, "select 的小结", c2, "小结");
        assertLink(epub, c1, "如何关闭通道", c4, "如何安全地关闭通道？");
        assertLink(epub, c1, "nil 通道", c4, "向 nil 通道发送会怎样？");
        // Percent-encoded fragment, raw HTML link to an <a name>, fragment in another case, own raw <h2 id>.
        assertLink(epub, c2, "通道的小结", c1, "小结");
        assertLink(epub, c2, "第一章开头", c1, "");
        assertLink(epub, c2, "缓冲通道", c1, "缓冲通道（Buffered Channel）");
        assertLink(epub, c2, "超时", c2, "超时处理");
        // Up two folders; <a name> anchors, one of them Chinese; raw HTML with backslashes; up one folder.
        assertLink(epub, c3, "回到缓冲通道", c1, "缓冲通道（Buffered Channel）");
        assertLink(epub, c3, "第一章开头", c1, "");
        assertLink(epub, c3, "关闭规则", c1, "关闭通道的规则");
        assertLink(epub, c3, "第一章（反斜杠）", c1, null);
        assertLink(epub, c3, "向 nil 通道发送", c4, "向 nil 通道发送会怎样？");
        // Own raw <h3 id>, backslashes, root-absolute with a fragment.
        assertLink(epub, c4, "第一问", c4, "如何安全地关闭通道？");
        assertLink(epub, c4, "回到第二章", c2, null);
        assertLink(epub, c4, "第一章的小结", c1, "小结");
    }

    @Test
    void crossLinksToFilesOutsideTheBookBecomeTheirText() {
        EpubContents epub = built("cross-links").epub();
        for (String text : List.of("额外笔记", "hello 示例", "全部示例", "示例目录", "示例源码", "设计文档", "旧的第五章")) {
            assertPlainText(epub, "第一章 通道", text);
        }
    }

    @Test
    void crossLinksBareUrlUsedAsItsOwnTextIsOneLink() {
        EpubContents epub = built("cross-links").epub();
        String file = epub.chapterFile("第一章 通道");
        Element body = epub.body(file);
        for (String url : List.of("https://go.dev/ref/mem", "https://go.dev/doc/effective_go", "https://pkg.go.dev/sync")) {
            List<Element> links = body.select("a").stream().filter(a -> a.attr("href").equals(url) || a.text().contains(url))
                    .toList();
            assertEquals(1, links.size(), url + ": " + links.stream().map(Element::outerHtml).toList());
            assertEquals(url, links.get(0).attr("href"));
            assertEquals(url, links.get(0).text());
            int shown = body.text().split(java.util.regex.Pattern.quote(url), -1).length - 1;
            assertEquals(1, shown, url + " is shown " + shown + " times");
        }
    }

    @Test
    void crossLinksRawHeadingsAppearInTheTableOfContents() throws IOException {
        EpubContents epub = built("cross-links").epub();
        NavNode nav = epub.nav();
        Map<String, List<String>> expected = Map.of(
                "第四章 常见问题", List.of("如何安全地关闭通道？", "向 nil 通道发送会怎样？", "select 如何在多个就绪分支中选择？"),
                "第二章 选择", List.of("default 分支", "超时处理", "小结"));
        expected.forEach((chapter, sections) -> {
            NavNode c = nav.find(chapter).orElseThrow();
            List<String> labels = c.children().stream().map(NavNode::label).toList();
            assertEquals(sections, labels, chapter + "\n" + nav.outline());
            for (NavNode s : c.children()) {
                Optional<Target> t = epub.resolve(epub.navFile(), s.href());
                assertTrue(t.isPresent() && t.get().element().normalName().matches("h[1-6]")
                        && t.get().element().text().equals(s.label()), s + " leads to " + t);
            }
        });
        // The PDF's contents page (page 3, after the cover and the title page) lists them too.
        String contents = squeeze(PdfContent.pageText(built("cross-links").pdf(), 3));
        for (String h : List.of("如何安全地关闭通道？", "向nil通道发送会怎样？", "select如何在多个就绪分支中选择？", "超时处理")) {
            assertTrue(contents.contains(h), "the PDF's contents page lacks '" + h + "': " + contents);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // images-html: image paths of every kind, remote images, legacy HTML

    @Test
    void imagesRemoteOnesAreNeverFetched() {
        built("images-html");
        assertEquals(List.of(), trap.requests());
    }

    @Test
    void imagesRemoteOnesShowAltTextAndUrl() {
        EpubContents epub = built("images-html").epub();
        Element body = epub.body(epub.chapterFile("图片"));
        String text = body.text();
        for (String[] r : new String[][] {{"远程架构图", "/remote-arch.png"}, {"远程图表", "/remote-chart.png"},
                {"构建状态", "/badge.svg"}}) {
            String url = trap.base() + r[1];
            assertTrue(text.contains("[图片：" + r[0] + "]"), r[0] + ": " + text);
            assertTrue(text.contains(url), url + ": " + text);
        }
        for (String[] r : new String[][] {{"远程架构图", "/remote-arch.png"}, {"远程图表", "/remote-chart.png"}}) {
            String url = trap.base() + r[1];
            assertEquals(1, body.select("a").stream().filter(a -> a.attr("href").equals(url) && a.text().equals(url)).count(),
                    url + ": " + body.html());
        }
        List<String> remoteImg = body.select("img").stream().map(i -> i.attr("src")).filter(EpubContents::isExternal).toList();
        assertEquals(List.of(), remoteImg);
        String pdf = squeeze(built("images-html").pdfText());
        assertTrue(pdf.contains(squeeze("[图片：远程图表]" + trap.base() + "/remote-chart.png")), pdf);
    }

    @Test
    void imagesEveryLocalPathFormShowsTheImage() {
        Built b = built("images-html");
        EpubContents epub = b.epub();
        String file = epub.chapterFile("图片");
        Element body = epub.body(file);
        // ../images/, ?raw=true, a GitHub blob URL, a .jpg that is a PNG, <img> with width/style/align, backslashes.
        assertEquals(9, body.select("img").size(), body.html());
        for (Element img : body.select("img")) {
            assertTrue(epub.resolve(file, img.attr("src")).isPresent(), img.outerHtml());
        }
        for (String alt : List.of("系统架构", "流程图", "项目标志", "一张照片", "缩小的架构图", "标志（HTML）", "带样式的照片", "居中的流程图",
                "架构（反斜杠）")) {
            assertFalse(body.text().contains("[图片：" + alt + "]"), "the image '" + alt + "' is shown as its alt text");
        }
    }

    @Test
    void imagesBuildWithOnlyTheRemotePicturesSummaryAndTheSvgWithAnExternalReferenceIsStillDrawn() {
        // flow.svg holds an <image> pointing at a remote PNG: that reference is dropped, never fetched, and
        // the rest of the drawing still shows in both outputs. Every other image and tag of the book is usable;
        // the book's three remote pictures are left out (nothing is fetched unless asked) with one warning.
        List<String> w = built("images-html").warnings();
        // The remote pictures' summary, and one warning for the SVG whose outside <image> was removed (issue 21).
        assertEquals(2, w.size(), w.toString());
        assertTrue(w.stream().anyMatch(x -> x.contains("flow.svg") && x.contains("removed")), w.toString());
        assertTrue(w.get(1).contains("3 remote pictures (on the web) were left out") && w.get(1).contains("--fetch-remote"),
                w.get(1));
    }

    @Test
    void imagesTheJpgThatIsAPngIsTypedImagePng() throws IOException {
        Built b = built("images-html");
        byte[] photo = Files.readAllBytes(b.dir().resolve("images/photo.jpg"));
        List<EpubContents.Item> items = b.epub().manifest().stream()
                .filter(i -> i.mediaType().startsWith("image/") && Arrays.equals(photo, b.epub().bytes(i.href()))).toList();
        assertEquals(1, items.size(), b.epub().manifest().toString());
        assertEquals("image/png", items.get(0).mediaType());
    }

    @Test
    void imagesRasterImagesAreDrawnInThePdf() throws IOException {
        // arch.png, logo.png and the PNG named photo.jpg.
        int n = PdfContent.distinctImages(built("images-html").pdf());
        assertTrue(n >= 3, "the PDF draws " + n + " raster images");
    }

    @Test
    void imagesLegacyHtmlBecomesCss() {
        EpubContents epub = built("images-html").epub();
        Element body = epub.body(epub.chapterFile("旧式 HTML"));
        assertTrue(hasStyle(body, "居中的一行字", "text-align:center"), body.html());
        assertTrue(hasStyle(body, "醒目的红字", "color:#c00000"), body.html());
        assertTrue(hasStyle(body, "蓝色的提示", "color:blue"), body.html());
        assertTrue(hasStyle(body, "右对齐的署名", "text-align:right"), body.html());
        Element table = body.selectFirst("table");
        assertTrue(table != null && table.select("tr").size() == 3, body.html());
        // <table align="center"> places the table in the middle of the page; it never centres the cells' text.
        assertFalse(hasStyle(body, "延迟执行", "text-align:center"), table.outerHtml());
        String pdf = squeeze(built("images-html").pdfText());
        for (String s : List.of("居中的一行字", "蓝色的提示", "启动goroutine开销很小", "延迟执行", "对术语的解释", "折叠起来的内容。")) {
            assertTrue(pdf.contains(s), s);
        }
    }

    /** True when the innermost element holding {@code text}, or one of its ancestors, has {@code css} in its style. */
    private static boolean hasStyle(Element body, String text, String css) {
        Element holder = body.getElementsContainingOwnText(text).first();
        for (Element e = holder; e != null && e != body; e = e.parent()) {
            if (e.attr("style").replace(" ", "").contains(css)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------------
    // code-and-text: fence info strings, tag-like text, long lines, wide tables

    @Test
    void codeFencesInAnyCaseAreHighlightedAndUnknownLanguagesShownAsWritten() {
        EpubContents epub = built("code-and-text").epub();
        List<Element> pres = epub.body(epub.chapterFile("代码块")).select("pre");
        List<String> texts = List.of(
                "package main\n\nfunc main() {\n    println(\"大写开头的 Go\")\n}",
                "func upperCase() int { return 1 }",
                "var golangAlias = \"golang\"",
                "func spaceBeforeInfo() {}",
                "func bracedInfo() {}",
                "func withAttributes() {}",
                "func NoSuchLanguage(a int) int { return a<<1 }",
                "$ go run main.go\nhello, 世界",
                "if [ -f app ]; then echo \"已构建\"; fi",
                "{\"键\": \"值\", \"n\": 1}",
                "纯文本，不高亮：<script>alert(1)</script>",
                "def tilde_fence():\n    return \"波浪线围栏\"",
                "没有语言的代码块：a<b && c>d",
                "// 用制表符缩进的代码块\nfunc indentedWithTab() {}",
                "func tabs() {\n    if true {\n        return  // 制表符对齐的注释\n    }\n}");
        // Go, GO, golang, " go", {.go}, go title=..., Shell, JSON, Python are known languages.
        List<Boolean> highlighted = List.of(true, true, true, true, true, true, false, false, true, true, false, true, false,
                false, true);
        assertEquals(texts.size(), pres.size(), pres.toString());
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < pres.size(); i++) {
            Element pre = pres.get(i);
            String text = pre.wholeText().replaceAll("\n+$", "");
            if (!text.equals(texts.get(i))) {
                wrong.add("code block " + (i + 1) + " shows\n" + text + "\ninstead of\n" + texts.get(i));
            }
            if (highlighted.get(i) == pre.select("span[class]").isEmpty()) {
                wrong.add("code block " + (i + 1) + (highlighted.get(i) ? " is not highlighted: " : " is highlighted: ")
                        + pre.outerHtml());
            }
        }
        assertEquals(List.of(), wrong, String.join("\n\n", wrong));
    }

    @Test
    void textThatLooksLikeATagStaysVisible() {
        Built b = built("code-and-text");
        EpubContents epub = b.epub();
        String text = epub.body(epub.chapterFile("像标签的文字")).text();
        String pdf = squeeze(b.pdfText());
        List<String> lost = new ArrayList<>();
        for (String s : List.of("List<T>", "Map<K, V>", "go get <package>", "go run <file>", "cp <source> <dest>", "a<b 且 b>c",
                "Vec<Option<T>>", "map[string]<-chan int", "<token>", "chan<- int", "<-chan int", "Result<T, E>",
                "引用里的 <placeholder> 也一样", "列表项里的 <item> 也一样")) {
            if (!text.contains(s)) {
                lost.add("EPUB: " + s);
            }
            if (!pdf.contains(squeeze(s))) {
                lost.add("PDF: " + s);
            }
        }
        assertEquals(List.of(), lost, text);
        assertTrue(epub.nav().find("标题里的 List<T>").isPresent(), epub.nav().outline());
    }

    @Test
    void longLinesLongCodeAndWideTablesStayInsideThePageAndAreAllThere() throws IOException {
        Built b = built("code-and-text");
        // pdf.css: 22 mm left and right margins on A4.
        float margin = 22f / 25.4f * 72f;
        assertEquals(List.of(), PdfText.outsideMargins(b.pdf(), margin, margin));
        String wide = Files.readString(b.dir().resolve("wide.md"));
        String pdf = squeeze(b.pdfText());
        // A narrow table cell wraps its text over lines that, sorted by position, interleave with the next
        // cell's: cells are looked for in drawing order.
        String cells = squeeze(b.pdfText(false));
        List<String> missing = new ArrayList<>();
        for (String line : wide.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("```") || l.matches("\\|[-:|]+\\|")) {
                continue;
            }
            // Table rows: each cell; other lines: the text without Markdown's own marks.
            List<String> parts = l.startsWith("|") ? Arrays.stream(l.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList()
                    : List.of(l.replaceAll("^[->]\\s*", "").replace("`", ""));
            for (String p : parts) {
                if (!(l.startsWith("|") ? cells : pdf).contains(squeeze(p))) {
                    missing.add(p.length() > 80 ? p.substring(0, 80) + "…" : p);
                }
            }
        }
        assertEquals(List.of(), missing);
        EpubContents epub = b.epub();
        assertEquals(10, epub.body(epub.chapterFile("长行与宽表")).selectFirst("table").select("th").size());
    }

    // ---------------------------------------------------------------------------------------------------------
    // line-endings: CRLF, byte order marks, tabs

    @Test
    void lineEndingsTheSourcesReallyHoldCrlfBomsAndTabs() throws IOException {
        Path dir = Corpus.book("line-endings");
        byte[] readme = Files.readAllBytes(dir.resolve("README.md"));
        assertTrue(startsWithBom(readme) && new String(readme, StandardCharsets.UTF_8).contains("\r\n"));
        assertTrue(Files.readString(dir.resolve("crlf.md")).contains("\r\n"));
        byte[] bom = Files.readAllBytes(dir.resolve("bom.md"));
        assertTrue(startsWithBom(bom) && !new String(bom, StandardCharsets.UTF_8).contains("\r"));
        byte[] both = Files.readAllBytes(dir.resolve("bom-crlf.md"));
        assertTrue(startsWithBom(both) && new String(both, StandardCharsets.UTF_8).contains("\r\n"));
        assertTrue(Files.readString(dir.resolve("tabs.md")).contains("\t"));
    }

    private static boolean startsWithBom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
    }

    @Test
    void lineEndingsIndexWithBomAndCrlfIsRead() {
        EpubContents epub = built("line-endings").epub();
        assertEquals("换行与编码", epub.title());
        assertEquals(List.of("CRLF 换行", "带 BOM 的章节", "BOM 加 CRLF", "制表符"), epub.nav().chapterLabels());
    }

    @Test
    void lineEndingsCrlfChapterConvertsLikeLf() {
        EpubContents epub = built("line-endings").epub();
        Element body = epub.body(epub.chapterFile("CRLF 换行"));
        assertTrue(body.text().contains("这一句在源文件里折行，中文之间不应出现空格。"), body.text());
        assertEquals("Setext 二级标题", body.selectFirst("h2").text());
        assertEquals(2, body.select("br").size(), body.html());
        assertEquals(1, body.select("table").size());
        assertEquals("嵌套项", body.selectFirst("li ul li").text());
        assertEquals("func crlf() {\n    return\n}", body.selectFirst("pre").wholeText().replaceAll("\n+$", ""));
    }

    @Test
    void lineEndingsBomChaptersStartWithTheirHeading() {
        EpubContents epub = built("line-endings").epub();
        Element bom = epub.body(epub.chapterFile("带 BOM 的章节"));
        assertEquals(List.of("带 BOM 的标题"), bom.select("h1").stream().map(Element::text).toList(), bom.html());
        Element both = epub.body(epub.chapterFile("BOM 加 CRLF"));
        assertEquals(List.of("BOM 加 CRLF"), both.select("h1").stream().map(Element::text).toList(), both.html());
        assertEquals("引用块跨两行。", both.selectFirst("blockquote").text());
        assertEquals(2, both.select("ol > li").size());
        assertEquals("代码块里的行\n不应带回车符", both.selectFirst("pre").wholeText().replaceAll("\n+$", ""));
    }

    @Test
    void lineEndingsTabsIndentCodeAndLists() {
        EpubContents epub = built("line-endings").epub();
        Element body = epub.body(epub.chapterFile("制表符"));
        assertEquals("func indentedByTab() {}", body.selectFirst("pre").wholeText().replaceAll("\n+$", ""));
        assertEquals("用制表符缩进的子项", body.selectFirst("li ul li").text(), body.html());
    }

    // ---------------------------------------------------------------------------------------------------------
    // odd-chapters: empty chapters, headings of punctuation or emoji

    @Test
    void oddChaptersAllBuildInOrderAndEmptyOnesShowTheirTitle() {
        EpubContents epub = built("odd-chapters").epub();
        assertEquals(List.of("空章节", "只有空白的章节", "只有标点的标题", "🚀", "最后一章"), epub.nav().chapterLabels(),
                epub.nav().outline());
        for (String t : List.of("空章节", "只有空白的章节")) {
            assertEquals(List.of(t), epub.body(epub.chapterFile(t)).select("h1").stream().map(Element::text).toList());
        }
        String pdf = squeeze(built("odd-chapters").pdfText());
        assertTrue(pdf.contains("空章节") && pdf.contains("只有空白的章节") && pdf.contains("前面的章节不论多奇怪"), pdf);
    }

    @Test
    void oddChaptersPunctuationAndEmojiHeadingsAreListedAndLeadToThemselves() {
        EpubContents epub = built("odd-chapters").epub();
        NavNode nav = epub.nav();
        Map<String, List<String>> expected = Map.of(
                "只有标点的标题", List.of("……", "——", "...", "（）", "***", "#", "正常的标题"),
                "🚀", List.of("🎉🎉", "✅ 完成", "⚠️", "👍🏻"));
        expected.forEach((chapter, sections) -> {
            NavNode c = nav.find(chapter).orElseThrow();
            List<String> labels = c.children().stream().map(NavNode::label).filter(l -> !l.isBlank()).toList();
            assertEquals(sections, labels, nav.outline());
            for (NavNode s : c.children()) {
                Optional<Target> t = epub.resolve(epub.navFile(), s.href());
                assertTrue(t.isPresent() && t.get().element().text().equals(s.label()), s + " leads to " + t);
            }
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // chinese-names: file and folder names with spaces and full-width punctuation

    @Test
    void chineseNamesChaptersAreFoundInOrderWithoutWarnings() {
        Built b = built("chinese-names");
        assertEquals(List.of("第 1 章：初识 Go（上）", "第 2 章：并发、通道与【select】", "第 3 章：《内存模型》？", "第 4 章：问与答"),
                b.epub().nav().chapterLabels());
        assertEquals(List.of(), b.warnings());
    }

    @Test
    void chineseNamesLinksBetweenChaptersResolve() {
        EpubContents epub = built("chinese-names").epub();
        assertLink(epub, "第 1 章：初识 Go（上）", "并发、通道与【select】", "第 2 章：并发、通道与【select】", "小结");
        assertLink(epub, "第 2 章：并发、通道与【select】", "初识 Go", "第 1 章：初识 Go（上）", null);
        assertLink(epub, "第 2 章：并发、通道与【select】", "为什么需要内存模型？", "第 3 章：《内存模型》？", "为什么需要内存模型？");
        assertLink(epub, "第 4 章：问与答", "第 1 章的小结", "第 1 章：初识 Go（上）", "小结（上）");
    }

    @Test
    void chineseNamesImageWithSpacesAndFullWidthParenthesesIsShown() {
        EpubContents epub = built("chinese-names").epub();
        String file = epub.chapterFile("第 3 章：《内存模型》？");
        List<Element> imgs = epub.body(file).select("img");
        assertEquals(2, imgs.size(), epub.body(file).html());
        Set<String> srcs = imgs.stream().map(i -> i.attr("src")).collect(Collectors.toSet());
        assertEquals(1, srcs.size(), srcs.toString());
        String src = srcs.iterator().next();
        assertTrue(epub.resolve(file, src).isPresent(), src);
        assertTrue(epub.manifest().stream().anyMatch(i -> i.href().equals(src) && i.mediaType().equals("image/png")),
                epub.manifest().toString());
    }
}
