package dev.studybook.load;

import dev.studybook.io.ContentFolder;
import dev.studybook.load.JsLiterals.Arr;
import dev.studybook.load.JsLiterals.Computed;
import dev.studybook.load.JsLiterals.Module;
import dev.studybook.load.JsLiterals.Obj;
import dev.studybook.load.JsLiterals.Prop;
import dev.studybook.load.JsLiterals.Ref;
import dev.studybook.load.JsLiterals.Str;
import dev.studybook.load.JsLiterals.Value;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A VitePress or VuePress {@code themeConfig.sidebar} written as data, read into a {@link SiteSummary}: an array of
 * pages and groups, or one sidebar per path ({@code '/guide/': [...]}); a page is a route string, a
 * {@code [route, title]} pair (VuePress 1) or {@code { text|title, link|path }}, a group {@code { text|title,
 * items|children }} with an optional {@code base} (VitePress) or {@code prefix} (VuePress 2).
 */
final class ThemeSidebar {

    /** What was read: how many pages, and the first entry that needs running to be known (line 0: none). */
    record Result(int pages, int computedLine, String computedText) {
    }

    private final ContentFolder content;
    private final Path docs;
    private final Module module;
    private final SiteSummary md;
    private int pages;
    private int computedLine;
    private String computedText = "";

    private ThemeSidebar(ContentFolder content, Path docs, Module module, SiteSummary md) {
        this.content = content;
        this.docs = docs;
        this.module = module;
        this.md = md;
    }

    /**
     * The contents of a VitePress or VuePress site whose configuration is {@code config} and pages are in
     * {@code docs}: its sidebar when it is written as data (the site's menu), else its pages in file-name order
     * (front matter {@code order} first), with a note naming the line where the sidebar needs running.
     */
    static HugoSite.Index site(String generator, ContentFolder content, Path config, Path docs, Module module) {
        String title = top(module, "title").orElse("");
        if (title.isBlank()) {
            title = docs.equals(content.root()) || docs.getParent() == null ? content.root().getFileName().toString()
                    : docs.getParent().getFileName().toString();
        }
        String lang = top(module, "lang").orElse("");
        String name = content.relative(config);
        Optional<Prop> sidebar = JsLiterals.find(module, "sidebar", "themeConfig");
        // VitePress and VuePress 1 call the top bar "nav", vuepress-theme-hope "navbar" (JavaGuide).
        Optional<Value> nav = JsLiterals.find(module, "nav", "themeConfig")
                .or(() -> JsLiterals.find(module, "navbar", "themeConfig")).map(Prop::value);
        String why;
        int line = 0;
        if (sidebar.isPresent()) {
            SiteSummary md = new SiteSummary(title, lang);
            Result r = write(md, content, docs, module, sidebar.get().value(), nav);
            if (r.pages() > 0) {
                String note = r.computedLine() == 0 ? "" : "part of the " + generator + " sidebar is computed ("
                        + r.computedText() + "): its entries there are left out; the other " + r.pages()
                        + " pages are the chapters, in the sidebar's order";
                return new HugoSite.Index(config, docs, md.toString(), true,
                        dev.studybook.error.SourceLocation.of(config, r.computedLine()), note);
            }
            line = r.computedLine() > 0 ? r.computedLine() : sidebar.get().line();
            why = "the " + generator + " sidebar is computed (" + (r.computedText().isEmpty() ? "sidebar"
                    : r.computedText()) + ")";
        } else {
            why = "the " + generator + " configuration writes no sidebar (it is imported or made by its theme)";
        }
        SiteSummary md = new SiteSummary(title, lang);
        md.folder(content, docs, docs, 0, java.util.List.of("order", "sidebar_position", "nav_order", "weight"), new int[1]);
        if (md.isEmpty()) {
            return null;
        }
        return new HugoSite.Index(config, docs, md.toString(), false,
                dev.studybook.error.SourceLocation.of(config, line), why + "; the chapters are the pages of "
                + (docs.equals(content.root()) ? "the folder" : content.relative(docs) + "/")
                + " in file-name order (front matter 'order' first); --index FILE names an index page instead");
    }

