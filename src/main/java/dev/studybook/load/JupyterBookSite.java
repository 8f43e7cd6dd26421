package dev.studybook.load;

import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import dev.studybook.io.ContentFolder;
import dev.studybook.io.TextFiles;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A Jupyter Book's contents: {@code _toc.yml} (Jupyter Book 1, sphinx-external-toc) with {@code format: jb-book}
 * ({@code root}, then {@code chapters}, or {@code parts} each with its {@code caption}), {@code format: jb-article}
 * ({@code root}, then {@code sections}), nested {@code sections}, {@code subtrees}/{@code entries}, the older
 * top-level list; or the {@code project.toc} of a Jupyter Book 2 / MyST {@code myst.yml} ({@code file},
 * {@code title}, {@code children}). Entries name a page by {@code file} (the extension may be left out), skip
 * {@code url}s (web pages), and take {@code glob}/{@code pattern} pages by name. The book's title and author come
 * from {@code _config.yml} (or {@code project.title} and {@code authors}). Notebooks ({@code .ipynb}) are chapters
 * ({@link Notebook} reads their cells); pages in reStructuredText are left out, named in one warning.
 */
final class JupyterBookSite {

    /** Where Jupyter Books keep their {@code _toc.yml} (or {@code myst.yml}), tried in this order. */
    static final List<String> PLACES = List.of("", "book", "docs", "doc", "jupyter-book", "jupyterbook", "content",
            "lectures", "source", "book/website");

    private final SiteSummary md;
    private final SourcePages pages;

    private JupyterBookSite(ContentFolder content, Path toc, SiteSummary md) {
        this.md = md;
        this.pages = new SourcePages(content, toc.getParent(), md);
        pages.writtenIn(toc);
    }

