package dev.studybook.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.error.Diagnostics;
import dev.studybook.load.LoadedBook;
import dev.studybook.model.SourceText;
import dev.studybook.testing.EpubContents;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The javascript.info tutorial's format (books/dialects/javascript-info, written like javascript-tutorial/zh.javascript.info):
 * its tasks were chapters of their own, two per task, and its Markdown extensions were shown as written.
 */
class JavascriptInfoTest {

    static final Path BOOK = TestBooks.book("dialects/javascript-info");

    @TempDir
    Path out;

    @Test
    void javascriptInfoTasksWereChaptersOfTheirOwn() throws IOException {
        Diagnostics d = new Diagnostics();
        LoadedBook book = TestBooks.load(BOOK, d);
        List<String> files = book.chapters().stream().map(c -> BOOK.relativize(c.entry().file()).toString()).toList();
        assertEquals(List.of("1-js/index.md", "1-js/01-hello-world/article.md", "1-js/02-variables/article.md"), files);

        SourceText hello = book.chapters().get(1).text();
        String md = hello.text();
        int tasks = md.indexOf("## 任务");
        int title = md.indexOf("### 显示一个提醒");
        int importance = md.indexOf("重要程度：5");
        int solution = md.indexOf("#### 解决方案");
        assertTrue(tasks > md.indexOf("试试任务") && tasks < title && title < importance && importance < solution, md);
        assertFalse(md.contains("importance:"), "the task's front matter is not text:\n" + md);
        assertTrue(md.contains("![提醒框的样子](1-hello-alert/alert.png)"), "the task's picture, relative to the article:\n" + md);
        assertTrue(md.contains("[页面文件](1-hello-alert/index.html)"), md);
        assertTrue(md.contains("```html\n<!DOCTYPE html>"), "[html src] is the file as code:\n" + md);

        // Each included line still names its own file and line.
        int line = md.lines().toList().indexOf("创建一个页面，然后显示一个消息 “I'm JavaScript!”。") + 1;
        Path task = BOOK.resolve("1-js/01-hello-world/1-hello-alert/task.md").toAbsolutePath().normalize();
        assertEquals(task, hello.locate(line).file());
        assertEquals(7, hello.locate(line).line());
        List<String> warnings = d.warnings().stream().map(Object::toString).toList();
        assertFalse(warnings.stream().anyMatch(w -> w.contains("task.md") && w.contains("chapter")), warnings.toString());

        // In the EPUB: three chapters, the task's picture packed and shown in the article.
        TestBooks.Built b = TestBooks.build(BOOK, out, "epub");
        EpubContents epub = EpubContents.read(b.output("epub"));
        assertEquals(3, epub.chapterFiles().size(), epub.chapterFiles().toString());
        String article = epub.text(epub.chapterFiles().get(1));
        assertTrue(article.contains("任务") && article.contains("显示一个提醒") && article.contains("解决方案"), article);
        assertTrue(epub.manifest().stream().anyMatch(i -> i.href().endsWith("alert.png")), epub.manifest().toString());
        assertTrue(article.matches("(?s).*<img[^>]*src=\"[^\"]*alert\\.png\".*"), article);
        assertFalse(b.diagnostics().warnings().stream().map(Object::toString).anyMatch(w -> w.contains("alert.png")),
                b.diagnostics().warnings().toString());
    }

    @Test
    void javascriptInfoSmartBlocksShownAsCode() throws IOException {
        TestBooks.Built b = TestBooks.build(BOOK, out, "epub");
        EpubContents epub = EpubContents.read(b.output("epub"));
        String hello = epub.text(epub.chapterFiles().get(1));
        String variables = epub.text(epub.chapterFiles().get(2));
        for (String raw : List.of("```", "smart header", "warn header", "*!*", "*/!*", "[cut]", "[iframe", "[recent", "[demo",
                "[html src", "info:", "libs:")) {
            assertFalse(hello.contains(raw), raw + " shown as written:\n" + hello);
        }
        assertTrue(hello.contains("callout-tip") && hello.contains("现代的标记"), hello);
        assertTrue(hello.contains("callout-warning") && hello.contains(">别忘了 let</p>") && hello.contains("let</span> x;"), hello);
        assertTrue(hello.contains("<blockquote>") && hello.contains("Douglas Crockford"), hello);
        assertTrue(hello.contains("alert(") && hello.contains("标出的一行"), hello);
        assertTrue(hello.contains("网站"), "the iframe is a line saying the example runs on the site:\n" + hello);
        assertTrue(hello.contains("较新的特性"), hello);
        assertTrue(hello.contains(">变量</a>"), "<info:variables> links to the article, titled by it:\n" + hello);
        assertTrue(hello.contains("#task-hello-alert\"") && hello.contains("id=\"task-hello-alert\""), hello);
        assertTrue(hello.replace("<wbr/>", "").contains("或者 no-such-article。"), hello);
        assertFalse(hello.contains("missing.js\"]"), hello);
        assertTrue(hello.contains("class=\"language-js") || hello.contains("lang-js") || hello.contains("js"), hello);

        assertTrue(variables.contains("优势") && variables.contains("<li>简单</li>") && variables.contains("劣势"), variables);
        assertFalse(variables.contains("只在网站上显示"), variables);
        assertTrue(variables.contains("这一段在书里显示"), variables);
        assertTrue(variables.contains("声明变量") && variables.contains("重要程度：2"), variables);
    }
}
