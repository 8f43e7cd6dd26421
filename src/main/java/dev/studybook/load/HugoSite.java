package dev.studybook.load;

import dev.studybook.error.SourceLocation;
import dev.studybook.io.ContentFolder;
import dev.studybook.io.TextFiles;
import dev.studybook.preprocess.FrontMatter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Hugo site's content tree read as the book's contents, the way its theme's menu shows it (hugo-book, docsy,
 * learn): sections (folders with an {@code _index.md}) and pages, each level in the order of their front matter's
 * {@code weight} (unweighted last), then title, then file name; drafts and hidden pages left out. The result is a
 * SUMMARY.md written in memory, read like any other: qcrao/Go-Questions has no index page of chapters at all.
 */
final class HugoSite {

    /** The site's configuration, one of which marks a folder as a Hugo site. */
    static final List<String> CONFIGS = List.of("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml",
            "config.yaml", "config.yml", "config.json");

    /** How deep sections are looked for, and how many pages at most. */
    static final int MAX_DEPTH = 8;
    static final int MAX_PAGES = 20_000;

    private static final Pattern TITLE = Pattern.compile("(?m)^\\s*title\\s*[=:]\\s*[\"']?(.*?)[\"']?\\s*$");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,2}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern CONTENT_DIR = Pattern.compile("(?m)^\\s*contentDir\\s*[=:]\\s*[\"']?([^\"'\\s#]+)");
    private static final Pattern LANGUAGE = Pattern.compile(
            "(?m)^\\s*(?:languageCode|defaultContentLanguage)\\s*[=:]\\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)");

    /**
     * The contents written as a SUMMARY.md whose links start from {@code base}, and the file that stands for it;
     * {@code menu} when it is the menu the site's configuration writes down (it wins over a README), not an order
     * guessed from the pages (used only when the README lists no chapter); {@code note}, when not empty, is said
     * at {@code noteAt} when the contents are used.
     */
    record Index(Path file, Path base, String markdown, boolean menu, SourceLocation noteAt, String note) {
        Index(Path file, Path base, String markdown) {
            this(file, base, markdown, true, null, "");
        }
    }

    private HugoSite() {
    }

    /** The site's contents, when {@code content}'s root is a Hugo site with pages in its {@code content/} folder. */
    static Optional<Index> index(ContentFolder content) {
        Path root = content.root();
        Optional<Path> config = config(root);
        if (config.isEmpty() && !Files.isDirectory(root.resolve("config/_default"))) {
            return Optional.empty();
        }
        String site = config.map(p -> TextFiles.read(p, "Hugo configuration")).orElse("");
        // A multilingual site keeps each language's pages in its own folder (hugo-book: content.en, content.zh);
        // the first one named is the default language's.
        Path pages = root.resolve("content");
        Matcher dir = CONTENT_DIR.matcher(site);
        while (dir.find()) {
            Path p = root.resolve(dir.group(1)).normalize();
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && content.contains(p)) {
                pages = p;
                break;
            }
        }
        if (!Files.isDirectory(pages, LinkOption.NOFOLLOW_LINKS) || !content.contains(pages)) {
            return Optional.empty();
        }
        Node home = section(pages, pages, 0, new int[1]);
        if (home.children.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder md = new StringBuilder();
        Matcher lang = LANGUAGE.matcher(site);
        if (lang.find()) {
            md.append("---\nlang: ").append(lang.group(1).replace('_', '-')).append("\n---\n\n");
        }
        Matcher title = TITLE.matcher(site);
        String name = title.find() && !title.group(1).isBlank() ? title.group(1).strip() : home.title;
        md.append("# ").append(name.isBlank() ? root.getFileName().toString() : name).append("\n\n");
        if (home.hasBody) {
            // The home page's own heading names it ("关于本书"); its front matter's title is often "首页" (Home),
            // which an index reads as a link back to the start, not as a chapter.
            Matcher h = HEADING.matcher(FrontMatter.hide(TextFiles.read(home.file, "home page"), new LinkedHashMap<>()));
            md.append("- [").append(label(h.find() ? h.group(1) : name)).append("](").append(link(pages, home.file))
                    .append(")\n");
        }
        for (Node n : home.children) {
            write(md, n, pages, 0);
        }
        // The configuration stands for the contents (the home page is a chapter: were it the index, links to it
        // would be links to the contents).
        return Optional.of(new Index(config.orElse(pages), pages, md.toString()));
    }

    /**
     * The folders a Hugo site at the book's root serves at its top, the roots its pages' site-absolute links start
     * from: the {@code contentDir} of each language its configuration names, in its order (Vonng/ddia: content/zh
     * first, whose pages write {@code /ch12#sec} for content/zh/ch12.md), the other content folders
     * ({@code content/}, {@code content.en/}…), then {@code static/}, whose files are served at the top
     * ({@code /fig/ddia_0101.png} is static/fig/ddia_0101.png); empty when the book is no Hugo site.
     */
    static List<Path> contentFolders(ContentFolder content) {
        Path root = content.root();
        Optional<Path> config = config(root);
        if (config.isEmpty() && !Files.isDirectory(root.resolve("config/_default"))) {
            return List.of();
        }
        List<Path> folders = new ArrayList<>();
        Matcher dir = CONTENT_DIR.matcher(config.map(p -> TextFiles.read(p, "Hugo configuration")).orElse(""));
        while (dir.find()) {
            Path p = root.resolve(dir.group(1)).normalize();
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && content.contains(p) && !folders.contains(p)) {
                folders.add(p);
            }
        }
        try (Stream<Path> s = Files.list(root)) {
            s.filter(p -> p.getFileName().toString().matches("content([._-][\\w-]+)?"))
                    .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted()
                    .filter(p -> !folders.contains(p)).forEach(folders::add);
        } catch (IOException e) {
            // The folders named by the configuration are still roots.
        }
        Path statics = root.resolve("static");
        if (Files.isDirectory(statics, LinkOption.NOFOLLOW_LINKS)) {
            folders.add(statics);
        }
        return List.copyOf(folders);
    }

    /** The site's configuration file at {@code root}, the first of {@link #CONFIGS} there. */
    private static Optional<Path> config(Path root) {
        return CONFIGS.stream().map(root::resolve).filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                .findFirst();
    }

    /** A page, or a section with its pages and subsections. */
    private record Node(String title, Path file, long weight, boolean hasBody, List<Node> children) {
    }

    private static Node section(Path dir, Path pages, int depth, int[] count) {
        Path indexFile = dir.resolve("_index.md");
        Map<String, String> fm = new LinkedHashMap<>();
        boolean body = false;
        Path file = null;
        if (Files.isRegularFile(indexFile, LinkOption.NOFOLLOW_LINKS)) {
            file = indexFile;
            body = !FrontMatter.hide(TextFiles.read(indexFile, "section page"), fm).isBlank();
        }
        List<Node> children = new ArrayList<>();
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.sorted().toList();
        } catch (IOException e) {
            entries = List.of();
        }
        for (Path p : entries) {
            String n = p.getFileName().toString();
            if (n.startsWith(".") || n.startsWith("_") || count[0] >= MAX_PAGES) {
                continue;
            }
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && depth < MAX_DEPTH) {
                Path bundle = p.resolve("index.md");
                if (Files.isRegularFile(bundle, LinkOption.NOFOLLOW_LINKS)) {
                    page(bundle, count).ifPresent(children::add);
                } else if (Files.isRegularFile(p.resolve("_index.md"), LinkOption.NOFOLLOW_LINKS)) {
                    Node sub = section(p, pages, depth + 1, count);
                    if (sub.hasBody || !sub.children.isEmpty()) {
                        children.add(sub);
                    }
                }
            } else if (n.toLowerCase(Locale.ROOT).endsWith(".md") && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                page(p, count).ifPresent(children::add);
            }
        }
        children.sort(ORDER);
        boolean hidden = isTrue(fm.get("draft")) || isTrue(fm.get("bookHidden"));
        if (hidden) {
            return new Node("", null, 0, false, List.of());
        }
        return new Node(fm.getOrDefault("title", title(dir)), file, weight(fm), body, List.copyOf(children));
    }

    private static Optional<Node> page(Path file, int[] count) {
        Map<String, String> fm = new LinkedHashMap<>();
        String text = TextFiles.read(file, "page");
        boolean body = !FrontMatter.hide(text, fm).isBlank();
        if (!body || isTrue(fm.get("draft")) || isTrue(fm.get("bookHidden")) || isTrue(fm.get("headless"))) {
            return Optional.empty();
        }
        count[0]++;
        String name = file.getFileName().toString();
        String title = fm.getOrDefault("title", name.equals("index.md") ? title(file.getParent())
                : name.substring(0, name.length() - 3));
        return Optional.of(new Node(title, file, weight(fm), true, List.of()));
    }

    /** Hugo's default order: weight (a page without one after those with one), title, then the file's path. */
    private static final Comparator<Node> ORDER = Comparator
            .comparingLong((Node n) -> n.weight == 0 ? Long.MAX_VALUE : n.weight)
            .thenComparing(Node::title)
            .thenComparing(n -> n.file == null ? "" : n.file.toString());

    private static void write(StringBuilder md, Node n, Path pages, int depth) {
        md.append("  ".repeat(depth)).append("- ");
        if (n.hasBody) {
            md.append('[').append(label(n.title)).append("](").append(link(pages, n.file)).append(")\n");
        } else {
            // A section without text of its own is a title over its pages.
            md.append(label(n.title)).append('\n');
        }
        for (Node c : n.children) {
            write(md, c, pages, depth + 1);
        }
    }

    private static long weight(Map<String, String> fm) {
        try {
            return Long.parseLong(fm.getOrDefault("weight", "0").strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isTrue(String v) {
        return v != null && v.strip().equalsIgnoreCase("true");
    }

    private static String title(Path dir) {
        return dir.getFileName().toString().replace('-', ' ').replace('_', ' ');
    }

    private static String label(String title) {
        return title.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
    }

    /** The path from {@code pages} as a link: every byte outside a plain path percent-encoded. */
    private static String link(Path pages, Path file) {
        String rel = pages.relativize(file).toString().replace('\\', '/');
        StringBuilder sb = new StringBuilder();
        for (byte b : rel.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }
}
