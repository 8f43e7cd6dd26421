package dev.studybook.load;

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
 * A SUMMARY.md written in memory for a site whose menu lives in its configuration (VitePress, VuePress, Docusaurus):
 * entries stand on the configuration's lines that name them, so that a missing page is reported at its line; and
 * the order a site shows its pages in when no menu is written down (front matter positions, {@code _category_.json},
 * number prefixes, file names).
 */
final class SiteSummary {

    /** How many pages a folder walk brings in at most, and how deep it goes. */
    static final int MAX_PAGES = 20_000;
    static final int MAX_DEPTH = 8;

    /**
     * Where a monorepo keeps its documentation site, tried after the usual places: yangshun/tech-interview-handbook's
     * Docusaurus site is apps/website/, beside the app itself.
     */
    static final List<String> MONOREPO_SITES = List.of("apps/docs", "apps/website", "apps/site", "packages/docs",
            "packages/website", "packages/site");

    /**
     * The configuration files of a site that exist in the content folder: in each of {@code sites} in turn (then
     * {@link #MONOREPO_SITES} under the root), each of {@code names} in turn.
     */
    static List<Path> configs(ContentFolder content, List<Path> sites, List<String> names) {
        List<Path> places = new ArrayList<>(sites);
        MONOREPO_SITES.forEach(m -> places.add(content.root().resolve(m)));
        List<Path> found = new ArrayList<>();
        for (Path site : places) {
            for (String n : names) {
                Path config = site.resolve(n);
                if (Files.isRegularFile(config, LinkOption.NOFOLLOW_LINKS) && content.contains(config)) {
                    found.add(config);
                }
            }
        }
        return found;
    }

