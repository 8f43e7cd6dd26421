package dev.studybook.load;

import dev.studybook.config.BookConfig;
import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import dev.studybook.error.StudybookException;
import dev.studybook.io.ContentFolder;
import dev.studybook.io.TextFiles;
import dev.studybook.markdown.IndexPageReader;
import dev.studybook.model.IndexPage;
import dev.studybook.model.IndexPage.HeadingItem;
import dev.studybook.model.IndexPage.Item;
import dev.studybook.model.IndexPage.LabelItem;
import dev.studybook.model.IndexPage.SeparatorItem;
import dev.studybook.model.IndexPage.LinkItem;
import dev.studybook.model.Metadata;
import dev.studybook.model.Outline;
import dev.studybook.model.Outline.OutlineChapter;
import dev.studybook.model.Outline.OutlinePart;
import dev.studybook.preprocess.FrontMatter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a content folder's book.yaml and index page and orders its chapters: the first stage of a build.
 */
public final class OutlineReader {

    /** Index page names looked for in the content folder, in this order. */
    public static final List<String> INDEX_NAMES = List.of("SUMMARY.md", "summary.md", "README.md", "readme.md",
            "Readme.md", "index.md");

    /** Headings that only label the list of links and never start a part. */
    private static final Set<String> CONTENTS_HEADINGS = Set.of("目录", "目錄", "contents", "table of contents",
            "summary", "toc", "章节", "章节目录", "全书目录");

    private OutlineReader() {
    }

    /**
     * Reads the outline of the book in {@code content} with the settings of its book.yaml; {@code index} overrides
     * the index page.
     */
    static Outline read(ContentFolder content, Optional<Path> index, BookConfig config, Diagnostics diagnostics) {
        Path dir = content.root();
        Path indexFile = findIndex(content, index, config);
        Map<String, String> frontMatter = new HashMap<>();
        IndexPage page = IndexPageReader.read(FrontMatter.hide(TextFiles.read(indexFile, "index page"), frontMatter));
        List<OutlinePart> parts = parts(content, indexFile, page, diagnostics);
        if (parts.stream().allMatch(p -> p.chapters().isEmpty())) {
            throw StudybookException.content(SourceLocation.of(indexFile),
                    "the index page links to no Markdown chapter",
                    "list the chapters as links, e.g. [第一章](01-intro.md), one per line or as a list");
        }
        IndexPage titlePage = titlePage(content, indexFile, page);
        if (titlePage == page && (frontMatter.containsKey("title") || frontMatter.containsKey("description"))) {
            // The index page's front matter (VuePress, VitePress, Hugo) names the book when its text does not.
            titlePage = new IndexPage(page.title().isBlank() ? frontMatter.getOrDefault("title", "") : page.title(),
                    frontMatter.getOrDefault("description", page.description()), page.items());
        }
        Metadata metadata = metadata(config, titlePage, dir);
        return new Outline(metadata, dir, indexFile, parts, config.filename().orElseGet(() -> outputName(metadata.title(), dir)),
                config);
    }

