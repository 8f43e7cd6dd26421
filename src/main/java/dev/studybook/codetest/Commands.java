package dev.studybook.codetest;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs one configured command with /bin/sh in a folder, with a time limit, capturing stdout and stderr together. */
public final class Commands {
    private Commands() {
    }

    /** What a command did: its exit code (-1 when it timed out) and its output. */
    record Result(int exit, String output, boolean timedOut) {
        boolean ok() {
            return exit == 0 && !timedOut;
        }
    }

    static Result run(String command, Path dir, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, ".out", ".log");
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Result(done ? p.exitValue() : -1, out, !done);
    }

    /** The program a command starts with, when it is looked up on PATH (not "./prog" or a shell builtin). */
    static Optional<String> tool(String command) {
        String first = command.strip().split("\\s+", 2)[0];
        if (first.isEmpty() || first.contains("/") || first.contains("=")) {
            return Optional.empty();
        }
        return Optional.of(first);
    }

    /** True when {@code tool} is an executable file on PATH. */
    public static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
