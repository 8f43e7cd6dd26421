package dev.studybook.raster;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Batik keeps the glyph caches of its fonts in static, unsynchronised maps ({@code AWTGVTFont.fontCache}): two
 * threads laying out SVG text at once can corrupt them, and Batik then fails with "Cannot invoke
 * AWTGlyphGeometryCache.get(char) because glyphCache is null". studybook draws SVG with Batik in several places
 * that may run at the same time (the EPUB's PNG fallbacks, the PDF of the book, handouts), so each holds this lock
 * while Batik builds or paints a picture.
 */
public final class BatikLock {

    private static final ReentrantLock LOCK = new ReentrantLock();

    /** Told, before it waits, each time work finds Batik held by other work: a test watches for it. */
    static volatile Runnable onWait = () -> { };

    private BatikLock() {
    }

    /** Runs work that uses Batik, with no other Batik work in the process at the same time. */
    public static <T> T hold(Supplier<T> work) {
        lock();
        try {
            return work.get();
        } finally {
            LOCK.unlock();
        }
    }

    /** Runs work that uses Batik, with no other Batik work in the process at the same time. */
    public static void hold(Runnable work) {
        lock();
        try {
            work.run();
        } finally {
            LOCK.unlock();
        }
    }

    private static void lock() {
        if (!LOCK.tryLock()) {
            onWait.run();
            LOCK.lock();
        }
    }
}
