package dev.studybook.load;

import dev.studybook.error.SourceLocation;
import dev.studybook.io.TextFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The routes a docsify site's {@code alias} (in its index.html) sends to pages on the web: docsifyjs/docsify's
 * sidebar lists "changelog.md", which its site fetches from raw.githubusercontent.com and which is no file of the
 * repository. Such a sidebar entry is left out with a warning instead of stopping the build as a missing chapter.
 */
final class DocsifyAliases {

    /** One alias whose target is a web address: the route pattern, the address, and where it is written. */
    record Remote(Pattern route, String url, SourceLocation at) {
    }

    private static final Pattern ALIAS = Pattern.compile("\\balias\\s*:\\s*\\{");
    private static final Pattern PAIR = Pattern.compile(
            "(['\"])((?:(?!\\1)[^\\\\\\n]|\\\\.){1,200})\\1\\s*:\\s*(['\"])(https?://[^'\"\\s]{1,500})\\3");

    private final List<Remote> remotes;

    private DocsifyAliases(List<Remote> remotes) {
        this.remotes = List.copyOf(remotes);
    }

    /** The remote aliases of the docsify site whose page is {@code dir}/index.html; none when there is no such page. */
    static DocsifyAliases read(Path dir) {
        Path page = dir.resolve("index.html");
        try {
            if (!Files.isRegularFile(page, LinkOption.NOFOLLOW_LINKS) || Files.size(page) > 1 << 20) {
                return new DocsifyAliases(List.of());
            }
        } catch (IOException e) {
            return new DocsifyAliases(List.of());
        }
        String text = TextFiles.read(page, "index.html");
        List<Remote> out = new ArrayList<>();
        Matcher a = ALIAS.matcher(text);
        while (a.find()) {
            int end = text.indexOf('}', a.end());
            String block = text.substring(a.end(), end < 0 ? text.length() : end);
            Matcher p = PAIR.matcher(block);
            while (p.find()) {
                try {
                    int line = 1 + (int) text.substring(0, a.end() + p.start()).chars().filter(c -> c == '\n').count();
                    // The key is a regular expression in JavaScript; the common ones read the same in Java.
                    out.add(new Remote(Pattern.compile(p.group(2).replace("\\\\", "\\")), p.group(4),
                            SourceLocation.of(page, line)));
                } catch (PatternSyntaxException e) {
                    // A pattern Java does not read names no page of the book: the entry is reported as missing.
                }
            }
        }
        return new DocsifyAliases(out);
    }

    /**
     * The alias that sends the page {@code relative} (a path from the site's folder, such as {@code changelog.md})
     * to the web, tried as docsify routes it: {@code /changelog}, then {@code /changelog.md}.
     */
    Optional<Remote> remote(String relative) {
        String route = "/" + relative.replace('\\', '/').replaceFirst("^/+", "");
        String bare = route.replaceFirst("(?i)\\.md$", "");
        for (Remote r : remotes) {
            if (r.route().matcher(bare).find() || r.route().matcher(route).find()) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
