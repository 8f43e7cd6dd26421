package dev.studybook.xhtml;

import java.util.HashSet;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;

/**
 * The names of the elements in a chapter, found in one walk: a cleaning rule that selects elements of tags the
 * chapter does not have is skipped instead of walking the whole tree for nothing.
 */
final class Tags {
    private Tags() {
    }

    /** The normal names of the elements under {@code root} (not counting root itself). */
    static Set<String> of(Element root) {
        Set<String> tags = new HashSet<>();
        NodeTraversor.traverse((Node node, int depth) -> {
            if (node instanceof Element el && el != root) {
                tags.add(el.normalName());
            }
        }, root);
        return tags;
    }
}
