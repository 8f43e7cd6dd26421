package dev.studybook.model;

import java.util.List;
import java.util.Optional;

/**
 * A fenced code block of a chapter, as {@code studybook test} sees it: its language, the flags after the
 * language ({@code ```go no_run}), its code, its line, and the output the text promises for it — a
 * {@code text} block introduced by a paragraph starting with "输出" or "Output" right after it.
 */
public record CodeSample(String language, List<String> flags, String code, int line, Optional<ExpectedOutput> output) {

    public CodeSample {
        flags = List.copyOf(flags);
    }

    /** The output shown for a program, and the line of its block. */
    public record ExpectedOutput(String text, int line) {
    }

    public boolean hasFlag(String flag) {
        return flags.contains(flag);
    }
}
