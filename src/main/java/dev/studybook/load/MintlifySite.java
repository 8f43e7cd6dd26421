package dev.studybook.load;

import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import dev.studybook.io.ContentFolder;
import dev.studybook.io.TextFiles;
import dev.studybook.load.JsLiterals.Arr;
import dev.studybook.load.JsLiterals.Obj;
import dev.studybook.load.JsLiterals.Str;
import dev.studybook.load.JsLiterals.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A Mintlify site's navigation read as the book's contents: {@code navigation} of {@code docs.json} (tabs as parts,
 * groups, nested groups with an optional {@code root} page, pages by path without extension; one language of
 * {@code languages}, one version of {@code versions}) or of the older {@code mint.json} (an array of groups). Pages
 * the navigation names that no file holds (an OpenAPI operation, {@code "GET /plants"}) are left out with a note.
 * mintlify/docs was read as a folder of 287 pages in file order, its translations among them.
 */
final class MintlifySite {

    /** The names of a Mintlify configuration, newest first. */
    static final List<String> CONFIGS = List.of("docs.json", "mint.json");

    /** Containers that hold one navigation each, of which the book reads one (the default, else English, else the first). */
    private static final List<String> ALTERNATIVES = List.of("languages", "versions");

    /** Containers whose every entry is a part of the site, named by the key of the same name without its plural. */
    private static final List<String> SECTIONS = List.of("tabs", "anchors", "dropdowns", "products", "menu");

    private final ContentFolder content;
    private final Path docs;
    private final SiteSummary md;
    private int pages;
    private int missing;
    private int missingLine;
    private String missingName = "";
    private String language = "";

    private MintlifySite(ContentFolder content, Path docs, SiteSummary md) {
        this.content = content;
        this.docs = docs;
        this.md = md;
    }

    /** The site's contents, or empty when the content folder is not (in) a Mintlify site. */
    static Optional<HugoSite.Index> index(ContentFolder content, Diagnostics diagnostics) {
        Path root = content.root();
        for (Path config : SiteSummary.configs(content, List.of(root, root.resolve("docs")), CONFIGS)) {
            JsLiterals.Module m = JsLiterals.read(TextFiles.read(config, "Mintlify configuration"));
            if (!(m.exported().orElse(null) instanceof Obj o) || o.get("navigation").isEmpty()
                    || o.get("name").isEmpty() && o.get("theme").isEmpty()) {
                continue;
            }
            return Optional.ofNullable(read(content, config, o));
        }
        return Optional.empty();
    }

    private static HugoSite.Index read(ContentFolder content, Path config, Obj o) {
        Path docs = config.getParent();
        String title = o.string("name").orElse(docs.getFileName().toString());
        // The language is known once the navigation is read: a first pass finds it, the second writes the summary.
        MintlifySite probe = new MintlifySite(content, docs, new SiteSummary(title, ""));
        probe.navigation(o.get("navigation").orElseThrow(), 0);
        MintlifySite s = new MintlifySite(content, docs, new SiteSummary(title, probe.language));
        s.navigation(o.get("navigation").orElseThrow(), 0);
        if (s.pages == 0) {
            return null;
        }
        String note = s.missing == 0 ? "" : "the Mintlify navigation names " + (s.missing == 1 ? "a page" : s.missing
                + " pages") + " that no file of " + (docs.equals(content.root()) ? "the folder" : content.relative(docs)
                + "/") + " holds (" + s.missingName + (s.missing > 1 ? ", …" : "") + "; an OpenAPI operation, a page"
                + " the site makes): left out of the book";
        return new HugoSite.Index(config, docs, s.md.toString(), true, SourceLocation.of(config, s.missingLine), note);
    }

    /** A navigation: an array of groups and pages (mint.json), or an object of tabs, groups or pages (docs.json). */
    private void navigation(Value v, int depth) {
        if (v instanceof Arr a) {
            entries(a, depth);
            return;
        }
        if (!(v instanceof Obj o)) {
            return;
        }
        for (String key : ALTERNATIVES) {
            if (o.get(key).orElse(null) instanceof Arr a) {
                chosen(a, key).ifPresent(c -> navigation(c, depth));
                return;
            }
        }
        for (String key : SECTIONS) {
            if (o.get(key).orElse(null) instanceof Arr a) {
                String name = key.equals("menu") ? "item" : key.substring(0, key.length() - 1);
                boolean parts = depth == 0 && a.items().size() > 1;
                for (Value item : a.items()) {
                    if (item instanceof Obj section) {
                        if (parts) {
                            md.part(section.line(), section.string(name).orElse(""));
                        }
                        navigation(section, depth);
                    }
                }
                return;
            }
        }
        o.get("groups").ifPresent(g -> navigation(g, depth));
        o.get("pages").ifPresent(p -> navigation(p, depth));
    }

    /** The one language or version the book is read in: marked default, else English, else the first written here. */
    private Optional<Obj> chosen(Arr a, String key) {
        List<Obj> written = a.items().stream().filter(i -> i instanceof Obj o && o.get("$ref").isEmpty())
                .map(i -> (Obj) i).toList();
        String name = key.equals("languages") ? "language" : "version";
        Optional<Obj> c = written.stream().filter(o -> o.string("default").orElse("").equals("true")).findFirst()
                .or(() -> written.stream().filter(o -> o.string(name).orElse("").equals("en")).findFirst())
                .or(() -> written.stream().findFirst());
        if (key.equals("languages")) {
            c.flatMap(o -> o.string("language")).ifPresent(l -> language = l);
        }
        return c;
    }

    private void entries(Arr a, int depth) {
        for (Value v : a.items()) {
            if (v instanceof Str s) {
                page(s.line(), depth, "", s.value());
            } else if (v instanceof Obj o && o.get("group").isPresent()) {
                group(o, depth);
            } else if (v instanceof Obj o) {
                navigation(o, depth);
            }
        }
    }

    /** A group: its root page (when it names one) titled by the group, else the group's name; then its pages. */
    private void group(Obj o, int depth) {
        String label = o.string("group").orElse("");
        Optional<String> root = o.string("root");
        if (root.isEmpty() || !page(o.line(), depth, label, root.get())) {
            md.group(o.line(), depth, label);
        }
        if (o.get("pages").orElse(null) instanceof Arr pages) {
            entries(pages, depth + 1);
        } else {
            navigation(o, depth + 1);
        }
    }

    /** A page by its path without extension ({@code guides/start}); false when no file holds it. */
    private boolean page(int line, int depth, String label, String path) {
        Optional<String> r = SiteSummary.route(content, docs, path);
        if (r.isEmpty() || content.resolve(docs, r.get()).filter(Files::isRegularFile).isEmpty()) {
            if (r.isPresent() && missing++ == 0) {
                missingLine = line;
                missingName = path;
            }
            return false;
        }
        if (md.page(line, depth, label, r.get())) {
            pages++;
        }
        return true;
    }
}
