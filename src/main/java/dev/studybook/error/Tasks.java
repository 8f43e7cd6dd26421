package dev.studybook.error;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waits for work done on other threads and rethrows its failure as the thread that failed threw it. */
public final class Tasks {

    private Tasks() {
    }

    /**
     * The task's result. A task's own exception or error (a user's error, an OutOfMemoryError the command line
     * explains) comes out unwrapped; a checked exception, which no task should throw, is an internal error.
     */
    public static <T> T join(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new StudybookException(ExitCode.INTERNAL, null, String.valueOf(c), null, c);
        }
    }
}
