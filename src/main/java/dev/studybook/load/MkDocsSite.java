package dev.studybook.load;

import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import dev.studybook.io.ContentFolder;
import dev.studybook.io.TextFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
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
 * An MkDocs site's navigation read as the book's contents, the way its menu shows it: {@code nav:} in
 * {@code mkdocs.yml} (titled pages, sections, a section's first {@code index.md} as its own page), else MkDocs' own
 * order of the pages in {@code docs_dir} (index first, then by name). The result is a SUMMARY.md written in memory
 * whose entries stand on the lines of mkdocs.yml that name them, so that a missing page is reported at its line:
 * krahets/hello-algo's README links to its web site only.
 */
final class MkDocsSite {

    /** The names MkDocs reads its configuration from. */
    static final List<String> CONFIGS = List.of("mkdocs.yml", "mkdocs.yaml");

    /** How many pages a site without {@code nav} brings in at most, and how deep its folders are read. */
    static final int MAX_PAGES = 20_000;
    static final int MAX_DEPTH = 8;

    private MkDocsSite() {
    }

    /**
     * The site's contents, when {@code content}'s root holds an mkdocs.yml, or is the {@code docs_dir} of one in the
     * folder above (inside the book's boundary).
     */
    static Optional<HugoSite.Index> index(ContentFolder content, Diagnostics diagnostics) {
        Path root = content.root();
        Optional<Path> config = config(root);
        boolean fromDocs = false;
        if (config.isEmpty() && root.getParent() != null && content.contains(root.getParent())) {
            config = config(root.getParent());
            fromDocs = true;
        }
        if (config.isEmpty()) {
            return Optional.empty();
        }
        Path yml = config.get();
        Node top;
        try {
            // Composed, not constructed: MkDocs configurations carry Python tags (!!python/name:…, !ENV) that only
            // MkDocs can construct; the navigation is plain lists and strings.
            top = new Compose(LoadSettings.builder().setLabel(yml.toString()).setMaxAliasesForCollections(10).build())
                    .composeString(TextFiles.read(yml, "MkDocs configuration")).orElse(null);
        } catch (RuntimeException e) {
            diagnostics.warn(SourceLocation.of(yml), Diagnostics.Kind.CONFIG, "mkdocs.yml cannot be read as YAML ("
                    + firstLine(e.getMessage()) + "); its navigation is not used");
            return Optional.empty();
        }
        if (!(top instanceof MappingNode map)) {
            return Optional.empty();
        }
        Path docs = yml.getParent().resolve("docs");
        Optional<NodeTuple> docsDir = YamlNodes.entry(map, "docs_dir");
        if (docsDir.isPresent() && docsDir.get().getValueNode() instanceof ScalarNode s && !s.getValue().isBlank()) {
            Path named = yml.getParent().resolve(s.getValue().strip()).normalize();
            if (Files.isDirectory(named, LinkOption.NOFOLLOW_LINKS) && content.contains(named)) {
                docs = named;
            } else if (Files.isDirectory(docs, LinkOption.NOFOLLOW_LINKS)) {
                // krahets/hello-algo: docs_dir is build/docs, which its build step writes from docs/.
                diagnostics.warn(SourceLocation.of(yml, YamlNodes.line(s)), Diagnostics.Kind.INDEX, "docs_dir '" + s.getValue().strip()
                        + "' does not exist (a build step makes it); the pages are read from docs/");
            }
        }
        if (!Files.isDirectory(docs, LinkOption.NOFOLLOW_LINKS) || !content.contains(docs)
                || fromDocs && !docs.equals(root)) {
            return Optional.empty();
        }
        Lines md = new Lines();
        md.add("---");
        scalar(map, "site_name").ifPresent(v -> md.add("title: " + quoted(v)));
        scalar(map, "site_author").ifPresent(v -> md.add("author: " + quoted(v)));
        scalar(map, "site_description").ifPresent(v -> md.add("description: " + quoted(v)));
        YamlNodes.entry(map, "theme").filter(t -> t.getValueNode() instanceof MappingNode)
                .flatMap(t -> scalar((MappingNode) t.getValueNode(), "language"))
                .ifPresent(v -> md.add("lang: " + quoted(v)));
        md.add("---");
        md.add("");
        md.add("# " + scalar(map, "site_name").orElse(yml.getParent().getFileName().toString()));
        md.add("");
        Optional<NodeTuple> nav = YamlNodes.entry(map, "nav");
        if (nav.isPresent() && nav.get().getValueNode() instanceof SequenceNode items) {
            for (Node item : items.getValue()) {
                navItem(md, item, 0);
            }
        } else {
            folder(md, docs, docs, 0, new int[1]);
        }
        return Optional.of(new HugoSite.Index(yml, docs, md.toString()));
    }

    private static Optional<Path> config(Path dir) {
        return CONFIGS.stream().map(dir::resolve).filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                .findFirst();
    }

    /** The Markdown being written, whose lines are padded to stand where mkdocs.yml wrote each entry. */
    private static final class Lines {
        private final StringBuilder sb = new StringBuilder();
        private int count;

        void add(String line) {
            sb.append(line).append('\n');
            count++;
        }

        /** Adds {@code line} as line {@code at} (1-based) when the text has not reached it yet. */
        void addAt(int at, String line) {
            while (count + 1 < at) {
                add("");
            }
            add(line);
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }

    /** One entry of {@code nav}: a page ({@code path}, {@code Title: path}) or a section ({@code Title: [entries]}). */
    private static void navItem(Lines md, Node item, int depth) {
        String indent = "  ".repeat(depth);
        if (item instanceof ScalarNode s) {
            if (!external(s.getValue())) {
                md.addAt(YamlNodes.line(s), indent + "- [](" + link(s.getValue()) + ")");
            }
            return;
        }
        if (!(item instanceof MappingNode m) || m.getValue().isEmpty()) {
            return;
        }
        NodeTuple t = m.getValue().get(0);
        String title = t.getKeyNode() instanceof ScalarNode k ? label(k.getValue()) : "";
        if (t.getValueNode() instanceof ScalarNode page) {
            if (!external(page.getValue())) {
                md.addAt(YamlNodes.line(t.getKeyNode()), indent + "- [" + title + "](" + link(page.getValue()) + ")");
            }
            return;
        }
        if (!(t.getValueNode() instanceof SequenceNode children)) {
            return;
        }
        List<Node> rest = new ArrayList<>(children.getValue());
        // A section's first page, when it is the folder's index, is the section's own page (Material's
        // navigation.indexes), as a book shows a chapter's opening page above its sections.
        if (!rest.isEmpty() && rest.get(0) instanceof ScalarNode first && isIndex(first.getValue())) {
            md.addAt(YamlNodes.line(t.getKeyNode()), indent + "- [" + title + "](" + link(first.getValue()) + ")");
            rest.remove(0);
        } else {
            md.addAt(YamlNodes.line(t.getKeyNode()), indent + "- " + (title.isBlank() ? "\\-" : title));
        }
        for (Node c : rest) {
            navItem(md, c, depth + 1);
        }
    }

    /** MkDocs' order without {@code nav}: a folder's index page first, then its pages and folders by name. */
    private static void folder(Lines md, Path dir, Path docs, int depth, int[] count) {
        List<Path> entries = SiteSummary.entries(dir);
        String indent = "  ".repeat(depth);
        List<Path> pages = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        for (Path p : entries) {
            String n = p.getFileName().toString();
            if (n.startsWith(".") || count[0] >= MAX_PAGES) {
                continue;
            }
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                if (depth < MAX_DEPTH) {
                    folders.add(p);
                }
            } else if (n.toLowerCase(Locale.ROOT).endsWith(".md") && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                pages.add(p);
            }
        }
        pages.sort((a, b) -> Boolean.compare(!isIndex(a.getFileName().toString()), !isIndex(b.getFileName().toString())));
        for (Path p : pages) {
            count[0]++;
            md.add(indent + "- [](" + link(docs.relativize(p).toString().replace('\\', '/')) + ")");
        }
        for (Path f : folders) {
            Lines sub = new Lines();
            folder(sub, f, docs, depth + 1, count);
            if (!sub.toString().isEmpty()) {
                String name = f.getFileName().toString().replace('-', ' ').replace('_', ' ');
                md.add(indent + "- " + label(name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1)));
                for (String l : sub.toString().split("\n")) {
                    md.add(l);
                }
            }
        }
    }

    private static boolean isIndex(String path) {
        String n = path.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return n.equals("index.md") || n.equals("readme.md");
    }

    private static boolean external(String path) {
        return path.matches("(?i)^[a-z][a-z0-9+.-]*:.*") || path.startsWith("//");
    }

    private static Optional<String> scalar(MappingNode map, String key) {
        return YamlNodes.entry(map, key).map(NodeTuple::getValueNode).filter(n -> n instanceof ScalarNode)
                .map(n -> ((ScalarNode) n).getValue().strip()).filter(v -> !v.isEmpty());
    }

    /** A title as Markdown link text: HTML spaces as spaces (hello-algo's "第 0 章 &nbsp; 前言"), brackets escaped (as HugoSite writes them). */
    private static String label(String title) {
        String t = title.replaceAll("(?i)&nbsp;|&#160;|\u00a0", " ").replaceAll("\\s+", " ").strip();
        return t.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
    }

    private static String quoted(String v) {
        return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + '"';
    }

    /** A path of docs_dir as a link: every byte outside a plain path percent-encoded. */
    private static String link(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.strip().getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/#".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").strip();
    }
}
