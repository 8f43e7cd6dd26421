package dev.studybook.model;

import dev.studybook.error.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A chapter's Markdown as the converter and the code tester read it: the file's text after the preprocessors,
 * knowing for every line the file and line it was written on (an included listing keeps its own), so that every
 * message can name the place the author must edit. Immutable.
 */
public final class SourceText {

    private final Path file;
    private final String text;
    /** For each line (0-based), the index of its file in {@link #origins}; null while the text is the file as read. */
    private final int[] originOfLine;
    private final int[] lineOfLine;
    private final Path[] origins;
    /** What the chapter's front matter says of it ({@code title}, {@code description}); empty when it has none. */
    private final Map<String, String> frontMatter;

    private SourceText(Path file, String text, int[] originOfLine, int[] lineOfLine, Path[] origins,
            Map<String, String> frontMatter) {
        this.file = file;
        this.text = text;
        this.originOfLine = originOfLine;
        this.lineOfLine = lineOfLine;
        this.origins = origins;
        this.frontMatter = frontMatter;
    }

    /** The text of {@code file} as read: each line is its own. */
    public static SourceText of(Path file, String text) {
        return new SourceText(file, text, null, null, null, Map.of());
    }

    /** The values of the chapter's front matter that studybook uses (e.g. {@code title}); empty when none. */
    public Map<String, String> frontMatter() {
        return frontMatter;
    }

    /** The same text, knowing what its front matter said. */
    public SourceText withFrontMatter(Map<String, String> values) {
        return new SourceText(file, text, originOfLine, lineOfLine, origins, Map.copyOf(values));
    }

    /** The chapter file this text is the content of. */
    public Path file() {
        return file;
    }

    public String text() {
        return text;
    }

    /** True when no preprocessor changed the text. */
    public boolean asRead() {
        return originOfLine == null;
    }

    /** Where line {@code line} (1-based, 0 for unknown) of the text was written. */
    public SourceLocation locate(int line) {
        if (line <= 0) {
            return SourceLocation.of(file);
        }
        if (originOfLine == null) {
            return SourceLocation.of(file, line);
        }
        int i = Math.min(line, originOfLine.length) - 1;
        return SourceLocation.of(origins[originOfLine[i]], lineOfLine[i]);
    }

    /** The lines of the text with where each was written, for preprocessors that rewrite it line by line. */
    public List<Line> lines() {
        String[] parts = text.split("\n", -1);
        int n = text.endsWith("\n") ? parts.length - 1 : parts.length;
        List<Line> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SourceLocation at = locate(i + 1);
            out.add(new Line(parts[i], at.file(), at.line()));
        }
        return out;
    }

    /** One line of text and the place it was written. */
    public record Line(String text, Path file, int line) {
    }

    /** A text put together line by line, each line with its origin. */
    public static Builder builder(Path file) {
        return new Builder(file);
    }

    /** Builds a {@link SourceText} from lines and their origins. */
    public static final class Builder {
        private final Path file;
        private final StringBuilder text = new StringBuilder();
        private int[] originOfLine = new int[64];
        private int[] lineOfLine = new int[64];
        private int lines;
        private final List<Path> origins = new ArrayList<>();
        private final Map<Path, Integer> originIndex = new HashMap<>();

        private Builder(Path file) {
            this.file = file;
        }

        /** Adds a line (without its line break) written at {@code origin}:{@code line}. */
        public Builder add(String lineText, Path origin, int line) {
            if (lines == originOfLine.length) {
                originOfLine = Arrays.copyOf(originOfLine, lines * 2);
                lineOfLine = Arrays.copyOf(lineOfLine, lines * 2);
            }
            originOfLine[lines] = originIndex.computeIfAbsent(origin, p -> {
                origins.add(p);
                return origins.size() - 1;
            });
            lineOfLine[lines] = Math.max(0, line);
            lines++;
            text.append(lineText).append('\n');
            return this;
        }

        public Builder add(Line line) {
            return add(line.text(), line.file(), line.line());
        }

        public SourceText build() {
            return new SourceText(file, text.toString(), Arrays.copyOf(originOfLine, lines), Arrays.copyOf(lineOfLine, lines),
                    origins.toArray(Path[]::new), Map.of());
        }
    }
}
