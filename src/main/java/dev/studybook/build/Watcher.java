package dev.studybook.build;

import dev.studybook.config.Request;
import dev.studybook.error.Diagnostics;
import dev.studybook.error.StudybookException;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Rebuilds a book whenever a file of its content folder is saved: changes are gathered until the folder has
 * been quiet for a moment, then one build runs, remembering what earlier builds did (only changed chapters
 * are parsed again). Runs until its thread is interrupted.
 */
public final class Watcher {

    /** How long the folder must be quiet before a rebuild: editors save in several steps. */
    static final long QUIET_MILLIS = 250;

    /** What one build did: the changed files that caused it, and its result or its error. */
    public record Rebuild(Set<String> changed, BuildResult result, StudybookException error, long millis) {
    }

    private final Request request;
    private final Consumer<Rebuild> report;
    private final BuildSession session = BuildSession.repeated(Progress.NONE);

    public Watcher(Request request, Consumer<Rebuild> report) {
        this.request = request;
        this.report = report;
    }

    /** Builds once, then after every change, until interrupted. */
    public void run() throws IOException {
        Path root = request.contentDir().toAbsolutePath().normalize();
        Path out = request.outDir().map(p -> p.toAbsolutePath().normalize()).orElse(null);
        try (WatchService ws = FileSystems.getDefault().newWatchService()) {
            register(ws, root, out);
            build(Set.of());
            while (!Thread.currentThread().isInterrupted()) {
                Set<String> changed = new TreeSet<>();
                WatchKey key = ws.take();
                collect(key, root, out, ws, changed);
                // Gather the rest of the burst.
                WatchKey more;
                while ((more = ws.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    collect(more, root, out, ws, changed);
                }
                if (!changed.isEmpty()) {
                    build(changed);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void build(Set<String> changed) {
        long start = System.nanoTime();
        try {
            BuildResult r = Builder.build(request, new Diagnostics(), session);
            report.accept(new Rebuild(changed, r, null, (System.nanoTime() - start) / 1_000_000));
        } catch (StudybookException e) {
            report.accept(new Rebuild(changed, null, e, (System.nanoTime() - start) / 1_000_000));
        } catch (java.io.UncheckedIOException e) {
            // A file or folder vanished while the book was read: the next change builds again.
            StudybookException se = StudybookException.content(null, "a file changed while the book was read: "
                    + e.getCause().getMessage(), "the build runs again on the next change");
            report.accept(new Rebuild(changed, null, se, (System.nanoTime() - start) / 1_000_000));
        }
    }

    private static void collect(WatchKey key, Path root, Path out, WatchService ws, Set<String> changed) throws IOException {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> e : key.pollEvents()) {
            if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                changed.add("(many files)");
                continue;
            }
            Path p = dir.resolve((Path) e.context());
            String name = p.getFileName().toString();
            if (ignored(name) || (out != null && p.startsWith(out))) {
                continue;
            }
            if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(p)) {
                try {
                    register(ws, p, out);
                } catch (java.nio.file.NoSuchFileException gone) {
                    // Created and removed again before it could be watched.
                }
            }
            changed.add(root.relativize(p).toString().replace('\\', '/'));
        }
        key.reset();
    }

    /** Editor back-ups, swap files and studybook's own partial outputs are not changes to the book. */
    static boolean ignored(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith(".") || n.endsWith("~") || n.endsWith(".swp") || n.endsWith(".tmp") || n.endsWith(".part")
                || n.startsWith("#");
    }

    /**
     * Watches {@code dir} and every folder under it. Folders may vanish while they are walked (an editor's or a
     * script's short-lived folders): those are skipped, never an error.
     */
    static void register(WatchService ws, Path dir, Path out) throws IOException {
        Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path d, java.nio.file.attribute.BasicFileAttributes a) {
                if ((out != null && d.startsWith(out)) || (!d.equals(dir) && d.getFileName().toString().startsWith("."))) {
                    return java.nio.file.FileVisitResult.SKIP_SUBTREE;
                }
                try {
                    d.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
                } catch (java.nio.file.NoSuchFileException | java.nio.file.NotDirectoryException gone) {
                    return java.nio.file.FileVisitResult.SKIP_SUBTREE;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) {
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
    }
}