    /**
     * The folders a VitePress or VuePress site serves its pages from (its {@code srcDir}), where the pages' links
     * starting with {@code /} lead: vuejs/docs writes {@code /guide/essentials/application} for
     * {@code src/guide/essentials/application.md}.
     */
    static java.util.List<Path> docsRoots(ContentFolder content) {
        java.util.List<Path> out = new java.util.ArrayList<>();
        VitePressSite.find(content, ".vitepress", VitePressSite.CONFIGS).ifPresent(config -> {
            Path site = VitePressSite.siteOf(config);
            Module m = JsLiterals.read(dev.studybook.io.TextFiles.read(config, "VitePress configuration"));
            out.add(top(m, "srcDir").map(d -> site.resolve(d).normalize()).orElse(site));
        });
        VitePressSite.find(content, ".vuepress", VuePressSite.CONFIGS).ifPresent(config -> {
            Path p = config.getParent();
            while (p != null && !p.getFileName().toString().equals(".vuepress")) {
                p = p.getParent();
            }
            if (p != null) {
                out.add(p.getParent());
            }
        });
        return out.stream().filter(content::contains).toList();
    }

    /**
     * The folders a VitePress or VuePress site serves at its root: {@code public/} in its source folder, and
     * {@code .vuepress/public/} (vuejs/docs: src/public/images/lambdatest.svg, written /images/lambdatest.svg).
     */
    static java.util.List<Path> publicRoots(ContentFolder content) {
        java.util.List<Path> out = new java.util.ArrayList<>();
        for (Path root : docsRoots(content)) {
            for (Path p : java.util.List.of(root.resolve("public"), root.resolve(".vuepress/public"))) {
                if (java.nio.file.Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && content.contains(p)
                        && !out.contains(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** A string property of the exported configuration itself (not of its sidebar or locales). */
    static Optional<String> top(Module module, String key) {
        return module.exported().map(module::resolve).filter(v -> v instanceof Obj).map(v -> (Obj) v)
                .flatMap(o -> own(module, o, key, 0)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /**
     * A string property of an object, or of an object it spreads in ({@code ...sharedConfig}, a constant of the
     * module or imported: vuejs/pinia's {@code title: 'Pinia'}), the object's own property winning.
     */
    private static Optional<String> own(Module module, Obj o, String key, int depth) {
        Optional<Value> v = o.get(key).map(module::resolve);
        if (v.isPresent()) {
            return v.filter(x -> x instanceof Str).map(x -> ((Str) x).value());
        }
        if (depth > 4) {
            return Optional.empty();
        }
        // The last spread wins in JavaScript, as a later property does.
        java.util.List<Prop> props = o.props();
        for (int i = props.size() - 1; i >= 0; i--) {
            if (props.get(i).key() == null && props.get(i).value() instanceof Computed c && c.text().startsWith("...")
                    && module.constants().containsKey(c.text().substring(3))
                    && module.resolve(module.constants().get(c.text().substring(3))) instanceof Obj inner) {
                Optional<String> found = own(module, inner, key, depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Writes {@code sidebar} into {@code md}; {@code nav}, when written as data, names the parts of a per-path map. */
    static Result write(SiteSummary md, ContentFolder content, Path docs, Module module, Value sidebar,
            Optional<Value> nav) {
        ThemeSidebar s = new ThemeSidebar(content, docs, module, md);
        Value v = module.resolve(sidebar);
        if (v instanceof Arr a) {
            s.items(a, 0, "");
        } else if (v instanceof Obj o) {
            long paths = o.props().stream().filter(p -> p.key() != null).count();
            for (Prop p : navOrder(module, nav, o.props())) {
                if (p.key() == null) {
                    s.computed(p.value());
                    continue;
                }
                Value side = module.resolve(p.value());
                String base = p.key();
                if (side instanceof Obj group && group.get("items").isPresent()) {
                    // VitePress: '/guide/': { base: '/guide/', items: [...] }
                    base = group.string("base").orElse(base);
                    side = module.resolve(group.get("items").get());
                }
                if (!(side instanceof Arr a)) {
                    s.computed(side);
                    continue;
                }
                if (paths > 1) {
                    md.part(p.line(), partTitle(content, docs, module, nav, p.key()));
                }
                // A per-path sidebar's relative routes start from its path (VuePress 1 and 2).
                s.items(a, 0, base.startsWith("/") ? base : "");
            }
        } else {
            s.computed(v);
        }
        return new Result(s.pages, s.computedLine, s.computedText);
    }

    private void items(Arr arr, int depth, String prefix) {
        for (Value raw : arr.items()) {
            Value item = module.resolve(raw);
            if (item instanceof Str str) {
                page(str.line(), depth, "", join(prefix, str.value()));
            } else if (item instanceof Arr pair && !pair.items().isEmpty() && pair.items().get(0) instanceof Str route) {
                String title = pair.items().size() > 1 && pair.items().get(1) instanceof Str t ? t.value() : "";
                page(pair.line(), depth, title, join(prefix, route.value()));
            } else if (item instanceof Obj o) {
                String title = o.string("text").or(() -> o.string("title")).or(() -> o.string("label")).orElse("");
                Optional<String> link = o.string("link").or(() -> o.string("path"));
                Optional<Value> children = o.get("items").or(() -> o.get("children")).map(module::resolve);
                String inner = o.string("base").or(() -> o.string("prefix").map(x -> join(prefix, x))).orElse(prefix);
                if (children.isPresent() && children.get() instanceof Arr kids) {
                    if (link.isPresent() && page(o.line(), depth, title, join(prefix, link.get()))) {
                        items(kids, depth + 1, inner);
                    } else if (!kids.items().isEmpty()) {
                        md.group(o.line(), depth, title);
                        items(kids, depth + 1, inner);
                    }
                } else if (children.isPresent()) {
                    link.ifPresent(l -> page(o.line(), depth, title, join(prefix, l)));
                    computed(children.get());
                } else if (link.isPresent()) {
                    page(o.line(), depth, title, join(prefix, link.get()));
                }
            } else {
                computed(item);
            }
        }
    }

    /** Writes a page entry; false for an external address or a route that names no page. */
    private boolean page(int line, int depth, String title, String route) {
        Optional<String> file = SiteSummary.route(content, docs, unrewrite(route));
        if (file.isEmpty()) {
            return false;
        }
        if (md.page(line, depth, title, file.get())) {
            pages++;
        }
        return true;
    }

    /**
     * The page behind a route that VitePress's {@code rewrites} makes ({@code 'packages/:pkg/src/(.*)': ':pkg/$1'}):
     * the sidebar names the route a reader sees, the page lies where the rewrite's source says.
     */
    private String unrewrite(String route) {
        Optional<Value> rw = module.exported().map(module::resolve).filter(v -> v instanceof Obj)
                .flatMap(o -> ((Obj) o).get("rewrites")).map(module::resolve);
        if (rw.isEmpty() || !(rw.get() instanceof Obj rewrites) || route.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
            return route;
        }
        String r = route.strip().replaceFirst("[#?].*$", "").replaceFirst("^/+", "").replaceFirst("(?i)\\.html$", "");
        String page = r.isEmpty() || r.endsWith("/") ? r + "index.md" : r.toLowerCase(java.util.Locale.ROOT)
                .endsWith(".md") ? r : r + ".md";
        for (Prop p : rewrites.props()) {
            if (p.key() == null || !(module.resolve(p.value()) instanceof Str to)) {
                continue;
            }
            java.util.List<String> names = new java.util.ArrayList<>();
            java.util.regex.Pattern target = rewritePattern(to.value().replaceFirst("^/+", ""), names);
            java.util.regex.Matcher m = target.matcher(page);
            if (!m.matches()) {
                m = target.matcher(page.replaceFirst("(?i)\\.md$", ""));
                if (!m.matches()) {
                    continue;
                }
            }
            String from = p.key().replaceFirst("^/+", "");
            for (int i = 0; i < names.size(); i++) {
                String n = names.get(i);
                String value = java.util.regex.Matcher.quoteReplacement(m.group(i + 1));
                // $1 in the target is what the source's first (.*) matched.
                from = n.startsWith("$") ? from.replaceFirst("\\(\\.\\*\\)", value)
                        : from.replaceAll(":" + n + "\\*?(?![A-Za-z0-9_])", value);
            }
            return "/" + (from.toLowerCase(java.util.Locale.ROOT).endsWith(".md") ? from : from + ".md");
        }
        return route;
    }

    /** A rewrite's target as a pattern: {@code :name} one segment, {@code :name*} and {@code $1} any path. */
    private static java.util.regex.Pattern rewritePattern(String to, java.util.List<String> names) {
        StringBuilder re = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(":([A-Za-z_][A-Za-z0-9_]*)(\\*)?|\\$\\d")
                .matcher(to);
        int last = 0;
        int groups = 0;
        while (m.find()) {
            re.append(java.util.regex.Pattern.quote(to.substring(last, m.start())));
            if (m.group(1) != null) {
                names.add(m.group(1));
                re.append(m.group(2) != null ? "(.*)" : "([^/]+)");
            } else {
                names.add("$" + ++groups);
                re.append("(.*)");
            }
            last = m.end();
        }
        re.append(java.util.regex.Pattern.quote(to.substring(last)));
        return java.util.regex.Pattern.compile(re.toString());
    }

    private void computed(Value v) {
        if (computedLine == 0) {
            computedLine = v.line();
            computedText = v instanceof Computed c ? c.text() : v instanceof Ref r ? r.name() : v instanceof Str s
                    ? "'" + s.value() + "'" : "";
        }
    }

    private static String join(String prefix, String route) {
        if (prefix.isEmpty() || route.startsWith("/") || route.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
            return route;
        }
        return (prefix.endsWith("/") ? prefix : prefix + "/") + route;
    }

    /**
     * A per-path sidebar's title: the navigation entry that leads there, else the title in the front matter of its
     * folder's page (README.md, index.md), else its path's last folder.
     */
    private static String partTitle(ContentFolder content, Path docs, Module module, Optional<Value> nav, String path) {
        String[] segs = path.replaceAll("^/+|/+$", "").split("/");
        String last = segs[segs.length - 1];
        // The entry that leads to the path itself, else one leading into it that names its folder ("API" for
        // /api/); vuejs/docs' first entry into /guide/ is "Quick Start", which is one page of it.
        java.util.List<String[]> entries = new java.util.ArrayList<>();
        nav.map(module::resolve).ifPresent(n -> navEntries(module, n, entries, 0));
        String word = last.toLowerCase(java.util.Locale.ROOT).replace('-', ' ');
        for (String[] e : entries) {
            if (e[1].equals(path) || e[1].replaceFirst("(index|README)(\\.md|\\.html)?$", "").equals(path)) {
                return e[0];
            }
        }
        for (String[] e : entries) {
            if (e[1].startsWith(path) && !word.isEmpty() && e[0].toLowerCase(java.util.Locale.ROOT).contains(word)) {
                return e[0];
            }
        }
        for (String[] e : entries) {
            // "/" of JavaGuide is the sidebar of the entry "后端开发" (/home.md): the first entry that leads there.
            if (e[1].startsWith("/") && path.equals(sidebarOf(e[1], java.util.List.of(path), paths(module, nav)))) {
                return e[0];
            }
        }
        // JavaGuide's top bar leads nowhere into /zhuanlan/; its README names it ("星球专属优质专栏…"), not "Zhuanlan".
        Optional<String> own = folderPageTitle(content, docs, path);
        if (own.isPresent()) {
            return own.get();
        }
        return last.isEmpty() ? path : SiteSummary.folderTitle(last);
    }

    /** The front matter {@code title} of the folder page of a sidebar path, when it has one. */
    private static Optional<String> folderPageTitle(ContentFolder content, Path docs, String path) {
        String folder = path.replaceAll("^/+|/+$", "");
        if (folder.isEmpty() || path.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
            return Optional.empty();
        }
        for (String name : LinkResolver.FOLDER_PAGES) {
            Optional<Path> page = content.resolve(docs, folder + "/" + name);
            if (page.isPresent() && java.nio.file.Files.isRegularFile(page.get())) {
                return Optional.ofNullable(SiteSummary.frontMatter(page.get()).get("title")).filter(t -> !t.isBlank());
            }
        }
        return Optional.empty();
    }

    /**
     * A per-path sidebar's entries in the order the top bar leads to them: a site lists its most specific paths
     * first so that they match first (JavaGuide: "/ai-coding/" before "/"), while readers meet them in the top bar's
     * order. Paths the top bar does not lead to keep their place after the others.
     */
    private static java.util.List<Prop> navOrder(Module module, Optional<Value> nav, java.util.List<Prop> props) {
        java.util.List<String[]> entries = new java.util.ArrayList<>();
        nav.map(module::resolve).ifPresent(n -> navEntries(module, n, entries, 0));
        java.util.List<String> keys = props.stream().map(Prop::key).filter(k -> k != null && k.startsWith("/")).toList();
        if (entries.isEmpty() || keys.size() < 2) {
            return props;
        }
        java.util.Map<String, Integer> first = new java.util.HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String key = sidebarOf(entries.get(i)[1], keys, keys);
            if (key != null) {
                first.putIfAbsent(key, i);
            }
        }
        java.util.List<Prop> out = new java.util.ArrayList<>(props);
        out.sort(java.util.Comparator.comparingInt(p -> first.getOrDefault(p.key(), Integer.MAX_VALUE)));
        return out;
    }

    /** The sidebar path among {@code all} that serves {@code link} (the longest that starts it), when it is in {@code among}. */
    private static String sidebarOf(String link, java.util.List<String> among, java.util.List<String> all) {
        String best = null;
        for (String k : all) {
            if (link.startsWith(k) && (best == null || k.length() > best.length())) {
                best = k;
            }
        }
        return best != null && among.contains(best) ? best : null;
    }

    /** The sidebar paths of a per-path sidebar, for {@link #sidebarOf}. */
    private static java.util.List<String> paths(Module module, Optional<Value> nav) {
        return JsLiterals.find(module, "sidebar", "themeConfig").map(Prop::value).map(module::resolve)
                .filter(v -> v instanceof Obj).map(v -> ((Obj) v).props().stream().map(Prop::key)
                        .filter(k -> k != null && k.startsWith("/")).toList()).orElse(java.util.List.of());
    }

    /** The navigation's entries as {text, link}, in order. */
    private static void navEntries(Module module, Value v, java.util.List<String[]> out, int depth) {
        if (depth > 6) {
            return;
        }
        if (v instanceof Arr a) {
            for (Value i : a.items()) {
                navEntries(module, module.resolve(i), out, depth + 1);
            }
        } else if (v instanceof Obj o) {
            Optional<String> text = o.string("text").or(() -> o.string("title"));
            Optional<String> link = o.string("link");
            if (text.isPresent() && link.isPresent()) {
                out.add(new String[] {text.get(), link.get()});
            }
            o.get("items").or(() -> o.get("children")).ifPresent(k -> navEntries(module, module.resolve(k), out, depth + 1));
        }
    }
}
