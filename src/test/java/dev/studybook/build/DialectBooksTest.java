package dev.studybook.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.codetest.CodeTestReport;
import dev.studybook.codetest.CodeTester;
import dev.studybook.error.Diagnostics;
import dev.studybook.load.LoadedBook;
import dev.studybook.markdown.CodeSamples;
import dev.studybook.model.CodeSample;
import dev.studybook.testing.EpubContents;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dialect books under books/dialects: what a reader of the EPUB gets from each web-only syntax (AllTestBooksTest
 * checks them with EPUBCheck).
 */
class DialectBooksTest {

    @TempDir
    Path out;

    private static String chapterText(EpubContents epub, int n) {
        return epub.text(epub.chapterFiles().get(n));
    }

    private String chapter(String book, int n) throws IOException {
        TestBooks.Built b = TestBooks.build(TestBooks.book("dialects/" + book), out, "epub");
        return chapterText(EpubContents.read(b.output("epub")), n);
    }

    @Test
    void boldOpenedBeforeAnAnswersBlocksNoLongerTurnsItsListIntoSpans() throws IOException {
        // bregman-arie/devops-exercises: <summary>…</summary><br><b> before each answer, </b></details> after it;
        // HTML parsing put <b> inside the list (316 EPUBCheck errors) and the items became spans.
        String answers = chapter("bold-around-blocks", 0);
        assertTrue(answers.contains("<li>the index page</li>") && answers.contains("<li>every chapter it lists</li>"), answers);
        assertFalse(answers.contains("<ul><b>") || answers.contains("<b><p>") || answers.contains("<span>the index page"),
                answers);
        assertTrue(answers.contains("No, only plain text."), answers);
    }

    @Test
    void mdxImportsCommentsAndComponentsAreNotShownAsText() throws IOException {
        // facebook/react-native-website: 87 import lines and 394 JSX tags (<Tabs>, <TabItem>, <PlatformSupport ... />)
        // were shown as paragraphs of text; reduxjs/redux: 28 import lines.
        TestBooks.Built b = TestBooks.build(TestBooks.book("dialects/mdx"), out, "epub");
        EpubContents epub = EpubContents.read(b.output("epub"));
        String install = chapterText(epub, 0);
        assertFalse(install.contains("@theme") || install.contains("Highlight") || install.contains("Written for the web")
                || install.contains("<p>&lt;Tab") || install.contains("PlatformSupport") || install.contains("CodeBlock")
                || install.contains("style="), install);
        assertTrue(install.contains("<h2 id=\"requirements\">Requirements") && install.contains("<p>Node 18 or later.</p>"),
                "the imported partial is read in its place: " + install);
        assertTrue(install.contains("<p class=\"tab-title\">npm</p>\n<pre class=\"code lang-bash\">")
                && install.contains("<p class=\"tab-title\">Yarn</p>\n<p>Yarn works too.</p>"), install);
        assertTrue(install.contains("<p class=\"code-title\">shell</p>") && install.contains("<code>notes --version</code></pre>"),
                install);
        assertTrue(install.contains("width=\"120\" alt=\"logo\""), install);
        assertTrue(install.contains("<code class=\"cs\">import x from 'y'</code>") && install.contains("<span class=\"k\">import</span> React"),
                "imports in code stay: " + install);
        String colours = chapterText(epub, 1);
        assertTrue(colours.contains("<li><ins class=\"color-box\"></ins> aliceblue</li>"), colours);
    }

    @Test
    void vitepressScriptSetupWithAnImportNoLongerHidesTheRestOfThePage() throws IOException {
        // vuejs/docs: 63 of 122 pages hold <script setup> with "import { ref } from 'vue'"; MDX's reading took the
        // import for an ESM block, dropped it with the closing tag, and the open script hid the rest of each page
        // (Conditional Rendering ended after its first paragraph).
        TestBooks.Built b = TestBooks.build(TestBooks.book("dialects/vitepress-script-setup-import"), out, "epub");
        assertEquals(List.of(), b.diagnostics().warnings().stream().map(Object::toString).toList());
        EpubContents epub = EpubContents.read(b.output("epub"));
        String conditional = chapterText(epub, 0);
        assertTrue(conditional.contains("<h2 id=\"the-v-if-directive\">The v-if directive</h2>")
                && conditional.contains("<p>The block is rendered only when the expression is truthy.</p>")
                && conditional.contains("<p>An else block follows a v-if block.</p>"), conditional);
        assertFalse(conditional.contains("ref(true)") || conditional.contains("import") || conditional.contains("script"),
                conditional);
        String lists = chapterText(epub, 1);
        assertTrue(lists.contains("<p>Each item of an array in turn.</p>") && !lists.contains("items"), lists);
    }

