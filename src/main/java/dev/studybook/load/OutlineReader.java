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
import dev.studybook.model.IndexPage.LinkItem;
import dev.studybook.model.IndexPage.SeparatorItem;
import dev.studybook.model.Metadata;
import dev.studybook.model.Outline;
import dev.studybook.model.Outline.OutlineChapter;
import dev.studybook.model.Outline.OutlinePart;
import dev.studybook.model.Repository;
import dev.studybook.model.SitePages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a book's index page and orders its chapters: the first stage of a build. Every common form of index is
 * read: lists, lines with hard breaks, tables, links inside headings, sections under an in-page anchor list, HonKit,
 * GitBook and mdBook SUMMARY.md (parts, separators, drafts, prefix and suffix chapters), docsify sidebars (hash and
 * path routes). Headings divide the links into parts; groups without a file of their own keep their title; a chapter
 * that is itself mostly a list of links to further pages of the book brings them in as its sub-chapters.
 */
public final class OutlineReader {

    /** Index page names looked for in the content folder, in this order. */
    public static final List<String> INDEX_NAMES = List.of("SUMMARY.md", "summary.md", "_sidebar.md", "README.md",
            "readme.md", "Readme.md", "index.md");

    /**
     * A contents page brings its links in as sub-chapters when at least this share of its lines are such links (a
     * list of references below the list of pages is common; a chapter with a "see also" list is mostly prose).
     */
    static final double NESTED_SHARE = 1.0 / 3;

    /** Or when half the lines of one section are such links, and they are a fifth of the page's lines. */
    static final double NESTED_SECTION_SHARE = 0.5;
    static final double NESTED_SECTION_FLOOR = 0.2;

    private OutlineReader() {
    }

    /**
     * How many lines of {@code text} (line ends LF, as read) hold {@code "]("} or {@code "href="}: a search for the
     * next of either, a line counted at most once, without splitting the chapter into lines.
     */
    static long linkLines(String text) {
        long count = 0;
        int link = text.indexOf("](");
        int href = text.indexOf("href=");
        while (link >= 0 || href >= 0) {
            int at = link < 0 ? href : href < 0 ? link : Math.min(link, href);
            count++;
            int next = text.indexOf('\n', at);
            if (next < 0) {
                break;
            }
            if (link >= 0 && link <= next) {
                link = text.indexOf("](", next + 1);
            }
            if (href >= 0 && href <= next) {
                href = text.indexOf("href=", next + 1);
            }
        }
        return count;
    }

    /** What the outline is read from. */
    record Inputs(ContentFolder content, Optional<Path> index, BookConfig config, Optional<ToolConfig> tool,
            Optional<Repository> repository, boolean skipMissing, Optional<Boolean> nested, ChapterTexts texts) {
    }

