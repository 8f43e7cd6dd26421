package dev.studybook.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The folder a book lives in, and the only place studybook reads book files from: every path is
 * checked to stay inside it, symbolic links included.
 */
public final class ContentFolder {
    private final Path root;
    private final Path realRoot;

    public ContentFolder(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.realRoot = this.root.toRealPath();
    }

    public Path root() {
        return root;
    }

    /**
     * Resolves a path relative to {@code base} (a folder inside the content folder) or to the root when it
     * starts with '/'; empty when the result would leave the content folder.
     */
    public Optional<Path> resolve(Path base, String relative) {
        String rel = relative.replace('\\', '/');
        Path start = rel.startsWith("/") ? root : base;
        while (rel.startsWith("/")) {
            rel = rel.substring(1);
        }
        Path p;
        try {
            p = start.resolve(rel).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        return contains(p) ? Optional.of(p) : Optional.empty();
    }

    /** True when {@code p} lies inside the content folder, also after following symbolic links. */
    public boolean contains(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        if (!abs.startsWith(root)) {
            return false;
        }
        if (Files.exists(abs)) {
            try {
                return abs.toRealPath().startsWith(realRoot);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** The path relative to the root with '/' separators, e.g. {@code images/a.png}. */
    public String relative(Path p) {
        return root.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
