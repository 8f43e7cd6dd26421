package dev.studybook.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How {@code studybook test} checks the code blocks of one language: each block is saved as {@code file}
 * in a fresh folder; a block matching {@code program} is a complete program, checked by the {@code build}
 * commands and, when the text shows its output, run with {@code run} and compared; any other block is a
 * fragment, saved through the first {@code wrap} template ({@code {code}} stands for the block) with which
 * the {@code fragment} commands pass. Commands run with /bin/sh in that folder.
 */
public record LanguageTest(String language, String file, String program, List<String> build, String run,
        List<String> wrap, List<String> fragment, int timeoutSeconds) {

    public LanguageTest {
        build = List.copyOf(build);
        wrap = List.copyOf(wrap);
        fragment = List.copyOf(fragment);
    }

    /** The checks studybook knows without configuration. */
    public static final Map<String, LanguageTest> PRESETS = Map.of(
            "go", new LanguageTest("go", "main.go", "(?m)^package main\\b",
                    List.of("go build -o prog main.go", "go vet main.go"), "./prog",
                    List.of("package p\n{code}", "package p\nfunc _() {\n{code}\n}\n"),
                    List.of("gofmt -e main.go > /dev/null"), 10),
            "python", new LanguageTest("python", "main.py", "(?m)^(if __name__|print\\()",
                    List.of("python3 -m py_compile main.py"), "python3 main.py",
                    List.of("{code}"), List.of("python3 -m py_compile main.py"), 10));

    /** The preset for a language with the keys book.yaml sets replaced. */
    public static Optional<LanguageTest> preset(String language) {
        return Optional.ofNullable(PRESETS.get(language));
    }
}