    /** The outline of the book in {@code content}, as {@link Inputs} describe it. */
    static Outline read(Inputs in, Diagnostics diagnostics) {
        ContentFolder content = in.content();
        boolean chosen = in.index().isPresent() || in.config().index().isPresent();
        Optional<HugoSite.Index> site = chosen ? Optional.empty() : SITES.stream()
                .map(s -> s.index(content, diagnostics)).flatMap(Optional::stream).findFirst();
        // A site's menu written in its configuration wins over a README; an order guessed from its pages (a
        // sidebar that needs running) is used, as a Hugo site's, only when the README lists no chapter.
        Optional<HugoSite.Index> mkdocs = site.filter(HugoSite.Index::menu);
        Optional<HugoSite.Index> hugo = chosen ? Optional.empty() : HugoSite.index(content)
                .or(() -> site.filter(i -> !i.menu()));
        IndexPages pages = new IndexPages(content);
        IndexChoice readme;
        IndexPage readmePage;
        try {
            readme = findIndex(content, in.index(), in.config(), in.tool());
            readmePage = pages.read(readme.file(), "index page");
            if (mkdocs.isPresent() && readme.kind() == IndexKind.README) {
                // An MkDocs site's menu is its nav in mkdocs.yml; its README (krahets/hello-algo's) describes the
                // project and links to the web site.
                readme = new IndexChoice(mkdocs.get().file(), IndexKind.SUMMARY, mkdocs.get().base());
                readmePage = IndexPageReader.read(mkdocs.get().markdown());
                note(mkdocs.get(), diagnostics);
                hugo = Optional.empty();
            }
        } catch (StudybookException e) {
            Optional<String> siteFolder = chosen || hugo.isPresent() || mkdocs.isPresent() ? Optional.empty()
                    : SITE_FOLDERS.stream().filter(f -> siteIndex(content, content.root().resolve(f)).isPresent())
                            .findFirst();
            if (siteFolder.isPresent()) {
                // datawhalechina/easy-rl: nothing at the repository's root but docs/, a docsify site with its
                // _sidebar.md; "no index page" before.
                readme = siteIndex(content, content.root().resolve(siteFolder.get())).orElseThrow();
                readmePage = pages.read(readme.file(), "index page");
                diagnostics.warn(SourceLocation.of(readme.file()), Diagnostics.Kind.INDEX, "the content folder has no"
                        + " index page (SUMMARY.md, README.md); the book is the site in " + siteFolder.get()
                        + "/, whose contents are this page (--content " + siteFolder.get() + " builds it directly)");
            } else {
                if (hugo.isEmpty() && mkdocs.isEmpty()) {
                    // A folder of pages without any index (a site's pages whose menu the site generates, a
                    // collection of notes): its pages in a site's generated order, with a warning saying so.
                    // Only when there is no index page at all: one that cannot be read (a named pipe, a link
                    // leading out of the folder) is an error the user must see.
                    Optional<HugoSite.Index> folder = chosen || INDEX_NAMES.stream()
                            .anyMatch(n -> Files.exists(content.root().resolve(n), LinkOption.NOFOLLOW_LINKS))
                            ? Optional.empty() : FolderPages.index(content, diagnostics);
                    if (folder.isEmpty()) {
                        throw e;
                    }
                    hugo = folder;
                }
                hugo = hugo.isPresent() ? hugo : mkdocs;
                // A Hugo site without a README: its content tree is the contents.
                readme = new IndexChoice(hugo.get().file(), IndexKind.SUMMARY, hugo.get().base());
                readmePage = IndexPageReader.read(hugo.get().markdown());
                note(hugo.get(), diagnostics);
                hugo = Optional.empty();
            }
        }
        IndexChoice first = readme;
        IndexPage firstPage = readmePage;
        Optional<Repository> repository = in.repository().or(() -> inferRepository(content, first, firstPage));
        LinkResolver plain = new LinkResolver(content, repository);
        // geektutu/7days-golang: a README that links to its web site's articles, the Markdown they are written in
        // beside it; "links to no Markdown chapter" before.
        Optional<SiteLinks.Found> own = SiteLinks.find(content, first.file(), firstPage, repository,
                linkedFiles(plain, first, firstPage));
        LinkResolver resolver = own.map(o -> new LinkResolver(content, repository, o.site())).orElse(plain);
        IndexChoice index = readme;
        IndexPage page = readmePage;
        Builder b = new Builder(resolver, index, page, diagnostics);
        List<OutlinePart> parts = b.parts();
        if (in.index().isEmpty() && in.config().index().isEmpty() && index.kind() == IndexKind.README) {
            Optional<IndexChoice> elsewhere = contentsElsewhere(resolver, index, page);
            if (elsewhere.isPresent()) {
                IndexPage other = pages.read(elsewhere.get().file(), "index page");
                Builder trial = new Builder(resolver, elsewhere.get(), other, new Diagnostics());
                int here = chapterCount(parts);
                int there = chapterCount(trial.parts());
                if (there >= Math.max(5, 2 * here)) {
                    diagnostics.warn(SourceLocation.of(elsewhere.get().file()), Diagnostics.Kind.INDEX, "the index page "
                            + index.file().getFileName() + " links to " + here + " chapters and to this contents page, which"
                            + " lists " + there + ": it is the book's index page (--index " + index.file().getFileName()
                            + " keeps the other)");
                    index = elsewhere.get();
                    page = other;
                    b = new Builder(resolver, index, page, diagnostics);
                    parts = b.parts();
                }
            }
        }
        // A site whose pages are read from its files wins over a README that links only to the web site's pages, or
        // to a page or three beside a site of many more.
        int hugoPages = 0;
        if (hugo.isPresent() && index.kind() == IndexKind.README && b.missing.isEmpty()
                && b.localChapters > 0 && b.localChapters <= README_FEW_CHAPTERS) {
            IndexChoice siteIndex = new IndexChoice(hugo.get().file(), IndexKind.SUMMARY, hugo.get().base());
            hugoPages = chapterCount(new Builder(resolver, siteIndex, IndexPageReader.read(hugo.get().markdown()),
                    new Diagnostics()).parts());
        }
        boolean fewBesideSite = hugoPages >= Math.max(SITE_MANY_PAGES, SITE_SHARE * b.localChapters);
        if (hugo.isPresent() && index.kind() == IndexKind.README && b.missing.isEmpty()
                && (b.localChapters == 0 || fewBesideSite)) {
            // qcrao/Go-Questions: a README of web links beside a Hugo site's content/ folder of pages. talkgo/night:
            // a README of 324 lines linking one page (how to propose a talk) beside the site's 220 pages.
            if (fewBesideSite) {
                diagnostics.warn(SourceLocation.of(index.file()), Diagnostics.Kind.INDEX, "the index page links to "
                        + b.localChapters + (b.localChapters == 1 ? " chapter" : " chapters") + " and the Hugo site's"
                        + " content/ folder holds " + hugoPages + " pages: they are the chapters, in its menu's order"
                        + " (--index " + index.file().getFileName() + " keeps the index page's)");
            } else if (hugo.get().note().isEmpty()) {
                diagnostics.warn(SourceLocation.of(index.file()), Diagnostics.Kind.INDEX, "the index page links to no"
                        + " chapter; the chapters are the pages of the Hugo site's content/ folder, in its menu's order"
                        + " (--index FILE names another index page)");
            } else {
                note(hugo.get(), diagnostics);
            }
            index = new IndexChoice(hugo.get().file(), IndexKind.SUMMARY, hugo.get().base());
            page = IndexPageReader.read(hugo.get().markdown());
            b = new Builder(resolver, index, page, diagnostics);
            parts = b.parts();
        }
        if (!chosen && index.kind() == IndexKind.README && b.missing.isEmpty() && b.localChapters == 0) {
            // datawhalechina/pumpkin-book: a README of web links at the repository's root, the book in docs/ with
            // its own sidebar. tiancaiamao/go-internals: a GitBook whose LANGS.md names one language, zh/, the book
            // there; refused as "a GitBook in 1 languages" before.
            List<String> languages = gitBookLanguages(content);
            List<String> folders = new ArrayList<>();
            if (languages.size() == 1) {
                folders.add(languages.get(0));
            }
            folders.addAll(SITE_FOLDERS);
            for (String folder : folders) {
                Optional<IndexChoice> inner = siteIndex(content, content.root().resolve(folder));
                if (inner.isEmpty()) {
                    continue;
                }
                IndexPage other = pages.read(inner.get().file(), "index page");
                Builder trial = new Builder(resolver, inner.get(), other, diagnostics);
                List<OutlinePart> found = trial.parts();
                if (chapterCount(found) > 0) {
                    String book = languages.size() == 1 && folder.equals(languages.get(0))
                            ? "the book is the one language LANGS.md names, in " + folder + "/"
                            : "the book is the site in " + folder + "/";
                    diagnostics.warn(SourceLocation.of(index.file()), Diagnostics.Kind.INDEX, "the index page links to no"
                            + " chapter; " + book + ", whose contents are "
                            + content.relative(inner.get().file()) + " (--content " + folder + " builds it directly)");
                    index = inner.get();
                    page = other;
                    b = trial;
                    parts = found;
                    break;
                }
            }
        }
        if (!chosen && index.kind() == IndexKind.README && b.missing.isEmpty()
                && parts.stream().allMatch(p -> p.chapters().isEmpty())
                && Files.isDirectory(content.root().resolve(".obsidian"), LinkOption.NOFOLLOW_LINKS)) {
            // 0boluan0/Notes_on_Economic_Statistics: an Obsidian vault whose README only introduces the notes, which
            // are linked to one another, not from it: "links to no Markdown chapter" before.
            Optional<HugoSite.Index> folder = FolderPages.index(content, diagnostics, "the index page "
                    + content.relative(index.file()) + " links to no note and the folder is an Obsidian vault (.obsidian/)");
            if (folder.isPresent()) {
                note(folder.get(), diagnostics);
                index = new IndexChoice(folder.get().file(), IndexKind.SUMMARY, folder.get().base());
                page = IndexPageReader.read(folder.get().markdown());
                b = new Builder(resolver, index, page, diagnostics);
                parts = b.parts();
            }
        }
        parts = readmeFirst(index, page, parts, in, diagnostics);
        boolean nested = in.nested().orElse(index.kind() == IndexKind.README && in.tool().isEmpty());
        if (nested) {
            parts = b.nest(parts, in.texts());
        }
        if (!chosen && b.missing.isEmpty() && parts.stream().allMatch(p -> p.chapters().isEmpty())
                && readmeIsTheBook(content, index, page, in)) {
            diagnostics.warn(SourceLocation.of(index.file()), Diagnostics.Kind.INDEX, "the index page links to no chapter"
                    + " and is text of its own (" + page.proseLines() + " lines): the book is this page alone"
                    + " (--index FILE names another index page)");
            parts = List.of(new OutlinePart("", List.of(new OutlineChapter("", index.file(), 1, 0, index.file(), false))));
        }
        IndexChoice metaIndex = index;
        IndexPage metaPage = page;
        if (parts.stream().allMatch(p -> p.chapters().isEmpty())) {
            if (!b.missing.isEmpty()) {
                throw b.missingError();
            }
            List<String> languages = chosen ? List.of() : gitBookLanguages(content);
            List<String> sites = chosen || !languages.isEmpty() ? List.of() : siteLanguages(content);
            if (!sites.isEmpty()) {
                // fastapi/fastapi: a README of web links, the site in docs/en/, docs/de/, … (an mkdocs.yml in each):
                // its 1,699 pages in 14 languages were read as one book, whose PDF ran past 20 minutes.
                throw StudybookException.content(SourceLocation.of(index.file()), "the index page links to no Markdown"
                        + " chapter: the site is in " + sites.size() + " languages (" + String.join(", ", sites)
                        + "), one book each", "build one language with --content " + content.root().resolve(
                                sites.stream().filter(l -> l.endsWith("/en")).findFirst().orElse(sites.get(0))));
            }
            if (!languages.isEmpty()) {
                // astaxie/build-web-application-with-golang: the root README only switches between 13 translations.
                throw StudybookException.content(SourceLocation.of(index.file()), "the index page links to no Markdown"
                        + " chapter: this is a GitBook in " + languages.size()
                        + (languages.size() == 1 ? " language (LANGS.md)" : " languages (LANGS.md), one book each"),
                        "build one language with --content " + content.root().resolve(languages.get(0))
                                + " (the languages' folders: " + String.join(", ", languages) + ")");
            }
            Optional<FolderPages.Pages> folder = chosen || index.kind() != IndexKind.README
                    || otherPages(content, index) <= README_ALONE_OTHER_PAGES ? Optional.empty()
                    : FolderPages.pages(content, upkeep(content));
            if (folder.isEmpty()) {
                throw StudybookException.content(SourceLocation.of(index.file()),
                        "the index page links to no Markdown chapter",
                        "list the chapters as links, e.g. [第一章](01-intro.md), one per line or as a list");
            }
            // A README of web links (or of none) beside more pages than a README alone holds: the pages are a book it
            // does not list, read as a folder without an index is. Its title stays the README's.
            diagnostics.warn(linksAt(index, page), Diagnostics.Kind.INDEX, "the index page links to no Markdown chapter ("
                    + linkSummary(page) + "), and the content folder holds " + folder.get().count() + " Markdown pages:"
                    + " they are the chapters, the index page first, ordered by front matter (" + String.join(", ",
                            FolderPages.POSITIONS) + ") where they give it, else by file name (link the chapters from "
                    + index.file().getFileName() + ", e.g. [第一章](01-intro.md), to choose them and their order)");
            metaIndex = index;
            metaPage = page;
            index = new IndexChoice(content.root(), IndexKind.SUMMARY, content.root());
            page = IndexPageReader.read(folder.get().markdown());
            b = new Builder(resolver, index, page, diagnostics);
            parts = b.parts();
        }
        if (!b.missing.isEmpty() && !in.skipMissing()) {
            throw b.missingError();
        }
        b.warnMissing();
        if (own.isPresent() && index.file().equals(first.file()) && b.siteChapters > 0) {
            diagnostics.warn(SourceLocation.of(index.file(), own.get().line()), Diagnostics.Kind.INDEX, own.get().message());
        }
        Set<Path> chapterFiles = new java.util.HashSet<>();
        parts.forEach(p -> p.chapters().forEach(c -> chapterFiles.add(c.file())));
        SitePages sitePages = own.map(o -> o.site().withStems(chapterFiles::contains)).orElse(SitePages.NONE);
        Metadata metadata = metadata(in, content, metaIndex, metaPage, repository);
        String outputName = in.config().filename().orElseGet(() -> outputName(metadata.title(), repository, content.root()));
        return new Outline(metadata, content.root(), index.file(), parts, outputName, in.config(), content.boundary(),
                repository, sitePages);
    }

    /** The Markdown files the links of {@code page} name as files (not as web addresses). */
    private static Set<Path> linkedFiles(LinkResolver resolver, IndexChoice index, IndexPage page) {
        Set<Path> out = new java.util.HashSet<>();
        for (Item item : page.items()) {
            if (item instanceof LinkItem link) {
                Optional<LinkTarget> t = resolver.parse(link.url());
                if (t.isPresent() && !t.get().isFragmentOnly()
                        && resolver.resolvePage(index.base(), t.get()) instanceof LinkResolver.Found f
                        && isChapterFile(f.file()) && Files.isRegularFile(f.file())) {
                    out.add(f.file().toAbsolutePath().normalize());
                }
            }
        }
        return out;
    }

