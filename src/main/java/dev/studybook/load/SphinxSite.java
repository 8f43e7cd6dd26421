package dev.studybook.load;

import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import dev.studybook.io.ContentFolder;
import dev.studybook.io.TextFiles;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Sphinx site written in MyST Markdown (executablebooks/MyST-Parser's docs, sphinx-book-theme's): {@code conf.py}
 * beside a root page {@code index.md} (its {@code root_doc}) whose {@code {toctree}} blocks list the pages, each
 * page's own toctrees listing its sub-pages, recursively. A toctree's {@code :caption:} on the root page is a part
 * of the book; {@code :glob:} entries are taken by name; {@code Title <page>} entries keep their title; web links
 * and {@code self} are left out; {@code :hidden:} and {@code :maxdepth:} only change the web page. The book's title
 * and author are conf.py's {@code project} and {@code author}.
 */
final class SphinxSite {

    /** Where Sphinx projects keep their source folder, tried in this order. */
    static final List<String> PLACES = List.of("docs", "doc", "", "source", "docs/source", "doc/source",
            "documentation");

    /** How deep toctrees are followed. */
    static final int MAX_DEPTH = 8;

    private static final Pattern FENCE = Pattern.compile("^[ \\t]*(`{3,}|~{3,}|:{3,})[ \\t]*(.*?)[ \\t]*$");
    private static final Pattern OPTION = Pattern.compile("^[ \\t]*:([A-Za-z][\\w-]*):(?:[ \\t]+(.*?))?[ \\t]*$");
    private static final Pattern ENTRY = Pattern.compile("^(.*?)\\s*<([^<>]+)>$");

    private final ContentFolder content;
    private final Path docs;
    private final SiteSummary md;
    private final SourcePages pages;
    private final Diagnostics diagnostics;
    private final Set<Path> seen = new HashSet<>();

    private SphinxSite(ContentFolder content, Path docs, SiteSummary md, Diagnostics diagnostics) {
        this.content = content;
        this.docs = docs;
        this.md = md;
        this.pages = new SourcePages(content, docs, md);
        this.diagnostics = diagnostics;
    }

