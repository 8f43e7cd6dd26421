package dev.studybook.load;

import dev.studybook.error.Diagnostics;
import dev.studybook.io.ContentFolder;
import dev.studybook.io.TextFiles;
import dev.studybook.preprocess.FrontMatter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Jekyll site with the just-the-docs navigation read as the book's contents: every page with a front matter
 * {@code title}, nested by {@code parent} (and {@code grand_parent}) titles, each level ordered by {@code nav_order}
 * (pages without one after, by title); {@code nav_exclude} pages left out. just-the-docs/just-the-docs' README links
 * to no page of its own documentation.
 */
final class JekyllNavSite {

    private static final Pattern SITE_TITLE = Pattern.compile("(?m)^title\\s*:\\s*[\"']?(.*?)[\"']?\\s*$");
    private static final Pattern LANG = Pattern.compile("(?m)^lang\\s*:\\s*[\"']?([A-Za-z-]+)");

    private record Page(Path file, String title, double order, String parent, String grandParent) {
    }

    private JekyllNavSite() {
    }

    /** The site's contents, when the content folder is a Jekyll site ({@code _config.yml}) whose pages use nav_order. */
    static Optional<HugoSite.Index> index(ContentFolder content, Diagnostics diagnostics) {
        Path root = content.root();
        Path config = root.resolve("_config.yml");
        if (!Files.isRegularFile(config, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        List<Page> pages = new ArrayList<>();
        collect(content, root, 0, pages);
        if (pages.stream().noneMatch(p -> !Double.isNaN(p.order()))) {
            return Optional.empty();
        }
        String site = TextFiles.read(config, "Jekyll configuration");
        Matcher t = SITE_TITLE.matcher(site);
        Matcher l = LANG.matcher(site);
        SiteSummary md = new SiteSummary(t.find() && !t.group(1).isBlank() ? t.group(1) : root.getFileName().toString(),
                l.find() ? l.group(1) : "");
        write(md, root, pages, null, null, 0);
        return md.isEmpty() ? Optional.empty() : Optional.of(new HugoSite.Index(config, root, md.toString()));
    }

    private static void write(SiteSummary md, Path root, List<Page> pages, String parent, String grandParent, int depth) {
        List<Page> level = pages.stream().filter(p -> parent == null ? p.parent().isEmpty()
                : p.parent().equals(parent) && (p.grandParent().isEmpty() || grandParent == null
                        || p.grandParent().equals(grandParent)))
                .sorted(Comparator.comparingDouble((Page p) -> Double.isNaN(p.order()) ? Double.MAX_VALUE : p.order())
                        .thenComparing(Page::title))
                .toList();
        for (Page p : level) {
            String rel = root.relativize(p.file()).toString().replace('\\', '/');
            // The home page's menu title ("Home") reads as a link back to the contents; its heading names it.
            String title = rel.equalsIgnoreCase("index.md") || rel.equalsIgnoreCase("README.md") ? "" : p.title();
            if (md.page(0, depth, title, rel) && depth < 4) {
                write(md, root, pages, p.title(), parent, depth + 1);
            }
        }
    }

    private static void collect(ContentFolder content, Path dir, int depth, List<Page> out) {
        if (depth > SiteSummary.MAX_DEPTH || out.size() > SiteSummary.MAX_PAGES) {
            return;
        }
        List<Path> entries = SiteSummary.entries(dir);
        for (Path p : entries) {
            String n = p.getFileName().toString();
            if (n.startsWith(".") || n.startsWith("_") || n.equals("node_modules") || n.equals("vendor")
                    || !content.contains(p)) {
                continue;
            }
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                collect(content, p, depth + 1, out);
            } else if (n.toLowerCase(Locale.ROOT).endsWith(".md") && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                Map<String, String> fm = new java.util.HashMap<>();
                String body;
                try {
                    body = FrontMatter.hide(TextFiles.read(p, "page"), fm);
                } catch (RuntimeException e) {
                    continue; // unreadable: the loader reports it if the book uses it
                }
                String title = fm.getOrDefault("title", "").strip();
                if (title.isEmpty() && (fm.containsKey("parent") || fm.containsKey("nav_order"))) {
                    // GitHub Pages runs jekyll-titles-from-headings by default: a page that places itself in the
                    // menu without a title is named by its first heading (eastlakeside/interpy-zh). Pages with no
                    // front matter at all are left out, as before: READMEs of folders, notes not meant for the menu.
                    title = FrontMatter.firstHeading(body);
                }
                if (title.isEmpty() || "true".equalsIgnoreCase(fm.get("nav_exclude"))) {
                    continue;
                }
                out.add(new Page(p, title, SiteSummary.number(fm.get("nav_order")), fm.getOrDefault("parent", "").strip(),
                        fm.getOrDefault("grand_parent", "").strip()));
            }
        }
    }
}