    /** The book's contents, or empty when no {@code _toc.yml} or {@code myst.yml} lists a page. */
    static Optional<HugoSite.Index> index(ContentFolder content, Diagnostics diagnostics) {
        List<Path> dirs = new ArrayList<>();
        PLACES.forEach(p -> dirs.add(p.isEmpty() ? content.root() : content.root().resolve(p)));
        // Then any folder at the top (executablebooks/quantecon-mini-example's mini_book/), by name.
        SiteSummary.entries(content.root()).stream().filter(d -> !d.getFileName().toString().startsWith(".")
                && Files.isRegularFile(d.resolve("_toc.yml"), LinkOption.NOFOLLOW_LINKS)).forEach(dirs::add);
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !content.contains(dir)) {
                continue;
            }
            for (String name : List.of("_toc.yml", "_toc.yaml", "myst.yml")) {
                Path toc = dir.resolve(name);
                if (Files.isRegularFile(toc, LinkOption.NOFOLLOW_LINKS)) {
                    Optional<HugoSite.Index> read = read(content, toc, diagnostics);
                    if (read.isPresent()) {
                        return read;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Node> compose(Path file, Diagnostics diagnostics) {
        try {
            return new Compose(LoadSettings.builder().setLabel(file.toString()).setMaxAliasesForCollections(10).build())
                    .composeString(TextFiles.read(file, file.getFileName().toString()));
        } catch (RuntimeException e) {
            diagnostics.warn(SourceLocation.of(file), Diagnostics.Kind.CONFIG, file.getFileName() + " cannot be read as"
                    + " YAML (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "); its contents are"
                    + " not used");
            return Optional.empty();
        }
    }

    private static Optional<HugoSite.Index> read(ContentFolder content, Path toc, Diagnostics diagnostics) {
        Optional<Node> top = compose(toc, diagnostics);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        boolean myst = toc.getFileName().toString().equals("myst.yml");
        Node entries = top.get();
        String title = "";
        String author = "";
        String language = "";
        if (myst) {
            // Jupyter Book 2: the contents are project.toc, the title and authors beside them.
            if (!(top.get() instanceof MappingNode m)) {
                return Optional.empty();
            }
            Optional<MappingNode> project = value(m, "project").filter(v -> v instanceof MappingNode)
                    .map(v -> (MappingNode) v);
            Optional<Node> list = project.flatMap(p -> value(p, "toc"));
            if (list.isEmpty()) {
                return Optional.empty();
            }
            entries = list.get();
            title = project.flatMap(p -> text(p, "title")).orElse("");
            author = project.flatMap(p -> value(p, "authors")).map(JupyterBookSite::names).orElse("");
            language = project.flatMap(p -> text(p, "language")).orElse("");
        } else {
            Path config = toc.resolveSibling("_config.yml");
            if (Files.isRegularFile(config, LinkOption.NOFOLLOW_LINKS) && content.contains(config)
                    && compose(config, diagnostics).orElse(null) instanceof MappingNode c) {
                title = text(c, "title").orElse("");
                author = text(c, "author").orElse("");
                language = value(c, "sphinx").filter(v -> v instanceof MappingNode)
                        .flatMap(s -> value((MappingNode) s, "config")).filter(v -> v instanceof MappingNode)
                        .flatMap(s -> text((MappingNode) s, "language")).orElse("");
            }
        }
        if (title.isBlank() && !myst && entries instanceof MappingNode book) {
            String root = text(book, "root").orElse("");
            title = new SourcePages(content, toc.getParent(), null).find(toc.getParent(), root)
                    .map(r -> SourcePages.rootTitle(toc.getParent().resolve(r))).orElse("");
        }
        // An author line with links and a licence badge (TeachBooks/manual) as the plain names it shows.
        author = author.replaceAll("<[^>]*>", "").replaceAll("\\s+", " ").strip();
        language = language.replace('_', '-');
        SiteSummary md = new SiteSummary(title, language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*") ? language : "",
                author);
        JupyterBookSite s = new JupyterBookSite(content, toc, md);
        if (myst) {
            s.children(entries, 0);
        } else if (entries instanceof MappingNode map) {
            value(map, "root").filter(v -> v instanceof ScalarNode r && !r.getValue().isBlank())
                    .ifPresent(r -> s.file(YamlNodes.line(r), 0, "", ((ScalarNode) r).getValue(), false));
            s.book(map, 0);
        } else if (entries instanceof SequenceNode) {
            // The format of Jupyter Book before 0.11: a list of pages, `- part:` captions with their `chapters`.
            s.children(entries, 0);
        }
        if (s.pages.count() == 0) {
            return Optional.empty();
        }
        return Optional.of(new HugoSite.Index(toc, toc.getParent(), md.toString(), true, s.pages.noteAt(toc),
                s.pages.note()));
    }

    /** The author names of myst.yml: a list of names, or of maps with a {@code name}. */
    private static String names(Node authors) {
        List<String> out = new ArrayList<>();
        List<Node> list = authors instanceof SequenceNode seq ? seq.getValue() : List.of(authors);
        for (Node a : list) {
            if (a instanceof ScalarNode s && !s.getValue().isBlank()) {
                out.add(s.getValue().strip());
            } else if (a instanceof MappingNode m) {
                text(m, "name").ifPresent(out::add);
            }
        }
        return String.join(", ", out);
    }

    /** A jb-book or jb-article mapping (or a subtree): its parts, else its chapters, sections or entries. */
    private void book(MappingNode m, int depth) {
        for (String key : List.of("parts", "subtrees")) {
            Optional<Node> parts = value(m, key);
            if (parts.isPresent() && parts.get() instanceof SequenceNode seq) {
                for (Node p : seq.getValue()) {
                    if (!(p instanceof MappingNode part)) {
                        continue;
                    }
                    Optional<String> caption = text(part, "caption");
                    if (caption.isPresent() && depth == 0) {
                        md.part(YamlNodes.line(part), caption.get());
                    }
                    book(part, depth);
                }
                return;
            }
        }
        for (String key : List.of("chapters", "sections", "entries")) {
            Optional<Node> list = value(m, key);
            if (list.isPresent()) {
                children(list.get(), depth);
                return;
            }
        }
    }

    /** A list of entries at {@code depth}. */
    private void children(Node list, int depth) {
        if (!(list instanceof SequenceNode seq)) {
            return;
        }
        for (Node e : seq.getValue()) {
            if (e instanceof ScalarNode s && !s.getValue().isBlank()) {
                // myst.yml allows a bare file name.
                file(YamlNodes.line(s), depth, "", s.getValue(), false);
            } else if (e instanceof MappingNode m) {
                entry(m, depth);
            }
        }
    }

    /** One entry: a page, a web link (left out), a glob, a titled group, or a legacy part. */
    private void entry(MappingNode m, int depth) {
        int line = YamlNodes.line(m);
        String title = text(m, "title").orElse("");
        Optional<String> file = text(m, "file");
        Optional<String> glob = text(m, "glob").or(() -> text(m, "pattern"));
        Optional<String> part = text(m, "part").or(() -> text(m, "caption"));
        boolean inner = Stream.of("sections", "chapters", "entries", "children", "subtrees", "parts")
                .anyMatch(k -> value(m, k).isPresent());
        if (file.isPresent()) {
            file(line, depth, title, file.get(), inner);
        } else if (glob.isPresent()) {
            glob(line, depth, glob.get());
            return;
        } else if (part.isPresent() && depth == 0 && inner) {
            md.part(line, part.get());
            book(m, 0);
            children(value(m, "children").orElse(null), 0);
            return;
        } else if (!title.isEmpty() && inner) {
            md.group(line, depth, title);
        } else {
            // A web link (url:), a page of another site: not a page of the book.
            return;
        }
        book(m, depth + 1);
        children(value(m, "children").orElse(null), depth + 1);
    }

    private void file(int line, int depth, String title, String name, boolean inner) {
        pages.file(line, depth, title, name, inner);
    }

    private void glob(int line, int depth, String pattern) {
        pages.glob(line, depth, pattern);
    }

    private static Optional<Node> value(MappingNode m, String key) {
        return YamlNodes.entry(m, key).map(NodeTuple::getValueNode);
    }

    private static Optional<String> text(MappingNode m, String key) {
        return value(m, key).filter(v -> v instanceof ScalarNode s && !s.getValue().isBlank())
                .map(v -> ((ScalarNode) v).getValue().strip());
    }
}
