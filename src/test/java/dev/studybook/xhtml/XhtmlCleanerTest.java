package dev.studybook.xhtml;

import static dev.studybook.testing.Snippets.assertWellFormed;
import static dev.studybook.testing.Snippets.xhtml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.Snippets;
import java.util.List;
import org.junit.jupiter.api.Test;

class XhtmlCleanerTest {

    @Test
    void brInsideATableCellBecomesWellFormed() {
        String x = xhtml("| a | b |\n|---|---|\n| 第一行<br>第二行 | <br/>x |\n");
        assertWellFormed(x);
        assertTrue(x.contains("<td>第一行<br />第二行</td>"), x);
    }

    @Test
    void anUnknownTagInProseStaysVisibleAsText() {
        String x = xhtml("泛型 List<T> 与 <token> 以及 <Foo bar=\"1\">内容</Foo> 都要可见。\n\n<token>\n");
        assertWellFormed(x);
        assertTrue(x.contains("List&lt;T&gt;"), x);
        assertTrue(x.contains("&lt;token&gt; 以及"), x);
        // With its end tag it is an element (a Vue component, a custom element): its text is kept, the tag is not.
        assertTrue(x.contains("<span>内容</span>"), x);
    }

    @Test
    void aTagNameInAHeadingStaysText() {
        String x = xhtml("# <a> 元素\n\n## 使用 <div> 布局\n\n正文 <b>粗</b>。\n");
        assertWellFormed(x);
        assertTrue(x.contains("&lt;a&gt; 元素</h1>") && x.contains("使用 &lt;div&gt; 布局</h2>"), x);
        assertTrue(x.contains("<p>正文 <b>粗</b>。</p>"), x);
    }

    @Test
    void customElementsBecomeDivOrSpanKeepingTheirText() {
        String x = xhtml("<MyComponent>\n组件文字\n</MyComponent>\n\n用 <Badge type=\"tip\">v2</Badge> 标记。\n\n"
                + "<Badge text=\"beta\"/>\n\n后面的段落\n\n<Giscus />\n\n评论区之后\n");
        assertWellFormed(x);
        assertTrue(x.contains("<div>\n组件文字\n</div>"), x);
        assertTrue(x.contains("用 <span>v2</span> 标记。"), x);
        assertTrue(x.contains("<div>beta</div>") && x.contains("<p>后面的段落</p>"), "a self-closed component holds nothing after it: " + x);
        assertTrue(!x.contains("Giscus") && !x.contains("giscus") && x.contains("<p>评论区之后</p>"), "an empty component goes: " + x);
    }

    @Test
    void theRustBooksListingShowsItsFileAndCaption() {
        String x = xhtml("<Listing number=\"1-1\" file-name=\"src/main.rs\" caption=\"Hello\">\n\n```rust\nfn main() {}\n```\n\n</Listing>\n");
        assertWellFormed(x);
        assertTrue(x.contains("<div class=\"listing\"><p class=\"listing-file\"><code>src/main.rs</code></p><pre"), x);
        assertTrue(x.contains("<p class=\"listing-caption\">Listing 1-1: Hello</p></div>"), x);
    }

    @Test
    void autolinksEndBeforeChineseTextAndLoseTheirEscapes() {
        String x = xhtml("访问 http://localhost:8080。然后 http://www.qq.com域名，镜像 https://hub.docker.com/\\_/alpine/ 上。\n");
        assertWellFormed(x);
        assertTrue(x.contains("href=\"http://localhost:8080\" class=\"external\">http://localhost:8080</a>。然后"), x);
        assertTrue(x.contains("href=\"http://www.qq.com\" class=\"external\">http://www.qq.com</a>域名，"), x);
        assertTrue(x.contains("href=\"https://hub.docker.com/_/alpine/\" class=\"external\">https://hub.docker.com/_/alpine/</a> 上"), x);
    }

    @Test
    void invalidUrlsAreRepairedOrShownAsTextWithAWarning() {
        Snippets.Warnings w = new Snippets.Warnings();
        String x = xhtml("[空格](https://example.com/a b.html) [标题](https://example.com/x “标题”) 裸 http:// 和 [空](http://)"
                + " <a href=\"http://a b\">坏主机</a> [端口](http://x.com:80a/)\n", w);
        assertWellFormed(x);
        assertTrue(x.contains("href=\"https://example.com/a%20b.html\"") && x.contains("href=\"https://example.com/x\""), x);
        assertTrue(x.contains("裸 http:// 和 空 坏主机 端口"), x);
        assertEquals(3, w.size(), w.toString());
        assertTrue(w.get(0).contains("'http://' is not a valid URL"), w.toString());
    }

    @Test
    void aSecondHashInAWebAddressIsEncodedSoTheEpubPassesEpubCheck() {
        // ruanyf/weekly: links to docsify routes with an anchor (http://es6.ruanyifeng.com/#docs/async#异步) and a
        // WeChat address ending "#rd#wechat_redirect" failed EPUBCheck: "Illegal character in fragment: '#'".
        String x = xhtml("[异步](http://es6.ruanyifeng.com/#docs/async#%E5%BC%82%E6%AD%A5) [文章](https://mp.weixin.qq.com/s?a=1#rd#wechat_redirect)\n");
        assertWellFormed(x);
        assertTrue(x.contains("href=\"http://es6.ruanyifeng.com/#docs/async%23%E5%BC%82%E6%AD%A5\""), x);
        assertTrue(x.contains("href=\"https://mp.weixin.qq.com/s?a=1#rd%23wechat_redirect\""), x);
    }

