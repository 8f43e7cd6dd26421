package dev.studybook.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.studybook.testing.Snippets;
import dev.studybook.testing.XhtmlContentModel;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Markdown that real books contain and that once gave EPUBCheck errors (issue 16): each converts to XHTML that
 * EPUBCheck's content model and URL rules accept. The fuzz target checks the same for any input.
 */
class ContentModelTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "访问 http://localhost:8080。然后 http://www.qq.com域名解析",
        "镜像 https://hub.docker.com/\\_/alpine/ 上",
        "![图](https://example.com/a>b.png) 与 ![坏](http://) 与 [裸](http://)",
        "[空格](https://example.com/a b.html) [标题](https://example.com/x “标题”) <a href=\"http://a b\">x</a>",
        "<a href=\"http://x.com:8o/\">端口</a> <img src=\"http://[::1\" alt=\"x\">",
        "<Listing number=\"1-1\" file-name=\"src/main.rs\" caption=\"Hello\">\n\n```rust\nfn main() {}\n```\n\n</Listing>",
        "<CodeGroup>\n<CodeGroupItem title=\"npm\">\n\n```sh\nnpm i\n```\n\n</CodeGroupItem>\n</CodeGroup>",
        "<Badge text=\"beta\" type=\"warning\"/> 之后的文字\n\n段落\n\n<Giscus />\n\n<Experimental/>",
        "# <a> 元素\n\n## 使用 <div> 布局\n\n正文 <span>行内 <pre>块</pre> 和 <div>块</div></span>",
        "<a href=\"https://example.com\"><div>链接里的块</div></a>\n\n<p>段落 <div>div</div> 结尾</p>",
        "<figure>\n<img src=\"a.png\" alt=\"图\"><br>\n<figcaption>图注</figcaption>\n</figure>",
        "<figure>\n<div style=\"background:red\"></div>\n<figcaption>1<figcaption>\n</figure>\n\n<figcaption>无图</figcaption>"
                + "\n\n<figure><figcaption>上</figcaption><img src=\"a.png\" alt=\"图\"><figcaption>下</figcaption></figure>",
        "<div style=\"text-align:center\"><figcaption style=\"color:gray\">表 1：任务</figcaption></div>\n\n<figcaption>图 1</figcaption>",
        "<h2>标题<ul><li>列表</li></ul></h2>\n\n<em><table><tr><td>格</td></tr></table></em>",
        "<a name=\"\"></a><span id=\" \">x</span>",
        "<div class=\"demo\">\n<li>一</li>\n<li>二</li>\n文字\n<li>三</li>\n</div>\n\n<div><dt>词</dt><dd>义</dd></div>",
        "::: tip\n提示\n:::\n\n> [!NOTE]\n> 注意\n\n[TOC]",
        "[**GTFOBins**](https://gtfobins.github.io/**](https/gtfobins.github.io) 与 http://\\< 和 <a href=\"http://[::1]:80/a[1]\">v6</a>",
    })
    void realWorldMarkdownGivesXhtmlEpubCheckAccepts(String markdown) {
        String xhtml = Snippets.xhtml(markdown);
        Snippets.assertWellFormed(xhtml);
        assertEquals(List.of(), XhtmlContentModel.problems(xhtml), xhtml);
    }
}
