package dev.studybook.raster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.fonts.EmbeddedFont;
import dev.studybook.fonts.FontSet;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batik's font caches are static and unsynchronised, and one build may draw SVG in several threads (the PDF,
 * handouts laid out side by side, the EPUB's PNG fallbacks): a build once failed with "glyphCache is null".
 * Every use of Batik must wait while another holds {@link BatikLock}.
 */
class BatikLockTest {

    @TempDir
    Path tmp;

    private static final String SVG = """
            <svg xmlns="http://www.w3.org/2000/svg" width="300" height="120" viewBox="0 0 300 120">
              <title>锁</title>
              <rect x="5" y="5" width="290" height="110" fill="none" stroke="#000"/>
              <g transform="rotate(5 150 60)"><text x="20" y="60" font-size="14">调度器 scheduler</text></g>
            </svg>
            """;

    @Test
    void pngFallbacksWaitForBatik() throws Exception {
        List<EmbeddedFont> fonts = FontSet.load(FontSet.DEFAULT_FACES).subset("调度器 scheduler锁");
        // A picture no other test draws, so that it is not already remembered.
        byte[] svg = SVG.replace("锁", "锁 " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        whileBatikIsHeld(() -> CompletableFuture.supplyAsync(() -> SvgRaster.pngs(List.of(svg), fonts)));
    }

    @Test
    void pdfFiguresWaitForBatik() throws IOException, Exception {
        Path book = Files.createDirectories(tmp.resolve("book"));
        Files.createDirectories(book.resolve("images"));
        Files.writeString(book.resolve("images/fig.svg"), SVG, StandardCharsets.UTF_8);
        Files.writeString(book.resolve("README.md"), "# 书\n\n[一](one.md)\n", StandardCharsets.UTF_8);
        Files.writeString(book.resolve("one.md"), "# 一\n\n正文。\n\n![一张图](images/fig.svg)\n", StandardCharsets.UTF_8);
        whileBatikIsHeld(() -> CompletableFuture.supplyAsync(() -> TestBooks.build(book, tmp.resolve("out"), "pdf")));
    }

    /**
     * Holds the lock in one thread, starts the work, and passes once the work finds Batik held and is about to wait
     * for it (told by the lock itself, not found by polling); fails if the work finishes while the lock is held.
     * Then lets the work finish.
     */
    private static void whileBatikIsHeld(java.util.function.Supplier<CompletableFuture<?>> start) throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch waited = new CountDownLatch(1);
        Runnable before = BatikLock.onWait;
        BatikLock.onWait = waited::countDown;
        Thread holder = new Thread(() -> BatikLock.hold(() -> {
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), "batik-holder");
        holder.start();
        try {
            assertTrue(held.await(10, TimeUnit.SECONDS));
            CompletableFuture<?> work = start.get();
            assertTrue(waited.await(120, TimeUnit.SECONDS), "no thread of the work waited for Batik");
            assertFalse(work.isDone(), "the work finished while another thread held Batik: " + work);
            release.countDown();
            work.get(120, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            BatikLock.onWait = before;
            holder.join();
        }
    }
}