    /** The site's contents, or empty when no conf.py of a MyST site has a Markdown root page listing pages. */
    static Optional<HugoSite.Index> index(ContentFolder content, Diagnostics diagnostics) {
        for (String place : PLACES) {
            Path dir = place.isEmpty() ? content.root() : content.root().resolve(place);
            Path conf = dir.resolve("conf.py");
            if (!Files.isRegularFile(conf, LinkOption.NOFOLLOW_LINKS) || !content.contains(conf)) {
                continue;
            }
            String py = TextFiles.read(conf, "conf.py");
            if (!py.contains("myst")) {
                continue;
            }
            String rootDoc = setting(py, "root_doc").or(() -> setting(py, "master_doc")).orElse("index");
            Path root = dir.resolve(rootDoc + ".md");
            if (!Files.isRegularFile(root, LinkOption.NOFOLLOW_LINKS) || !content.contains(root)) {
                continue;
            }
            String language = setting(py, "language").orElse("").replace('_', '-');
            SiteSummary md = new SiteSummary(setting(py, "project").orElseGet(() -> SourcePages.rootTitle(root)),
                    language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*") ? language : "", setting(py, "author").orElse(""));
            SphinxSite s = new SphinxSite(content, dir, md, diagnostics);
            s.pages.file(0, 0, "", rootDoc + ".md", false);
            s.seen.add(root.toAbsolutePath().normalize());
            s.page(root, 0, true);
            if (s.pages.count() > 1) {
                return Optional.of(new HugoSite.Index(conf, dir, md.toString(), true, s.pages.noteAt(conf),
                        s.pages.note()));
            }
        }
        return Optional.empty();
    }

    /** A string setting of conf.py: {@code project = "Name"}. */
    static Optional<String> setting(String py, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\s*=\\s*(?:u|r)?(['\"])(.*?)\\1\\s*(?:#.*)?$").matcher(py);
        return m.find() && !m.group(2).isBlank() ? Optional.of(m.group(2).strip()) : Optional.empty();
    }

    /** The toctrees of {@code page}, their pages at {@code depth}, each page's own below it. */
    private void page(Path page, int depth, boolean root) {
        if (depth > MAX_DEPTH) {
            return;
        }
        String[] lines = TextFiles.read(page, "page").split("\n", -1);
        Deque<String> open = new ArrayDeque<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher f = FENCE.matcher(lines[i]);
            if (!f.matches()) {
                continue;
            }
            String marker = f.group(1);
            String info = f.group(2);
            if (!open.isEmpty()) {
                String top = open.peek();
                String fence = top.substring(0, top.indexOf(' '));
                boolean closes = info.isEmpty() && marker.charAt(0) == fence.charAt(0) && marker.length() >= fence.length();
                if (closes) {
                    open.pop();
                    continue;
                }
                if (top.endsWith("code")) {
                    continue;
                }
            }
            if (info.startsWith("{toctree}")) {
                i = toctree(page, lines, i, marker, depth, root);
            } else if (info.startsWith("{")) {
                open.push(marker + " directive");
            } else if (marker.charAt(0) != ':') {
                open.push(marker + " code");
            }
        }
    }

    /** The toctree opened at line {@code start}; the index of its closing line. */
    private int toctree(Path page, String[] lines, int start, String marker, int depth, boolean root) {
        Pattern closing = Pattern.compile("^[ \\t]*" + Pattern.quote(String.valueOf(marker.charAt(0))) + "{"
                + marker.length() + ",}[ \\t]*$");
        int end = start + 1;
        while (end < lines.length && !closing.matcher(lines[end]).matches()) {
            end++;
        }
        boolean glob = false;
        String caption = "";
        List<Integer> entries = new ArrayList<>();
        boolean options = true;
        for (int k = start + 1; k < end; k++) {
            String l = lines[k].strip();
            Matcher o = OPTION.matcher(lines[k]);
            if (options && o.matches()) {
                if (o.group(1).equals("glob")) {
                    glob = true;
                } else if (o.group(1).equals("caption") && o.group(2) != null) {
                    caption = o.group(2).strip();
                }
                continue;
            }
            options = false;
            if (!l.isEmpty() && !l.equals("---")) {
                entries.add(k);
            }
        }
        if (root && !caption.isEmpty()) {
            md.part(0, caption);
        }
        int inner = root ? depth : depth + 1;
        Path dir = page.getParent();
        pages.writtenIn(page);
        for (int k : entries) {
            String l = lines[k].strip();
            Matcher e = ENTRY.matcher(l);
            String title = e.matches() ? e.group(1).strip() : "";
            String target = e.matches() ? e.group(2).strip() : l;
            if (target.equals("self") || target.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
                continue;
            }
            String rel = docs.relativize(target.startsWith("/") ? docs : dir).toString().replace('\\', '/');
            String fromDocs = (rel.isEmpty() ? "" : rel + "/") + target.replaceFirst("^/+", "");
            if (glob && target.matches(".*[*?\\[].*")) {
                pages.glob(0, inner, fromDocs);
                continue;
            }
            Optional<String> found = pages.find(dir, target);
            if (found.isEmpty()) {
                diagnostics.warn(SourceLocation.of(page, k + 1), Diagnostics.Kind.INDEX, "the toctree names '" + target
                        + "', which is no page of the site (looked for " + fromDocs + ".md); it is left out");
                continue;
            }
            if (!SourcePages.readable(found.get())) {
                pages.skip(k + 1, found.get());
                continue;
            }
            int before = pages.count();
            pages.file(0, inner, title, found.get(), false);
            Path file = docs.resolve(found.get()).toAbsolutePath().normalize();
            // A notebook's own toctree is not followed: its text is JSON until the loader reads its cells.
            if (pages.count() > before && seen.add(file) && !Notebook.isNotebook(file)) {
                page(file, inner, false);
                pages.writtenIn(page);
            }
        }
        return end;
    }
}
