package dev.studybook.build;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.config.Request;
import dev.studybook.testing.TestBooks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watch} survives folders appearing and vanishing while it registers and builds (issue 21: nested folders
 * made and removed quickly ended it with NoSuchFileException, 3 runs of 3), and keeps rebuilding later edits.
 */
class WatchChurnTest {

    @TempDir
    Path tmp;

    @Test
    @Timeout(240)
    void watchSurvivesNestedFoldersCreatedAndRemovedQuickly() throws Exception {
        Path book = TestBooks.copy("integrity/tiny", tmp.resolve("book"));
        BlockingQueue<Watcher.Rebuild> rebuilds = new LinkedBlockingQueue<>();
        Watcher w = new Watcher(Request.of(book, tmp.resolve("dist"), "epub"), rebuilds::add);
        AtomicReference<Throwable> died = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                w.run();
            } catch (Throwable e) {
                died.set(e);
            }
        });
        t.start();
        try {
            assertNotNull(rebuilds.poll(120, TimeUnit.SECONDS), "the first build reports");
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            int i = 0;
            while (System.nanoTime() < end) {
                Path deep = Files.createDirectories(book.resolve("churn" + (i % 3) + "/a/b/c/d"));
                Files.writeString(deep.resolve("x.md"), "# x\n", StandardCharsets.UTF_8);
                try (Stream<Path> s = Files.walk(book.resolve("churn" + (i % 3)))) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                i++;
            }
            assertNull(died.get(), () -> "watch ended: " + died.get());
            assertTrue(t.isAlive(), "watch still runs");
            // Let the churn's own rebuilds pass, then an edit is rebuilt.
            while (rebuilds.poll(3, TimeUnit.SECONDS) != null) {
                assertTrue(t.isAlive());
            }
            Files.writeString(book.resolve("one.md"), "# 第一章\n\n改过的正文。\n", StandardCharsets.UTF_8);
            Watcher.Rebuild later = rebuilds.poll(120, TimeUnit.SECONDS);
            assertNotNull(later, "a later edit is rebuilt");
            assertTrue(later.changed().contains("one.md"), later.changed().toString());
            assertNull(later.error(), () -> later.error().oneLine());
        } finally {
            t.interrupt();
            t.join(TimeUnit.SECONDS.toMillis(20));
        }
        assertNull(died.get(), () -> "watch ended: " + died.get());
        assertFalse(t.isAlive(), "watch stops when interrupted");
    }
}
