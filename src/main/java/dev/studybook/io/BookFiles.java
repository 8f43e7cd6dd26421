package dev.studybook.io;

import dev.studybook.error.SourceLocation;
import dev.studybook.error.StudybookException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The one check made before any file of the book is opened (chapters, index pages, book.yaml, pictures, fonts,
 * stylesheets): it must be a regular file. A named pipe would block the build forever once opened, a device may
 * never end, a socket or folder cannot be read; each is told by its attributes alone, without opening it.
 */
public final class BookFiles {

    private BookFiles() {
    }

    /**
     * What {@code file} is when it is not a regular file ("a named pipe (FIFO)", "a device", "a socket",
     * "a folder"), after following symbolic links; empty for a regular file or one that does not exist.
     */
    public static Optional<String> notRegular(Path file) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (a.isRegularFile()) {
            return Optional.empty();
        }
        if (a.isDirectory()) {
            return Optional.of("a folder");
        }
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            if (mode instanceof Integer m) {
                switch (m & 0xF000) {
                    case 0x1000:
                        return Optional.of("a named pipe (FIFO)");
                    case 0x2000:
                    case 0x6000:
                        return Optional.of("a device");
                    case 0xC000:
                        return Optional.of("a socket");
                    default:
                        break;
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // Not a Unix file system: the generic word below serves.
        }
        return Optional.of("not a regular file");
    }

    /**
     * Throws an error naming {@code file} unless it is a regular file (or does not exist, which the reader reports
     * in its own words); {@code what} is what the file is to the user, e.g. "chapter".
     */
    public static void requireRegular(Path file, String what) {
        requireRegular(file, what, SourceLocation.of(file));
    }

    /**
     * As {@link #requireRegular(Path, String)}, the error placed at {@code at} (e.g. the line that names the file);
     * {@code what} then names the file too, e.g. "image 'images/a.png'".
     */
    public static void requireRegular(Path file, String what, SourceLocation at) {
        Optional<String> kind = notRegular(file);
        if (kind.isPresent()) {
            String k = kind.get();
            throw StudybookException.content(at, "the " + what + " is "
                    + (k.startsWith("not") ? k : k + ", not a regular file") + "; studybook reads only regular files",
                    k.equals("a folder") ? "name a file inside it instead" : "replace it with an ordinary file");
        }
    }
}