    private static final Pattern NUMBER_PREFIX = Pattern.compile("^(\\d+)\\s*[-_.]+\\s*");
    private static final Pattern CATEGORY_POSITION = Pattern.compile("\"position\"\\s*:\\s*(-?[0-9.]+)|(?m)^position\\s*:\\s*(-?[0-9.]+)");
    private static final Pattern CATEGORY_LABEL = Pattern.compile("\"label\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"|(?m)^label\\s*:\\s*['\"]?(.*?)['\"]?\\s*$");

    private final StringBuilder sb = new StringBuilder();
    private final java.util.Set<String> written = new java.util.HashSet<>();
    private int count;
    private boolean opensWithIndex;

    /** Starts the summary with the book's title (and its language, when the site declares one). */
    SiteSummary(String title, String language) {
        this(title, language, "");
    }

    /** As above, with the book's author as the site names it. */
    SiteSummary(String title, String language, String author) {
        if (!language.isBlank() || !author.isBlank()) {
            add("---");
            if (!language.isBlank()) {
                add("lang: \"" + language.replace("\"", "") + "\"");
            }
            if (!author.isBlank()) {
                add("author: \"" + author.replace("\\", "").replace("\"", "") + "\"");
            }
            add("---");
        }
        add("# " + label(title));
        add("");
    }

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

    /**
     * A page entry: {@code title} may be empty (the page's own heading names it). False when the page is already
     * in the summary: sites list a page in several sidebars, a book holds it once.
     */
    boolean page(int at, int depth, String title, String link) {
        if (!written.add(link)) {
            return false;
        }
        addAt(at, "  ".repeat(depth) + "- [" + label(title) + "](" + encode(link) + ")");
        return true;
    }

    /** A group without a page of its own. */
    void group(int at, int depth, String title) {
        addAt(at, "  ".repeat(depth) + "- " + (title.isBlank() ? "\\-" : label(title)));
    }

    /** A part of the book (a sidebar of several). */
    void part(int at, String title) {
        addAt(at, "");
        addAt(at, "## " + label(title));
        add("");
    }

    boolean isEmpty() {
        return !sb.toString().contains("](");
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    /**
     * The page a site's route names, relative to {@code docs}: {@code /guide/intro}, {@code guide/intro.md},
     * {@code /guide/} (its index.md or README.md), {@code intro.html}; anchors and queries dropped. Empty for an
     * external address; a page that does not exist is returned as the likeliest file, so that the loader names it.
     */
    static Optional<String> route(ContentFolder content, Path docs, String route) {
        String r = route.strip();
        if (r.isEmpty() || r.matches("(?i)^[a-z][a-z0-9+.-]*:.*") || r.startsWith("//") || r.startsWith("#")) {
            return Optional.empty();
        }
        r = r.replaceFirst("[#?].*$", "");
        r = dev.studybook.io.PercentEncoding.decode(r);
        r = r.replaceFirst("^/+", "").replaceFirst("^\\./", "").replaceFirst("(?i)\\.html$", "");
        List<String> candidates = new ArrayList<>();
        if (r.isEmpty() || r.endsWith("/")) {
            candidates.add(r + "index.md");
            candidates.add(r + "README.md");
            candidates.add(r + "readme.md");
            candidates.add(r + "index.mdx");
            if (r.length() > 1) {
                // A pretty URL of a page (Astro's /reference/options/ is reference/options.mdx).
                candidates.add(r.substring(0, r.length() - 1) + ".md");
                candidates.add(r.substring(0, r.length() - 1) + ".mdx");
            }
        } else if (isPageName(r)) {
            candidates.add(r);
        } else {
            candidates.add(r + ".md");
            candidates.add(r + "/index.md");
            candidates.add(r + "/README.md");
            candidates.add(r + ".mdx");
            candidates.add(r + "/index.mdx");
        }
        for (String c : candidates) {
            Optional<Path> p = content.resolve(docs, c);
            if (p.isPresent() && Files.isRegularFile(p.get(), LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(c);
            }
        }
        return Optional.of(candidates.get(0));
    }

    /** A page of a folder walk: its title from the front matter (else empty), and its position. */
    record Page(Path file, String title, double position, Map<String, String> frontMatter) {
    }

    /** The front matter of a page. */
    static Map<String, String> frontMatter(Path file) {
        Map<String, String> fm = new LinkedHashMap<>();
        try {
            FrontMatter.hide(TextFiles.read(file, "page"), fm);
        } catch (RuntimeException e) {
            // unreadable: the loader reports it when it reads the chapter
        }
        return fm;
    }

    /**
     * Writes the pages under {@code dir} in the order a site's generated sidebar shows them: at each level, items
     * with a position ({@code positionKeys} of the front matter, a folder's {@code _category_.json}) first by it,
     * then the rest by number prefix and name; a folder's index page opens its group. Returns how many pages.
     */
    int folder(ContentFolder content, Path dir, Path docs, int depth, List<String> positionKeys, int[] pages) {
        return folder(content, dir, docs, depth, positionKeys, pages, java.util.Set.of());
    }

    /** As above, {@code skip} (files and folders) left out. */
    int folder(ContentFolder content, Path dir, Path docs, int depth, List<String> positionKeys, int[] pages,
            java.util.Set<Path> skip) {
        List<Path> entries = entries(dir);
        record Item(Path path, boolean folder, double position, String title, String sortName, boolean named) {
        }
        List<Item> items = new ArrayList<>();
        Path index = null;
        for (Path p : entries) {
            String n = p.getFileName().toString();
            if (n.startsWith(".") || n.startsWith("_") && !n.startsWith("_index") || n.equals("node_modules")
                    || n.equals("public") && depth == 0 || skip.contains(p) || !content.contains(p)
                    || pages[0] >= MAX_PAGES) {
                continue;
            }
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                // javascript.info's tasks (1-hello-alert/task.md beside article.md) are part of their article.
                if (depth < MAX_DEPTH && hasPages(p, 0, notebooks) && !dev.studybook.preprocess.JavascriptInfo.taskFolder(p)) {
                    String category = category(p);
                    Optional<String> label = categoryLabel(category);
                    items.add(new Item(p, true, position(category, CATEGORY_POSITION), label.orElse(folderTitle(n)), n,
                            label.isPresent()));
                }
            } else if ((isPageName(n) || notebooks && Notebook.isNotebook(p)) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                Map<String, String> fm = Notebook.isNotebook(p) ? Map.of() : frontMatter(p);
                // A site's not-found page (404.md) is in no menu; Starlight hides a page with sidebar: { hidden: true }.
                if ("true".equalsIgnoreCase(fm.get("draft")) || "true".equalsIgnoreCase(fm.get("nav_exclude"))
                        || "true".equalsIgnoreCase(fm.get("sidebar.hidden")) || n.matches("(?i)404\\.mdx?")) {
                    continue;
                }
                double position = Double.NaN;
                for (String k : positionKeys) {
                    position = number(fm.get(k));
                    if (!Double.isNaN(position)) {
                        break;
                    }
                }
                String title = fm.getOrDefault("sidebar_label", fm.getOrDefault("sidebar.label", ""));
                String lower = n.toLowerCase(Locale.ROOT);
                if (index == null && lower.matches("(index|readme|_index)\\.mdx?")) {
                    index = p;
                    continue;
                }
                items.add(new Item(p, false, position, title, n, !title.isEmpty()));
            }
        }
        items.sort(Comparator.comparingDouble((Item i) -> Double.isNaN(i.position()) ? Double.MAX_VALUE : i.position())
                .thenComparing(Item::sortName, SiteSummary::natural));
        int n = 0;
        String indent = "  ".repeat(depth);
        opensWithIndex = index != null;
        if (index != null) {
            pages[0]++;
            n++;
            add(indent + "- [](" + encode(docs.relativize(index).toString().replace('\\', '/')) + ")");
        }
        for (Item i : items) {
            if (i.folder()) {
                SiteSummary sub = new SiteSummary();
                sub.onePageFolders = onePageFolders;
                sub.notebooks = notebooks;
                int k = sub.folder(content, i.path(), docs, depth + 1, positionKeys, pages, skip);
                if (k == 0) {
                    continue;
                }
                n += k;
                String[] lines = sub.toString().split("\n");
                String own = "  ".repeat(depth + 1) + "- [](";
                if (sub.opensWithIndex && lines.length > 0 && lines[0].startsWith(own)) {
                    // The folder's index page is the group's own page, titled as the page titles itself (its front
                    // matter, else its heading: javascript-tutorial's 1-js/index.md is "JavaScript 编程语言", not
                    // "Js") unless the folder's category file names it.
                    add(indent + "- [" + (i.named() ? label(i.title()) : "") + "](" + lines[0].substring(own.length()));
                    for (int j = 1; j < lines.length; j++) {
                        add(lines[j]);
                    }
                } else if (onePageFolders && k == 1 && lines.length == 1 && !i.named() && lines[0].startsWith(own)) {
                    // In a folder read without any menu, a folder of one page and nothing else (javascript-tutorial's
                    // 1-intro/article.md) is that page, not a group named after the folder over it (a site's
                    // generated sidebar keeps such a category, and so do the site readers).
                    add(indent + lines[0].substring(indent.length() + 2));
                } else {
                    add(indent + "- " + label(i.title()));
                    for (String l : lines) {
                        add(l);
                    }
                }
            } else {
                pages[0]++;
                n++;
                add(indent + "- [" + label(i.title()) + "](" + encode(docs.relativize(i.path()).toString()
                        .replace('\\', '/')) + ")");
            }
        }
        return n;
    }

    private SiteSummary() {
    }

    /** Whether a folder holding one page and nothing else is that page rather than a group (see {@link #folder}). */
    private boolean onePageFolders;

    /** Whether a folder's Jupyter notebooks are pages too (see {@link #withNotebooks}). */
    private boolean notebooks;

    /** This summary, taking a folder's Jupyter notebooks as pages beside its Markdown: for a folder of notebooks. */
    SiteSummary withNotebooks() {
        notebooks = true;
        return this;
    }

    /** This summary, writing a folder of one page as that page: for a folder read without any menu. */
    SiteSummary onePageFoldersAsPages() {
        onePageFolders = true;
        return this;
    }

    /** Whether a file name is a site's page: {@code .md} or {@code .mdx}, any case (the site readers' one test). */
    static boolean isPageName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".md") || n.endsWith(".mdx");
    }

