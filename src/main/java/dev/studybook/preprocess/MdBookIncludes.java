package dev.studybook.preprocess;

import dev.studybook.error.SourceLocation;
import dev.studybook.model.SourceText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * mdBook's helpers, as its {@code links} preprocessor expands them: {@code {{#include file}}} with a line
 * ({@code file:10}), a range ({@code file:10:20}, {@code file:10:}, {@code file::20}) or an anchor
 * ({@code file:name}, between {@code ANCHOR: name} and {@code ANCHOR_END: name} lines);
 * {@code {{#rustdoc_include}}}, which keeps the rest of the file as hidden {@code # } lines;
 * {@code {{#playground file attrs}}}, a Rust code block of the file; {@code {{#title}}}, which only sets a web
 * page's title and is dropped. Paths are relative to the file the helper is in; included files may include
 * others, ten deep. {@code \{{#include x}}} stays as written, without the backslash. A file that cannot be read
 * leaves the helper as written, with a warning.
 */
final class MdBookIncludes implements Preprocessor {

    static final int MAX_DEPTH = 10;

    /** An escaped helper, or a helper: {@code {{#type argument}}}. */
    static final Pattern HELPER = Pattern.compile("\\\\\\{\\{#[^\\n]*?\\}\\}|\\{\\{\\s*#([A-Za-z0-9_]+)\\s+([^}\\n]+)\\}\\}");
    static final Pattern ANCHOR_START = Pattern.compile("ANCHOR:\\s*([\\w-]+)");
    static final Pattern ANCHOR_END = Pattern.compile("ANCHOR_END:\\s*([\\w-]+)");

    @Override
    public String name() {
        return "mdbook-include";
    }

    @Override
    public SourceText run(SourceText text, PreprocessContext context) {
        if (!text.text().contains("{{")) {
            return text;
        }
        List<SourceText.Line> lines = expand(text.lines(), text.file().getParent(), context, 0);
        if (lines == null) {
            return text;
        }
        SourceText.Builder b = SourceText.builder(text.file());
        lines.forEach(b::add);
        return b.build();
    }

    /** The lines with every helper expanded, or null when there was none. */
    private List<SourceText.Line> expand(List<SourceText.Line> in, Path base, PreprocessContext context, int depth) {
        List<SourceText.Line> out = new ArrayList<>(in.size());
        boolean changed = false;
        for (SourceText.Line line : in) {
            Matcher m = HELPER.matcher(line.text());
            if (!line.text().contains("{{") || !m.find()) {
                out.add(line);
                continue;
            }
            changed = true;
            SourceLocation at = SourceLocation.of(line.file(), line.line());
            // The line being put together, and where it came from.
            StringBuilder current = new StringBuilder();
            SourceText.Line origin = line;
            int from = 0;
            do {
                current.append(line.text(), from, m.start());
                from = m.end();
                if (m.group(1) == null) {
                    current.append(m.group().substring(1));
                    continue;
                }
                List<SourceText.Line> content = helper(m.group(1), m.group(2).strip(), base, at, context, depth);
                if (content == null) {
                    current.append(m.group());
                    continue;
                }
                // mdBook repeats what stood before the helper on its line in front of every included line, so that an
                // include indented inside a list item stays inside it.
                String prefix = current.toString();
                for (int i = 0; i < content.size(); i++) {
                    SourceText.Line c = content.get(i);
                    if (i == 0) {
                        current.append(c.text());
                        if (prefix.isBlank()) {
                            origin = c;
                        }
                    } else {
                        out.add(new SourceText.Line(current.toString(), origin.file(), origin.line()));
                        current.setLength(0);
                        current.append(prefix).append(c.text());
                        origin = c;
                    }
                }
            } while (m.find());
            current.append(line.text().substring(from));
            out.add(new SourceText.Line(current.toString(), origin.file(), origin.line()));
        }
        return changed ? out : null;
    }

    /** What a helper stands for, as lines, or null to leave it as written (unknown, or the file cannot be read). */
    private List<SourceText.Line> helper(String type, String argument, Path base, SourceLocation at,
            PreprocessContext context, int depth) {
        switch (type) {
            case "title":
                return List.of();
            case "include", "rustdoc_include", "playground", "playpen":
                break;
            default:
                return null;
        }
        if (depth >= MAX_DEPTH) {
            context.warn(at, "includes are nested more than " + MAX_DEPTH + " deep (does a file include itself?); the"
                    + " helper is left as written");
            return null;
        }
        boolean playground = type.startsWith("play");
        String path;
        String rest;
        if (argument.startsWith("\"")) {
            int close = closingQuote(argument);
            if (close < 0) {
                return null;
            }
            path = argument.substring(1, close).replaceAll("\\\\(.)", "$1");
            rest = argument.substring(close + 1).strip();
            rest = rest.startsWith(":") ? rest.substring(1) : playground ? rest : "";
        } else {
            String[] words = argument.split("\\s+", 2);
            String file = words[0];
            if (playground) {
                path = file;
                rest = words.length > 1 ? words[1] : "";
            } else {
                int colon = file.indexOf(':');
                path = colon < 0 ? file : file.substring(0, colon);
                rest = colon < 0 ? "" : file.substring(colon + 1);
            }
        }
        var read = context.read(base, path, at, "included file");
        if (read.isEmpty()) {
            return null;
        }
        SourceText included = read.get();
        List<SourceText.Line> lines = included.lines();
        List<SourceText.Line> taken;
        if (playground) {
            List<String> attrs = rest.isBlank() ? List.of() : List.of(rest.strip().split("\\s+"));
            taken = new ArrayList<>();
            taken.add(new SourceText.Line("```rust" + (attrs.isEmpty() ? "" : "," + String.join(",", attrs)),
                    at.file(), at.line()));
            taken.addAll(lines);
            taken.add(new SourceText.Line("```", at.file(), at.line()));
            return taken;
        }
        boolean hideRest = type.equals("rustdoc_include");
        taken = select(lines, rest, hideRest);
        List<SourceText.Line> nested = expand(taken, included.file().getParent(), context, depth + 1);
        return nested == null ? taken : nested;
    }

    private static int closingQuote(String s) {
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == '"') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The lines a range or anchor selects: {@code 10} one line, {@code 10:20} lines 10 to 20, {@code 10:} from 10,
     * {@code :20} up to 20, a name the lines between its anchors (anchor lines left out). For rustdoc_include the
     * other lines are kept, hidden behind {@code # }.
     */
    static List<SourceText.Line> select(List<SourceText.Line> lines, String spec, boolean hideRest) {
        String[] parts = spec.split(":", 3);
        String first = parts[0];
        if (!first.isEmpty() && !first.matches("\\d+")) {
            return anchored(lines, first, hideRest);
        }
        int start = first.isEmpty() ? 0 : Math.max(0, Integer.parseInt(first) - 1);
        int end;
        if (parts.length == 1) {
            end = first.isEmpty() ? lines.size() : start + 1;
        } else {
            end = parts[1].matches("\\d+") ? Integer.parseInt(parts[1]) : lines.size();
        }
        List<SourceText.Line> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            boolean in = i >= start && i < end;
            if (in) {
                out.add(lines.get(i));
            } else if (hideRest) {
                out.add(hidden(lines.get(i)));
            }
        }
        return out;
    }

    private static List<SourceText.Line> anchored(List<SourceText.Line> lines, String anchor, boolean hideRest) {
        List<SourceText.Line> out = new ArrayList<>();
        boolean inside = false;
        for (SourceText.Line l : lines) {
            Matcher end = ANCHOR_END.matcher(l.text());
            Matcher start = ANCHOR_START.matcher(l.text());
            if (inside) {
                if (end.find()) {
                    if (end.group(1).equals(anchor)) {
                        inside = false;
                        if (!hideRest) {
                            break;
                        }
                    }
                } else if (!start.find()) {
                    out.add(l);
                }
            } else if (start.find() && !l.text().contains("ANCHOR_END:")) {
                if (start.group(1).equals(anchor)) {
                    inside = true;
                }
            } else if (hideRest && !end.find()) {
                out.add(hidden(l));
            }
        }
        return out;
    }

    private static SourceText.Line hidden(SourceText.Line l) {
        return new SourceText.Line("# " + l.text(), l.file(), l.line());
    }
}
