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

    /**
     * A file written in full to a temporary file beside its target, waiting to replace it: a build stages every
     * output, then commits them together, so that a failure in any leaves all earlier outputs as they were.
     */
    public static final class Staged {
        private final Path target;
        private Path tmp;

        private Staged(Path target, Path tmp) {
            this.target = target;
            this.tmp = tmp;
        }

        public Path target() {
            return target;
        }

        /** Moves the temporary file into place. */
        void commit() throws IOException {
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            IN_PROGRESS.remove(tmp);
            tmp = null;
        }

        /** Deletes the temporary file; the target is left as it was. */
        public void discard() {
            if (tmp != null) {
                IN_PROGRESS.remove(tmp);
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The temporary file is hidden and named .part; nothing more can be done here.
                }
                tmp = null;
            }
        }
    }

    /**
     * Writes {@code target}'s new content to a temporary file beside it, to be committed with {@link #commitAll}; on
     * a failure (a full disk) the temporary file is removed and the error names the target.
     */
    public static Staged stage(Path target, Writer writer) {
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
            Staged s = new Staged(target, tmp);
            tmp = null;
            return s;
        } catch (IOException e) {
            throw cannotWrite(target, e);
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

    /** Writes {@code target} through {@code writer}; on any failure the previous file is left as it was. */
    public static void write(Path target, Writer writer) {
        commitAll(java.util.List.of(stage(target, writer)));
    }

    private static StudybookException cannotWrite(Path target, IOException e) {
        return new StudybookException(ExitCode.OUTPUT, SourceLocation.of(target), "cannot write the output: "
                + e.getMessage(), "check that the output folder is writable and the disk has space", e);
    }

    /** Builds of this JVM committing into an output folder (a file lock is held once per process). */
    private static final java.util.concurrent.locks.ReentrantLock COMMIT_LOCK = new java.util.concurrent.locks.ReentrantLock();

    /**
     * Moves every staged file into place, holding a lock on the output folder so that two builds writing the same
     * folder at once each leave a complete set (the last one's): in this JVM a lock, between processes a file lock
     * on {@code .studybook-<folder>.lock} in the system's temporary folder (never in the output folder, which holds
     * only outputs). On failure the files not yet moved are discarded.
     */
    public static void commitAll(java.util.List<Staged> staged) {
        if (staged.isEmpty()) {
            return;
        }
        Path dir = staged.get(0).target().toAbsolutePath().getParent();
        COMMIT_LOCK.lock();
        try (java.nio.channels.FileChannel lock = processLock(dir)) {
            if (lock != null) {
                lock.lock();
            }
            for (Staged s : staged) {
                try {
                    s.commit();
                } catch (IOException e) {
                    throw cannotWrite(s.target(), e);
                }
            }
        } catch (IOException e) {
            // Closing the lock file failed; the outputs are in place.
        } finally {
            staged.forEach(Staged::discard);
            COMMIT_LOCK.unlock();
        }
    }

    /** The lock file of an output folder, or null when none can be made (a read-only temporary folder). */
    private static java.nio.channels.FileChannel processLock(Path dir) {
        try {
            String key = dir.toRealPath().toString();
            String name = ".studybook-" + Integer.toHexString(key.hashCode()) + Integer.toHexString(key.length()) + ".lock";
            return java.nio.channels.FileChannel.open(Path.of(System.getProperty("java.io.tmpdir"), name),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
