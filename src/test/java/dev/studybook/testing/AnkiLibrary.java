package dev.studybook.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the official Anki library (PyPI {@code anki}) from the virtual environment that {@code .ci/anki-venv}
 * prepares, through {@code src/test/python/anki_import.py}. Where Python is absent the calling test is skipped with a
 * message; where Python is present but the environment is not, the first test that needs it runs .ci/anki-venv (which
 * needs PyPI), and fails saying so when that cannot install it.
 */
public final class AnkiLibrary {
    private AnkiLibrary() {
    }

    /** The environment's Python. */
    public static Path python() {
        String dir = System.getenv("STUDYBOOK_ANKI_VENV");
        Path venv = dir != null && !dir.isBlank() ? Path.of(dir)
                : Path.of(System.getProperty("user.home"), ".cache", "studybook", "anki-venv");
        Path python = venv.resolve("bin").resolve("python");
        if (Files.isExecutable(python)) {
            return python;
        }
        Assumptions.assumeTrue(onPath("python3"), "Python is absent (no python3 on PATH): the import of the deck with the"
                + " official Anki library is skipped");
        prepare(venv);
        if (!Files.isExecutable(python)) {
            fail("the official Anki library is not installed in " + venv + ": run .ci/anki-venv (it makes a Python virtual"
                    + " environment there and installs the pinned PyPI 'anki')");
        }
        return python;
    }

    /** Runs .ci/anki-venv once, as the first test that needs it: `mvn verify` alone prepares what it tests with. */
    private static synchronized void prepare(Path venv) {
        if (Files.isExecutable(venv.resolve("bin").resolve("python"))) {
            return;
        }
        try {
            ProcessBuilder pb = new ProcessBuilder("sh", Path.of(".ci", "anki-venv").toAbsolutePath().toString())
                    .redirectErrorStream(true);
            pb.environment().put("STUDYBOOK_ANKI_VENV", venv.toString());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                fail(".ci/anki-venv could not install the official Anki library (PyPI 'anki') in " + venv + ":\n" + out);
            }
        } catch (IOException e) {
            fail("cannot run .ci/anki-venv: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while preparing the Anki library");
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, command))) {
                return true;
            }
        }
        return false;
    }

    /** What one import reported: the JSON the script printed. */
    public record Report(String json) {
        /** A top-level number, e.g. {@code note_count}. */
        public int number(String key) {
            Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\": (\\d+)").matcher(json);
            if (!m.find()) {
                throw new AssertionError("no " + key + " in " + json);
            }
            return Integer.parseInt(m.group(1));
        }

        /** The list under {@code key} as its JSON text. */
        public String list(String key) {
            Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\": (\\[[^\\]]*\\])").matcher(json);
            if (!m.find()) {
                throw new AssertionError("no " + key + " in " + json);
            }
            return m.group(1);
        }
    }

    /** Imports {@code apkg} into the collection at {@code collection} (created when missing). */
    public static Report importDeck(Path collection, Path apkg) throws IOException, InterruptedException {
        Path script = Path.of("src", "test", "python", "anki_import.py").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder(python().toString(), script.toString(), collection.toString(), apkg.toString());
        Map<String, String> env = pb.environment();
        env.put("PYTHONIOENCODING", "utf-8");
        Path err = Files.createTempFile("anki-import", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the Anki import did not finish in 120 s");
        }
        String stderr = Files.readString(err);
        Files.deleteIfExists(err);
        if (p.exitValue() != 0) {
            throw new AssertionError("the Anki import failed (exit " + p.exitValue() + "):\n" + stderr + out);
        }
        return new Report(out);
    }
}