    private static Path findIndex(ContentFolder content, Optional<Path> override, BookConfig config) {
        if (override.isPresent()) {
            Path given = override.get();
            Path p = given.isAbsolute() || Files.exists(given) ? given.toAbsolutePath().normalize()
                    : content.root().resolve(given).normalize();
            if (!Files.isRegularFile(p)) {
                throw StudybookException.content(SourceLocation.of(p), "the index page given with --index does not exist",
                        "name a Markdown file inside the content folder");
            }
            if (!content.contains(p)) {
                throw StudybookException.content(SourceLocation.of(p), "the index page lies outside the content folder "
                        + content.root(), "move it into the content folder or choose another --content");
            }
            return p;
        }
        if (config.index().isPresent()) {
            Path p = content.resolve(content.root(), config.index().get()).orElseThrow(() -> StudybookException.content(
                    SourceLocation.of(config.file().orElse(content.root())), "'index' in book.yaml leaves the content folder",
                    "name a file inside the content folder"));
            if (!Files.isRegularFile(p)) {
                throw StudybookException.content(SourceLocation.of(config.file().orElse(p)),
                        "the index page named in book.yaml does not exist: " + p, "fix 'index' in book.yaml");
            }
            return p;
        }
        for (String name : INDEX_NAMES) {
            Path p = content.root().resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw StudybookException.content(SourceLocation.of(content.root()),
                "no index page: the content folder has no SUMMARY.md or README.md",
                "add a README.md that links to the chapters, or name one with --index FILE");
    }

    private static List<OutlinePart> parts(ContentFolder content, Path indexFile, IndexPage page, Diagnostics diagnostics) {
        LinkResolver resolver = new LinkResolver(content);
        List<String> titles = new ArrayList<>();
        List<List<OutlineChapter>> groups = new ArrayList<>();
        titles.add("");
        groups.add(new ArrayList<>());
        Map<Path, Integer> seen = new HashMap<>();
        // The items enclosing the current one, by list depth: a chapter gives its children the next level, a
        // label (a group title, a draft) gives them its own.
        List<int[]> open = new ArrayList<>(); // {depth, level, isChapter}
        for (Item item : page.items()) {
            if (item instanceof HeadingItem h) {
                if (!isContentsHeading(h.text())) {
                    titles.add(h.text());
                    groups.add(new ArrayList<>());
                    open.clear();
                }
            } else if (item instanceof SeparatorItem) {
                // mdBook: chapters after a separator (suffix chapters) stand outside the part before it.
                titles.add("");
                groups.add(new ArrayList<>());
                open.clear();
            } else if (item instanceof LabelItem label) {
                open.add(new int[] {label.depth(), levelAt(open, label.depth()), 0});
            } else if (item instanceof LinkItem link) {
                int depth = Math.max(1, link.depth());
                if (link.url().isBlank()) {
                    // mdBook's draft chapter "[Title]()": no file yet, but it still groups what is nested under it.
                    open.add(new int[] {depth, levelAt(open, depth), 0});
                    continue;
                }
                Optional<Path> file = chapterFile(resolver, indexFile, link);
                if (file.isEmpty()) {
                    continue;
                }
                Path f = file.get();
                if (seen.containsKey(f)) {
                    diagnostics.warn(SourceLocation.of(indexFile, link.line()), Diagnostics.Kind.INDEX, "'" + content.relative(f)
                            + "' is already a chapter (line " + seen.get(f) + "); this link is not a second chapter");
                    continue;
                }
                seen.put(f, link.line());
                int level = levelAt(open, depth);
                open.add(new int[] {depth, level, 1});
                groups.get(groups.size() - 1).add(new OutlineChapter(link.text(), f, level, link.line()));
            }
        }
        List<OutlinePart> parts = new ArrayList<>();
        long titledGroups = 0;
        for (int i = 0; i < groups.size(); i++) {
            if (!titles.get(i).isEmpty() && !groups.get(i).isEmpty()) {
                titledGroups++;
            }
        }
        // One heading over all the links is a label for the list, not a part.
        boolean useParts = titledGroups >= 2;
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).isEmpty()) {
                continue;
            }
            String title = useParts ? titles.get(i) : "";
            if (!parts.isEmpty() && parts.get(parts.size() - 1).title().equals(title)) {
                List<OutlineChapter> merged = new ArrayList<>(parts.remove(parts.size() - 1).chapters());
                merged.addAll(groups.get(i));
                parts.add(new OutlinePart(title, merged));
            } else {
                parts.add(new OutlinePart(title, groups.get(i)));
            }
        }
        return parts;
    }

    /** The level an item at list depth {@code depth} takes; closes the items it is not nested in. */
    private static int levelAt(List<int[]> open, int depth) {
        open.removeIf(e -> e[0] >= depth);
        if (open.isEmpty()) {
            return 1;
        }
        int[] parent = open.get(open.size() - 1);
        return parent[2] == 1 ? parent[1] + 1 : parent[1];
    }

    /** The chapter file a link of the index names, or empty for links that are not chapters. */
    private static Optional<Path> chapterFile(LinkResolver resolver, Path indexFile, LinkItem link) {
        Optional<LinkTarget> target = LinkTarget.parse(link.url());
        if (target.isEmpty() || target.get().isFragmentOnly() || !target.get().isMarkdown()) {
            return Optional.empty();
        }
        SourceLocation at = SourceLocation.of(indexFile, link.line());
        LinkResolver.Resolution r = resolver.resolve(indexFile, target.get());
        if (r instanceof LinkResolver.Outside o) {
            throw StudybookException.content(at, "the link '" + link.url() + "' leads outside the content folder",
                    "chapters must be files inside " + resolver.content().root());
        }
        if (r instanceof LinkResolver.Missing m) {
            throw StudybookException.content(at, "chapter file not found: " + SourceLocation.of(m.lookedFor()).displayPath()
                    + (m.note().isEmpty() ? "" : " (" + m.note() + ")"),
                    "fix the link on the index page or add the file");
        }
        Path file = ((LinkResolver.Found) r).file();
        if (Files.isDirectory(file)) {
            throw StudybookException.content(at, "the chapter link '" + link.url() + "' names a folder",
                    "link to a Markdown file inside it");
        }
        if (file.equals(indexFile.toAbsolutePath().normalize())) {
            return Optional.empty();
        }
        return Optional.of(file);
    }

    /**
     * The page the title and description come from: the index page, unless its heading only labels the list
     * ("# Summary", "目录"); then, as GitBook does, the README beside it.
     */
    private static IndexPage titlePage(ContentFolder content, Path indexFile, IndexPage page) {
        if (!isContentsHeading(page.title())) {
            return page;
        }
        for (String name : List.of("README.md", "readme.md", "Readme.md")) {
            Path readme = content.root().resolve(name);
            if (Files.isRegularFile(readme) && !readme.equals(indexFile)) {
                IndexPage intro = IndexPageReader.read(FrontMatter.hide(TextFiles.read(readme, "README"), new HashMap<>()));
                if (!intro.title().isBlank() && !isContentsHeading(intro.title())) {
                    return intro;
                }
            }
        }
        return new IndexPage("", page.description(), page.items());
    }

    private static boolean isContentsHeading(String heading) {
        return CONTENTS_HEADINGS.contains(stripSymbols(heading).toLowerCase(Locale.ROOT));
    }

    private static Metadata metadata(BookConfig config, IndexPage page, Path dir) {
        String title = config.title().orElseGet(() -> {
            String t = stripSymbols(page.title());
            return t.isEmpty() ? dir.getFileName().toString() : t;
        });
        String description = config.description().orElse(stripSymbols(page.description()));
        String identifier = config.identifier().orElseGet(() -> "urn:uuid:" + UUID.nameUUIDFromBytes(
                ("studybook\n" + title + "\n" + String.join("\n", config.authors())).getBytes(StandardCharsets.UTF_8)));
        return new Metadata(title, config.subtitle().orElse(""), config.authors(), config.language().orElse("zh-CN"),
                identifier, description, config.date(), config.cover());
    }

    /**
     * The base name of the output files when book.yaml names none: the title's ASCII words when it has at
     * least three letters of them, else the content folder's name, else "book".
     */
    static String outputName(String title, Path dir) {
        String ascii = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (ascii.replace("-", "").length() >= 3) {
            return ascii;
        }
        String folder = dir.getFileName() == null ? "" : dir.getFileName().toString()
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return folder.isEmpty() || folder.equals("content") || folder.equals("src") || folder.equals("docs") ? "book" : folder;
    }

    /** Drops leading symbols such as emoji and the spaces after them: "📖 Go 面试" becomes "Go 面试". */
    static String stripSymbols(String s) {
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int type = Character.getType(cp);
            boolean symbol = type == Character.OTHER_SYMBOL || type == Character.SURROGATE || cp == 0xFE0F || cp == 0x200D
                    || Character.isWhitespace(cp) || cp == 0x3000;
            if (!symbol) {
                break;
            }
            i += Character.charCount(cp);
        }
        return s.substring(i).strip();
    }
}
