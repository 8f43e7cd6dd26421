package dev.studybook.convert;

import dev.studybook.load.LinkResolver;
import dev.studybook.load.LinkTarget;
import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import dev.studybook.model.Asset;
import dev.studybook.model.ChapterBody;
import dev.studybook.model.SourceText;
import dev.studybook.xhtml.References;
import dev.studybook.xhtml.References.Drawn;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers the links and images of one chapter from what the converter knows of the whole book: other chapters (also
 * when the link names their folder, their {@code .html} page or their docsify route), the index page (the table of
 * contents) and other pages that list the chapters ({@link ContentsPages}), and, when the book's repository is known, its other files on the web.
 */
final class ChapterReferences implements References {

    private final SourceText source;
    private final Path file;
    private final String ownId;
    private final LinkResolver resolver;
    private final Map<Path, String> chapterIds;
    private final Path indexFile;
    private final ContentsPages contentsPages;
    private final AssetRegistry assets;
    private final Diagnostics diagnostics;
    private final RemoteImages remote;
    private final Diagrams diagrams;
    private final int index;

    /** The pages a doc site shows for a folder's route, in the order it looks for them. */
    private static final List<String> ROUTE_PAGES = List.of("README.md", "readme.md", "Readme.md", "index.md",
            "README.mdx", "index.mdx");
    /** A page's route names its Markdown file, or its notebook (Jupyter Book and MyST sites link pages without extension). */
    private static final List<String> ROUTE_EXTENSIONS = List.of(".md", ".mdx", ".ipynb");

    private final String language;

    ChapterReferences(SourceText source, int index, String ownId, LinkResolver resolver, Map<Path, String> chapterIds,
            Path indexFile, ContentsPages contentsPages, AssetRegistry assets, Diagnostics diagnostics, RemoteImages remote,
            Diagrams diagrams, String language) {
        this.source = source;
        this.language = language.toLowerCase(Locale.ROOT);
        this.diagrams = diagrams;
        this.index = index;
        this.remote = remote;
        this.file = source.file();
        this.ownId = ownId;
        this.resolver = resolver;
        this.chapterIds = chapterIds;
        this.indexFile = indexFile.toAbsolutePath().normalize();
        this.contentsPages = contentsPages;
        this.assets = assets;
        this.diagnostics = diagnostics;
    }

    @Override
    public String pictureWord() {
        if (language.startsWith("zh") || language.isEmpty()) {
            return "图片";
        }
        if (language.startsWith("ja")) {
            return "画像";
        }
        return language.startsWith("ko") ? "그림" : "Picture";
    }

    @Override
    public LinkDestination link(String href, int line) {
        String h = href.strip();
        String lower = h.toLowerCase(Locale.ROOT);
        if (h.isEmpty() || lower.startsWith("javascript:") || lower.startsWith("vbscript:") || lower.startsWith("data:")
                || lower.startsWith("file:")) {
            return new Unlinked();
        }
        Optional<LinkTarget> parsed = resolver.parse(h);
        if (parsed.isEmpty()) {
            return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:")
                    || lower.startsWith("ftp://") ? new External(h) : new Unlinked();
        }
        LinkTarget t = parsed.get();
        if (t.isFragmentOnly()) {
            return new SameChapter(t.fragment());
        }
        Path base = file.toAbsolutePath().normalize().getParent();
        LinkResolver.Resolution r = resolver.resolveFrom(base, t);
        if (!(r instanceof LinkResolver.Found) && !(r instanceof LinkResolver.Outside)) {
            // mdBook authors link the built page (ch01.html), docsify ones the route (/guide/intro).
            LinkResolver.Resolution page = resolver.resolvePage(base, t);
            if (page instanceof LinkResolver.Found) {
                r = page;
            }
        }
        if (r instanceof LinkResolver.Found found) {
            Path target = found.file();
            if (Files.isDirectory(target)) {
                Optional<Path> page = resolver.folderPage(target);
                if (page.isPresent() && (chapterIds.containsKey(page.get()) || page.get().equals(indexFile))) {
                    target = page.get();
                }
            }
            if (target.equals(indexFile)) {
                return new OtherChapter(ChapterBody.CONTENTS, "");
            }
            String id = chapterIds.containsKey(target) ? chapterIds.get(target) : routedChapter(base, t).orElse(null);
            if (id != null) {
                return chapter(id, t);
            }
            if (t.isMarkdown() && Files.isRegularFile(target) && contentsPages.isContents(target)) {
                return new OtherChapter(ChapterBody.CONTENTS, "");
            }
            if (t.kind() == LinkTarget.Kind.REPOSITORY) {
                return new External(h);
            }
            Optional<String> web = web(target);
            if (web.isPresent()) {
                return new External(web.get() + (t.fragment().isEmpty() ? "" : "#" + t.fragment()));
            }
            // Snailclimb/JavaGuide: 44 links to folders whose README.md exists but is not in the site's sidebar; "a folder"
            // alone made the user look for a missing page.
            Path folder = target;
            String what = Files.isDirectory(folder)
                    ? resolver.folderPage(folder).map(p -> "a folder whose page " + folder.relativize(p) + " is not a chapter of the book").orElse("a folder")
                    : t.isMarkdown() ? "a Markdown file that is not a chapter of the book" : "a file that is not part of the book";
            diagnostics.warn(at(line), Diagnostics.Kind.LINK, "the link to '" + t.path() + "' leads to " + what
                    + "; it is shown as plain text (name the book's repository in book.yaml to link it on GitHub)");
            return new Unlinked();
        }
        if (t.kind() == LinkTarget.Kind.REPOSITORY) {
            return new External(h);
        }
        if (r instanceof LinkResolver.Missing) {
            Optional<String> routed = routedChapter(base, t);
            if (routed.isPresent()) {
                return chapter(routed.get(), t);
            }
        }
        if (r instanceof LinkResolver.Outside) {
            diagnostics.warn(at(line), Diagnostics.Kind.LINK, "the link to '" + t.path() + "' leaves " + resolver.content().name() + " and is shown as plain text");
        } else {
            diagnostics.warn(at(line), Diagnostics.Kind.LINK, "the link target '" + t.path() + "' does not exist; the link is shown as plain text");
        }
        return new Unlinked();
    }

