package dev.studybook.load;

import dev.studybook.io.ContentFolder;
import dev.studybook.io.TextFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a docsify site's routes start: the folder of its index.html. A sidebar in docs/ writes
 * {@code [面向对象](/basics/object-oriented/principle.md)} for docs/basics/object-oriented/principle.md
 * (hollischuang/toBeTopJavaer: 176 chapters "not found" at the repository's root before).
 */
final class DocsifySite {

    private static final Pattern CONFIG = Pattern.compile("\\$docsify\\s*=");

    private DocsifySite() {
    }

    /** True when {@code dir}/index.html configures a docsify site. */
    static boolean isSite(Path dir) {
        Path page = dir.resolve("index.html");
        try {
            if (!Files.isRegularFile(page, LinkOption.NOFOLLOW_LINKS) || Files.size(page) > 1 << 20) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        return CONFIG.matcher(TextFiles.read(page, "index.html")).find();
    }

    /** The docsify sites' folders below the content folder's top, where their root-relative links start. */
    static List<Path> routeRoots(ContentFolder content) {
        List<Path> out = new ArrayList<>();
        for (String folder : OutlineReader.SITE_FOLDERS) {
            Path dir = content.root().resolve(folder);
            if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && content.contains(dir) && isSite(dir)) {
                out.add(dir);
            }
        }
        return out;
    }
}
