package dev.studybook.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** DOT as books write it: defaults by scope, edge chains, subgraph operands, quoted and HTML IDs, comments. */
class DotParserTest {

    @Test
    void defaultsApplyToNodesCreatedAfterThemAndExplicitAttributesWin() {
        DotParser.Graph g = DotParser.parse("""
                digraph G {
                  a;
                  node [shape=box, color=red];
                  b [color=blue];
                  a -> b -> c [label="边"];
                }""");
        assertTrue(g.directed());
        assertEquals(List.of("a", "b", "c"), List.copyOf(g.nodes().keySet()));
        assertFalse(g.nodes().get("a").containsKey("shape"), "a was created before the default");
        assertEquals("blue", g.nodes().get("b").get("color"));
        assertEquals("box", g.nodes().get("c").get("shape"));
        assertEquals(2, g.edges().size());
        assertEquals("边", g.edges().get(1).attributes().get("label"));
    }

    @Test
    void subgraphOperandsClustersCommentsAndIdForms() {
        DotParser.Graph g = DotParser.parse("""
                // a comment
                strict graph {
                  # a preprocessor line
                  rankdir = LR /* block */
                  a -- {b c}
                  subgraph cluster_x { label=<<b>服务</b><br/>端>; d; "e \\"f\\"" + "g" }
                  d -- -1.5:p:n
                }""");
        assertFalse(g.directed());
        assertEquals("LR", g.attributes().get("rankdir"));
        assertEquals(List.of("a->b", "a->c", "d->-1.5"), g.edges().stream().map(e -> e.from() + "->" + e.to()).toList());
        DotParser.Container cluster = g.root().children.get(1);
        assertTrue(cluster.cluster());
        assertEquals("服务\n端", cluster.attributes.get("label"));
        assertEquals(List.of("d", "e \"f\"g"), cluster.nodes);
    }

    @Test
    void aSyntaxErrorNamesItsLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DotParser.parse("digraph {\n a -> [x=1]\n}"));
        assertTrue(e.getMessage().startsWith("line 2:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DotParser.parse("digraph { a -> b"));
        assertThrows(IllegalArgumentException.class, () -> DotParser.parse("flowchart TD\n A --> B"));
    }
}
