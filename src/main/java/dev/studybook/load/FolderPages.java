package dev.studybook.load;

import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import dev.studybook.error.StudybookException;
import dev.studybook.io.ContentFolder;
import dev.studybook.io.TextFiles;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contents of a folder of Markdown pages that has no index page at all (no SUMMARY.md, README.md, sidebar nor
 * site configuration): its pages in the order a documentation site generates its menu, each level by front matter
 * position ({@code sidebar: { order }} of Starlight, {@code sidebar_position}, {@code weight}, {@code order},
 * {@code nav_order}), then by file name (numbers as numbers); a folder's index page opens its group. Titles come from
 * each page's front matter {@code title}, else its first heading. Translations beside the pages (Starlight's de/,
 * zh-cn/ …, which repeat the pages' names) are left out. withastro/starlight's docs and jaywcjlove/linux-command's
 * command/ were refused with "no index page".
 */
final class FolderPages {

    /** The front matter keys that place a page, in the order they are looked at. */
    static final List<String> POSITIONS = List.of("sidebar.order", "sidebar_position", "weight", "order", "nav_order");

    /** A folder named like a language: {@code de}, {@code zh-cn}, {@code pt-BR}. */
    static final String LANGUAGE_FOLDER = "[a-z]{2,3}(-[A-Za-z]{2,4})?";

    private FolderPages() {
    }

    /** The contents of a folder's pages, as a summary's Markdown, and how many pages it lists. */
    record Pages(String markdown, int count) {
    }

    /**
     * The folder's pages as a summary, {@code skip} (files and folders) and the translations left out; empty when it
     * holds none.
     */
    static Optional<Pages> pages(ContentFolder content, Set<Path> skip) {
        Path root = content.root();
        Set<Path> left = new LinkedHashSet<>(translations(root));
        left.addAll(obsidianTemplates(root));
        left.addAll(skip);
        SiteSummary md = new SiteSummary(title(root), "").onePageFoldersAsPages();
        if (mostlyNotebooks(root)) {
            md.withNotebooks();
        }
        int[] pages = new int[1];
        md.folder(content, root, root, 0, POSITIONS, pages, left);
        return pages[0] == 0 ? Optional.empty() : Optional.of(new Pages(md.toString(), pages[0]));
    }

    /** The folder's pages as contents, or empty when it holds none. */
    static Optional<HugoSite.Index> index(ContentFolder content, Diagnostics diagnostics) {
        return index(content, diagnostics, "the content folder has no index page (SUMMARY.md, README.md, a site's menu)");
    }

    /** As above, {@code why} saying in the warning why the folder's pages are the chapters. */
    static Optional<HugoSite.Index> index(ContentFolder content, Diagnostics diagnostics, String why) {
        Path root = content.root();
        Set<Path> translations = translations(root);
        Set<Path> templates = obsidianTemplates(root);
        Optional<Pages> found = pages(content, Set.of());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        int[] pages = {found.get().count()};
        StringBuilder note = new StringBuilder(why + ": the chapters are its " + pages[0] + (mostlyNotebooks(root) ? " pages and notebooks" : " Markdown pages") + ", ordered by front matter ("
                + String.join(", ", POSITIONS) + ") where they give it, else by file name, and titled by their front matter"
                + " title or first heading");
        if (!translations.isEmpty()) {
            List<String> names = new ArrayList<>();
            translations.forEach(t -> names.add(t.getFileName().toString() + "/"));
            note.append("; the translations in ").append(String.join(", ", names)).append(" are left out (--content ")
                    .append(translations.iterator().next()).append(" builds one)");
        }
        if (!templates.isEmpty()) {
            List<String> names = new ArrayList<>();
            templates.forEach(t -> names.add(root.relativize(t).toString().replace('\\', '/') + "/"));
            note.append("; the Obsidian templates in ").append(String.join(", ", names)).append(" are left out");
        }
        note.append(". Add a README.md or SUMMARY.md that links to the chapters to choose their order");
        return Optional.of(new HugoSite.Index(root, root, found.get().markdown(), false, SourceLocation.of(root),
                note.toString()));
    }

    /** How many files a count of pages and notebooks looks at. */
    private static final int COUNTED = 5_000;

