package dev.studybook.xhtml;

import static dev.studybook.testing.Snippets.assertWellFormed;
import static dev.studybook.testing.Snippets.xhtml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.Snippets;
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
        assertTrue(x.contains("&lt;Foo bar=\"1\"&gt;内容&lt;/Foo&gt;"), x);
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
}
