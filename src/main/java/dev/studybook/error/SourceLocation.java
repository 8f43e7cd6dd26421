package dev.studybook.error;

import java.nio.file.Path;
import java.util.Objects;

/** A place in a source file that a message points at: a file and, when known, a 1-based line. */
public record SourceLocation(Path file, int line) implements Comparable<SourceLocation> {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0 (0 means unknown): " + line);
        }
    }

    /** A location that names only a file. */
    public static SourceLocation of(Path file) {
        return new SourceLocation(file, 0);
    }

    public static SourceLocation of(Path file, int line) {
        return new SourceLocation(file, line);
    }

    /** The file as the user would type it: relative to the working directory when it lies below it. */
    public String displayPath() {
        Path abs = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path shown = abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }

    @Override
    public String toString() {
        return line > 0 ? displayPath() + ":" + line : displayPath();
    }

    @Override
    public int compareTo(SourceLocation o) {
        int c = file.toString().compareTo(o.file.toString());
        return c != 0 ? c : Integer.compare(line, o.line);
    }
}
