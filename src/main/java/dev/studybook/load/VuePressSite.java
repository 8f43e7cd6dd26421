package dev.studybook.load;

import dev.studybook.error.Diagnostics;
import dev.studybook.io.ContentFolder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A VuePress site's sidebar read as the book's contents: {@code sidebar} of {@code .vuepress/config.{js,ts}}
 * ({@code themeConfig} in VuePress 1, the default theme's options in VuePress 2), read as data without running it:
 * febobo/web-interview has no index page, only its site's sidebar of 200 questions.
 */
final class VuePressSite {

    /** The names VuePress reads its configuration from. */
    static final List<String> CONFIGS = List.of("config.ts", "config.js", "config.mts", "config.mjs", "config.cjs",
            "config/index.ts", "config/index.js");

    private VuePressSite() {
    }

    /** The site's contents, or empty when the content folder is not (in) a VuePress site. */
    static Optional<HugoSite.Index> index(ContentFolder content, Diagnostics diagnostics) {
        return VitePressSite.find(content, ".vuepress", CONFIGS).flatMap(config -> {
            Path vuepress = config.getParent();
            while (!vuepress.getFileName().toString().equals(".vuepress")) {
                vuepress = vuepress.getParent();
            }
            Path docs = vuepress.getParent();
            if (!docs.startsWith(content.root())) {
                return Optional.empty();
            }
            JsLiterals.Module m = JsImports.read(content, config, "VuePress configuration");
            return Optional.ofNullable(ThemeSidebar.site("VuePress", content, config, docs, m));
        });
    }
}
