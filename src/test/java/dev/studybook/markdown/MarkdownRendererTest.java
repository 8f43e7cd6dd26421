package dev.studybook.markdown;

import static dev.studybook.testing.Snippets.assertWellFormed;
import static dev.studybook.testing.Snippets.xhtml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    @Test
    void aLineBreakBetweenTwoCjkCharactersAddsNoSpace() {
        String x = xhtml("第一行的结尾\n第二行的开头，\n接着**加粗**\n继续。\nEnglish\nwords 中文\nEnglish");
        assertTrue(x.contains("第一行的结尾第二行的开头，接着<strong>加粗</strong>继续。"), x);
        assertTrue(x.contains("English\nwords"), x);
        assertTrue(x.contains("中文\nEnglish"), x);
    }

    @Test
    void githubExtensions() {
        String x = xhtml("""
                | a | b |
                |---|:-:|
                | 1 | 2 |

                ~~删~~ https://go.dev

                - [x] 完成
                - [ ] 未完成

                文字[^n]

                [^n]: 脚注
                """);
        assertWellFormed(x);
        assertTrue(x.contains("<table>") && x.contains("<th class=\"nw\">a</th>") && x.contains("text-align:center"), x);
        assertFalse(x.contains("align=\""), "align attributes are not valid in EPUB 3: " + x);
        assertTrue(x.contains("<del>删</del>"), x);
        assertTrue(x.contains("<a href=\"https://go.dev\" class=\"external\">https://go.dev</a>"), x);
        assertTrue(x.contains("task-done\">\u2611</span>") && x.contains("task-open\">\u2610</span>"), x);
        assertFalse(x.contains("&nbsp;") || x.contains("<input"), x);
        assertTrue(x.contains("class=\"footnote-ref\" href=\"#fn-1\"") && x.contains("id=\"fn-1\""), x);
    }

    @Test
    void fencedCodeInsideAListItemHardBreaksAndAListRightAfterAParagraph() {
        String x = xhtml("""
                段落之后直接是列表：
                - 一
                - 二：

                  ```go
                  x := 1
                  ```

                硬换行\s\s
                下一行\\
                再下一行
                """);
        assertWellFormed(x);
        assertTrue(x.contains("<p>段落之后直接是列表：</p>\n<ul>"), x);
        assertTrue(x.contains("<li>\n<p>二：</p>\n<pre class=\"code lang-go\"><code>x <span class=\"o\">:=</span>"), x);
        assertEquals(2, x.split("<br />", -1).length - 1, x);
    }

    @Test
    void fenceLanguagesMatchCaseInsensitively() {
        String x = xhtml("```Go\nfunc main() {}\n```\n");
        assertTrue(x.contains("<pre class=\"code lang-go\" data-lang=\"go\">") || x.contains("lang-go"), x);
        assertTrue(x.contains("<span class=\"k\">func</span>"), x);
    }

    @Test
    void codeKeepsItsIndentationAndTabsBecomeFourColumns() {
        String x = xhtml("```go\nimport (\n\t\"fmt\"\n)\n\nfunc f() {\n\tif x {\n\t\treturn\n\t}\n  two := 2\n}\n```\n\n    indented block\n      keeps spaces\n");
        assertTrue(x.contains("(\n    <span class=\"s\">\"fmt\"</span>\n)"), x);
        assertTrue(x.contains("\n        <span class=\"k\">return</span>\n    }\n  two"), x);
        assertTrue(x.contains("<code>indented block\n  keeps spaces</code>"), x);
    }

    @Test
    void unknownFenceLanguagesAreEscapedPlainText() {
        String x = xhtml("```progexec\n<b>not bold</b> & more\n```\n");
        assertWellFormed(x);
        assertTrue(x.contains("&lt;b&gt;not bold&lt;/b&gt; &amp; more"), x);
    }
}
