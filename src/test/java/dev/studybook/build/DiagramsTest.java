package dev.studybook.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.EpubCheckRunner;
import dev.studybook.testing.EpubContents;
import dev.studybook.testing.PdfContent;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PlantUML and Graphviz fences drawn as SVG in the book's fonts; mermaid kept as code with one warning. */
class DiagramsTest {

    @TempDir
    Path tmp;

    @Test
    void plantumlIsDrawnInTheBooksFontsMermaidStaysCodeWithOneWarning() throws IOException {
        TestBooks.Built b = TestBooks.build(TestBooks.book("diagrams/plantuml"), tmp.resolve("a"), "epub", "pdf");
        List<String> w = b.diagnostics().warnings().stream().map(Object::toString).toList();
        assertEquals(2, w.size(), w.toString());
        assertTrue(w.get(0).contains("diagrams.md:25:") && w.get(0).contains("cannot include /etc/passwd"), w.get(0));
        assertTrue(w.get(1).contains("diagrams.md:34:") && w.get(1).contains("2 mermaid diagrams are shown as source code"), w.get(1));

        EpubContents epub = EpubContents.read(b.output("epub"));
        Element body = epub.body(epub.chapterFiles().get(0));
        List<Element> figures = body.select("p.diagram > img");
        assertEquals(2, figures.size());
        assertEquals("一次请求", figures.get(0).attr("alt"));
        assertTrue(figures.get(1).attr("alt").contains("用户 --> Order : 下单"), figures.get(1).attr("alt"));
        assertEquals(3, body.select("pre").size(), "the sandboxed one and two mermaid blocks stay code");
        String svg = epub.text(figures.get(0).attr("src"));
        assertTrue(svg.contains("客户端") && svg.contains("font-family=\"Noto Sans SC\""), svg);
        assertTrue(epub.manifest().stream().anyMatch(i -> i.href().equals(figures.get(0).attr("src").replace(".svg", ".png"))),
                "each diagram has a PNG fallback");
        assertTrue(EpubCheckRunner.check(b.output("epub")).clean());
        // In the PDF the labels are text in the book's fonts: they can be searched and copied.
        String text = PdfContent.bodyText(b.output("pdf"), false);
        assertTrue(text.contains("客户端") && text.contains("发送请求") && text.contains("下单"), text);

        TestBooks.Built again = TestBooks.build(TestBooks.book("diagrams/plantuml"), tmp.resolve("b"), "epub", "pdf");
        assertArrayEquals(Files.readAllBytes(b.output("epub")), Files.readAllBytes(again.output("epub")));
        assertArrayEquals(Files.readAllBytes(b.output("pdf")), Files.readAllBytes(again.output("pdf")));
    }

    @Test
    void graphvizFencesAreDrawnWithChineseLabelsInTheBooksFontsAndABrokenOneStaysCodeNamingItsLine() throws IOException {
        TestBooks.Built b = TestBooks.build(TestBooks.book("diagrams/graphviz"), tmp.resolve("g"), "epub", "pdf");
        List<String> w = b.diagnostics().warnings().stream().map(Object::toString).toList();
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("graphs.md:35:") && w.get(0).contains("Graphviz diagram cannot be drawn (line 2:"), w.get(0));

        EpubContents epub = EpubContents.read(b.output("epub"));
        Element body = epub.body(epub.chapterFiles().get(0));
        List<Element> figures = body.select("p.diagram > img");
        assertEquals(2, figures.size(), "a dot and a graphviz fence");
        assertEquals("请求的处理流程", figures.get(0).attr("alt"), "the graph's label is its alt text");
        assertEquals(1, body.select("pre").size(), "the broken graph stays code");
        String svg = epub.text(figures.get(0).attr("src"));
        assertTrue(svg.contains(">服务端<") && svg.contains(">通过<") && svg.contains("font-family=\"Noto Sans SC\""), svg);
        assertTrue(svg.contains("stroke-dasharray") && !svg.contains("<!DOCTYPE"), "the dashed cluster, no DOCTYPE");
        String undirected = epub.text(figures.get(1).attr("src"));
        assertTrue(undirected.contains("带 \"引号\" 的名字") || undirected.contains("带 &quot;引号&quot; 的名字"), undirected);
        assertTrue(EpubCheckRunner.check(b.output("epub")).clean());
        // The labels are PDF text in the book's fonts, as with PlantUML.
        String text = PdfContent.bodyText(b.output("pdf"), false);
        assertTrue(text.contains("服务端") && text.contains("通过") && text.contains("响应"), text);
    }
}