    /** Where the index page's links start: the line of its first link, else the page. */
    private static SourceLocation linksAt(IndexChoice index, IndexPage page) {
        return page.items().stream().filter(i -> i instanceof LinkItem).findFirst()
                .map(i -> SourceLocation.of(index.file(), ((LinkItem) i).line())).orElse(SourceLocation.of(index.file()));
    }

    /** "its 12 links lead to the web", "its 3 links: 2 to the web, 1 to anchors or other files", "it has no link". */
    private static String linkSummary(IndexPage page) {
        List<LinkItem> links = page.items().stream().filter(i -> i instanceof LinkItem l && !l.imageOnly())
                .map(i -> (LinkItem) i).toList();
        if (links.isEmpty()) {
            return "it has no link";
        }
        long web = links.stream().filter(l -> l.url().strip().matches("(?i)<?https?://.*")).count();
        if (web == links.size()) {
            return links.size() == 1 ? "its one link leads to the web" : "its " + web + " links lead to the web";
        }
        return "its " + links.size() + (links.size() == 1 ? " link" : " links") + ": " + (web > 0 ? web + " to the web, " : "")
                + (links.size() - web) + " to anchors or files that are not chapters";
    }

    /** The files of a repository's upkeep and the translations of its README at the top of the content folder. */
    private static Set<Path> upkeep(ContentFolder content) {
        Set<Path> out = new java.util.LinkedHashSet<>();
        for (Path p : SiteSummary.entries(content.root())) {
            String n = p.getFileName().toString();
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && (LinkRoles.housekeeping(n) || LinkRoles.translation(n))) {
                out.add(p);
            }
        }
        return out;
    }

    /** Reads a site's contents from its configuration: one class per site generator. */
    interface Site {
        /** The contents, when the content folder is (in) such a site. */
        Optional<HugoSite.Index> index(ContentFolder content, Diagnostics diagnostics);
    }

    /** The site generators whose configuration names the pages, tried in this order (Hugo is read apart). */
    static final List<Site> SITES = List.of(MkDocsSite::index, JupyterBookSite::index, VitePressSite::index,
            VuePressSite::index, StarlightSite::index, DocusaurusSite::index, MetaFileSite::index, MintlifySite::index,
            JekyllNavSite::index, LoppoSite::index, DocBuilderSite::index, SphinxSite::index);

    /** Says what a site's contents leave out or guess, once, when they are used. */
    private static void note(HugoSite.Index site, Diagnostics diagnostics) {
        if (!site.note().isEmpty()) {
            diagnostics.warn(site.noteAt(), Diagnostics.Kind.INDEX, site.note());
        }
    }

    /**
     * The page a README's own contents link ({@code [目录](eBook/directory.md)}) leads to, when it is another Markdown
     * file of the book: unknwon/the-way-to-go_ZH_CN's README links to 3 chapters and to the contents page that
     * lists 212.
     */
    private static Optional<IndexChoice> contentsElsewhere(LinkResolver resolver, IndexChoice index, IndexPage page) {
        for (Item item : page.items()) {
            if (!(item instanceof LinkItem link) || !LinkRoles.contents(link)) {
                continue;
            }
            Optional<LinkTarget> t = resolver.parse(link.url());
            if (t.isEmpty() || t.get().isFragmentOnly() || !t.get().isMarkdown()) {
                continue;
            }
            if (resolver.resolveFrom(index.base(), t.get()) instanceof LinkResolver.Found found
                    && Files.isRegularFile(found.file()) && !found.file().equals(index.file())) {
                return Optional.of(new IndexChoice(found.file(), IndexKind.README, found.file().getParent()));
            }
        }
        return Optional.empty();
    }

    /** A LANGS.md link to a language's folder: {@code * [English](en/)}. */
    private static final Pattern LANGUAGE_LINK = Pattern.compile("\\]\\(\\s*(?:\\./)?([^()\\s/#?]+)/?\\s*\\)");

    /**
     * The folders of a multilingual GitBook, as its LANGS.md lists them (each a book of its own, with its own README
     * and SUMMARY.md); empty when the content folder is no such book.
     */
    static List<String> gitBookLanguages(ContentFolder content) {
        Path langs = content.root().resolve("LANGS.md");
        if (!Files.isRegularFile(langs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Matcher m = LANGUAGE_LINK.matcher(TextFiles.read(langs, "LANGS.md"));
        while (m.find()) {
            Path dir = content.root().resolve(m.group(1)).normalize();
            if (Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS) && content.contains(dir)
                    && !out.contains(m.group(1))) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** A folder named as a language: {@code en}, {@code zh-hant}, {@code pt-BR}, {@code zh_CN}. */
    private static final Pattern LANGUAGE_FOLDER = Pattern.compile("[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?");

    /**
     * The folders of a site written in several languages, each a site of its own (an mkdocs.yml, a sidebar or a
     * SUMMARY.md in {@code docs/en/}, {@code docs/de/}, …), as paths from the content folder; empty when there are
     * fewer than two.
     */
    static List<String> siteLanguages(ContentFolder content) {
        for (String folder : SITE_FOLDERS) {
            Path dir = content.root().resolve(folder);
            if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS) || !content.contains(dir)) {
                continue;
            }
            List<String> out = new ArrayList<>();
            try (java.util.stream.Stream<Path> s = Files.list(dir)) {
                s.filter(p -> LANGUAGE_FOLDER.matcher(p.getFileName().toString()).matches())
                        .filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && content.contains(p))
                        .filter(p -> MkDocsSite.CONFIGS.stream().anyMatch(c -> Files.isRegularFile(p.resolve(c)))
                                || siteIndex(content, p).isPresent())
                        .map(p -> folder + "/" + p.getFileName()).sorted().forEach(out::add);
            } catch (java.io.IOException e) {
                continue;
            }
            if (out.size() >= 2) {
                return out;
            }
        }
        return List.of();
    }

    /**
     * A README this long that links to this few chapters is itself the text (donnemartin/system-design-primer:
     * 1,839 lines, its own in-page contents, 8 pages of solutions linked from a table); below, a README of links
     * (with an introduction) is only the contents.
     */
    static final int README_TEXT_LINES = 300;
    static final double README_TEXT_CHAPTERS_PER_LINE = 0.05;

    /**
     * The parts with the README first, as GitBook and docsify open a book with it, when the index page is a README
     * that is mostly text of its own: its chapters alone left the text out (the primer's 85 pages held its
     * solutions and its translation statuses, not the primer).
     */
    private static List<OutlinePart> readmeFirst(IndexChoice index, IndexPage page, List<OutlinePart> parts, Inputs in,
            Diagnostics diagnostics) {
        int chapters = chapterCount(parts);
        if (index.kind() != IndexKind.README || in.tool().isPresent() || chapters == 0
                || page.proseLines() < README_TEXT_LINES || chapters > README_TEXT_CHAPTERS_PER_LINE * page.proseLines()
                || parts.stream().flatMap(p -> p.chapters().stream())
                        .anyMatch(c -> !c.titlePage() && index.file().equals(c.file()))) {
            return parts;
        }
        diagnostics.warn(SourceLocation.of(index.file()), Diagnostics.Kind.INDEX, "the index page is mostly text ("
                + page.proseLines() + " lines) and links to " + chapters + (chapters == 1 ? " chapter" : " chapters")
                + ": it is the book's first chapter,"
                + " before them (--index FILE names another index page)");
        return withFirst(parts, new OutlineChapter("", index.file(), 1, 0, index.file(), false));
    }

    /** {@code parts} with {@code first} before every chapter: in the first part when it has no title, else alone. */
    static List<OutlinePart> withFirst(List<OutlinePart> parts, OutlineChapter first) {
        List<OutlinePart> out = new ArrayList<>(parts);
        if (!out.isEmpty() && out.get(0).title().isEmpty()) {
            List<OutlineChapter> cs = new ArrayList<>(List.of(first));
            cs.addAll(out.get(0).chapters());
            out.set(0, new OutlinePart("", cs));
        } else {
            out.add(0, new OutlinePart("", List.of(first)));
        }
        return out;
    }

    /** More Markdown pages than this beside a README that links to none of them are a book it does not list. */
    static final int README_ALONE_OTHER_PAGES = 3;

    /**
     * True when a README that links to no chapter is the whole book: a guide written as one long page
     * (jlevy/the-art-of-command-line: 600 lines, its translations and AUTHORS.md beside it) had no book at all. Not
     * when the folder holds pages of its own that the README does not list (a folder of notes), nor for a book that
     * names its index in a tool's configuration.
     */
    private static boolean readmeIsTheBook(ContentFolder content, IndexChoice index, IndexPage page, Inputs in) {
        if (index.kind() != IndexKind.README || in.tool().isPresent() || page.proseLines() < README_TEXT_LINES
                || !gitBookLanguages(content).isEmpty()) {
            return false;
        }
        return otherPages(content, index) <= README_ALONE_OTHER_PAGES;
    }

    /**
     * How many Markdown pages the content folder holds besides the index page (READMEs, SUMMARY.md, translations and
     * a repository's upkeep aside), counted up to one more than {@link #README_ALONE_OTHER_PAGES}.
     */
    private static long otherPages(ContentFolder content, IndexChoice index) {
        long others;
        try (var walk = Files.walk(content.root(), MkDocsSite.MAX_DEPTH)) {
            others = walk.filter(p -> !p.equals(index.file()) && isChapterFile(p) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> content.root().relativize(p).toString().replace('\\', '/'))
                    .filter(r -> !r.startsWith(".") && !r.contains("/.") && !r.contains("node_modules/"))
                    .filter(r -> !LinkRoles.translation(r) && !LinkRoles.housekeeping(r)
                            && !r.toLowerCase(Locale.ROOT).matches("(?:.*/)?(?:readme|summary)\\.md|\\.github/.*"))
                    .limit(README_ALONE_OTHER_PAGES + 1L)
                    .count();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return 0;
        }
        return others;
    }

    private static int chapterCount(List<OutlinePart> parts) {
        return parts.stream().mapToInt(p -> p.chapters().size()).sum();
    }

    /**
     * A README that links to at most this many chapters beside a site of its own pages of at least {@link
     * #SITE_MANY_PAGES}, and {@link #SITE_SHARE} times as many, is no contents of the book: the site is.
     */
    static final int README_FEW_CHAPTERS = 3;
    static final int SITE_MANY_PAGES = 10;
    static final int SITE_SHARE = 5;

    /** Folders of a repository's root that commonly hold its book's web site. */
    static final List<String> SITE_FOLDERS = List.of("docs", "doc", "book", "documentation", "website", "src");

    /** The index of the web site in {@code dir}: the sidebar its page names, its SUMMARY.md or its _sidebar.md. */
    private static Optional<IndexChoice> siteIndex(ContentFolder content, Path dir) {
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS) || !content.contains(dir)) {
            return Optional.empty();
        }
        Optional<Path> sidebar = siteSidebar(content, dir);
        if (sidebar.isPresent()) {
            return Optional.of(choice(sidebar.get(), sidebar.get().getParent(), Optional.empty()));
        }
        for (String name : List.of("SUMMARY.md", "summary.md", "_sidebar.md")) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(choice(p, dir, Optional.empty()));
            }
        }
        return Optional.empty();
    }

    /** What kind of page the index is: it decides whether contents pages among the chapters are read as such. */
    enum IndexKind { SUMMARY, SIDEBAR, README }

    /**
     * The index page, its kind, and the folder its relative links start from: its own, unless it lies outside the
     * book's boundary (named with --index from elsewhere), when they start from the content folder.
     */
    record IndexChoice(Path file, IndexKind kind, Path base) {
    }

    private static IndexChoice findIndex(ContentFolder content, Optional<Path> override, BookConfig config,
            Optional<ToolConfig> tool) {
        if (override.isPresent()) {
            Path given = override.get();
            Path p = given.isAbsolute() || Files.exists(given) ? given.toAbsolutePath().normalize()
                    : content.root().resolve(given).normalize();
            if (!Files.isRegularFile(p)) {
                throw StudybookException.content(SourceLocation.of(p), "the index page given with --index does not exist",
                        "name a Markdown file, e.g. --index SUMMARY.md (relative to the content folder) or a path to it");
            }
            // The page the user names is read wherever it lies; its links then lead into the content folder.
            return choice(p, content.contains(p) ? p.getParent() : content.root(), tool);
        }
        if (config.index().isPresent()) {
            Path p = content.resolve(content.root(), config.index().get()).orElseThrow(() -> StudybookException.content(
                    SourceLocation.of(config.file().orElse(content.root())), "'index' in book.yaml leaves the book's folder",
                    "name a file inside the content folder"));
            if (!Files.isRegularFile(p)) {
                throw StudybookException.content(SourceLocation.of(config.file().orElse(p)),
                        "the index page named in book.yaml does not exist: " + p, "fix 'index' in book.yaml");
            }
            return choice(p, p.getParent(), tool);
        }
        Optional<Path> sidebar = siteSidebar(content);
        if (sidebar.isPresent()) {
            return choice(sidebar.get(), sidebar.get().getParent(), tool);
        }
        for (String name : List.of("SUMMARY.md", "summary.md")) {
            Path p = content.root().resolve(name);
            if (Files.exists(p) && !Files.isDirectory(p)) {
                return choice(content.requireInside(p, "index page " + name), p.getParent(), tool);
            }
        }
        // An mdBook's src/SUMMARY.md, a GitBook's root and structure from book.json.
        Optional<Path> named = tool.flatMap(ToolConfig::index).filter(content::contains);
        if (named.isPresent()) {
            return new IndexChoice(named.get(), IndexKind.SUMMARY, named.get().getParent());
        }
        for (String name : INDEX_NAMES) {
            Path p = content.root().resolve(name);
            if (Files.exists(p) && !Files.isDirectory(p)) {
                return choice(content.requireInside(p, "index page " + name), p.getParent(), tool);
            }
        }
        throw StudybookException.content(SourceLocation.of(content.root()),
                "no index page: the content folder has no SUMMARY.md or README.md",
                "add a README.md that links to the chapters, or name one with --index FILE");
    }

    /** docsify's {@code loadSidebar: 'x.md'} (or {@code true}: _sidebar.md) and ditto's {@code sidebar_file: "x.md"}. */
    private static final Pattern SITE_SIDEBAR = Pattern.compile(
            "\\b(?:loadSidebar|sidebar_file)\\s*[:=]\\s*(?:(true)\\b|['\"]([^'\"\\s]{1,100}\\.md)['\"])");

    /** A docsify alias of the sidebar: {@code '/.*\/_sidebar.md': '/sidebar.md'}. */
    private static final Pattern SIDEBAR_ALIAS = Pattern.compile(
            "['\"][^'\"\\n]{0,100}_sidebar\\.md['\"]\\s*:\\s*['\"]([^'\"\\s]{1,100}\\.md)['\"]");

    /**
     * The sidebar the book's web site shows, when its page ({@code index.html}) or script ({@code config.js}) names
     * one that exists: that is the contents readers of the site see, also where a SUMMARY.md left from an earlier
     * GitBook lists fewer chapters (ruanyf/es6tutorial: 29 in SUMMARY.md, 33 in the site's sidebar.md).
     */
    static Optional<Path> siteSidebar(ContentFolder content) {
        return siteSidebar(content, content.root());
    }

    /** The sidebar the web site in {@code dir} shows. */
    static Optional<Path> siteSidebar(ContentFolder content, Path dir) {
        for (String page : List.of("index.html", "config.js")) {
            Path f = dir.resolve(page);
            try {
                if (!Files.isRegularFile(f) || Files.size(f) > 1 << 20) {
                    continue;
                }
            } catch (java.io.IOException e) {
                continue;
            }
            String site = TextFiles.read(f, page);
            Matcher m = SITE_SIDEBAR.matcher(site);
            while (m.find()) {
                List<String> names = new ArrayList<>();
                if (m.group(1) != null) {
                    names.add("_sidebar.md");
                    // docsify's alias: {'/.*/_sidebar.md': '/sidebar.md'} (lifei6671/interview-go) gives every
                    // page the one sidebar at the top.
                    Matcher a = SIDEBAR_ALIAS.matcher(site);
                    while (a.find()) {
                        names.add(a.group(1));
                    }
                } else {
                    names.add(m.group(2));
                }
                for (String name : names) {
                    Optional<Path> p = content.resolve(dir, name.replaceFirst("^\\.?/", ""))
                            .filter(Files::isRegularFile);
                    if (p.isPresent()) {
                        return p;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static IndexChoice choice(Path file, Path base, Optional<ToolConfig> tool) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean toolIndex = tool.flatMap(ToolConfig::index).map(file::equals).orElse(false);
        IndexKind kind = name.startsWith("summary") || toolIndex ? IndexKind.SUMMARY
                : name.contains("sidebar") ? IndexKind.SIDEBAR : IndexKind.README;
        return new IndexChoice(file, kind, base);
    }

    /**
     * The repository most of the index page's GitHub links name, when at least one of them finds a file of the
     * book: a README of absolute links to its own repository says which it is.
     */
    private static Optional<Repository> inferRepository(ContentFolder content, IndexChoice index, IndexPage page) {
        Map<String, Integer> count = new LinkedHashMap<>();
        Map<String, Boolean> found = new HashMap<>();
        Map<String, String[]> names = new HashMap<>();
        LinkResolver any = new LinkResolver(content);
        for (Item item : page.items()) {
            if (!(item instanceof LinkItem link)) {
                continue;
            }
            Optional<LinkTarget> t = LinkTarget.parse(link.url());
            if (t.isEmpty() || t.get().kind() != LinkTarget.Kind.REPOSITORY) {
                continue;
            }
            String key = t.get().owner().toLowerCase(Locale.ROOT) + "/" + t.get().repo().toLowerCase(Locale.ROOT);
            count.merge(key, 1, Integer::sum);
            names.putIfAbsent(key, new String[] {t.get().owner(), t.get().repo()});
            if (!found.getOrDefault(key, false) && !t.get().path().isEmpty()
                    && any.resolveFrom(index.base(), t.get()) instanceof LinkResolver.Found) {
                found.put(key, true);
            }
        }
        return count.entrySet().stream().filter(e -> found.getOrDefault(e.getKey(), false))
                .max(Map.Entry.comparingByValue())
                .map(e -> new Repository(names.get(e.getKey())[0], names.get(e.getKey())[1], "HEAD", List.of()));
    }

    // ---------------------------------------------------------------------------------------------------------
    // From the items of the index page to parts and chapters

    /** A node of the index page's tree: a heading with what it holds, a chapter, or a group of entries. */
    private abstract static class Node {
        final List<Node> children = new ArrayList<>();
        final String title;
        final int line;

        Node(String title, int line) {
            this.title = title;
            this.line = line;
        }
    }

    /** A heading and everything under it, until a heading of its level or above. */
    private static final class Heading extends Node {
        final int level;

        Heading(String title, int level, int line) {
            super(title, line);
            this.level = level;
        }
    }

    /** What an entry of a list (or a link in a heading) is. */
    private enum EntryKind {
        /** A chapter file. */
        CHAPTER,
        /** A list item without a link, or a missing file with entries under it: a title over what it holds. */
        GROUP,
        /** A draft ({@code [Title]()}) or a link that is not a chapter: what is under it moves up to its level. */
        PASS,
        /** A chapter file that does not exist. */
        MISSING,
        /**
         * A link to a section of a chapter already listed ({@code README.md#creational-patterns}): a way into it, and
         * a title over the entries nested under it, as HonKit shows them (tmrts/go-patterns).
         */
        SECTION
    }

    private static final class Entry extends Node {
        final EntryKind kind;
        final Path file;
        final String missing;

        Entry(EntryKind kind, String title, Path file, int line, String missing) {
            super(title, line);
            this.kind = kind;
            this.file = file;
            this.missing = missing;
        }
    }

    /** One missing chapter: where the index lists it and what was looked for. */
    private record Missing(int line, String lookedFor, String note) {
    }

    /** What a link on a page leads to, for the outline. */
    private sealed interface Role permits Chapter, MissingFile, NotChapter, Draft {
    }

    private record Chapter(Path file) implements Role {
    }

    private record MissingFile(Path lookedFor, String note) implements Role {
    }

    private record NotChapter() implements Role {
    }

    private record Draft() implements Role {
    }

    /** Builds the outline of one index page. */
    private static final class Builder {
        private final LinkResolver resolver;
        private final IndexChoice index;
        private final IndexPage page;
        private final Diagnostics diagnostics;
        private final Map<Path, Integer> seen = new HashMap<>();
        final List<Missing> missing = new ArrayList<>();
        private final Set<String> anchors;
        /** The docsify site's aliases to pages on the web, read on the first missing page of a sidebar. */
        private DocsifyAliases aliases;
        /** How many links of the index name a section of each file ({@code a.md#x}). */
        private final Map<String, Integer> sections = new HashMap<>();
        /** How many links of the index show each text (in-page anchors aside). */
        private final Map<String, Integer> texts = new HashMap<>();
        /** How many chapters the index links as files, and how many as pages of the book's web site. */
        int localChapters;
        int siteChapters;
        /** Chapters read for their links (a vault's map of content nests the notes it links with [[wikilinks]]). */
        private final IndexPages pages;

        Builder(LinkResolver resolver, IndexChoice index, IndexPage page, Diagnostics diagnostics) {
            this.resolver = resolver;
            this.index = index;
            this.page = page;
            this.diagnostics = diagnostics;
            this.pages = new IndexPages(resolver.content());
            this.anchors = new java.util.HashSet<>();
            for (Item i : page.items()) {
                if (i instanceof LinkItem l && l.url().contains("#") && !l.url().strip().startsWith("#")) {
                    sections.merge(withoutFragment(l.url()), 1, Integer::sum);
                }
                if (i instanceof LinkItem l && !l.text().isBlank() && !l.url().strip().startsWith("#")) {
                    texts.merge(l.text(), 1, Integer::sum);
                }
                if (i instanceof HeadingItem h) {
                    anchors.add(h.id());
                    anchors.add(slug(h.text()));
                }
            }
        }

        List<OutlinePart> parts() {
            Heading root = new Heading("", 0, 0);
            List<Heading> headings = new ArrayList<>(List.of(root));
            // Entries open at each list depth of the current heading: a deeper item nests under the last of them.
            List<Object[]> open = new ArrayList<>();
            for (Item item : page.items()) {
                if (item instanceof HeadingItem h) {
                    heading(headings, open, h.text(), h.level(), h.line());
                } else if (item instanceof SeparatorItem) {
                    Heading top = headings.get(headings.size() - 1);
                    // A rule right under a part's heading only decorates it; after the part's chapters, mdBook's
                    // separator sets the chapters that follow apart from the part.
                    if (top != root && !hasEntries(top)) {
                        continue;
                    }
                    while (headings.size() > 1) {
                        headings.remove(headings.size() - 1);
                    }
                    open.clear();
                } else if (item instanceof LabelItem label) {
                    place(headings, open, new Entry(EntryKind.GROUP, label.text(), null, label.line(), ""), label.depth());
                } else if (item instanceof LinkItem link) {
                    link(headings, open, link);
                }
            }
            prune(root);
            spliceContents(root);
            // One heading over all the links only labels them (the book's title, "## 目录").
            while (true) {
                long headingChildren = root.children.stream().filter(c -> c instanceof Heading).count();
                if (headingChildren != 1) {
                    break;
                }
                Heading only = (Heading) root.children.stream().filter(c -> c instanceof Heading).findFirst().orElseThrow();
                int at = root.children.indexOf(only);
                root.children.remove(at);
                root.children.addAll(at, only.children);
            }
            List<OutlinePart> parts = new ArrayList<>();
            List<OutlineChapter> loose = new ArrayList<>();
            for (Node n : root.children) {
                boolean titled = n instanceof Heading || (n instanceof Entry e && (e.kind == EntryKind.GROUP
                        || e.kind == EntryKind.SECTION || (e.kind == EntryKind.MISSING && !e.children.isEmpty())));
                if (titled) {
                    List<OutlineChapter> cs = new ArrayList<>();
                    flatten(n.children, 1, cs);
                    if (n instanceof Entry e && e.kind == EntryKind.MISSING) {
                        groupWarning(e);
                    }
                    if (!cs.isEmpty()) {
                        if (!loose.isEmpty()) {
                            parts.add(new OutlinePart("", loose));
                            loose = new ArrayList<>();
                        }
                        parts.add(new OutlinePart(n.title, cs));
                    }
                } else {
                    flatten(List.of(n), 1, loose);
                }
            }
            if (!loose.isEmpty()) {
                parts.add(new OutlinePart("", loose));
            }
            // docsify opens a site at its README, which the sidebar need not list.
            Optional<Path> home = index.kind() == IndexKind.SIDEBAR ? resolver.folderPage(index.file().getParent())
                    : Optional.empty();
            if (home.isPresent() && !seen.containsKey(home.get()) && !parts.isEmpty()) {
                seen.put(home.get(), 0);
                return withFirst(parts, new OutlineChapter("", home.get(), 1, 0, index.file(), false));
            }
            return parts;
        }

        private void heading(List<Heading> headings, List<Object[]> open, String text, int level, int line) {
            while (headings.size() > 1 && headings.get(headings.size() - 1).level >= level) {
                headings.remove(headings.size() - 1);
            }
            Heading h = new Heading(stripSymbols(text), level, line);
            headings.get(headings.size() - 1).children.add(h);
            headings.add(h);
            open.clear();
        }

        private void link(List<Heading> headings, List<Object[]> open, LinkItem link) {
            Role role = role(link, index.base());
            int depth = link.heading() > 0 ? 0 : Math.max(1, link.depth());
            if (link.heading() > 0) {
                if (role instanceof Chapter || role instanceof MissingFile) {
                    // A chapter written as a heading ("### [消息队列](mq.md)"): a sibling of the headings of its level.
                    while (headings.size() > 1 && headings.get(headings.size() - 1).level >= link.heading()) {
                        headings.remove(headings.size() - 1);
                    }
                    open.clear();
                } else {
                    heading(headings, open, link.text(), link.heading(), link.line());
                    return;
                }
            }
            Entry e;
            if (role instanceof Chapter c) {
                Integer first = seen.get(c.file());
                boolean section = link.url().contains("#") && !link.url().strip().startsWith("#");
                if (first != null && section) {
                    // A link to a section of a chapter already listed: a way into it, not a second chapter.
                    e = new Entry(EntryKind.SECTION, link.text(), null, link.line(), "");
                } else if (first != null && resolver.isSitePage(link.url())) {
                    // The site's page of a chapter listed before (a README in two languages): the same chapter.
                    e = new Entry(EntryKind.PASS, link.text(), null, link.line(), "");
                } else if (first != null) {
                    diagnostics.warn(SourceLocation.of(index.file(), link.line()), Diagnostics.Kind.INDEX, "'"
                            + resolver.content().relative(c.file()) + "' is already a chapter (line " + first
                            + "); this link is not a second chapter");
                    e = new Entry(EntryKind.PASS, link.text(), null, link.line(), "");
                } else {
                    seen.put(c.file(), link.line());
                    // A file whose sections the index links one by one is titled by its own heading.
                    // So is a chapter whose link text a README gives three links or more ("Solution" in each row of
                    // a table, donnemartin/system-design-primer): the text names the link, not the chapter. (Two
                    // chapters of one title are left for 'studybook check' to point out.)
                    String title = section && sections.getOrDefault(withoutFragment(link.url()), 0) > 1
                            || index.kind() == IndexKind.README && texts.getOrDefault(link.text(), 0) > 2 ? "" : title(link);
                    e = new Entry(EntryKind.CHAPTER, title, c.file(), link.line(), "");
                    if (resolver.isSitePage(link.url())) {
                        siteChapters++;
                    } else {
                        localChapters++;
                    }
                }
            } else if (role instanceof MissingFile m) {
                e = new Entry(EntryKind.MISSING, title(link), null, link.line(),
                        SourceLocation.of(m.lookedFor()).displayPath() + (m.note().isEmpty() ? "" : " (" + m.note() + ")"));
            } else if (role instanceof Draft || (link.depth() > 0 && link.alone())) {
                // What is nested under a draft or a list item that links elsewhere stays at its level.
                e = new Entry(EntryKind.PASS, link.text(), null, link.line(), "");
            } else {
                return;
            }
            place(headings, open, e, depth);
        }

        /** Puts an entry at list depth {@code depth}: under the last open entry above that depth, else under the heading. */
        private static void place(List<Heading> headings, List<Object[]> open, Entry e, int depth) {
            open.removeIf(o -> (int) o[0] >= depth);
            Node parent = open.isEmpty() ? headings.get(headings.size() - 1) : (Node) open.get(open.size() - 1)[1];
            parent.children.add(e);
            open.add(new Object[] {depth, e});
        }

        /**
         * The title a chapter's entry shows: its link text, after a numbering written before the link ("1.1 "); empty
         * (so that the chapter's own heading is used) when the link names a section of the file or only its file name.
         */
        private static String title(LinkItem link) {
            if (link.text().matches("(?i).*\\.(md|markdown)")) {
                return "";
            }
            String before = link.before().replaceFirst("^\\s+", "");
            if (link.alone() && !before.isBlank() && before.length() <= 16
                    && before.matches("[\\p{N}第章节篇部分卷.、:：)）(（\\-\\s\\p{IsHan}]*\\p{N}[\\p{N}第章节篇部分卷.、:：)）\\-\\s\\p{IsHan}]*")
                    && !before.matches(".*[\\p{IsHan}]{5,}.*")) {
                return (before + link.text()).strip();
            }
            return link.text();
        }

        /** Drops headings and groups with no chapter under them (a heading of prose, a list of external links). */
        private static boolean prune(Node n) {
            n.children.removeIf(c -> !prune(c));
            if (n instanceof Entry e && (e.kind == EntryKind.CHAPTER || e.kind == EntryKind.MISSING)) {
                return true;
            }
            return !n.children.isEmpty();
        }

        private static boolean hasEntries(Node n) {
            for (Node c : n.children) {
                if (c instanceof Entry e && e.kind != EntryKind.PASS && e.kind != EntryKind.SECTION || hasEntries(c)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * A heading that only names the table of contents ("## 目录") gives way to what is under it; so does a list item
         * without a link that says so (lifei6671/interview-go's docsify sidebar opens with "- 目录", its nine groups
         * nested under it: the book had one part, 目录, and its groups were no parts).
         */
        private static void spliceContents(Node n) {
            for (int i = 0; i < n.children.size(); i++) {
                Node c = n.children.get(i);
                spliceContents(c);
                if (c instanceof Heading h && LinkRoles.isContentsHeading(h.title)
                        || c instanceof Entry e && e.kind == EntryKind.GROUP && LinkRoles.isContentsHeading(e.title)) {
                    n.children.remove(i);
                    n.children.addAll(i, c.children);
                    i += c.children.size() - 1;
                }
            }
        }

        /** The chapters of a subtree in reading order, {@code depth} deep. */
        private void flatten(List<Node> nodes, int depth, List<OutlineChapter> out) {
            for (Node n : nodes) {
                if (n instanceof Entry e) {
                    switch (e.kind) {
                        case CHAPTER -> {
                            out.add(new OutlineChapter(e.title, e.file, depth, e.line, index.file(), false));
                            flatten(e.children, depth + 1, out);
                        }
                        case PASS -> flatten(e.children, depth, out);
                        case GROUP -> {
                            out.add(titlePage(e.title, depth, e.line));
                            flatten(e.children, depth + 1, out);
                        }
                        case SECTION -> {
                            // Pruned when nothing is nested under it; no title over chapters that were all skipped.
                            List<OutlineChapter> under = new ArrayList<>();
                            flatten(e.children, depth + 1, under);
                            if (under.stream().anyMatch(c -> !c.titlePage())) {
                                out.add(titlePage(e.title, depth, e.line));
                                out.addAll(under);
                            }
                        }
                        case MISSING -> {
                            if (e.children.isEmpty()) {
                                missing.add(new Missing(e.line, e.missing, ""));
                            } else {
                                groupWarning(e);
                                out.add(titlePage(e.title, depth, e.line));
                                flatten(e.children, depth + 1, out);
                            }
                        }
                        default -> throw new IllegalStateException(e.kind.name());
                    }
                } else {
                    // A heading below a part's heading: a title page over its chapters.
                    out.add(titlePage(n.title, depth, n.line));
                    flatten(n.children, depth + 1, out);
                }
            }
        }

        private OutlineChapter titlePage(String title, int depth, int line) {
            return new OutlineChapter(stripSymbols(title), index.file(), depth, line, index.file(), true);
        }

        private void groupWarning(Entry e) {
            diagnostics.warn(SourceLocation.of(index.file(), e.line), Diagnostics.Kind.INDEX, "chapter file not found: "
                    + e.missing + "; '" + e.title + "' is shown as a title over the chapters listed under it");
        }

        /** The error for the chapters that do not exist, naming each; with --skip-missing, a warning for each instead. */
        StudybookException missingError() {
            String hint = "fix the links on the index page or add the files; --skip-missing (book.yaml 'missing: skip')"
                    + " builds without them";
            if (missing.size() == 1) {
                Missing m = missing.get(0);
                return StudybookException.content(SourceLocation.of(index.file(), m.line()), "chapter file not found: "
                        + m.lookedFor(), "fix the link on the index page or add the file; --skip-missing builds without it");
            }
            StringBuilder sb = new StringBuilder(missing.size() + " chapter files not found:");
            for (Missing m : missing) {
                sb.append("\n  ").append(SourceLocation.of(index.file(), m.line())).append(": ").append(m.lookedFor());
            }
            return StudybookException.content(SourceLocation.of(index.file(), missing.get(0).line()), sb.toString(), hint);
        }

        /** Reports each missing chapter as a warning (for --skip-missing and for check). */
        void warnMissing() {
            for (Missing m : missing) {
                // The path quoted, so that the console says thirty of them once with their count (tmrts/go-patterns
                // lists 30 patterns not yet written); they are left out because --skip-missing asked for it.
                diagnostics.warn(SourceLocation.of(index.file(), m.line()), Diagnostics.Kind.MISSING_CHAPTER,
                        "chapter file not found: '" + m.lookedFor() + "', left out of the book (fix the link or add the file)");
            }
        }

        /** "a file of that name is at es/001.md", when the book holds files named like the one not found. */
        private String namesakeNote(Path lookedFor) {
            List<Path> same = resolver.namesakes(lookedFor);
            if (same.isEmpty()) {
                return "";
            }
            List<String> shown = same.stream().limit(3).map(p -> resolver.content().relative(p)).toList();
            return (same.size() == 1 ? "a file of that name is at " : "files of that name: ") + String.join(", ", shown)
                    + (same.size() > 3 ? " and " + (same.size() - 3) + " more" : "");
        }

        /** What a link of a page in {@code base} leads to. */
        Role role(LinkItem link, Path base) {
            if (link.url().isBlank()) {
                return new Draft();
            }
            if (link.imageOnly() || LinkRoles.contents(link) || LinkRoles.navigation(link)) {
                return new NotChapter();
            }
            Optional<LinkTarget> parsed = resolver.parse(link.url());
            if (parsed.isEmpty()) {
                return new NotChapter();
            }
            LinkTarget t = parsed.get();
            if (t.isFragmentOnly()) {
                // docsify and its kin route pages by the fragment: "#docs/let", "#/guide".
                String route = t.fragment().replaceFirst("^/+", "");
                if (anchors.contains(t.fragment()) || anchors.contains(slug(t.fragment()))) {
                    return new NotChapter();
                }
                Optional<LinkTarget> r = LinkTarget.parse(route.isEmpty() ? "./" : route);
                if (r.isEmpty() || r.get().isFragmentOnly()) {
                    return new NotChapter();
                }
                t = r.get();
                if (!(resolver.resolvePage(base, t) instanceof LinkResolver.Found)) {
                    return new NotChapter();
                }
            }
            if (LinkRoles.languageSwitch(link, t.path())
                    || (index.kind() == IndexKind.README && LinkRoles.housekeeping(t.path()))) {
                return new NotChapter();
            }
            LinkResolver.Resolution r = resolver.resolvePage(base, t);
            if (r instanceof LinkResolver.Outside) {
                throw StudybookException.content(SourceLocation.of(index.file(), link.line()), "the link '" + link.url()
                        + "' leads outside " + resolver.content().name(), "chapters must be files inside "
                        + resolver.content().boundary());
            }
            if (r instanceof LinkResolver.Missing m && t.isMarkdown() && index.kind() == IndexKind.SIDEBAR) {
                Path site = index.file().getParent();
                if (aliases == null) {
                    aliases = DocsifyAliases.read(site);
                }
                Path looked = m.lookedFor().toAbsolutePath().normalize();
                Optional<DocsifyAliases.Remote> remote = looked.startsWith(site.toAbsolutePath().normalize())
                        ? aliases.remote(site.toAbsolutePath().normalize().relativize(looked).toString())
                        : Optional.empty();
                if (remote.isPresent()) {
                    diagnostics.warn(SourceLocation.of(index.file(), link.line()), Diagnostics.Kind.INDEX, "'"
                            + link.url() + "' is a page the docsify site fetches from the web (" + remote.get().url()
                            + ", its alias at " + remote.get().at()
                            + "); it is left out of the book (save it as a file of the book to include it)");
                    return new NotChapter();
                }
            }
            if (r instanceof LinkResolver.Missing m) {
                if (!t.isMarkdown() && !t.isNotebook()) {
                    return new NotChapter();
                }
                // 0voice/interview_internal_reference links a GitHub address of 12.1.3 ….md at the repository's top;
                // the file is in 12.Zookeeper篇/: say so after the note on the repository path too.
                String namesake = namesakeNote(m.lookedFor());
                return new MissingFile(m.lookedFor(), m.note().isEmpty() ? namesake
                        : namesake.isEmpty() ? m.note() : m.note() + "; " + namesake);
            }
            Path file = ((LinkResolver.Found) r).file();
            if (Files.isDirectory(file) && t.isMarkdown()) {
                throw StudybookException.content(SourceLocation.of(index.file(), link.line()), "the chapter link '"
                        + link.url() + "' names a folder", "link to a Markdown file inside it");
            }
            if (Files.isDirectory(file) || !isChapterFile(file) || file.equals(index.file().toAbsolutePath().normalize())) {
                return new NotChapter();
            }
            return new Chapter(file);
        }

        // -----------------------------------------------------------------------------------------------------
        // Contents pages among the chapters

        /**
         * Brings in, after each chapter that is a contents page (mostly a list of links to further Markdown files of
         * the book, such as "算法 - 目录.md"), the pages it lists as its sub-chapters, recursively, each file once.
         * Navigation footers, links back to the contents and links to files already in the book do not count.
         */
        List<OutlinePart> nest(List<OutlinePart> parts, ChapterTexts chapterTexts) {
            List<OutlinePart> out = new ArrayList<>();
            for (OutlinePart p : parts) {
                List<OutlineChapter> cs = new ArrayList<>();
                for (OutlineChapter c : p.chapters()) {
                    cs.add(c);
                    if (!c.titlePage()) {
                        expand(c, cs, 0, chapterTexts);
                    }
                }
                out.add(new OutlinePart(p.title(), cs));
            }
            return out;
        }

        private void expand(OutlineChapter chapter, List<OutlineChapter> out, int level, ChapterTexts chapterTexts) {
            if (level > 8) {
                return;
            }
            String text;
            try {
                text = pages.links(chapter.file(), chapterTexts.read(chapter.file()));
            } catch (StudybookException e) {
                return;
            }
            // Most chapters are prose: a count of the lines with a link tells without parsing them.
            long linkLines = linkLines(text);
            if (linkLines < 2) {
                return;
            }
            // Counted only as far as needed: any count beyond linkLines / NESTED_SECTION_FLOOR gives the same answer.
            int prose = IndexPageReader.proseLines(text, (int) (linkLines / NESTED_SECTION_FLOOR) + 2);
            if (linkLines < NESTED_SECTION_FLOOR * prose) {
                return;
            }
            IndexPage sub;
            try {
                sub = IndexPageReader.read(text);
            } catch (StackOverflowError e) {
                // Nested thousands deep: not a contents page (the converter, on its own deep stacks, reports it).
                return;
            }
            Path base = chapter.file().getParent();
            List<LinkItem> links = new ArrayList<>();
            List<Path> files = new ArrayList<>();
            Set<Integer> lines = new java.util.HashSet<>();
            Set<Path> here = new java.util.HashSet<>();
            for (Item item : sub.items()) {
                if (item instanceof LinkItem link) {
                    Role role;
                    try {
                        role = role(link, base);
                    } catch (StudybookException e) {
                        continue;
                    }
                    if (role instanceof Chapter c && !seen.containsKey(c.file()) && !c.file().equals(chapter.file())
                            && here.add(c.file())) {
                        links.add(link);
                        files.add(c.file());
                        lines.add(link.line());
                    }
                }
            }
            if (lines.size() < 2 || !contentsPage(text, lines, sub.proseLines())) {
                return;
            }
            for (int i = 0; i < links.size(); i++) {
                seen.put(files.get(i), links.get(i).line());
            }
            for (int i = 0; i < links.size(); i++) {
                LinkItem link = links.get(i);
                int depth = chapter.depth() + Math.max(1, link.depth());
                OutlineChapter c = new OutlineChapter(title(link), files.get(i), depth, link.line(), chapter.file(), false);
                out.add(c);
                expand(c, out, level + 1, chapterTexts);
            }
        }
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return (hash < 0 ? url : url.substring(0, hash)).strip();
    }

    /**
     * True when the lines {@code linkLines} of {@code text} (links to further pages of the book) make it a contents
     * page: a third of its lines, or half of the lines of the section they stand in while the page's other sections
     * (a list of references, say) are not much longer.
     */
    static boolean contentsPage(String text, java.util.Collection<Integer> linkLines, int proseLines) {
        int links = linkLines.size();
        if (links >= NESTED_SHARE * proseLines) {
            return true;
        }
        if (links < NESTED_SECTION_FLOOR * proseLines) {
            return false;
        }
        // Sections run from one ATX heading to the next (outside fenced code).
        String[] lines = text.split("\n", -1);
        List<Integer> starts = new ArrayList<>(List.of(0));
        boolean fence = false;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith("```") || l.startsWith("~~~")) {
                fence = !fence;
            } else if (!fence && l.matches("#{1,6}\\s.*")) {
                starts.add(i);
            }
        }
        starts.add(lines.length);
        for (int k = 0; k + 1 < starts.size(); k++) {
            int from = starts.get(k);
            int to = starts.get(k + 1);
            long inSection = linkLines.stream().filter(l -> l - 1 >= from && l - 1 < to).count();
            String section = String.join("\n", java.util.Arrays.asList(lines).subList(from, to));
            if (inSection >= 2 && inSection >= NESTED_SECTION_SHARE * IndexPageReader.proseLines(section)) {
                return true;
            }
        }
        return false;
    }

    static boolean isMarkdown(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".md") || n.endsWith(".mdx") || n.endsWith(".markdown") || n.endsWith(".mdown") || n.endsWith(".mkd");
    }

    /** True for a file a chapter can be made of: Markdown, or a Jupyter notebook (read as Markdown by {@link Notebook}). */
    static boolean isChapterFile(Path file) {
        return isMarkdown(file) || Notebook.isNotebook(file);
    }

    /** A heading's anchor as GitHub makes it: lower case, spaces to '-', punctuation dropped. */
    static String slug(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replaceAll("\\s", "-");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Metadata

    /**
     * What the book says about itself: book.yaml first, then the book.toml, book.json or book.ini of the tool it was
     * written for, the index page's first heading unless it only says "Summary" or "目录", the index page's front
     * matter, the title of the README beside it or at the repository's root, the name a docsify site gives itself in
     * its index.html, then the repository's name. The
     * language is left empty when nothing declares it: the loader finds it in the text.
     */
    private static Metadata metadata(Inputs in, ContentFolder content, IndexChoice index, IndexPage page,
            Optional<Repository> repository) {
        BookConfig config = in.config();
        Optional<ToolConfig> tool = in.tool();
        Map<String, String> fm = page.frontMatter();
        IndexPage titled = titlePage(content, index, page, tool);
        String title = config.title()
                .or(() -> tool.flatMap(ToolConfig::title))
                // The heading a reader sees on the index page names the book; front matter's title is often the
                // page's own (VuePress: "前言"), and names the book only when the page has no such heading.
                .or(() -> Optional.of(page.title()).filter(t -> !LinkRoles.isContentsHeading(t)).map(OutlineReader::bookTitle)
                        .filter(OutlineReader::namesABook))
                .or(() -> Optional.ofNullable(fm.get("title")).filter(s -> !s.isBlank()))
                .or(() -> Optional.of(bookTitle(titled.title())).filter(OutlineReader::namesABook))
                .or(() -> docsifyName(content, index))
                .or(() -> repository.map(Repository::name))
                .orElseGet(() -> folderTitle(content));
        List<String> authors = !config.authors().isEmpty() ? config.authors()
                : tool.isPresent() && !tool.get().authors().isEmpty() ? tool.get().authors()
                : Optional.ofNullable(fm.getOrDefault("author", fm.get("authors"))).filter(s -> !s.isBlank())
                        .map(s -> List.of(s.replaceAll("^\\[|\\]$", "").split("\\s*,\\s*"))).orElse(List.of());
        // A label before the names ("译者:", "Translators:" in gopl-zh's book.ini) is no author.
        authors = authors.stream().filter(a -> !a.strip().matches("(?s).*[:：]")).toList();
        String description = config.description()
                .or(() -> tool.flatMap(ToolConfig::description))
                .or(() -> Optional.ofNullable(fm.get("description")))
                .orElse(stripSymbols(titled.description()));
        String language = config.language()
                .or(() -> tool.flatMap(ToolConfig::language))
                .or(() -> Optional.ofNullable(fm.getOrDefault("lang", fm.get("language"))))
                .map(String::strip).filter(s -> s.matches("[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*"))
                .map(s -> s.replace('_', '-')).filter(dev.studybook.config.LanguageTags::wellFormed).orElse("");
        String identifier = config.identifier().orElseGet(() -> "urn:uuid:" + UUID.nameUUIDFromBytes(
                ("studybook\n" + title + "\n" + String.join("\n", config.authors())).getBytes(StandardCharsets.UTF_8)));
        return new Metadata(title, config.subtitle().orElse(""), authors, language, identifier, description, config.date(),
                config.cover().or(() -> summaryCover(content, index)));
    }

    /**
     * The cover GitBook and HonKit put on the ebook they make: {@code cover.jpg} beside the SUMMARY.md (the author's
     * picture, yeasy/blockchain_guide, hust-open-atom-club/linux-insides-zh), relative to the content folder.
     */
    private static Optional<String> summaryCover(ContentFolder content, IndexChoice index) {
        // Only a SUMMARY page (or the one book.json names): a site's configuration (mkdocs.yml, config.toml) is read
        // as a summary too, and its folder's cover.jpg is no ebook cover.
        if (index.kind() != IndexKind.SUMMARY || index.file().getParent() == null
                || !index.file().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md")) {
            return Optional.empty();
        }
        Path cover = index.file().getParent().resolve("cover.jpg");
        return Files.isRegularFile(cover, LinkOption.NOFOLLOW_LINKS) && content.contains(cover)
                ? Optional.of(content.relative(cover)) : Optional.empty();
    }

    /** docsify's site name: {@code window.$docsify = { name: '蘑菇书EasyRL', ... }}. */
    private static final Pattern DOCSIFY_CONFIG = Pattern.compile("\\$docsify\\s*=\\s*\\{");
    private static final Pattern DOCSIFY_NAME = Pattern.compile(
            "(?<![\\w$.])name\\s*:\\s*(['\"`])((?:(?!\\1)[^\\n\\\\]){1,300})\\1");

    /**
     * The name the docsify site beside the index page (or at the content folder's top) gives itself in its
     * index.html, as plain text: the title a site of a sidebar and a README without a heading shows its readers.
     */
    static Optional<String> docsifyName(ContentFolder content, IndexChoice index) {
        for (Path dir : List.of(index.file().getParent(), content.root())) {
            Path f = dir.resolve("index.html");
            try {
                if (!Files.isRegularFile(f) || !content.contains(f) || Files.size(f) > 1 << 20) {
                    continue;
                }
            } catch (java.io.IOException e) {
                continue;
            }
            String page = TextFiles.read(f, "index.html");
            Matcher c = DOCSIFY_CONFIG.matcher(page);
            if (!c.find()) {
                continue;
            }
            Matcher n = DOCSIFY_NAME.matcher(page.substring(c.end(), Math.min(page.length(), c.end() + 4000)));
            if (n.find()) {
                String name = n.group(2).replaceAll("<[^>]*>", " ").replace("&nbsp;", " ").replace("&amp;", "&")
                        .replaceAll("\\s+", " ").strip();
                if (!name.isEmpty()) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The page the title and description come from: the index page, unless its heading only labels the list
     * ("# Summary", "目录"); then, as GitBook does, the README beside it, the introduction book.json names, or the
     * README at the top of the content folder or the repository.
     */
    private static IndexPage titlePage(ContentFolder content, IndexChoice index, IndexPage page, Optional<ToolConfig> tool) {
        if (!page.title().isBlank() && !LinkRoles.isContentsHeading(page.title())) {
            return page;
        }
        List<Path> candidates = new ArrayList<>();
        Path dir = index.file().getParent();
        for (Path d : List.of(dir, content.root(), content.boundary())) {
            tool.flatMap(ToolConfig::readme).ifPresent(r -> candidates.add(d.resolve(r)));
            for (String name : List.of("README.md", "readme.md", "Readme.md")) {
                candidates.add(d.resolve(name));
            }
        }
        for (Path readme : candidates) {
            Path r = readme.toAbsolutePath().normalize();
            if (Files.isRegularFile(r) && !r.equals(index.file()) && content.contains(r)) {
                IndexPage intro = new IndexPages(content).read(r, "README");
                if (!intro.title().isBlank() && !LinkRoles.isContentsHeading(intro.title())) {
                    return intro;
                }
            }
        }
        return new IndexPage("", page.description(), page.items());
    }

    /**
     * The name of the folder the book is in: the content folder's, or, when that says nothing (src, docs, zh, en),
     * the first folder above it that does (at most three up); empty when none does.
     */
    static String folderName(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        for (int i = 0; i <= 3 && d != null && d.getFileName() != null; i++, d = d.getParent()) {
            String name = d.getFileName().toString();
            if (!GENERIC_FOLDER.matcher(name).matches()) {
                return name;
            }
        }
        return "";
    }

    private static String folderTitle(ContentFolder content) {
        String name = folderName(content.root());
        return name.isEmpty() ? "Book" : name;
    }

    /**
     * The base name of the output files when book.yaml names none: the title's ASCII words when it has at least
     * three letters of them, else the content folder's name unless it says nothing (src, docs, zh), else the
     * repository's name, else "book".
     */
    static String outputName(String title, Optional<Repository> repository, Path dir) {
        String ascii = slugAscii(title);
        if (ascii.chars().filter(Character::isLetter).count() >= 3) {
            return ascii;
        }
        String folder = slugAscii(folderName(dir));
        if (!folder.isEmpty()) {
            return folder;
        }
        if (repository.isPresent()) {
            String r = slugAscii(repository.get().name());
            if (!r.isEmpty()) {
                return r;
            }
        }
        return "book";
    }

    /** Folder names that say nothing of the book in them. */
    private static final java.util.regex.Pattern GENERIC_FOLDER = java.util.regex.Pattern.compile(
            "(?i)src|docs?|content|source|site|wiki|ebook|[a-z]{2}([_-][a-z]{2,4})?");

    static String outputName(String title, Path dir) {
        return outputName(title, Optional.empty(), dir);
    }

    private static String slugAscii(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /** A heading as a book's title: without leading symbols, and without the 《》 around a whole title. */
    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S");

    /**
     * Headings that name a page's role, not a book: cch123/golang-notes's readme.md starts "# Overview", and the
     * book was called "Overview" on its cover and in every reading system's library.
     */
    private static final Set<String> PAGE_ROLE_HEADINGS = Set.of("overview", "introduction", "intro", "about", "readme",
            "home", "index", "preface", "foreword", "简介", "介绍", "概述", "概览", "前言", "序", "序言", "引言", "导读", "首页",
            "主页", "说明", "簡介", "介紹", "概覽", "導讀", "首頁", "主頁", "說明");

    /**
     * False for a blank heading, for one that holds a web address (a shop's or a site's line above the book's own
     * words, "# 京东售卖链接：https://item.jd.com/…", scutan90/DeepLearning-500-questions) and for one that only
     * names the page's role ("Overview", "简介"): they name no book.
     */
    static boolean namesABook(String title) {
        return !title.isBlank() && !WEB_ADDRESS.matcher(title).find()
                && !PAGE_ROLE_HEADINGS.contains(title.strip().replaceAll("[:：]$", "").strip().toLowerCase(Locale.ROOT));
    }

    static String bookTitle(String heading) {
        String t = stripSymbols(heading);
        if (t.startsWith("《") && t.endsWith("》") && t.indexOf('》') == t.length() - 1) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t;
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
        String out = s.substring(i).strip();
        // GitHub's emoji shortcodes before a heading's words (":pencil2: 算法").
        return out.replaceFirst("^(:[a-z0-9_+-]+:\\s*)+", "").strip();
    }
}
