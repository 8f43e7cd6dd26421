package dev.studybook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import org.junit.jupiter.api.Test;

class LinesTest {

    @Test
    void headingsWithTheSameTextFindTheirLinesAsFlexmarkDoesWithoutCountingFromTheTopEachTime() {
        // 100,000 headings "## 同名" took minutes: flexmark counted line ends from the document's top for each node.
        String text = "# 一\r\n\r\n## 同名\r\n\r\n正文\rmore\n\n## 同名\n\n- 项\n  - 子项\n\n> 引文\n";
        Document doc = Parser.builder().build().parse(text);
        int nodes = 0;
        for (Node n : doc.getDescendants()) {
            assertEquals(n.getStartLineNumber(), Lines.startLine(doc, n), n.toString());
            nodes++;
        }
        assertEquals(true, nodes > 10);
    }
}
