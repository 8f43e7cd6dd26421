package dev.studybook.load;

import dev.studybook.error.Diagnostics;
import dev.studybook.io.ContentFolder;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A VitePress site's sidebar read as the book's contents: {@code themeConfig.sidebar} of
 * {@code .vitepress/config.{js,ts,mts}} (in the content folder, its {@code docs/}, or the folder above when the
 * content folder is the site's {@code srcDir}), read as data without running it; vuejs/docs' README is about
 * contributing and links to none of its 120 pages.
 */
final class VitePressSite {

    /** The names VitePress reads its configuration from. */
    static final List<String> CONFIGS = List.of("config.mts", "config.ts", "config.mjs", "config.js", "config.cts",
            "config.cjs", "config/index.mts", "config/index.ts", "config/index.mjs", "config/index.js");

    private VitePressSite() {
    }

    /** The site's contents, or empty when the content folder is not (in) a VitePress site. */
    static Optional<HugoSite.Index> index(ContentFolder content, Diagnostics diagnostics) {
        return find(content, ".vitepress", CONFIGS).flatMap(config -> {
            Path site = siteOf(config);
            JsLiterals.Module m = JsImports.read(content, config, "VitePress configuration");
            Path docs = ThemeSidebar.top(m, "srcDir").map(d -> site.resolve(d).normalize()).orElse(site);
            if (!Files.isDirectory(docs, LinkOption.NOFOLLOW_LINKS) || !content.contains(docs)
                    || !docs.startsWith(content.root())) {
                return Optional.empty();
            }
            return Optional.ofNullable(ThemeSidebar.site("VitePress", content, config, docs, m));
        });
    }

    /**
     * The site folder of a configuration: the folder above {@code .vitepress/config.ts}, or above
     * {@code .vitepress/config/index.ts} (vuejs/pinia splits its configuration into one file per language there).
     */
    static Path siteOf(Path config) {
        Path dir = config.getParent();
        if (dir.getFileName().toString().equals("config") && dir.getParent() != null) {
            dir = dir.getParent();
        }
        return dir.getParent();
    }

    /**
     * The configuration of a site whose {@code folder} ({@code .vitepress}, {@code .vuepress}) is in the content
     * folder, in its {@code docs/}, or in the folder above (inside the book's boundary).
     */
    static Optional<Path> find(ContentFolder content, String folder, List<String> names) {
        Path root = content.root();
        List<Path> sites = new java.util.ArrayList<>(List.of(root, root.resolve("docs")));
        if (root.getParent() != null && content.contains(root.getParent())) {
            sites.add(root.getParent());
        }
        SiteSummary.MONOREPO_SITES.forEach(m -> sites.add(root.resolve(m)));
        for (Path site : sites) {
            for (String n : names) {
                Path p = site.resolve(folder).resolve(n);
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && content.contains(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }
}
