package dev.studybook.load;

import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import dev.studybook.io.ContentFolder;
import dev.studybook.io.TextFiles;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A Hugging Face doc-builder site's contents (huggingface/course, and the docs/source/ of transformers, datasets,
 * diffusers …): {@code _toctree.yml} is a list of sections, each {@code title} with {@code sections}, and pages
 * {@code local: path-without-extension} with their {@code title}, nested. Top-level sections are the book's parts.
 * A site with one {@code _toctree.yml} per language folder is read in English when it has it, else in the first
 * language by name, with a warning naming the others.
 */
final class DocBuilderSite {

    /** The file doc-builder reads its table of contents from. */
    static final String TOCTREE = "_toctree.yml";

    /** Where doc-builder sites keep their language folders, tried after the content folder itself. */
    static final List<String> PLACES = List.of("", "chapters", "docs/source", "docs", "source");

    private final ContentFolder content;
    private final Path docs;
    private final SiteSummary md;
    private int pages;

    private DocBuilderSite(ContentFolder content, Path docs, SiteSummary md) {
        this.content = content;
        this.docs = docs;
        this.md = md;
    }

    /** The site's contents, or empty when no {@code _toctree.yml} lists a page. */
    static Optional<HugoSite.Index> index(ContentFolder content, Diagnostics diagnostics) {
        for (String place : PLACES) {
            Path dir = place.isEmpty() ? content.root() : content.root().resolve(place);
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !content.contains(dir)) {
                continue;
            }
            Path own = dir.resolve(TOCTREE);
            if (Files.isRegularFile(own, LinkOption.NOFOLLOW_LINKS)) {
                return read(content, own, "", diagnostics);
            }
            List<Path> languages = SiteSummary.entries(dir).stream()
                    .filter(p -> Files.isRegularFile(p.resolve(TOCTREE), LinkOption.NOFOLLOW_LINKS))
                    .filter(content::contains).toList();
            if (languages.isEmpty()) {
                continue;
            }
            Path chosen = languages.stream().filter(p -> p.getFileName().toString().equals("en")).findFirst()
                    .orElse(languages.get(0));
            String note = "";
            if (languages.size() > 1) {
                List<String> others = new ArrayList<>();
                languages.stream().filter(p -> !p.equals(chosen)).forEach(p -> others.add(p.getFileName().toString()));
                Path example = content.root().relativize(dir.resolve(others.get(0)));
                note = "the site has a " + TOCTREE + " in each of " + languages.size() + " language folders; the book is "
                        + content.relative(chosen) + "/ (--content " + example.toString().replace('\\', '/')
                        + " builds another; the others: " + String.join(", ", others) + ")";
            }
            return read(content, chosen.resolve(TOCTREE), note, diagnostics);
        }
        return Optional.empty();
    }

    private static Optional<HugoSite.Index> read(ContentFolder content, Path toc, String note, Diagnostics diagnostics) {
        Node top;
        try {
            top = new Compose(LoadSettings.builder().setLabel(toc.toString()).setMaxAliasesForCollections(10).build())
                    .composeString(TextFiles.read(toc, TOCTREE)).orElse(null);
        } catch (RuntimeException e) {
            diagnostics.warn(SourceLocation.of(toc), Diagnostics.Kind.CONFIG, TOCTREE + " cannot be read as YAML ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "); its contents are not used");
            return Optional.empty();
        }
        if (!(top instanceof SequenceNode entries)) {
            return Optional.empty();
        }
        Path docs = toc.getParent();
        String folder = docs.getFileName().toString();
        // A language folder names the book's language (chapters/zh-CN/), as doc-builder serves it.
        String language = folder.matches(FolderPages.LANGUAGE_FOLDER) ? folder : "";
        DocBuilderSite s = new DocBuilderSite(content, docs, new SiteSummary("", language));
        for (Node entry : entries.getValue()) {
            s.entry(entry, 0, true);
        }
        if (s.pages == 0) {
            return Optional.empty();
        }
        return Optional.of(new HugoSite.Index(toc, docs, s.md.toString(), true, SourceLocation.of(toc), note));
    }

    /** One entry: a page ({@code local}), a section ({@code sections}), or both (a section with a page of its own). */
    private void entry(Node node, int depth, boolean top) {
        if (!(node instanceof MappingNode m)) {
            return;
        }
        Optional<ScalarNode> local = scalar(m, "local");
        String title = scalar(m, "title").map(ScalarNode::getValue).orElse("");
        Optional<SequenceNode> sections = value(m, "sections").filter(v -> v instanceof SequenceNode)
                .map(v -> (SequenceNode) v);
        int line = YamlNodes.line(m);
        if (sections.isEmpty()) {
            local.ifPresent(l -> page(line, depth, title, l.getValue()));
            return;
        }
        int inner;
        if (top && local.isEmpty()) {
            md.part(line, title);
            inner = 0;
        } else {
            if (local.isPresent()) {
                page(line, depth, title, local.get().getValue());
            } else {
                md.group(line, depth, title);
            }
            inner = depth + 1;
        }
        for (Node c : sections.get().getValue()) {
            entry(c, inner, false);
        }
    }

    private void page(int line, int depth, String title, String local) {
        // Web links in the menu (a few sites list their API site) are not pages of the book.
        Optional<String> route = SiteSummary.route(content, docs, local);
        if (route.isPresent() && md.page(line, depth, title, route.get())) {
            pages++;
        }
    }

    private static Optional<Node> value(MappingNode m, String key) {
        return YamlNodes.entry(m, key).map(NodeTuple::getValueNode);
    }

    private static Optional<ScalarNode> scalar(MappingNode m, String key) {
        return value(m, key).filter(v -> v instanceof ScalarNode s && !s.getValue().isBlank()).map(v -> (ScalarNode) v);
    }
}
