package dev.studybook.load;

import dev.studybook.io.ContentFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Finds the file a {@link LinkTarget} names inside the content folder, never outside it. */
public final class LinkResolver {

    /** The outcome of resolving a target. */
    public sealed interface Resolution permits Found, Missing, Outside {
    }

    /** The target exists at {@code file}. */
    public record Found(Path file) implements Resolution {
    }

    /** The target does not exist; {@code lookedFor} is the path that was looked for, as the user would read it. */
    public record Missing(Path lookedFor, String note) implements Resolution {
    }

    /** The target would leave the content folder. */
    public record Outside(String path) implements Resolution {
    }

    private final ContentFolder content;

    public LinkResolver(ContentFolder content) {
        this.content = content;
    }

    public ContentFolder content() {
        return content;
    }

    /** Resolves {@code target} as written in {@code fromFile}. */
    public Resolution resolve(Path fromFile, LinkTarget target) {
        Path base = fromFile.toAbsolutePath().normalize().getParent();
        return switch (target.kind()) {
            case RELATIVE -> existing(content.resolve(base, target.path()).orElse(null), target.path());
            case ROOT -> existing(content.resolve(content.root(), "/" + target.path()).orElse(null), target.path());
            case REPOSITORY -> repository(target.path());
        };
    }

    private Resolution existing(Path p, String written) {
        if (p == null) {
            return new Outside(written);
        }
        return Files.exists(p) ? new Found(p) : new Missing(p, "");
    }

    /**
     * A repository path is tried whole, then without its leading folders one at a time, so that a link to
     * {@code github.com/o/r/blob/main/docs/book/a.md} finds {@code a.md} in a content folder holding
     * either {@code docs/book/} or only the book itself.
     */
    private Resolution repository(String repoPath) {
        List<String> segments = new ArrayList<>(Arrays.asList(repoPath.split("/")));
        segments.removeIf(String::isEmpty);
        if (segments.isEmpty() || segments.contains("..")) {
            return new Outside(repoPath);
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
            last = p;
        }
        return new Missing(last, "from the repository path '" + repoPath + "'; no trailing part of it exists in the content folder");
    }
}
