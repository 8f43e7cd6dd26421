package dev.studybook.error;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each thread of a build is working on (the chapter being converted, the file being written), so that a
 * build stopped by the watchdog can say where it was.
 */
public final class Activity {

    private static final Map<Thread, String> NOW = new ConcurrentHashMap<>();

    private Activity() {
    }

    /** Marks the current thread as working on {@code what} until the returned handle is closed. */
    public static AutoCloseable at(String what) {
        Thread t = Thread.currentThread();
        String before = NOW.put(t, what);
        return () -> {
            if (before == null) {
                NOW.remove(t);
            } else {
                NOW.put(t, before);
            }
        };
    }

    /** {@code task}, marking the thread that runs it as working on {@code what}. */
    public static <T> java.util.concurrent.Callable<T> named(String what, java.util.concurrent.Callable<T> task) {
        return () -> {
            try (AutoCloseable at = at(what)) {
                return task.call();
            }
        };
    }

    /** {@code task}, marking the thread that runs it as working on {@code what}; its exceptions pass unchanged. */
    public static <T> java.util.function.Supplier<T> supplier(String what, java.util.function.Supplier<T> task) {
        return () -> {
            Thread t = Thread.currentThread();
            String before = NOW.put(t, what);
            try {
                return task.get();
            } finally {
                if (before == null) {
                    NOW.remove(t);
                } else {
                    NOW.put(t, before);
                }
            }
        };
    }

    /** The items threads are working on now, e.g. "ch03.md", joined; empty when none is known. */
    public static Optional<String> current() {
        String s = String.join(", ", new java.util.TreeSet<>(NOW.values()));
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
