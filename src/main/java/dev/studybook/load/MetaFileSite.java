package dev.studybook.load;

import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import dev.studybook.io.ContentFolder;
import dev.studybook.io.TextFiles;
import dev.studybook.load.JsLiterals.Arr;
import dev.studybook.load.JsLiterals.Module;
import dev.studybook.load.JsLiterals.Obj;
import dev.studybook.load.JsLiterals.Prop;
import dev.studybook.load.JsLiterals.Str;
import dev.studybook.load.JsLiterals.Value;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An Rspress or Nextra site read as the book's contents: each folder's {@code _meta.json} (or Nextra's
 * {@code _meta.js}/{@code .ts}) orders its pages and sub-folders and titles them, as the site's sidebar does; a folder
 * without one lists its index page, then its pages and folders by name. Rspress's {@code _meta.json} is an array of
 * names and {@code {type, name, label}} objects and lists the whole folder; Nextra's is an object of name to title,
 * the pages it does not name following in name order. MDX pages are chapters like Markdown ones (MdxSyntax reads
 * them).
 */
final class MetaFileSite {

    /** The names a folder's order is read from. */
    static final List<String> METAS = List.of("_meta.json", "_meta.ts", "_meta.tsx", "_meta.js", "_meta.jsx",
            "_meta.mjs");

    /** Where the pages are, relative to the content folder, tried in this order. */
    private static final List<String> ROOTS = List.of("docs", "pages", "content/docs", "content", "src/pages",
            "website/docs", "");

    private static final int MAX_DEPTH = 8;

    private final ContentFolder content;
    private final Path docs;
    private final SiteSummary md;
    private final Set<Path> written = new HashSet<>();
    /** Rspress's {@code route.exclude}: pages that are no routes (partials, components), by their path from the root. */
    private final Excludes excludes;
    private int pages;

    /** Glob patterns of rspress.config's {@code route.exclude}, matched against paths from the site's root folder. */
    private record Excludes(Path root, List<java.nio.file.PathMatcher> globs) {
        static final Excludes NONE = new Excludes(null, List.of());

        boolean test(Path p) {
            if (root == null || !p.startsWith(root)) {
                return false;
            }
            Path rel = root.relativize(p);
            return globs.stream().anyMatch(g -> g.matches(rel));
        }
    }

    private MetaFileSite(ContentFolder content, Path docs, SiteSummary md, Excludes excludes) {
        this.content = content;
        this.docs = docs;
        this.md = md;
        this.excludes = excludes;
    }