    @Test
    void blocksInsidePhrasingContentBecomeInline() {
        String x = xhtml("# 标题 <span>甲<div>块</div></span>\n\n<figure><img src=\"a.png\" alt=\"图\"><br><figcaption>注</figcaption></figure>\n");
        assertWellFormed(x);
        assertTrue(x.contains("<span>甲 <span>块</span></span></h1>"), x);
        assertFalse(x.contains("<br />\n<figcaption>") || x.contains("<br /><figcaption>"), x);
    }

    @Test
    void scriptsEventHandlersJavascriptUrlsAndIframesAreRemoved() {
        String x = xhtml("""
                <script>alert(1)</script>

                <p onclick="x()" onmouseover="y()">段落</p>

                [点我](javascript:alert(1)) 和 <a href="JavaScript:alert(2)">再点</a>

                <iframe src="https://example.com/"></iframe><object data="x"></object>
                """);
        assertWellFormed(x);
        assertFalse(x.toLowerCase().contains("script"), x);
        assertFalse(x.contains("onclick") || x.contains("onmouseover"), x);
        assertFalse(x.contains("iframe") || x.contains("object"), x);
        assertTrue(x.contains("<p>段落</p>") && x.contains("点我") && x.contains("再点"), x);
    }

    @Test
    void headingIdsKeepCjkAreValidXmlNamesAndUniqueWithinTheChapter() {
        String x = xhtml("# 第一章 并发\n\n## 1. 概述\n\n## 小结\n\n## 小结\n\n## ！！！\n");
        assertTrue(x.contains("<h1 id=\"第一章-并发\">"), x);
        assertTrue(x.contains("<h2 id=\"h-1-概述\">"), x);
        assertTrue(x.contains("<h2 id=\"小结\">") && x.contains("<h2 id=\"小结-1\">"), x);
        assertTrue(x.contains("<h2 id=\"section\">"), x);
    }

    @Test
    void linksToHeadingsFollowGithubAnchors() {
        String x = xhtml("## Map 的底层？\n\n[跳](#map-的底层) [别章](other.md#小结) [别章首](other.md)\n");
        assertTrue(x.contains("<a href=\"#map-的底层\">跳</a>"), x);
        assertTrue(x.contains("<a href=\"ch02.xhtml#小结\">") || x.contains("href=\"ch02.xhtml\""), x);
    }

    @Test
    void obsoletePresentationalHtmlBecomesCss() {
        String x = xhtml("<center>居中</center>\n\n<font color=\"red\">红</font>\n\n<a name=\"old\"></a>\n\n"
                + "<table border=\"1\" cellpadding=\"2\"><tr><td align=\"right\" width=\"50%\">x</td></tr></table>\n");
        assertWellFormed(x);
        assertTrue(x.contains("<div style=\"text-align:center\">居中</div>"), x);
        assertTrue(x.contains("<span style=\"color:red\">红</span>"), x);
        assertTrue(x.contains("id=\"old\"") && !x.contains("name="), x);
        assertFalse(x.contains("border=") || x.contains("cellpadding") || x.contains("align="), x);
    }

    @Test
    void imagesAreResolvedAndMissingOnesShowTheirAltText() {
        Snippets.Warnings w = new Snippets.Warnings();
        String x = xhtml("![图一](a.png)\n\n![丢失的图](missing.png)\n\n![远程](https://example.com/x.png)\n", w);
        assertWellFormed(x);
        assertTrue(x.contains("<img src=\"images/a.png\" alt=\"图一\" />"), x);
        assertTrue(x.contains("[图片：丢失的图]"), x);
        assertTrue(x.contains("[图片：远程] <a href=\"https://example.com/x.png\""), x);
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("3: "), w.toString());
    }

    @Test
    void rawHtmlLinesAreKnownForWarnings() {
        Snippets.Warnings w = new Snippets.Warnings();
        xhtml("第一段\n\n第二段\n\n<p>原始 <img src=\"missing-raw.png\"></p>\n", w);
        assertEquals(2, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("5: the image 'missing-raw.png' has no alt text"), w.toString());
        assertTrue(w.get(1).startsWith("5: image missing-raw.png"), w.toString());
    }

    @Test
    void sourcePositionsAreRecordedWhenAChapterHasATagHtmlDoesNotKeep() {
        // Known and renamed tags only: the tree needs no source positions.
        assertFalse(XhtmlCleaner.hasUnknownTag("<p>a < b, <A HREF=\"x\">x</A><br/><img src=x><center>c</center></p>"
                + "<pre><code>&lt;token&gt;</code></pre>"));
        for (String unknown : List.of("<Badge text=\"beta\"/>", "<token>", "<my-widget/>", "<source>", "<input type=checkbox>",
                "<svg><path/></svg>", "<p>x</p><script>", "<foo\tbar>", "<image src=x>")) {
            assertTrue(XhtmlCleaner.hasUnknownTag("<p>text</p>" + unknown), unknown);
        }
    }
}
