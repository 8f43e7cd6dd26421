package dev.studybook.load;

import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Reading the node trees of the sites' YAML menus (mkdocs.yml, chapters.yml, _toctree.yml) with their lines. */
final class YamlNodes {

    private YamlNodes() {
    }

    /** The entry of a mapping whose key is the scalar {@code key}. */
    static Optional<NodeTuple> entry(MappingNode map, String key) {
        return map.getValue().stream().filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
                .findFirst();
    }

    /** The 1-based line of its file a node starts on; 0 when unknown. */
    static int line(Node n) {
        return n.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }
}
