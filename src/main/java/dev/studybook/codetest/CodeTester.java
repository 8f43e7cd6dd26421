package dev.studybook.codetest;

import dev.studybook.config.LanguageTest;
import dev.studybook.error.ExitCode;
import dev.studybook.error.SourceLocation;
import dev.studybook.error.StudybookException;
import dev.studybook.markdown.CodeSamples;
import dev.studybook.model.CodeSample;
import dev.studybook.load.LoadedBook;
import dev.studybook.model.ChapterSource;
import dev.studybook.model.SourceText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code studybook test}: compiles, checks and runs the code blocks of a book with the commands configured
 * for their language, and compares a program's output with the output the text shows for it, much as
 * {@code mdbook test} does for Rust.
 */
public final class CodeTester {

    /** Lines of a failing command's output kept in a report. */
    static final int MAX_OUTPUT_LINES = 30;

    private CodeTester() {
    }

    /**
     * Tests every code block of the outline's chapters; languages in {@code required} fail when their tools
     * are missing, other languages are then skipped with a note.
     */
    public static CodeTestReport run(LoadedBook book, Set<String> required, int jobs) {
        record Job(SourceText source, CodeSample sample, LanguageTest test) {
        }
        List<Job> work = new ArrayList<>();
        Map<String, Integer> untested = new TreeMap<>();
        Set<String> skipped = new TreeSet<>();
        List<CodeTestReport.Failure> failures = new ArrayList<>();
        Map<String, Boolean> toolsPresent = new TreeMap<>();
        int ignored = 0;
        for (ChapterSource c : book.chapters()) {
            for (CodeSample s : CodeSamples.extract(c.text().text())) {
                Optional<LanguageTest> test = book.outline().config().test(s.language());
                if (test.isEmpty()) {
                    untested.merge(s.language(), 1, Integer::sum);
                    continue;
                }
                if (s.hasFlag("ignore")) {
                    ignored++;
                    continue;
                }
                String lang = test.get().language();
                boolean present = toolsPresent.computeIfAbsent(lang, l -> missingTools(test.get()).isEmpty());
                if (!present) {
                    String tools = String.join(", ", missingTools(test.get()));
                    if (required.contains(lang)) {
                        failures.add(new CodeTestReport.Failure(c.text().locate(s.line()),
                                lang + " code cannot be tested: " + tools + " not found on PATH, and " + lang + " is required"));
                    } else {
                        skipped.add(lang + " (" + tools + " not found on PATH)");
                    }
                    continue;
                }
                work.add(new Job(c.text(), s, test.get()));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        int programs = 0;
        int compared = 0;
        int fragments = 0;
        try {
            List<Future<Optional<CodeTestReport.Failure>>> results = new ArrayList<>();
            for (Job j : work) {
                boolean program = Pattern.compile(j.test().program()).matcher(j.sample().code()).find();
                if (program) {
                    programs++;
                    if (j.sample().output().isPresent() && !j.sample().hasFlag("no_run")) {
                        compared++;
                    }
                } else {
                    fragments++;
                }
                results.add(pool.submit(() -> program ? program(j.source(), j.sample(), j.test())
                        : fragment(j.source(), j.sample(), j.test())));
            }
            for (Future<Optional<CodeTestReport.Failure>> f : results) {
                f.get().ifPresent(failures::add);
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new StudybookException(ExitCode.INTERNAL, null, "testing a code block failed: " + cause,
                    "run with --verbose", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StudybookException(ExitCode.INTERRUPTED, null, "interrupted", null);
        } finally {
            pool.shutdownNow();
        }
        failures.sort(Comparator.comparing(CodeTestReport.Failure::location));
        return new CodeTestReport(programs, compared, fragments, ignored, untested, new ArrayList<>(skipped), failures);
    }

    private static List<String> missingTools(LanguageTest t) {
        return Stream.of(t.build(), t.fragment(), List.of(t.run())).flatMap(List::stream)
                .map(Commands::tool).flatMap(Optional::stream).distinct()
                .filter(tool -> !Commands.onPath(tool)).toList();
    }

    private static Optional<CodeTestReport.Failure> program(SourceText source, CodeSample s, LanguageTest t) throws Exception {
        SourceLocation at = source.locate(s.line());
        Path dir = Files.createTempDirectory("studybook-test-");
        try {
            Files.writeString(dir.resolve(t.file()), s.code(), StandardCharsets.UTF_8);
            for (String cmd : t.build()) {
                Commands.Result r = Commands.run(cmd, dir, Math.max(120, t.timeoutSeconds()));
                if (!r.ok()) {
                    return Optional.of(new CodeTestReport.Failure(at, "'" + cmd + "' failed" + (r.timedOut() ? " (timed out)" : "")
                            + ":\n" + excerpt(r.output())));
                }
            }
            if (s.output().isEmpty() || s.hasFlag("no_run") || t.run().isBlank()) {
                return Optional.empty();
            }
            Commands.Result r = Commands.run(t.run(), dir, t.timeoutSeconds());
            if (r.timedOut()) {
                return Optional.of(new CodeTestReport.Failure(at, "the program did not finish within " + t.timeoutSeconds() + " s"));
            }
            if (r.exit() != 0) {
                return Optional.of(new CodeTestReport.Failure(at, "the program exited with status " + r.exit()
                        + " (a program whose output is shown must exit 0):\n" + excerpt(r.output())));
            }
            String expected = normalise(s.output().get().text());
            String actual = normalise(r.output());
            if (!expected.equals(actual)) {
                return Optional.of(new CodeTestReport.Failure(at, "the output differs from the one shown at "
                        + source.locate(s.output().get().line()) + ": " + firstDifference(expected, actual)));
            }
            return Optional.empty();
        } finally {
            delete(dir);
        }
    }

    private static Optional<CodeTestReport.Failure> fragment(SourceText source, CodeSample s, LanguageTest t) throws Exception {
        if (t.fragment().isEmpty()) {
            return Optional.empty();
        }
        Path dir = Files.createTempDirectory("studybook-test-");
        try {
            String firstOutput = null;
            for (String wrap : t.wrap()) {
                Files.writeString(dir.resolve(t.file()), wrap.replace("{code}", s.code()), StandardCharsets.UTF_8);
                boolean ok = true;
                for (String cmd : t.fragment()) {
                    Commands.Result r = Commands.run(cmd, dir, Math.max(60, t.timeoutSeconds()));
                    if (!r.ok()) {
                        ok = false;
                        if (firstOutput == null) {
                            firstOutput = r.output();
                        }
                        break;
                    }
                }
                if (ok) {
                    return Optional.empty();
                }
            }
            return Optional.of(new CodeTestReport.Failure(source.locate(s.line()),
                    "the fragment does not pass '" + String.join("; ", t.fragment()) + "' in any of its "
                            + t.wrap().size() + " wrappings:\n" + excerpt(firstOutput == null ? "" : firstOutput)));
        } finally {
            delete(dir);
        }
    }

    /** Trailing spaces on each line and trailing blank lines do not count. */
    static String normalise(String s) {
        String[] lines = s.replace("\r\n", "\n").split("\n", -1);
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l.stripTrailing()).append('\n');
        }
        return sb.toString().replaceAll("\n+$", "");
    }

    static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "(no more lines)";
            String al = i < a.length ? a[i] : "(no more lines)";
            if (!el.equals(al)) {
                return "output line " + (i + 1) + " is\n    " + al + "\n  but the book shows\n    " + el;
            }
        }
        return "";
    }

    private static String excerpt(String output) {
        List<String> lines = output.lines().toList();
        String body = String.join("\n", lines.subList(0, Math.min(lines.size(), MAX_OUTPUT_LINES)));
        return "    " + body.replace("\n", "\n    ") + (lines.size() > MAX_OUTPUT_LINES ? "\n    ..." : "");
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // A temporary folder left behind is harmless.
        }
    }
}
