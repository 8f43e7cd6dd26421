package dev.studybook.load;

import dev.studybook.io.ContentFolder;
import dev.studybook.model.Repository;
import dev.studybook.model.SitePages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the file a {@link LinkTarget} names inside the book's folder, never outside its boundary (the repository's
 * root); knows the book's repository, so that only its own URLs lead to local files.
 */
public final class LinkResolver {

    /** Names a folder's page goes by, in the order they are looked for. */
    static final List<String> FOLDER_PAGES = List.of("README.md", "readme.md", "Readme.md", "index.md", "_index.md",
            "README.mdx", "index.mdx");

    /** The outcome of resolving a target. */
    public sealed interface Resolution permits Found, Missing, Outside {
    }

    /** The target exists at {@code file}. */
    public record Found(Path file) implements Resolution {
    }

    /** The target does not exist; {@code lookedFor} is the path that was looked for, as the user would read it. */
    public record Missing(Path lookedFor, String note) implements Resolution {
    }

    /** The target would leave the book's folder. */
    public record Outside(String path) implements Resolution {
    }

    /** How deep and how many files the search for a missing file's namesakes looks through. */
    static final int NAMESAKE_DEPTH = 8;
    static final int NAMESAKE_FILES = 50_000;

    private final ContentFolder content;
    private final Optional<Repository> repository;
    private final SitePages site;
    private Map<String, List<Path>> byName;
    private List<Path> hugoRoots;
    private List<Path> siteRoots;

    public LinkResolver(ContentFolder content) {
        this(content, Optional.empty());
    }

    public LinkResolver(ContentFolder content, Optional<Repository> repository) {
        this(content, repository, SitePages.NONE);
    }

    /** A resolver that also leads the addresses of {@code site} to the book's files. */
    public LinkResolver(ContentFolder content, Optional<Repository> repository, SitePages site) {
        this.content = content;
        this.repository = repository;
        this.site = site;
    }

    public ContentFolder content() {
        return content;
    }

    /** The book's repository, when known. */
    public Optional<Repository> repository() {
        return repository;
    }

    /**
     * Parses a link or image target as this book reads it: URLs of other repositories and of other sites are
     * external (empty); a page of the book's own web site is the repository path of the file it was written in.
     */
    public Optional<LinkTarget> parse(String raw) {
        Optional<LinkTarget> t = LinkTarget.parse(raw, repository);
        if (t.isPresent() || site.isEmpty()) {
            return t;
        }
        return SiteAddress.of(raw).flatMap(a -> site.page(a.host(), a.key(), a.stem()).map(file -> {
            String path = content.boundary().relativize(file).toString().replace('\\', '/');
            return new LinkTarget(path, a.fragment(), LinkTarget.Kind.REPOSITORY,
                    repository.map(Repository::owner).orElse(""), repository.map(Repository::name).orElse(""));
        }));
    }

    /** True when {@code raw} is a page of the book's own web site (not a path, nor a URL of its repository). */
    public boolean isSitePage(String raw) {
        return !site.isEmpty() && LinkTarget.parse(raw, repository).isEmpty() && parse(raw).isPresent();
    }

    /** Resolves {@code target} as written in {@code fromFile}. */
    public Resolution resolve(Path fromFile, LinkTarget target) {
        Path file = fromFile.toAbsolutePath().normalize();
        Resolution r = resolveFrom(file.getParent(), target);
        if (r instanceof Missing && target.kind() == LinkTarget.Kind.RELATIVE && target.path().startsWith("../")
                && !FOLDER_PAGES.contains(file.getFileName().toString())) {
            // A site with pretty URLs (Hugo) serves channel/2-x.md at channel/2-x/, so its pages write
            // ../assets/0.png for channel/assets/0.png (qcrao/Go-Questions: 104 pictures).
            Resolution pretty = resolveFrom(file.getParent(), with(target, target.path().substring(3)));
            if (pretty instanceof Found) {
                return pretty;
            }
        }
        return r;
    }

    /** Resolves {@code target} as written in a file of the folder {@code base}. */
    public Resolution resolveFrom(Path base, LinkTarget target) {
        return switch (target.kind()) {
            case RELATIVE -> target.path().startsWith(DocusaurusSite.SITE_ALIAS)
                    ? siteAlias(target.path().substring(DocusaurusSite.SITE_ALIAS.length()))
                    : existing(content.resolve(base, target.path()).orElse(null), target.path());
            case ROOT -> root(target.path());
            case REPOSITORY -> repository(target.path());
        };
    }