    @Override
    public boolean shownPicture(String href, String src, int line) {
        Optional<LinkTarget> t = resolver.parse(href.strip());
        if (t.isEmpty() || t.get().isFragmentOnly() || t.get().isMarkdown()) {
            return false;
        }
        return resolver.resolve(file, t.get()) instanceof LinkResolver.Found found
                && assets.shown(found.file()).filter(a -> a.href().equals(src)).isPresent();
    }

    private LinkDestination chapter(String id, LinkTarget t) {
        return id.equals(ownId) && !t.fragment().isEmpty() ? new SameChapter(t.fragment()) : new OtherChapter(id, t.fragment());
    }

    /**
     * The chapter a relative link means when read as a route of a doc site (VuePress, VitePress, Docusaurus):
     * {@code dir/} is the folder's README or index page, {@code x} and {@code x.html} are {@code x.md},
     * {@code x.mdx} or {@code x.ipynb}. Only the book's chapters are looked up, by path, so nothing outside the book is read; this
     * also finds {@code x.md} when a folder {@code x/} of pictures stands beside it, and an index page when the
     * folder's README is not a chapter.
     */
    private Optional<String> routedChapter(Path base, LinkTarget t) {
        if (t.kind() != LinkTarget.Kind.RELATIVE) {
            return Optional.empty();
        }
        String p = t.path();
        Path at;
        try {
            at = base.resolve(p.isEmpty() ? "." : p).normalize();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        if (at.getFileName() == null) {
            return Optional.empty();
        }
        String name = at.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean folder = p.endsWith("/") || p.equals(".") || p.equals("..") || p.endsWith("/.") || p.endsWith("/..");
        List<Path> candidates = new ArrayList<>();
        if (!folder && (lower.endsWith(".html") || lower.endsWith(".htm"))) {
            String stem = name.substring(0, name.lastIndexOf('.'));
            if (stem.equals("index")) {
                ROUTE_PAGES.forEach(page -> candidates.add(at.resolveSibling(page)));
            }
            ROUTE_EXTENSIONS.forEach(ext -> candidates.add(at.resolveSibling(stem + ext)));
        } else if (folder || !name.contains(".")) {
            if (!folder) {
                ROUTE_EXTENSIONS.forEach(ext -> candidates.add(at.resolveSibling(name + ext)));
            }
            ROUTE_PAGES.forEach(page -> candidates.add(at.resolve(page)));
        }
        return candidates.stream().map(chapterIds::get).filter(Objects::nonNull).findFirst();
    }

    /** The page on GitHub of a file of the repository that is not part of the book, when the repository is known. */
    private Optional<String> web(Path target) {
        Path boundary = resolver.content().boundary();
        if (resolver.repository().isEmpty() || !target.startsWith(boundary)) {
            return Optional.empty();
        }
        String rel = boundary.relativize(target).toString().replace('\\', '/');
        return Optional.of(resolver.repository().get().webUrl(rel, Files.isDirectory(target)));
    }

    @Override
    public ImageSource image(String src, int line) {
        String s = src.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            diagnostics.warn(at(line), Diagnostics.Kind.IMAGE, "an image has no source; its alt text is shown instead");
            return new MissingImage();
        }
        if (lower.startsWith("data:")) {
            return embedded(s, line);
        }
        Optional<LinkTarget> parsed = resolver.parse(s);
        if (parsed.isEmpty()) {
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                return remote(s, s, line);
            }
            diagnostics.warn(at(line), Diagnostics.Kind.IMAGE, "the image source '" + abbreviate(s) + "' is not a file of the book; its alt text is shown instead");
            return new MissingImage();
        }
        LinkResolver.Resolution r = resolver.resolve(file, parsed.get());
        if (r instanceof LinkResolver.Found found) {
            Optional<Asset> asset = assets.image(found.file(), at(line));
            return asset.<ImageSource>map(a -> new LocalImage(a.href())).orElseGet(MissingImage::new);
        }
        if (parsed.get().kind() == LinkTarget.Kind.REPOSITORY) {
            // A picture of the repository that the folder lacks: GitHub serves its bytes under raw/, not blob/.
            return remote(s, s.replaceFirst("^(?i)(https?://(www\\.)?github\\.com/[^/]+/[^/]+)/blob/", "$1/raw/"), line);
        }
        if (r instanceof LinkResolver.Outside) {
            diagnostics.warn(at(line), Diagnostics.Kind.IMAGE, "the image '" + parsed.get().path() + "' lies outside " + resolver.content().name() + " and is not read; its alt text is shown instead");
        } else {
            LinkResolver.Missing m = (LinkResolver.Missing) r;
            diagnostics.warn(at(line), Diagnostics.Kind.IMAGE, "image not found: " + SourceLocation.of(m.lookedFor()).displayPath() + "; its alt text is shown instead");
        }
        return new MissingImage();
    }

    /**
     * A picture written into the page as a {@code data:} address (a notebook's outputs and attachments, a pasted
     * screenshot): decoded and put in the book like a picture file.
     */
    private ImageSource embedded(String src, int line) {
        int comma = src.indexOf(',');
        String head = comma < 0 ? "" : src.substring(5, comma).toLowerCase(Locale.ROOT);
        byte[] data;
        try {
            if (comma < 0) {
                throw new IllegalArgumentException("it has no ','");
            }
            String payload = src.substring(comma + 1);
            data = head.endsWith(";base64") ? java.util.Base64.getMimeDecoder().decode(payload)
                    : dev.studybook.io.PercentEncoding.decode(payload).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            diagnostics.warn(at(line), Diagnostics.Kind.IMAGE, "the picture written as a data: address cannot be decoded ("
                    + e.getMessage() + "); its alt text is shown instead");
            return new MissingImage();
        }
        String stem = file.getFileName() == null ? "" : file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        Optional<Asset> asset = assets.embedded(stem, data, at(line));
        return asset.<ImageSource>map(a -> new LocalImage(a.href())).orElseGet(MissingImage::new);
    }

    @Override
    public Optional<Drawn> math(String tex, boolean display, int line) {
        try {
            MathPictures.Formula f = MathPictures.typeset(tex, display);
            Asset a = assets.generated("math", "image/svg+xml", f.svg());
            return Optional.of(new Drawn(a.href(), f.widthEm(), f.heightEm(), f.depthEm()));
        } catch (IllegalArgumentException e) {
            diagnostics.warn(at(line), Diagnostics.Kind.MATH, "the formula '" + abbreviate(tex) + "' cannot be typeset ("
                    + e.getMessage() + "); its TeX is shown as written");
            return Optional.empty();
        }
    }

    @Override
    public Optional<Drawn> diagram(String language, String code, int line) {
        boolean dot = Diagrams.GRAPHVIZ.contains(language);
        if (!dot && !Diagrams.PLANTUML.contains(language)) {
            if (Diagrams.UNDRAWN.containsKey(language)) {
                diagrams.leftAsCode(language, index, at(line));
            }
            return Optional.empty();
        }
        try {
            Diagrams.Picture p = dot ? Diagrams.graphviz(code) : Diagrams.plantuml(code);
            Asset a = assets.generated("diagram", "image/svg+xml", SvgSanitizer.sanitize(p.svg()));
            return Optional.of(new Drawn(a.href(), 0, 0, 0, p.title()));
        } catch (IllegalArgumentException e) {
            diagnostics.warn(at(line), Diagnostics.Kind.DIAGRAM, "the " + (dot ? "Graphviz" : "PlantUML")
                    + " diagram cannot be drawn (" + e.getMessage() + "); its source is shown as code");
            return Optional.empty();
        }
    }

    /** A picture on the web: downloaded when the user asked for it, else counted for the book's one summary. */
    private ImageSource remote(String written, String url, int line) {
        if (!remote.fetching()) {
            remote.leftOut(index, at(line));
            return new RemoteImage(written);
        }
        RemotePictures.Result r = remote.pictures().fetch(url);
        if (r instanceof RemotePictures.Fetched f) {
            Optional<Asset> asset = assets.remote(url, f.data(), at(line));
            return asset.<ImageSource>map(a -> new LocalImage(a.href())).orElseGet(() -> new RemoteImage(written));
        }
        diagnostics.warn(at(line), Diagnostics.Kind.REMOTE, "the remote picture " + abbreviate(url) + " was not downloaded: "
                + ((RemotePictures.Failed) r).reason() + "; its alt text and address are shown");
        return new RemoteImage(written);
    }

    @Override
    public void warn(int line, Diagnostics.Kind kind, String message) {
        diagnostics.warn(at(line), kind, message);
    }

    private SourceLocation at(int line) {
        return source.locate(line);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
