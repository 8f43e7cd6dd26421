package dev.studybook.io;

import dev.studybook.error.ExitCode;
import dev.studybook.error.SourceLocation;
import dev.studybook.error.StudybookException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes an output file so that it is either complete or untouched: the bytes go to a temporary file in
 * the same folder, which replaces the target only when it has been written and flushed.
 */
public final class AtomicOutput {

    /** Writes the content of an output. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Temporary files being written; a JVM shutdown (Ctrl-C) removes them, so no partial file is left. */
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path p : IN_PROGRESS) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // Exiting anyway; a hidden .part file is all that can remain.
                }
            }
        }, "studybook-cleanup"));
    }

    private AtomicOutput() {
    }

    /** Temporary files are created private; an ebook is for reading, so it becomes rw-r--r--. */
    private static void readableByAll(Path p) throws IOException {
        if (p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Writes {@code target} through {@code writer}; on any failure the previous file is left as it was. */
    public static void write(Path target, Writer writer) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
            IN_PROGRESS.add(tmp);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
            readableByAll(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            IN_PROGRESS.remove(tmp);
            tmp = null;
        } catch (IOException e) {
            throw new StudybookException(ExitCode.OUTPUT, SourceLocation.of(target),
                    "cannot write the output: " + e.getMessage(),
                    "check that the output folder is writable and the disk has space", e);
        } finally {
            if (tmp != null) {
                IN_PROGRESS.remove(tmp);
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The temporary file is hidden and named .part; nothing more can be done here.
                }
            }
        }
    }
}