    /** The site's contents, or empty when no pages folder of the content folder has a {@code _meta} file. */
    static Optional<HugoSite.Index> index(ContentFolder content, Diagnostics diagnostics) {
        for (String r : ROOTS) {
            Path dir = r.isEmpty() ? content.root() : content.root().resolve(r);
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !content.contains(dir)) {
                continue;
            }
            Path pages = language(dir);
            Optional<Path> meta = meta(pages);
            if (meta.isEmpty()) {
                continue;
            }
            MetaFileSite s = new MetaFileSite(content, pages, new SiteSummary(title(content), ""), excludes(content, dir));
            // The site's home page opens the book, as it opens the site.
            if (!meta.get().getFileName().toString().startsWith("_meta")) {
                s.page(pages, "index").ifPresent(home -> s.page(home, 0, ""));
            }
            s.folder(pages, 0, 0);
            if (s.pages == 0) {
                continue;
            }
            return Optional.of(new HugoSite.Index(meta.get(), pages, s.md.toString(), true, SourceLocation.of(meta.get()),
                    ""));
        }
        return Optional.empty();
    }

    /**
     * The folders a link starting with {@code /} leads from in an Rspress or Nextra site: the pages of the language
     * the book is read in (Rspress serves docs/en/ at the site's top), then the pages folder itself (/zh/… there).
     * rspress/website links {@code /guide/basic/i18n} for docs/en/guide/basic/i18n.mdx (244 links shown as plain text).
     */
    static List<Path> routeRoots(ContentFolder content) {
        for (String r : ROOTS) {
            Path dir = r.isEmpty() ? content.root() : content.root().resolve(r);
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !content.contains(dir)) {
                continue;
            }
            Path pages = language(dir);
            if (meta(pages).isPresent()) {
                List<Path> roots = new ArrayList<>(pages.equals(dir) ? List.of(dir) : List.of(pages, dir));
                // Fumadocs serves content/docs/ at /docs/ (vercel/swr-site links /docs/global-configuration).
                if (r.equals("content/docs")) {
                    roots.add(dir.getParent());
                }
                // Next.js (Nextra, Fumadocs) serves public/ at the top: vercel/swr-site's /img/understanding/*.svg.
                Path pub = content.root().resolve("public");
                if (Files.isDirectory(pub, LinkOption.NOFOLLOW_LINKS) && content.contains(pub)) {
                    roots.add(pub);
                }
                return List.copyOf(roots);
            }
        }
        return List.of();
    }

    /**
     * rspress.config's {@code route.exclude} (rspress/website: {@code ['**\/fragments/**', 'components/**']}, the
     * partials its pages import), whose files are no pages: they were chapters of their own before.
     */
    private static Excludes excludes(ContentFolder content, Path root) {
        for (String n : RSPRESS_CONFIGS) {
            Path p = content.root().resolve(n);
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || !content.contains(p)) {
                continue;
            }
            Module m = JsLiterals.read(TextFiles.read(p, "site configuration"));
            List<java.nio.file.PathMatcher> globs = new ArrayList<>();
            JsLiterals.find(m, "exclude", "route").map(Prop::value).map(m::resolve)
                    .filter(v -> v instanceof Arr).ifPresent(v -> ((Arr) v).items().stream().map(m::resolve)
                            .filter(i -> i instanceof Str).map(i -> ((Str) i).value().replaceFirst("^\\./", ""))
                            .filter(g -> !g.isBlank()).forEach(g -> {
                                java.nio.file.FileSystem fs = java.nio.file.FileSystems.getDefault();
                                try {
                                    globs.add(fs.getPathMatcher("glob:" + g));
                                    // In a glob '**/' also matches no folder at all; in Java's it needs one.
                                    if (g.startsWith("**/")) {
                                        globs.add(fs.getPathMatcher("glob:" + g.substring(3)));
                                    }
                                    if (g.endsWith("/**")) {
                                        globs.add(fs.getPathMatcher("glob:" + g.substring(0, g.length() - 3)));
                                    }
                                } catch (IllegalArgumentException e) {
                                    // a pattern Java cannot read excludes nothing
                                }
                            }));
            return globs.isEmpty() ? Excludes.NONE : new Excludes(root, List.copyOf(globs));
        }
        return Excludes.NONE;
    }

    private static final List<String> RSPRESS_CONFIGS = List.of("rspress.config.ts", "rspress.config.mts",
            "rspress.config.js", "rspress.config.mjs");

    /** The title in rspress.config or theme.config (Nextra), else the content folder's name. */
    private static String title(ContentFolder content) {
        for (String n : List.of("rspress.config.ts", "rspress.config.mts", "rspress.config.js", "rspress.config.mjs",
                "theme.config.tsx", "theme.config.jsx", "theme.config.ts", "theme.config.js")) {
            Path p = content.root().resolve(n);
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && content.contains(p)) {
                Optional<String> t = ThemeSidebar.top(JsLiterals.read(TextFiles.read(p, "site configuration")), "title");
                if (t.isPresent()) {
                    return t.get();
                }
            }
        }
        String name = OutlineReader.folderName(content.root());
        return name.isEmpty() ? content.root().getFileName().toString() : name;
    }

    /**
     * The folder of one language when the pages are split by language and the top has no {@code _meta} file of its
     * own (Rspress: docs/en/, docs/zh/): English when there is one, else the first by name.
     */
    private static Path language(Path dir) {
        if (meta(dir).isPresent()) {
            return dir;
        }
        List<Path> langs = SiteSummary.entries(dir).stream()
                .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                .filter(p -> p.getFileName().toString().matches("[a-z]{2}(-[A-Za-z]{2,4})?"))
                .filter(p -> Files.isRegularFile(p.resolve("_nav.json"), LinkOption.NOFOLLOW_LINKS) || hasMetaBelow(p))
                .toList();
        return langs.stream().filter(p -> p.getFileName().toString().equals("en")).findFirst()
                .orElse(langs.isEmpty() ? dir : langs.get(0));
    }

    private static boolean hasMetaBelow(Path dir) {
        return SiteSummary.entries(dir).stream().anyMatch(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                && meta(p).isPresent());
    }

    private static Optional<Path> meta(Path dir) {
        return METAS.stream().map(dir::resolve).filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).findFirst()
                .or(() -> fumadocsMeta(dir))
                .or(() -> {
                    // A language's top folder (Rspress) orders its sections by _nav.json and its folders by _meta.
                    return hasMetaBelow(dir) ? Optional.of(dir.resolve("_nav.json"))
                            .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) : Optional.empty();
                });
    }

    /** One item of a folder's order: a name, its title, and whether it is only a heading. */
    private record Entry(String name, String label, boolean header, boolean dirHeader, boolean hidden) {
    }

    /** Writes the folder's pages at {@code depth}; returns how many. */
    private int folder(Path dir, int depth, int level) {
        if (level > MAX_DEPTH) {
            return 0;
        }
        int before = pages;
        List<Entry> order = new ArrayList<>();
        boolean complete = false;
        Optional<Path> metaFile = METAS.stream().map(dir::resolve)
                .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && content.contains(p)).findFirst()
                .or(() -> fumadocsMeta(dir).filter(content::contains));
        boolean fumadocs = metaFile.isPresent() && metaFile.get().getFileName().toString().equals(FUMADOCS_META);
        if (fumadocs) {
            // Fumadocs: {"title", "pages": [name, "...", "...folder", "---Heading---", "[Text](url)", "!name"]}; without
            // "pages" the folder's pages in name order.
            Module m = JsLiterals.read(TextFiles.read(metaFile.get(), "meta.json"));
            Value v = m.exported().map(m::resolve).orElse(null);
            if (v instanceof Obj o && o.get("pages").map(m::resolve).orElse(null) instanceof Arr a) {
                complete = true;
                for (Value i : a.items()) {
                    if (!(m.resolve(i) instanceof Str str)) {
                        continue;
                    }
                    String n = str.value().strip();
                    if (n.matches("^---.*---$")) {
                        order.add(new Entry("", n.substring(3, n.length() - 3).strip(), true, false, false));
                    } else if (n.startsWith("!")) {
                        order.add(new Entry(n.substring(1), "", false, false, true));
                    } else if (!n.startsWith("[") && !n.isEmpty()) {
                        order.add(new Entry(n, "", false, false, false));
                    }
                }
            }
        } else if (metaFile.isPresent()) {
            Module m = JsLiterals.read(TextFiles.read(metaFile.get(), "_meta file"));
            Value v = m.exported().map(m::resolve).orElse(null);
            if (v instanceof Arr a) {
                // Rspress: the array is the whole folder.
                complete = true;
                for (Value i : a.items()) {
                    entry(m.resolve(i)).ifPresent(order::add);
                }
            } else if (v instanceof Obj o) {
                // Nextra: name to title (or to {title, type, display}); unnamed pages follow.
                for (Prop p : o.props()) {
                    if (p.key() == null || p.key().equals("*")) {
                        continue;
                    }
                    Value val = m.resolve(p.value());
                    String title = val instanceof Str s ? s.value() : val instanceof Obj vo
                            ? vo.string("title").orElse("") : "";
                    boolean hidden = val instanceof Obj vo && (vo.string("display").filter("hidden"::equals).isPresent()
                            || vo.string("type").filter(t -> t.equals("separator") || t.equals("menu")).isPresent());
                    order.add(new Entry(p.key(), title, false, false, hidden));
                }
            }
        } else if (level == 0) {
            // The top of an Rspress language folder: its sections in the order of the navigation bar.
            Path nav = dir.resolve("_nav.json");
            if (Files.isRegularFile(nav, LinkOption.NOFOLLOW_LINKS)) {
                Module m = JsLiterals.read(TextFiles.read(nav, "_nav.json"));
                Value v = m.exported().map(m::resolve).orElse(null);
                if (v instanceof Arr a) {
                    for (Value i : a.items()) {
                        if (m.resolve(i) instanceof Obj o) {
                            Optional<String> link = o.string("link").or(() -> o.string("activeMatch"));
                            String text = o.string("text").orElse("");
                            link.map(l -> l.replaceFirst("^/+", "").replaceFirst("/.*$", "")).filter(l -> !l.isEmpty())
                                    .filter(l -> order.stream().noneMatch(e -> e.name().equals(l)))
                                    .ifPresent(l -> order.add(new Entry(l, text, false, true, false)));
                        }
                    }
                }
            }
        }
        Set<String> named = new HashSet<>();
        int inner = depth;
        order.forEach(e -> named.add(e.name()));
        for (Entry e : order) {
            named.add(e.name());
            if (e.hidden()) {
                continue;
            }
            if (fumadocs && (e.name().equals("...") || e.name().equals("z...a"))) {
                rest(dir, inner, level, named, e.name().equals("z...a"));
                continue;
            }
            if (fumadocs && e.name().startsWith("...")) {
                // "...folder": the folder's items in its place, without a heading of their own.
                Path sub = dir.resolve(e.name().substring(3));
                if (e.name().substring(3).matches("[^/\\\\]+") && Files.isDirectory(sub, LinkOption.NOFOLLOW_LINKS)
                        && content.contains(sub) && !excludes.test(sub)) {
                    folder(sub, inner, level + 1);
                }
                continue;
            }
            if (e.header()) {
                md.group(0, depth, e.label());
                inner = depth + 1;
                continue;
            }
            Optional<Path> page = page(dir, e.name());
            Path sub = dir.resolve(e.name());
            if (page.isPresent()) {
                page(page.get(), inner, e.label());
            } else if (e.name().matches("[^/\\\\]+") && Files.isDirectory(sub, LinkOption.NOFOLLOW_LINKS)
                    && content.contains(sub)) {
                sub(sub, inner, level, e.label());
            }
        }
        if (!complete) {
            rest(dir, depth, level, named, false);
        }
        return pages - before;
    }

    /** The pages and folders of {@code dir} its order does not name, by name (reversed for Fumadocs' "z...a"). */
    private void rest(Path dir, int depth, int level, Set<String> named, boolean reversed) {
        List<Path> entries = new ArrayList<>(SiteSummary.entries(dir));
        if (reversed) {
            java.util.Collections.reverse(entries);
        }
        for (Path p : entries) {
            String n = p.getFileName().toString();
            String stem = n.replaceFirst("(?i)\\.mdx?$", "");
            if (n.startsWith(".") || n.startsWith("_") || named.contains(stem) || named.contains(n)
                    || !content.contains(p) || n.equals("node_modules") || n.equals("public") || translation(dir, n)) {
                continue;
            }
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                sub(p, depth, level, "");
            } else if (SiteSummary.isPageName(n) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                page(p, depth, "");
            }
        }
    }

    /**
     * True for {@code name.LANG.mdx} beside {@code name.mdx}: a page's translation, as Fumadocs and Nextra name them
     * (vercel/swr-site: api.cn.mdx, api.es.mdx … beside api.mdx); the book is read in the language of the plain name.
     */
    private static boolean translation(Path dir, String n) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)^(.+)\\.([a-z]{2}(?:-[a-z]{2,4})?)\\.(mdx?)$")
                .matcher(n);
        return m.matches() && (Files.isRegularFile(dir.resolve(m.group(1) + ".mdx"), LinkOption.NOFOLLOW_LINKS)
                || Files.isRegularFile(dir.resolve(m.group(1) + ".md"), LinkOption.NOFOLLOW_LINKS));
    }

    /** Fumadocs' name for a folder's order. */
    private static final String FUMADOCS_META = "meta.json";

    /** A folder's Fumadocs meta.json: a JSON object with "pages", "title" or "root" (not any file of that name). */
    private static Optional<Path> fumadocsMeta(Path dir) {
        Path p = dir.resolve(FUMADOCS_META);
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            Module m = JsLiterals.read(TextFiles.read(p, "meta.json"));
            Value v = m.exported().map(m::resolve).orElse(null);
            return v instanceof Obj o && (o.get("pages").isPresent() || o.get("title").isPresent()
                    || o.get("root").isPresent()) ? Optional.of(p) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The title a folder's Fumadocs meta.json gives it, if any. */
    private static Optional<String> fumadocsTitle(Path dir) {
        return fumadocsMeta(dir).flatMap(p -> {
            Module m = JsLiterals.read(TextFiles.read(p, "meta.json"));
            return m.exported().map(m::resolve).filter(v -> v instanceof Obj).flatMap(v -> ((Obj) v).string("title"));
        }).filter(t -> !t.isBlank());
    }

    /** Sorts a folder without an order of its own: its index page first, then the rest by name (as listed). */
    private void sub(Path sub, int depth, int level, String label) {
        if (excludes.test(sub)) {
            return;
        }
        String title = label.isBlank() ? fumadocsTitle(sub).orElse(SiteSummary.folderTitle(sub.getFileName().toString()))
                : label;
        Optional<Path> own = page(sub, "index").or(() -> page(sub, "README"));
        SiteSummary inner = new SiteSummary(title, "");
        MetaFileSite s = new MetaFileSite(content, docs, inner, excludes);
        s.written.addAll(written);
        own.ifPresent(s.written::add);
        s.folder(sub, depth + 1, level + 1);
        boolean ownIsPage = own.isPresent();
        if (s.pages == 0 && !ownIsPage) {
            return;
        }
        if (ownIsPage && written.add(own.get())) {
            pages++;
            md.addAt(0, "  ".repeat(depth) + "- [" + SiteSummary.label(title) + "](" + link(own.get()) + ")");
        } else {
            md.group(0, depth, title);
        }
        // The sub-folder's lines below its own title line.
        String[] lines = inner.toString().split("\n");
        for (int i = 2; i < lines.length; i++) {
            md.add(lines[i]);
        }
        pages += s.pages;
        written.addAll(s.written);
    }

    private void page(Path file, int depth, String label) {
        if (!excludes.test(file) && written.add(file)) {
            pages++;
            md.addAt(0, "  ".repeat(depth) + "- [" + SiteSummary.label(label) + "](" + link(file) + ")");
        }
    }

    private String link(Path file) {
        return SiteSummary.encode(docs.relativize(file).toString().replace('\\', '/'));
    }

    /** The page {@code name} names in {@code dir}: name.md, name.mdx, or the name as written. */
    private Optional<Path> page(Path dir, String name) {
        if (!name.matches("[^/\\\\]+")) {
            return Optional.empty();
        }
        for (String n : List.of(name + ".md", name + ".mdx", name)) {
            Path p = dir.resolve(n);
            if (SiteSummary.isPageName(n) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                    && content.contains(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** One item of an Rspress _meta.json array. */
    private static Optional<Entry> entry(Value v) {
        if (v instanceof Str s) {
            return Optional.of(new Entry(s.value(), "", false, false, false));
        }
        if (!(v instanceof Obj o)) {
            return Optional.empty();
        }
        String type = o.string("type").orElse("file");
        String name = o.string("name").orElse("");
        String label = o.string("label").orElse("");
        return switch (type) {
            case "section-header" -> Optional.of(new Entry("", label, true, false, false));
            case "divider", "custom-link" -> Optional.empty();
            case "dir-section-header" -> Optional.of(new Entry(name, label, false, true, false));
            default -> name.isEmpty() ? Optional.empty() : Optional.of(new Entry(name, label, false, false, false));
        };
    }
}