    /**
     * A folder's entries in name order, none when it cannot be listed: a walk over a site's pages takes what it can
     * read (the loaders' one folder listing).
     */
    static List<Path> entries(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean hasPages(Path dir, int depth, boolean notebooks) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> !p.getFileName().toString().startsWith(".")
                    && ((isPageName(p.getFileName().toString()) || notebooks && Notebook.isNotebook(p))
                            && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                    || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && hasPages(p, depth + 1, notebooks)));
        } catch (IOException e) {
            return false;
        }
    }

    /** A folder's {@code _category_.json} (or .yml) as text, empty when it has none. */
    private static String category(Path dir) {
        for (String n : List.of("_category_.json", "_category_.yml", "_category_.yaml")) {
            Path p = dir.resolve(n);
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    return TextFiles.read(p, "category");
                } catch (RuntimeException e) {
                    return "";
                }
            }
        }
        return "";
    }

    private static double position(String text, Pattern p) {
        Matcher m = p.matcher(text);
        return m.find() ? number(m.group(1) != null ? m.group(1) : m.group(2)) : Double.NaN;
    }

    private static Optional<String> categoryLabel(String text) {
        Matcher m = CATEGORY_LABEL.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String v = m.group(1) != null ? m.group(1).replace("\\\"", "\"") : m.group(2);
        return Optional.of(v).filter(s -> !s.isBlank());
    }

    /** A folder's name as a title: its number prefix dropped, dashes as spaces, the first letter upper-case. */
    static String folderTitle(String name) {
        String t = NUMBER_PREFIX.matcher(name).replaceFirst("").replace('-', ' ').replace('_', ' ').strip();
        if (t.isEmpty()) {
            t = name;
        }
        return Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    /** A file name without its number prefix ({@code 01-intro} → {@code intro}), as Docusaurus makes a page's id. */
    static String withoutNumberPrefix(String name) {
        String t = NUMBER_PREFIX.matcher(name).replaceFirst("");
        return t.isEmpty() ? name : t;
    }

    static double number(String s) {
        if (s == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Names compared with their leading numbers as numbers (2-x before 10-x). */
    static int natural(String a, String b) {
        Matcher ma = Pattern.compile("^(\\d+)").matcher(a);
        Matcher mb = Pattern.compile("^(\\d+)").matcher(b);
        if (ma.find() && mb.find()) {
            int c = new java.math.BigInteger(ma.group(1)).compareTo(new java.math.BigInteger(mb.group(1)));
            if (c != 0) {
                return c;
            }
        }
        return a.compareTo(b);
    }

    /** A title as Markdown link text: spaces collapsed, brackets escaped. */
    static String label(String title) {
        String t = title.replaceAll("(?i)&nbsp;|&#160;|\u00a0", " ").replaceAll("\\s+", " ").strip();
        return t.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
    }

    /** A path as a link: every byte outside a plain path percent-encoded. */
    static String encode(String path) {
        StringBuilder b = new StringBuilder();
        for (byte x : path.strip().getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/#".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }
}