    @Test
    void docusaurusPicturesFromTheStaticFolderAndRequireAreFound() throws IOException {
        // reduxjs/redux: '![…](/img/tutorials/essentials/….png)' is website/static/img/…: 17 pictures "not found";
        // yangshun/tech-interview-handbook: <img src={require('@site/static/img/….jpg').default} />: 7 pictures
        // "an image has no source".
        TestBooks.Built b = TestBooks.build(TestBooks.book("dialects/docusaurus-static-pictures"), out, "epub");
        assertEquals(List.of(), b.diagnostics().warnings().stream().map(Object::toString).toList());
        EpubContents epub = EpubContents.read(b.output("epub"));
        assertEquals(2, epub.chapterFiles().size(), epub.chapterFiles().toString());
        assertTrue(chapterText(epub, 0).matches("(?s).*<img [^>]*src=\"images/[^\"]+\"[^>]*alt=\"One-way data flow\".*"),
                chapterText(epub, 0));
        assertTrue(chapterText(epub, 1).matches("(?s).*<img [^>]*alt=\"The interview rubric\"[^>]*src=\"images/[^\"]+\".*"),
                chapterText(epub, 1));
    }

    @Test
    void vitepressPicturesInThePublicFolderAreFound() throws IOException {
        // vuejs/docs: '![](/images/lambdatest.svg)' is src/public/images/lambdatest.svg (VitePress serves its srcDir's
        // public/ at the root): "image not found".
        TestBooks.Built b = TestBooks.build(TestBooks.book("dialects/vitepress-public-pictures"), out, "epub");
        assertEquals(List.of(), b.diagnostics().warnings().stream().map(Object::toString).toList());
        EpubContents epub = EpubContents.read(b.output("epub"));
        String testing = chapterText(epub, 0);
        assertTrue(testing.matches("(?s).*<img [^>]*src=\"images/[^\"]+\"[^>]*alt=\"A browser farm's logo\".*"), testing);
        // The site's theme variables are not the book's: the PDF warned "Value for color must be an identifier".
        assertTrue(testing.contains("<span>✔</span> <span style=\"color:#888\">Passed</span>"), testing);
    }

    @Test
    void rspressRootRouteLinksLeadToTheLanguagesPagesAndAliasedImportsAndExcludedRoutesAreRead() throws IOException {
        // web-infra-dev/rspress: pages of docs/en/ link '/guide/basic/i18n' (docs/en/guide/basic/i18n.mdx): 244 links
        // were shown as plain text; 'import X from '@en/fragments/x.mdx'' (tsconfig.json paths) was "does not exist";
        // the fragments that route.exclude names were chapters of their own.
        TestBooks.Built b = TestBooks.build(TestBooks.book("dialects/rspress-root-routes-and-alias-imports"), out, "epub");
        assertEquals(List.of(), b.diagnostics().warnings().stream().map(Object::toString).toList());
        EpubContents epub = EpubContents.read(b.output("epub"));
        assertEquals(2, epub.chapterFiles().size(), epub.chapterFiles().toString());
        String frogs = chapterText(epub, 0);
        assertTrue(frogs.contains("<a href=\"ch02.xhtml\">Newts</a>") && frogs.contains("<a href=\"ch02.xhtml#eggs\">"),
                frogs);
        assertTrue(frogs.contains("<p>The pond freezes in winter.</p>"), frogs);
        assertTrue(chapterText(epub, 1).contains("<a href=\"ch01.xhtml\">frogs</a>"), chapterText(epub, 1));
    }

    @Test
    void fenceTitlesAreShownAndLineMarksDoNotHideTheLanguage() throws IOException {
        // facebook/react-native-website: 1466 fences with title="…", vuejs/docs: 104 with [file] and 87 with {1,3};
        // the file names were lost and ```js{4} was no known language, so not highlighted.
        String files = chapter("code-titles", 0).replace("<wbr/>", "");  // without the phones' break hints (CodeWraps.prose), which are not what this dialect test is about
        assertTrue(files.contains("<p class=\"code-title\">main.go</p>\n<pre class=\"code lang-go\""), files);
        assertTrue(files.contains("<p class=\"code-title\">vite.config.ts</p>\n<pre class=\"code lang-ts\""), files);
        assertTrue(files.contains("<pre class=\"code lang-js\"") && files.contains("<pre class=\"code lang-ts\"><code><span class=\"k\">let</span>"),
                files);
        assertFalse(files.contains("lang-js1") || files.contains("line-numbers"), files);
    }

