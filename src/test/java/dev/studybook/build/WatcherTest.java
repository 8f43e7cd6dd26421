package dev.studybook.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.config.Request;
import dev.studybook.testing.EpubContents;
import dev.studybook.testing.TestBooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code studybook watch}: a build, then one rebuild per burst of saved changes, until interrupted. */
class WatcherTest {

    @TempDir
    Path tmp;

    @Test
    void watchRebuildsWhenAChapterIsSavedAndStopsWhenInterrupted() throws Exception {
        Path book = TestBooks.copy("build/basic", tmp.resolve("book"));
        BlockingQueue<Watcher.Rebuild> rebuilds = new LinkedBlockingQueue<>();
        Watcher w = new Watcher(Request.of(book, tmp.resolve("dist"), "epub"), rebuilds::add);
        Thread t = new Thread(() -> {
            try {
                w.run();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        t.start();
        try {
            Watcher.Rebuild first = rebuilds.poll(120, TimeUnit.SECONDS);
            assertNotNull(first, "the first build reports");
            assertNull(first.error());
            assertEquals(Set.of(), first.changed());

            Path chapter = book.resolve("01-concurrency.md");
            Files.writeString(chapter, Files.readString(chapter) + "\n新加的一段。\n");
            Watcher.Rebuild second = rebuilds.poll(120, TimeUnit.SECONDS);
            assertNotNull(second, "a saved chapter is rebuilt");
            assertTrue(second.changed().contains("01-concurrency.md"), second.changed().toString());
            assertNull(second.error());
            EpubContents epub = EpubContents.read(tmp.resolve("dist/basic.epub"));
            assertTrue(epub.body(epub.chapterFiles().get(0)).text().contains("新加的一段。"));
        } finally {
            t.interrupt();
            t.join(TimeUnit.SECONDS.toMillis(20));
        }
        assertFalse(t.isAlive(), "watch stops when interrupted (Ctrl-C)");
    }
}
