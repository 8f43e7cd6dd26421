package dev.studybook.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real reading systems and PDF viewers' text extractors a test can run on this machine: headless Chromium
 * (Debian {@code chromium}), pdf.js ({@code pdfjs-dist} from npm, run by Node: Firefox's viewer), and poppler's
 * {@code pdftotext -raw}. Each is looked up once; a test that needs a missing one is skipped with a message
 * saying how to install it ({@code .ci/run} installs them for CI).
 */
public final class ReadingSystems {
    private ReadingSystems() {
    }

    /** The Chromium executable: $STUDYBOOK_CHROMIUM, else chromium or google-chrome on the PATH. */
    public static Optional<Path> chromium() {
        return executable("STUDYBOOK_CHROMIUM", "chromium", "chromium-browser", "google-chrome");
    }

    /** poppler's pdftotext. */
    public static Optional<Path> pdftotext() {
        return executable("STUDYBOOK_PDFTOTEXT", "pdftotext");
    }

    /**
     * The folder whose node_modules holds pdfjs-dist: $STUDYBOOK_PDFJS, else ~/.cache/studybook/pdfjs (where
     * .ci/run installs it); empty when Node or the package is missing.
     */
    public static Optional<Path> pdfjs() {
        if (executable("STUDYBOOK_NODE", "node").isEmpty()) {
            return Optional.empty();
        }
        String env = System.getenv("STUDYBOOK_PDFJS");
        Path dir = env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "studybook", "pdfjs");
        return Files.isDirectory(dir.resolve("node_modules/pdfjs-dist")) ? Optional.of(dir) : Optional.empty();
    }

    /** The document at {@code url} after its scripts ran, as Chromium serialises it, on a screen of the given size. */
    public static String dumpDom(Path chromium, String url, int width, int height, boolean darkScheme) throws IOException {
        // A profile of its own per run (Chromium refuses to share one), removed afterwards: each is a few MB.
        Path profile = Files.createTempDirectory("studybook-chromium");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--hide-scrollbars", "--window-size=" + width + "," + height,
                "--virtual-time-budget=4000", "--user-data-dir=" + profile));
        if (darkScheme) {
            cmd.add("--force-dark-mode");
        }
        cmd.add("--dump-dom");
        cmd.add(url);
        try {
            return run(cmd, 90);
        } finally {
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The text of pages {@code first} to {@code last} as poppler's {@code pdftotext -raw} reads it: in content order. */
    public static String pdftotextRaw(Path pdftotext, Path pdf, int first, int last) throws IOException {
        return run(List.of(pdftotext.toString(), "-raw", "-enc", "UTF-8", "-f", Integer.toString(first), "-l",
                Integer.toString(last), pdf.toString(), "-"), 60);
    }

    /** The text of pages as pdf.js gives it to Firefox's text layer: items in content order, line ends where it marks them. */
    public static String pdfjsText(Path pdfjs, Path pdf, int first, int last) throws IOException {
        Path script = pdfjs.resolve("studybook-text.mjs");
        Files.writeString(script, """
                import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
                import { readFileSync } from 'fs';
                const [file, first, last] = process.argv.slice(2);
                const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
                let out = '';
                for (let p = +first; p <= +last; p++) {
                  const tc = await (await doc.getPage(p)).getTextContent();
                  for (const it of tc.items) { out += it.str; if (it.hasEOL) out += '\\n'; }
                  out += '\\n';
                }
                process.stdout.write(out);
                """, StandardCharsets.UTF_8);
        return run(List.of(executable("STUDYBOOK_NODE", "node").orElseThrow().toString(), script.toString(), pdf.toString(),
                Integer.toString(first), Integer.toString(last)), 60);
    }

    private static String run(List<String> cmd, int seconds) throws IOException {
        Path err = Files.createTempFile("studybook-reader", ".err");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(cmd.get(0) + " did not finish in " + seconds + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " exited " + p.exitValue() + ": " + Files.readString(err));
        }
        Files.deleteIfExists(err);
        return new String(out, StandardCharsets.UTF_8);
    }

    private static Optional<Path> executable(String env, String... names) {
        String e = System.getenv(env);
        if (e != null && !e.isBlank() && Files.isExecutable(Path.of(e))) {
            return Optional.of(Path.of(e));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String n : names) {
                Path p = Path.of(dir, n);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code copied} holds {@code source} in order: line ends may stand for a space of the source or for
     * nothing, but no space is added and no character is moved.
     */
    public static void assertCopied(String source, String copied, String viewer) {
        String e = copied.replace("\n", "");
        int start = e.indexOf(source.substring(0, 12));
        assertTrue(start >= 0, viewer + " copies the paragraph's start '" + source.substring(0, 12) + "':\n" + copied);
        int i = start;
        int j = 0;
        while (j < source.length()) {
            if (i < e.length() && e.charAt(i) == source.charAt(j)) {
                i++;
                j++;
            } else if (source.charAt(j) == ' ') {
                j++;
            } else {
                int from = Math.max(start, i - 20);
                throw new AssertionError(viewer + " copies '" + e.substring(from, Math.min(e.length(), i + 20))
                        + "' where the source has '" + source.substring(Math.max(0, j - (i - from)), Math.min(source.length(), j + 20))
                        + "'");
            }
        }
    }
}
