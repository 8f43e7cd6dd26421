package dev.studybook.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.error.StudybookException;
import dev.studybook.testing.Cli;
import dev.studybook.testing.TestBooks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The watchdog ({@code --timeout}) stops a build that runs too long, naming where it was, outputs untouched (issue 21). */
class WatchdogTest {

    @TempDir
    Path tmp;

    @Test
    @Timeout(120)
    void buildLongerThanTheTimeoutStopsNamingTheStageAndLeavesOutputs() throws Exception {
        Path book = TestBooks.copy("integrity/tiny", tmp.resolve("book"));
        Path out = tmp.resolve("out");
        assertEquals(0, Cli.run("build", "--content", book.toString(), "--out", out.toString(), "--format", "epub,pdf").code());
        List<Path> before;
        try (Stream<Path> s = Files.list(out)) {
            before = s.sorted().toList();
        }
        byte[] epub = Files.readAllBytes(before.get(0));
        byte[] pdf = Files.readAllBytes(before.get(1));
        Files.writeString(book.resolve("one.md"), "# 第一章\n\n新的正文。\n", StandardCharsets.UTF_8);
        Cli.Run r = Cli.run("build", "--content", book.toString(), "--out", out.toString(), "--format", "epub,pdf",
                // 1 ms: no build of EPUB and PDF ends that soon, however fast the machine (300 ms was passed by a
                // warm JVM on a quiet machine).
                "--timeout", "1ms");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("error: the build took longer than 1ms and was stopped in stage '"), r.err());
        assertTrue(r.err().contains("(raise the limit with --timeout"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        // The stopped build may still run in the background: once it ends, nothing of it is in place.
        while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("studybook-build") && t.isAlive())) {
            Thread.sleep(100);
        }
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(before, s.sorted().toList(), "no new or partial file");
        }
        assertArrayEquals(epub, Files.readAllBytes(before.get(0)));
        assertArrayEquals(pdf, Files.readAllBytes(before.get(1)));
    }

    /**
     * A build thread that ran out of memory while handing on its failure died with the result never completed, and
     * the command waited ten minutes, then said the build took too long (BadInputTest's 48 MB heap, one run in three
     * on two cores). Such a thread now ends the wait at once as an OutOfMemoryError, which the command line explains.
     */
    @Test
    @Timeout(10)
    void buildThreadDeadWithoutResultIsNotWaitedForUntilTheTimeout() throws Exception {
        Thread dead = new Thread(() -> { });
        dead.start();
        dead.join();
        assertThrows(OutOfMemoryError.class, () -> BuildCommand.await(new CompletableFuture<>(), dead, Duration.ofMinutes(10)));
        // A live build with no result yet is waited for until the limit.
        Thread alive = new Thread(() -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        alive.setDaemon(true);
        alive.start();
        assertThrows(TimeoutException.class, () -> BuildCommand.await(new CompletableFuture<>(), alive, Duration.ofMillis(600)));
        CompletableFuture<String> done = CompletableFuture.completedFuture("built");
        assertEquals("built", BuildCommand.await(done, dead, Duration.ofMinutes(10)));
        alive.interrupt();
    }

    @Test
    @Timeout(5)
    void timeoutValues() {
        assertEquals(Duration.ofMinutes(10), BuildCommand.duration("10m"));
        assertEquals(Duration.ofSeconds(90), BuildCommand.duration("90"));
        assertEquals(Duration.ofMillis(500), BuildCommand.duration("500ms"));
        assertEquals(BuildCommand.DEFAULT_TIMEOUT, BuildCommand.duration(new BuildCommand().timeout));
        for (String bad : List.of("0", "-1", "ten", "1d", "")) {
            assertEquals(2, assertThrows(StudybookException.class, () -> BuildCommand.duration(bad)).exitCode().code());
        }
    }
}