    /**
     * Resolves a link to a page as a reader of the repository's web site would follow it: a folder leads to its
     * README (or index.md), {@code x.html} to {@code x.md} (mdBook and GitBook authors link the built page), and a
     * path without an extension to {@code path.md} (docsify routes).
     */
    public Resolution resolvePage(Path base, LinkTarget target) {
        Resolution r = resolveFrom(base, target);
        if (r instanceof Found f) {
            if (Files.isDirectory(f.file())) {
                return folderPage(f.file()).<Resolution>map(Found::new).orElse(r);
            }
            return r;
        }
        if (r instanceof Outside) {
            return r;
        }
        for (LinkTarget alt : alternatives(target)) {
            Resolution a = resolveFrom(base, alt);
            if (a instanceof Found f) {
                if (Files.isDirectory(f.file())) {
                    Optional<Path> page = folderPage(f.file());
                    if (page.isPresent()) {
                        return new Found(page.get());
                    }
                    continue;
                }
                return a;
            }
        }
        return r;
    }

    /** The page of a folder: its README.md, else index.md (else the same in MDX: Mintlify's /automations). */
    public Optional<Path> folderPage(Path folder) {
        for (String name : FOLDER_PAGES) {
            Path p = folder.resolve(name);
            if (Files.isRegularFile(p) && content.contains(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Other spellings of a page's path: {@code .html} as {@code .md} (else {@code .mdx}), no extension likewise. */
    static List<LinkTarget> alternatives(LinkTarget t) {
        String p = t.path();
        String lower = p.toLowerCase(Locale.ROOT);
        List<LinkTarget> out = new ArrayList<>();
        String name = p.substring(p.lastIndexOf('/') + 1);
        if (lower.endsWith(".html") || lower.endsWith(".htm")) {
            String stem = p.substring(0, p.lastIndexOf('.'));
            if (stem.endsWith("/index") || stem.equals("index")) {
                out.add(with(t, stem.substring(0, stem.length() - "index".length()) + "README.md"));
            }
            out.add(with(t, stem + ".md"));
            out.add(with(t, stem + ".mdx"));
        } else if (!p.isEmpty() && !name.contains(".") && !p.endsWith("/")) {
            out.add(with(t, p + ".md"));
            out.add(with(t, p + ".mdx"));
        } else if (p.length() > 1 && p.endsWith("/") && !p.endsWith("../") && !p.endsWith("./")) {
            // Hugo's pretty URL of a page: docs/shortcodes/columns/ is docs/shortcodes/columns.md; Astro's is an
            // .mdx page as often (withastro/starlight: /guides/authoring-content/, 135 links shown as plain text).
            out.add(with(t, p.substring(0, p.length() - 1) + ".md"));
            out.add(with(t, p.substring(0, p.length() - 1) + ".mdx"));
        }
        return out;
    }

    private static LinkTarget with(LinkTarget t, String path) {
        return new LinkTarget(path, t.fragment(), t.kind(), t.owner(), t.repo());
    }

    /**
     * The files of the book with the same name as a file that was not found (letter case aside), for a hint:
     * interview-go's index links to {@code ./001.md}, which lies in {@code es/}. The content folder is listed once,
     * on the first miss, and never beyond {@link #NAMESAKE_DEPTH} folders or {@link #NAMESAKE_FILES} files.
     */
    public List<Path> namesakes(Path missing) {
        if (missing.getFileName() == null) {
            return List.of();
        }
        if (byName == null) {
            Map<String, List<Path>> names = new HashMap<>();
            try (Stream<Path> files = Files.walk(content.root(), NAMESAKE_DEPTH)) {
                files.limit(NAMESAKE_FILES)
                        .filter(f -> !content.root().relativize(f).toString().matches("(?s)(.*/)?(\\.|node_modules/).*"))
                        .filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                        .forEach(f -> names.computeIfAbsent(key(f), k -> new ArrayList<>()).add(f));
            } catch (IOException | UncheckedIOException e) {
                // A folder that cannot be listed gives no hint; the missing file is reported all the same.
            }
            names.values().forEach(l -> l.sort(null));
            byName = names;
        }
        return byName.getOrDefault(key(missing), List.of());
    }

    private static String key(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    private Resolution existing(Path p, String written) {
        if (p == null) {
            return new Outside(written);
        }
        return Files.exists(p) ? new Found(p) : new Missing(p, "");
    }

    /** A path written {@code @site/static/img/x.jpg}: from the folder of the Docusaurus site's configuration. */
    private Resolution siteAlias(String path) {
        Path last = null;
        for (Path site : DocusaurusSite.siteFolders(content)) {
            Path p = content.resolve(site, path).orElse(null);
            if (p != null && Files.exists(p)) {
                return new Found(p);
            }
            last = last == null ? p : last;
        }
        return existing(last, DocusaurusSite.SITE_ALIAS + path);
    }

    /** A path from the content folder's top; for a content folder inside a repository, also from the repository's. */
    private Resolution root(String path) {
        Path p = content.resolve(content.root(), "/" + path).orElse(null);
        if (p != null && Files.exists(p)) {
            return new Found(p);
        }
        if (!content.boundary().equals(content.root())) {
            Path q = content.resolve(content.boundary(), path).orElse(null);
            if (q != null && Files.exists(q)) {
                return new Found(q);
            }
        }
        // A Hugo site's root is its content folder: /docs/intro is content/docs/intro.
        if (hugoRoots == null) {
            hugoRoots = HugoSite.contentFolders(content);
        }
        for (Path r : hugoRoots) {
            Path q = content.resolve(r, path).orElse(null);
            if (q != null && Files.exists(q)) {
                return new Found(q);
            }
        }
        // A VitePress or VuePress site's root is its srcDir (vuejs/docs: src/); an Rspress or Starlight site's, its
        // language's folder; a docsify site's, the folder of its index.html (docs/); VitePress serves its public/
        // folder and Docusaurus its static/ folder at the root.
        if (siteRoots == null) {
            List<Path> roots = new ArrayList<>(ThemeSidebar.docsRoots(content));
            MetaFileSite.routeRoots(content).stream().filter(r -> !roots.contains(r)).forEach(roots::add);
            StarlightSite.routeRoots(content).stream().filter(r -> !roots.contains(r)).forEach(roots::add);
            DocsifySite.routeRoots(content).stream().filter(r -> !roots.contains(r)).forEach(roots::add);
            ThemeSidebar.publicRoots(content).stream().filter(r -> !roots.contains(r)).forEach(roots::add);
            DocusaurusSite.staticRoots(content).stream().filter(r -> !roots.contains(r)).forEach(roots::add);
            siteRoots = List.copyOf(roots);
        }
        for (Path r : siteRoots) {
            Path q = content.resolve(r, path).orElse(null);
            if (q != null && Files.exists(q)) {
                return new Found(q);
            }
        }
        return existing(p, path);
    }

    /**
     * A repository path is tried from the repository's root, then whole and without its leading folders one at a
     * time from the content folder, so that a link to {@code github.com/o/r/blob/main/docs/book/a.md} finds
     * {@code a.md} in a content folder holding either {@code docs/book/} or only the book itself.
     */
    private Resolution repository(String repoPath) {
        List<String> segments = new ArrayList<>(Arrays.asList(repoPath.split("/")));
        segments.removeIf(String::isEmpty);
        if (segments.contains("..")) {
            return new Outside(repoPath);
        }
        if (segments.isEmpty()) {
            return new Found(content.boundary());
        }
        if (!content.boundary().equals(content.root())) {
            Path p = content.resolve(content.boundary(), String.join("/", segments)).orElse(null);
            if (p != null && Files.exists(p)) {
                return new Found(p);
            }
        }
        Path last = null;
        for (int i = 0; i < segments.size(); i++) {
            String tail = String.join("/", segments.subList(i, segments.size()));
            Path p = content.resolve(content.root(), "/" + tail).orElse(null);
            if (p == null) {
                return new Outside(repoPath);
            }
            if (Files.exists(p)) {
                return new Found(p);
            }
            if (last == null) {
                last = p;
            }
        }
        return new Missing(last, "from the repository path '" + repoPath + "'; no trailing part of it exists in the content folder");
    }
}