    @Test
    void detailsWithoutSummaryGetOneSoTheChapterIsValidXhtml() throws IOException {
        // google/comprehensive-rust's speaker notes are <details> without <summary>: 459 EPUBCheck errors.
        String notes = chapter("details-without-summary", 0);
        assertTrue(notes.contains("<details><summary>Details</summary>"), notes);
        assertTrue(notes.contains("<details><summary>详细信息</summary>"), notes);
        assertTrue(notes.contains("<details><summary>Late summary</summary>"), notes);
        assertTrue(notes.contains("<li>Speaker notes: say why.</li>"), notes);
        assertTrue(notes.contains("<p>A summary outside any details.</p>"), notes);
    }

    @Test
    void frontMatterIsHiddenAndNamesTheChapterAndTheBook() throws IOException {
        TestBooks.Built b = TestBooks.build(TestBooks.book("dialects/front-matter"), out, "epub");
        EpubContents epub = EpubContents.read(b.output("epub"));
        String guide = chapterText(epub, 0);
        assertTrue(guide.contains("<h1 id=\"入门指南\">入门指南</h1>"), guide);
        assertFalse(guide.contains("sidebar") || guide.contains("tags:"), guide);
        String install = chapterText(epub, 1);
        assertFalse(install.contains("draft"), install);
        assertTrue(install.contains("<hr />"), "a rule further down is no front matter: " + install);
        assertTrue(epub.opf().outerHtml().contains("一本用 VuePress 写成的笔记"), "the index page's description: " + epub.opf());
    }

    @Test
    void hugoPagesPicturesWrittenForPrettyUrlsAreFound() throws IOException {
        // Hugo serves content/advanced/gmp.md at advanced/gmp/, so the page writes ../assets/gmp.svg for
        // advanced/assets/gmp.svg (qcrao/Go-Questions: 104 pictures were "not found").
        TestBooks.Built b = TestBooks.build(TestBooks.book("index-forms/hugo-site"), out, "epub");
        assertEquals(List.of(), b.diagnostics().warnings().stream().filter(w -> w.kind() == Diagnostics.Kind.IMAGE)
                .map(Object::toString).toList());
        EpubContents epub = EpubContents.read(b.output("epub"));
        assertTrue(epub.entryNames().stream().anyMatch(n -> n.endsWith("gmp.svg")), epub.entryNames().toString());
        assertTrue(chapterText(epub, 2).contains("调度器把 goroutine 分给处理器执行"), chapterText(epub, 2));
    }

    @Test
    void vitepressRouteLinksFromTheSiteRootLeadToTheirChapters() throws IOException {
        // vuejs/docs writes /guide/essentials/application for src/guide/essentials/application.md: 513 links were
        // "does not exist" and shown as plain text when the site's srcDir was not taken for its root.
        TestBooks.Built b = TestBooks.build(TestBooks.book("index-forms/vitepress-sidebar"), out, "epub");
        assertEquals(List.of(), b.diagnostics().warnings().stream().filter(w -> w.kind() == Diagnostics.Kind.LINK)
                .map(Object::toString).toList());
        EpubContents epub = EpubContents.read(b.output("epub"));
        String start = epub.chapterFiles().stream().map(epub::text).filter(t -> t.contains("The first page")).findFirst()
                .orElseThrow();
        assertTrue(start.contains("<a href=\"") && start.contains(">install it</a>") && start.contains(">the API</a>"),
                start);
    }