    /**
     * Whether the folder holds at least as many Jupyter notebooks as Markdown pages (translations, templates and
     * hidden folders aside from neither): then its notebooks are chapters beside its pages (jakevdp's
     * PythonDataScienceHandbook/notebooks holds notebooks only); a few notebooks among many pages stay out.
     */
    static boolean mostlyNotebooks(Path root) {
        int[] count = new int[2];
        try (java.util.stream.Stream<Path> walk = Files.walk(root, SiteSummary.MAX_DEPTH)) {
            walk.limit(COUNTED).forEach(p -> {
                String r = root.relativize(p).toString().replace('\\', '/');
                if (r.startsWith(".") || r.contains("/.") || r.contains(".ipynb_checkpoints")) {
                    return;
                }
                if (Notebook.isNotebook(p)) {
                    count[1]++;
                } else if (SiteSummary.isPageName(p.getFileName().toString())) {
                    count[0]++;
                }
            });
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return false;
        }
        return count[1] > 0 && count[1] >= count[0];
    }

    /**
     * The book's title: the front matter title of the folder's home page (index.md, as a site's home names the
     * site), else none (the README above the folder, the repository's name).
     */
    private static String title(Path root) {
        for (Path p : SiteSummary.entries(root)) {
            if (p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).matches("index\\.mdx?")) {
                String t = SiteSummary.frontMatter(p).getOrDefault("title", "");
                if (!t.isBlank()) {
                    return t;
                }
            }
        }
        // Else none: the book is titled as any other, by the README above it or the repository's name.
        return "";
    }

    private static final Pattern TEMPLATE_FOLDER = Pattern.compile("\"(?:folder|templates_folder)\"\\s*:\\s*\"([^\"]+)\"");

    /**
     * The folders of an Obsidian vault's templates (notes with placeholders such as {{title}}, not notes to read):
     * the folder .obsidian/templates.json or the Templater plugin's settings name, else a top folder named
     * templates when the folder is a vault (has .obsidian/).
     */
    static Set<Path> obsidianTemplates(Path root) {
        Path config = root.resolve(".obsidian");
        Set<Path> out = new LinkedHashSet<>();
        if (!Files.isDirectory(config, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        for (Path settings : List.of(config.resolve("templates.json"),
                config.resolve("plugins").resolve("templater-obsidian").resolve("data.json"))) {
            if (!Files.isRegularFile(settings, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                Matcher m = TEMPLATE_FOLDER.matcher(TextFiles.read(settings, "Obsidian settings"));
                while (m.find()) {
                    String folder = m.group(1).strip().replaceFirst("^/+", "").replaceFirst("/+$", "");
                    Path p = root.resolve(folder).normalize();
                    if (!folder.isEmpty() && p.startsWith(root) && !p.equals(root)
                            && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        out.add(p);
                    }
                }
            } catch (StudybookException | java.nio.file.InvalidPathException e) {
                // Unreadable settings name no folder; the pages are read as they are.
            }
        }
        if (out.isEmpty()) {
            for (Path p : SiteSummary.entries(root)) {
                if (p.getFileName().toString().equalsIgnoreCase("templates") && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /**
     * The folders named like a language ({@code de}, {@code zh-cn}, {@code pt-br}) that repeat the names of pages
     * beside them: a site's translations, each a book of its own.
     */
    static Set<Path> translations(Path root) {
        Set<String> own = new LinkedHashSet<>();
        List<Path> languages = new ArrayList<>();
        for (Path p : SiteSummary.entries(root)) {
            String n = p.getFileName().toString();
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                if (n.matches(LANGUAGE_FOLDER)) {
                    languages.add(p);
                } else {
                    own.add(n + "/");
                }
            } else if (SiteSummary.isPageName(n)) {
                own.add(n);
            }
        }
        Set<Path> out = new LinkedHashSet<>();
        for (Path lang : languages) {
            long shared = SiteSummary.entries(lang).stream().map(p -> p.getFileName().toString()
                    + (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "/" : "")).filter(own::contains).count();
            if (shared >= 2) {
                out.add(lang);
            }
        }
        return out;
    }
}
