package dev.studybook.io;

import dev.studybook.error.SourceLocation;
import dev.studybook.error.StudybookException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The folder a book lives in and its boundary, the only place studybook reads book files from: the content folder
 * itself, or the root of the repository it lies in (where {@code .git}, {@code book.toml} or {@code book.json} is),
 * so that a chapter one folder up or an mdBook listing beside {@code src/} can be read. Every path is checked to stay
 * inside the boundary, symbolic links included.
 */
public final class ContentFolder {
    private final Path root;
    private final Path boundary;
    private final Path realBoundary;

    /** A content folder that is its own boundary. */
    public ContentFolder(Path root) throws IOException {
        this(root, root);
    }

    /** A content folder inside {@code boundary} (which must contain it). */
    public ContentFolder(Path root, Path boundary) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        Path b = boundary.toAbsolutePath().normalize();
        this.boundary = this.root.startsWith(b) ? b : this.root;
        this.realBoundary = this.boundary.toRealPath();
    }

    /** The content folder: where paths starting with '/' begin. */
    public Path root() {
        return root;
    }

    /** How messages name the boundary: "the content folder", or "the book's repository" when it reaches further. */
    public String name() {
        return boundary.equals(root) ? "the content folder" : "the book's repository (" + boundary + ")";
    }

    /** The folder nothing outside of is read: the repository's root, or the content folder itself. */
    public Path boundary() {
        return boundary;
    }

    /**
     * Resolves a path relative to {@code base} (a folder inside the boundary) or to the root when it
     * starts with '/'; empty when the result would leave the boundary.
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

    /** True when {@code p} lies inside the boundary, also after following symbolic links. */
    public boolean contains(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        if (!abs.startsWith(boundary)) {
            return false;
        }
        if (Files.exists(abs)) {
            try {
                return abs.toRealPath().startsWith(realBoundary);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns {@code p} when it lies inside the boundary (the check chapters, pictures and fonts go through), else
     * throws an error naming the file and where it leads: a book.yaml or index page that is a symbolic link to
     * {@code /etc/passwd} is never read.
     */
    public Path requireInside(Path p, String what) {
        if (contains(p)) {
            return p;
        }
        String real;
        try {
            real = p.toRealPath().toString();
        } catch (IOException e) {
            real = p.toAbsolutePath().normalize().toString();
        }
        throw StudybookException.content(SourceLocation.of(p), "the " + what + " leads outside " + name() + ", to " + real
                + "; studybook reads nothing outside the book", "copy the file into the book instead of linking to it");
    }

    /** The path relative to the root with '/' separators, e.g. {@code images/a.png}. */
    public String relative(Path p) {
        return root.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
