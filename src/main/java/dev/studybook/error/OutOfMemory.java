package dev.studybook.error;

/**
 * Whether a thread of this process has died of an OutOfMemoryError. A thread pool's worker or a font reader that runs
 * out of memory while handing its failure to the thread that waits for it dies with its task never completed, and
 * that thread would wait until the time limit (datawhalechina/pumpkin-book: "Exception in thread "Thread-3"
 * java.lang.OutOfMemoryError", then ten minutes of nothing). The command line's handler notes it here, allocating
 * nothing, and the build's watchdog stops the build and reports it.
 */
public final class OutOfMemory {

    private static volatile boolean seen;

    private OutOfMemory() {
    }

    /**
     * Makes every thread that dies of an OutOfMemoryError note it here, quietly: the command says it in one line. Any
     * other uncaught throwable is printed as the JVM prints it.
     */
    public static void install() {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof OutOfMemoryError) {
                seen = true;
            } else {
                thread.getThreadGroup().uncaughtException(thread, e);
            }
        });
    }

    /** True once a thread died of an OutOfMemoryError since {@link #reset()}. */
    public static boolean seen() {
        return seen;
    }

    /** Forgets an earlier build's: {@code watch} builds again in the same process. */
    public static void reset() {
        seen = false;
    }
}
