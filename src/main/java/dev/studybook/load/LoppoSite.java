package dev.studybook.load;

import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import dev.studybook.io.ContentFolder;
import dev.studybook.io.TextFiles;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A loppo site's contents (ruanyf/loppo, which every wangdoc tutorial is built with): {@code chapters.yml} lists
 * {@code - path: title} in order, a path ending in {@code /} a folder whose pages follow it; paths are relative to the
 * {@code dir} of {@code loppo.yml} (docs by default), whose {@code site} names the book. Their READMEs link to no page.
 */
final class LoppoSite {

    private static final Pattern DIR = Pattern.compile("(?m)^dir\\s*:\\s*['\"]?([^'\"#\\n]*?)['\"]?\\s*(?:#.*)?$");
    private static final Pattern SITE = Pattern.compile("(?m)^site\\s*:\\s*['\"]?([^'\"#\\n]*?)['\"]?\\s*(?:#.*)?$");

    private LoppoSite() {
    }

    /** The site's contents, when the content folder holds a loppo {@code chapters.yml} that lists pages. */
    static Optional<HugoSite.Index> index(ContentFolder content, Diagnostics diagnostics) {
        Path root = content.root();
        Path chapters = root.resolve("chapters.yml");
        if (!Files.isRegularFile(chapters, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Path config = root.resolve("loppo.yml");
        String loppo = Files.isRegularFile(config, LinkOption.NOFOLLOW_LINKS) ? TextFiles.read(config, "loppo configuration") : "";
        Matcher d = DIR.matcher(loppo);
        String dirName = d.find() && !d.group(1).isBlank() ? d.group(1).strip() : "docs";
        Path docs = root.resolve(dirName).normalize();
        if (!Files.isDirectory(docs, LinkOption.NOFOLLOW_LINKS) || !content.contains(docs)) {
            return Optional.empty();
        }
        Node top;
        try {
            top = new Compose(LoadSettings.builder().setLabel(chapters.toString()).setMaxAliasesForCollections(10).build())
                    .composeString(TextFiles.read(chapters, "chapters.yml")).orElse(null);
        } catch (RuntimeException e) {
            diagnostics.warn(SourceLocation.of(chapters), Diagnostics.Kind.CONFIG, "chapters.yml cannot be read as YAML ("
                    + e.getMessage().lines().findFirst().orElse("") + "); its list of chapters is not used");
            return Optional.empty();
        }
        if (!(top instanceof SequenceNode entries)) {
            return Optional.empty();
        }
        Matcher s = SITE.matcher(loppo);
        SiteSummary md = new SiteSummary(s.find() && !s.group(1).isBlank() ? s.group(1).strip()
                : root.getFileName().toString(), "");
        for (Node entry : entries.getValue()) {
            String path;
            String title = "";
            int line = YamlNodes.line(entry);
            if (entry instanceof ScalarNode p) {
                path = p.getValue();
            } else if (entry instanceof MappingNode m && m.getValue().size() == 1
                    && m.getValue().get(0).getKeyNode() instanceof ScalarNode k) {
                NodeTuple t = m.getValue().get(0);
                path = k.getValue();
                // loppo shows titles as text: wangdoc's "<img>" and "<video>，<audio>" name pages about those elements,
                // and read as HTML they were a picture-only link (the page left out) and an empty title.
                title = t.getValueNode() instanceof ScalarNode v
                        ? v.getValue().strip().replace("&", "&amp;").replace("<", "&lt;") : "";
            } else {
                continue;
            }
            path = path.strip().replaceFirst("^\\./", "").replaceFirst("^/+", "");
            if (path.isEmpty()) {
                continue;
            }
            if (path.endsWith("/")) {
                // A folder: loppo shows it as a heading over the pages whose paths start with it.
                int depth = depth(path.substring(0, path.length() - 1));
                String name = title.isEmpty() ? SiteSummary.folderTitle(Path.of(path).getFileName().toString()) : title;
                if (depth == 0) {
                    md.part(line, name);
                } else {
                    md.group(line, depth - 1, name);
                }
            } else {
                // Folders at the top are parts, so a page sits one level above the number of folders it is in.
                md.page(line, Math.max(0, depth(path) - 1), title, path);
            }
        }
        return md.isEmpty() ? Optional.empty() : Optional.of(new HugoSite.Index(chapters, docs, md.toString()));
    }

    /** How many folders a path is in: {@code a/b/c.md} is in two. */
    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count();
    }
}