    @Test
    void hugoShortcodesBecomeAsidesTabsMathCodePicturesAndLinks() throws IOException {
        // alex-shpak/hugo-book's exampleSite: {{% hint %}}, {{< tabs >}}, {{< katex >}}… were printed as text, and
        // {{% columns %}} was taken for a GitBook tag.
        TestBooks.Built b = TestBooks.build(TestBooks.book("dialects/hugo-shortcodes"), out, "epub");
        List<String> w = b.diagnostics().warnings().stream().map(Object::toString).toList();
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("shortcodes.md:37: the Hugo shortcode '{{< mystery >}}'"), w.get(0));
        EpubContents epub = EpubContents.read(b.output("epub"));
        String home = chapterText(epub, 0);
        assertTrue(home.contains("<a href=\"ch02.xhtml\">开始阅读</a>"), "a button to /docs/shortcodes: " + home);
        String x = chapterText(epub, 1);
        assertTrue(x.contains("<aside class=\"callout callout-warning\">") && x.contains("关闭通道后再发送会 panic"), x);
        assertTrue(x.contains("<p class=\"callout-label\">为什么读不到数据</p>"), x);
        assertTrue(x.contains("<p class=\"tab-title\">Linux</p>") && x.contains("<p class=\"tab-title\">macOS</p>"), x);
        assertTrue(x.contains("<p>左栏的文字。</p>") && x.contains("<p>右栏的文字。</p>") && !x.contains("---&gt;"), x);
        assertTrue(x.contains("class=\"math-display\"") && x.contains("alt=\"T(n) = 2T(n/2) + O(n)\""), x);
        assertTrue(x.contains("<pre class=\"code lang-go\"><code><span class=\"k\">func</span>"), x);
        assertTrue(x.contains("alt=\"一个方框\""), x);
        assertTrue(x.contains("<a href=\"ch03.xhtml\">另一页</a>"), "relref to /docs/other: " + x);
        assertTrue(x.contains("<p>神秘短代码里的字留下。</p>"), x);
        assertTrue(x.contains("{{&lt; hint info &gt;}}写法示例{{&lt; /hint &gt;}}"), "escaped, shown as written: " + x);
    }

    @Test
    void hugoLanguageFolderLinksStaticPicturesAndFigureIds() throws IOException {
        // Vonng/ddia: pages in content/zh write /ch12#sec for content/zh/ch12.md and /fig/x.png for static/fig/x.png
        // (4,090 links shown as plain text, 104 pictures missing), and "[图 1-1](#fig_x)" leads to a figure
        // shortcode's id (264 links to the chapter's start); the figure's caption was only the picture's alt text.
        TestBooks.Built b = TestBooks.build(TestBooks.book("dialects/hugo-language-folders"), out, "epub");
        assertEquals(List.of(), b.diagnostics().warnings().stream().map(Object::toString).toList());
        EpubContents epub = EpubContents.read(b.output("epub"));
        String home = chapterText(epub, 0);
        assertTrue(home.contains("<a href=\"ch02.xhtml\">第一章</a>"), home);
        assertTrue(home.matches("(?s).*<a href=\"ch03.xhtml#[^\"]+\">第二章的复制一节</a>.*"), home);
        String ch1 = chapterText(epub, 1);
        assertTrue(ch1.contains("<p id=\"fig_etl\" class=\"figure\"><img src=\"images/static-fig-arch.png\""), ch1);
        assertTrue(ch1.contains("<p class=\"figure-caption\">图 1-1. 数据从事务库流向数据仓库。</p>"), ch1);
        assertTrue(ch1.matches("(?s).*<p class=\"figure-caption\" id=\"[^\"]*tab_oltp_olap\">表 1-1\\. 事务型系统与分析型系统</p>\\s*<table.*"), ch1);
        assertEquals(3, epub.chapterFiles().size(), "the English folder is another book: " + epub.chapterFiles());
    }

    @Test
    void definitionListsAreTermsWithTheirTextNotAParagraphAndACodeBlock() throws IOException {
        // Vonng/ddia (Hugo, whose Markdown has definition lists): "会议室预订系统\n: 假设…" printed its colon, and the
        // definition's indented SQL came out as a code block showing its own ``` fences.
        TestBooks.Built b = TestBooks.build(TestBooks.book("dialects/definition-lists"), out, "epub");
        assertEquals(List.of(), b.diagnostics().warnings().stream().map(Object::toString).toList());
        String x = chapterText(EpubContents.read(b.output("epub")), 0);
        assertTrue(x.contains("<dl>\n<dt>会议室预订系统</dt>\n<dd>假设你想强制同一会议室在同一时间不能有两个预订。"), x);
        assertTrue(x.contains("<pre class=\"code lang-sql\"><code><span class=\"k\">SELECT</span>"), x);
        assertTrue(x.contains("<dt>多人游戏</dt>\n<dd>我们使用锁来防止丢失的更新。</dd>\n</dl>"), x);
        assertTrue(x.contains("<p>普通段落：冒号在行中。</p>"), x);
        assertTrue(x.contains("<p>价格区间\n~ 一百到两百元之间。</p>"), "a tilde is no definition marker: " + x);
        assertFalse(x.contains("```") || x.contains("<p>会议室预订系统"), x);
    }

    @Test
    void starlightComponentsWereShownAsBareTagsOrSwallowedTheChapter() throws IOException {
        // withastro/starlight's docs: <Card title> lost its title, a tab-indented card body became a code block,
        // <Aside> was no aside, and <Code code={…} lang="js" /> was read as HTML's <code> left open, which held the
        // rest of the chapter (its paragraphs turned into spans).
        String x = chapter("starlight-components", 0);
        assertTrue(x.contains("<p><strong>Bright</strong></p>\n<p>Lanterns shine far.</p>"), x);
        assertTrue(x.contains("<p><a href=\"ch02.xhtml\"><strong>About wicks</strong></a></p>\n<p>How to trim a wick.</p>"),
                x);
        assertTrue(x.contains("<aside class=\"callout callout-caution\">\n<p class=\"callout-label\">Hot glass</p>\n"
                + "<p>Let it cool first.</p>"), x);
        assertTrue(x.contains("Lighting <span class=\"badge\">New</span></h2>"), x);
        assertTrue(x.contains("<li>Open the door.</li>") && x.contains("<li>Light the wick.</li>"), x);
        assertTrue(x.contains("<p class=\"code-title\">light.js</p>\n<pre class=\"code lang-js\">"), x);
        assertTrue(x.contains("lamp.light();") && x.contains("first();\nsecond();"), x);
        assertTrue(x.contains("<p>Read more after the code.</p>"), x);
        assertTrue(x.contains("<a href=\"ch02.xhtml\">All about wicks</a>"), x);
        // Other components alone on their lines (Mintlify's <Update label>, <Visibility>): their Markdown, under
        // their label; the tag and the heading after it were shown as text before.
        assertTrue(x.contains("<p><strong>2024-05</strong></p>\n<p>Spring release</p>\n<h2 id=\"brighter-wicks\">"), x);
        assertTrue(x.contains("<p>Only agents read this.</p>"), x);
        assertFalse(x.contains("&lt;") || x.contains("<span>") || x.contains("Icon") || x.contains("<code lang")
                || x.contains("Visibility") || x.contains("Update"), x);
    }

    @Test
    void mkdocsAdmonitionsAndContentTabsAreAsidesAndTitledTabsNotCodeBlocks() throws IOException {
        // krahets/hello-algo: "=== \"Python\"" and "!!! note" were printed as text, and the code under each tab,
        // indented four spaces, as one code block showing its own ``` fences.
        String x = chapter("mkdocs-blocks", 0);
        assertTrue(x.contains("<aside class=\"callout callout-note\">\n<p class=\"callout-label\">时间复杂度</p>"), x);
        assertTrue(x.contains("<strong>操作数量</strong>"), x);
        assertTrue(x.contains("<p class=\"tab-title\">Python</p>") && x.contains("<p class=\"tab-title\">Go</p>"), x);
        assertTrue(x.contains("<pre class=\"code lang-go\">"), x);
        assertFalse(x.contains("```") || x.contains("=== ") || x.contains("!!! abacus"), x);
        assertTrue(x.contains("<p class=\"callout-label\">为什么常数项可以忽略？</p>"), "??? with a tab-indented body: " + x);
        assertTrue(x.contains("<aside class=\"callout callout-tip\">\n<p class=\"callout-label\">提示</p>\n<p>嵌套的提示也在框里。</p>"),
                "nested: " + x);
        assertTrue(x.contains("<p class=\"callout-label\">Abacus</p>"), x);
        assertTrue(x.contains("</aside>\n<p>标题下的普通段落。</p>"), "the block ends where the indentation does: " + x);
        assertTrue(x.contains("!!! note 代码块里的写法原样显示"), x);
    }

    /**
     * R Markdown's and Quarto's executable cells ({@code ```{r setup, include=FALSE}}, {@code ```{python}} with
     * {@code #| echo: false}) were read as MyST directives studybook does not know: their code shown as plain text with
     * a warning; and a MyST directive with inline options ({@code :::{tip icon=false}}, ProjectPythia) was no
     * directive at all, its fence shown as text.
     */
    @Test
    void rMarkdownAndQuartoCellsWereTextAndMystInlineOptionsBrokeTheirDirective() throws IOException {
        Path book = Files.createDirectories(out.resolve("cells"));
        Files.writeString(book.resolve("README.md"), "# Book\n\n- [Cells](cells.md)\n");
        Files.writeString(book.resolve("cells.md"), "# Cells\n\n```{r setup, include=FALSE}\nlibrary(hidden)\n```\n\n"
                + "```{r, fig.width=4}\nplot(cars)\n```\n\n```{python}\n#| label: fig-x\n#| echo: true\nprint(1)\n```\n\n"
                + "```{python}\n#| echo: false\nsecret()\n```\n\n:::{tip icon=false} Time to learn\nTwo hours.\n:::\n");
        TestBooks.Built b = TestBooks.build(book, out.resolve("cells-out"), "epub");
        String x = chapterText(EpubContents.read(b.output("epub")), 0);
        assertTrue(x.contains("<pre class=\"code lang-r\">") && x.contains("cars"), x);
        assertTrue(x.contains("<pre class=\"code lang-python\">") && x.contains("print") && !x.contains("#|"), x);
        assertFalse(x.contains("hidden") || x.contains("secret") || x.contains("{r") || x.contains("{python"), x);
        assertTrue(x.contains("<aside class=\"callout callout-tip\">\n<p class=\"callout-label\">Tip</p>\n<p>Time to learn")
                && !x.contains(":::") && !x.contains("icon"), x);
        assertEquals(List.of(), b.diagnostics().warnings().stream().map(Object::toString).toList());
    }

    @Test
    void mystDirectivesRolesAndLabelsWereShownAsCodeAndText() throws IOException {
        // TeachBooks/manual, executablebooks/MyST-Parser: ```{note}, :::{warning}, ```{figure}, ```{math} and
        // {ref}`label` were printed as code blocks of directive syntax and as text with backticks.
        TestBooks.Built b = TestBooks.build(TestBooks.book("dialects/myst"), out, "epub");
        EpubContents epub = EpubContents.read(b.output("epub"));
        String x = chapterText(epub, 0);
        assertTrue(x.contains("<aside class=\"callout callout-note\">\n<p class=\"callout-label\">Note</p>\n<p>Water the"
                + " seeds <strong>daily</strong>.</p>"), x);
        assertTrue(x.contains("<aside class=\"callout callout-warning\">\n<p class=\"callout-label\">Warning</p>\n"
                + "<p>Frost kills seedlings.\nCover them at night.</p>"), "a colon fence, its argument its first line: " + x);
        assertTrue(x.contains("<aside class=\"callout callout-tip\">\n<p class=\"callout-label\">Garden rule</p>"), x);
        assertTrue(x.contains("water.py") && x.contains("<pre class=\"code lang-python\">") && !x.contains(":linenos:"), x);
        assertTrue(x.contains("<figure id=\"fig-plot\">") && x.contains("<figcaption>")
                && x.contains("Growth of the <em>tomatoes</em> per week.") && !x.contains(":width:"), x);
        assertTrue(x.contains("alt=\"A small plot\""), x);
        assertTrue(x.contains("id=\"planting\""), "the label is the heading's anchor: " + x);
        // Only the code block showing the syntax keeps it.
        assertEquals(1, x.split("```", -1).length - 1, x);
        assertTrue(x.contains("# a code block showing the syntax stays as written</span>\n```{note}</code>"), x);
        assertFalse(x.contains("{warning}") || x.contains(":::") || x.contains("(pythagoras)")
                || x.contains(":label:") || x.contains("(planting)=") || x.contains(":hidden:"), x);
        assertTrue(x.contains("The sparkle&#x27;s text stays.") || x.contains("The sparkle's text stays."), x);
        assertTrue(x.contains(">Tool</th>") && x.contains(">Spade</td>"), "a list-table is a table: " + x);
        assertTrue(x.contains("<p class=\"callout-label\">Card title</p>\n<p>Card header</p>\n<p>Card body</p>")
                && !x.contains("^^^") && !x.contains("+++"), "a card's rules divide its paragraphs: " + x);
        assertTrue(b.diagnostics().warnings().stream().anyMatch(w -> w.message().contains("{sparkle}")
                && w.location().line() == 57), b.diagnostics().warnings().toString());

        String r = chapterText(epub, 1);
        assertTrue(r.contains(">Planting the seeds</a>") && r.contains("#planting\""), "the heading's title as text: " + r);
        assertTrue(r.contains(">the figure</a>") && r.contains("#fig-plot\""), r);
        assertTrue(r.contains(">Directives</a>"), "{doc} with the page's title: " + r);
        assertTrue(r.contains("the term mulch") && r.contains("<kbd>Ctrl</kbd>") && r.contains("shiny text"), r);
        assertFalse(r.contains("{ref}`planting`") || r.contains("{math}") || r.contains("{term}"), r);
        assertTrue(r.contains("<code>{ref}<wbr/>`x`</code>"), "in code the role stays: " + r);
        assertTrue(b.diagnostics().warnings().stream().anyMatch(w -> w.message().contains("'nowhere'")),
                b.diagnostics().warnings().toString());
        assertTrue(b.diagnostics().warnings().stream().anyMatch(w -> w.message().contains("{glitter}")),
                b.diagnostics().warnings().toString());

        // quantecon-mini-example: a figure's /_static/x.png starts from the site's folder (mini_book/), not the
        // repository's root ("image not found" before); a name given in the figure's --- block is a label.
        String site = chapterText(epub, 2);
        assertTrue(site.contains("alt=\"A dot\"") && site.contains("<figure id=\"fig-dot\">"), site);
        assertTrue(site.contains("href=\"#fig-dot\">The dot, from the site’s own folder.</a>")
                || site.contains("href=\"#fig-dot\">The dot, from the site's own folder.</a>"), "its caption as text: " + site);
        assertTrue(b.diagnostics().warnings().stream().noneMatch(w -> w.message().contains("dot.png")),
                b.diagnostics().warnings().toString());
    }

    @Test
    void headingAttributeIdsAreAnchorsAndLeaveTheHeadingsText() throws IOException {
        // rust-lang/rust-by-example: "## Options {#options}" showed its braces in the heading and the contents, and
        // [options](#options) led to the chapter's start with a warning.
        TestBooks.Built b = TestBooks.build(TestBooks.book("dialects/heading-attributes"), out, "epub");
        assertEquals(List.of(), b.diagnostics().warnings().stream().map(Object::toString).toList());
        String x = chapterText(EpubContents.read(b.output("epub")), 0);
        assertTrue(x.contains("<a href=\"#options\">选项一节</a>") && x.contains("<a href=\"#my-id\">自定义锚点</a>")
                && x.contains("<a href=\"#kd\">kramdown 的写法</a>"), x);
        assertTrue(x.contains("id=\"options\"") && x.contains("id=\"my-id\"") && x.contains("id=\"kd\""), x);
        assertFalse(x.contains("{#options}") || x.contains("#my-id .note") || x.contains("{: #kd"), x);
        assertTrue(x.contains("集合 {a, b}</h2>"), x);
        assertTrue(x.contains("## 代码里 {#stays}"), x);
    }

    @Test
    void tocMarkersListTheChaptersSections() throws IOException {
        String x = chapter("toc", 0);
        assertTrue(x.contains("<div class=\"chapter-toc\" role=\"doc-toc\"><ul><li><a href=\"#h-11-协程\">1.1 协程</a><ul><li>"
                + "<a href=\"#h-111-调度\">1.1.1 调度</a></li></ul></li><li><a href=\"#h-12-通道\">1.2 通道</a></li></ul></div>"), x);
        assertTrue(x.contains("<code>[TOC]</code>"), "in code it stays: " + x);
    }

    @Test
    void containersAndAlertsAreAsidesWithALabel() throws IOException {
        String x = chapter("containers", 0);
        assertTrue(x.contains("<aside class=\"callout callout-tip\">\n<p class=\"callout-label\">提示</p>"), x);
        assertTrue(x.contains("<p class=\"callout-label\">注意事项</p>"), x);
        assertTrue(x.contains("<aside class=\"callout callout-details\">\n<p class=\"callout-label\">点击查看代码</p>\n<pre"), x);
        assertTrue(x.contains("<p class=\"callout-label\">外层</p>\n<aside class=\"callout callout-tip\">"), "nested: " + x);
        assertTrue(x.contains("<li>\n<p>列表里的容器：</p>\n<aside class=\"callout callout-note\">"), x);
        assertTrue(x.contains("<p>未知容器只保留内容。</p>") && !x.contains("unknownthing"), x);
        assertTrue(x.contains("::: tip\n代码块里的容器原样显示"), x);

        String a = chapter("github-alerts", 0);
        for (String label : List.of("注", "提示", "重要", "警告", "注意", "Obsidian 标题")) {
            assertTrue(a.contains("<p class=\"callout-label\">" + label + "</p>"), label + ": " + a);
        }
        assertTrue(a.contains("需要立即注意的内容，懒惰续行也属于提示。"), a);
        assertTrue(a.contains("<blockquote>\n<p>普通引用 [!NOTE] 不是提示。</p>"), a);
    }

    @Test
    void gitBookTagsAreExpandedAndUnknownOnesNamedOnce() throws IOException {
        TestBooks.Built b = TestBooks.build(TestBooks.book("dialects/gitbook-tags"), out, "epub");
        String x = chapterText(EpubContents.read(b.output("epub")), 1).replace("<wbr/>", "");  // without the phones' break hints (CodeWraps.prose), which are not what this dialect test is about
        assertTrue(x.contains("<aside class=\"callout callout-info\">\n<p class=\"callout-label\">信息</p>"), x);
        assertTrue(x.contains("<p>被引入的段落，来自 snippets/common.md。</p>") && x.contains("<p>版本 1.0。</p>"), x);
        assertTrue(x.contains("模板语法 {{ name }} 与 {% if x %} 原样显示。"), x);
        assertTrue(x.contains("<p class=\"code-title\">main.go</p>"), x);
        assertTrue(x.contains("<p class=\"tab-title\">macOS</p>\n<p>用 brew 安装。</p>\n<p class=\"tab-title\">Linux</p>"), x);
        assertTrue(x.contains("<code class=\"cs\">{% hint %}</code>") && x.contains("{% for item in list %}"), x);
        assertFalse(x.contains("swagger") || x.contains("endhint"), x);
        List<String> w = b.diagnostics().warnings().stream().map(Object::toString).toList();
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("tags.md:41: the GitBook tag '{% swagger %}'") && w.get(0).contains("(1 more in the book)"),
                w.toString());
    }

    @Test
    void templateIncludeOfAMissingFileWasRemovedFromCodeAndWarned() throws IOException {
        // squidfunk/mkdocs-material: {% include ".icons/fontawesome/brands/youtube.svg" %} in an HTML example of a
        // theme partial was removed from the code, with 78 warnings "does not exist … it is left as written". In code,
        // a tag whose file is not there now stays as written without a warning; one whose file is there is still read,
        // as GitBook does, and outside code a missing file still warns and the tag stays as the warning says.
        TestBooks.Built b = TestBooks.build(TestBooks.book("dialects/template-include-in-code"), out, "epub");
        String x = chapterText(EpubContents.read(b.output("epub")), 0).replace("<wbr/>", "");
        String plain = org.jsoup.parser.Parser.unescapeEntities(x.replaceAll("<[^>]+>", ""), false);
        assertTrue(plain.contains("<span class=\"icon\">\n  {% include \".icons/brands/mastodon.svg\" %}\n</span>"), plain);
        assertTrue(plain.contains("npm install --save-dev theme-icons") && !plain.contains("snippets/install.txt"), plain);
        assertTrue(plain.contains("{% include \"snippets/missing.md\" %}"), plain);
        List<String> w = b.diagnostics().warnings().stream().map(Object::toString).toList();
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("icons.md:17: the included file 'snippets/missing.md' does not exist"), w.toString());
    }

    @Test
    void hiddenRustLinesAreNotShownButAreCompiled() throws IOException {
        String x = chapter("mdbook-hidden-lines/src", 0);
        assertFalse(x.contains("fn main") || x.contains("HashMap"), x);
        assertTrue(x.contains("#[derive(Debug)]") && x.contains("# 这一行以 # 开头显示"), x);
        assertTrue(x.contains("Python 的注释不隐藏"), x);
        LoadedBook book = TestBooks.load(TestBooks.book("dialects/mdbook-hidden-lines/src"));
        List<CodeSample> samples = CodeSamples.extract(book.chapters().get(0).text().text());
        assertEquals("fn main() {\nlet x = 5;\nprintln!(\"{}\", x);\n}\n", samples.get(0).code());
        assertTrue(samples.get(1).hasFlag("ignore") && samples.get(1).code().contains("use std::collections::HashMap;"));
    }

    @Test
    void emojiShortcodesAreCharactersButNotInCode() throws IOException {
        String x = chapter("emoji", 0).replace("<wbr/>", "");  // without the phones' break hints (CodeWraps.prose), which are not what this dialect test is about
        assertTrue(x.contains("点赞 👍 、火箭 🚀"), x);
        assertTrue(x.contains("<code>:smile:</code>") && x.contains("12:30:45") && x.contains(":not_an_emoji:"), x);
        assertTrue(x.contains("代码里的 :+1: 不变"), x);
    }

    @Test
    void pdfLibraryMessagesAreSaidOnceWithACount() throws IOException {
        TestBooks.Built b = TestBooks.build(TestBooks.book("dialects/pdf-warnings"), out, "pdf");
        List<String> w = b.diagnostics().warnings().stream().map(Object::toString).toList();
        assertEquals(w.size(), Set.copyOf(w).size(), "each once: " + w);
        List<String> css = w.stream().filter(s -> s.contains("notacolor")).toList();
        assertEquals(1, css.size(), w.toString());
        assertTrue(css.get(0).contains("(3 times in the book)"), css.get(0));
        assertTrue(w.stream().filter(s -> s.startsWith("PDF:")).count() <= 3, w.toString());
    }
}
