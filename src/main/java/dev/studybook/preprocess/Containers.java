package dev.studybook.preprocess;

import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import dev.studybook.model.SourceText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Custom containers of VuePress and VitePress (markdown-it-container) and Docusaurus admonitions:
 * {@code ::: tip|warning|danger|info|note|details [title]} up to a closing {@code :::}, with more colons for
 * nesting, {@code :::tip[title]} as Docusaurus writes it. Each becomes a styled aside with its label (a
 * {@code details} container is shown open, its summary as the label). Containers that only arrange the page on the
 * web ({@code code-group}, {@code v-pre}, {@code raw}) and unknown ones keep their content without a box; an unknown
 * kind is named once in a warning.
 */
final class Containers implements Preprocessor {

    /** An opening marker: three or more colons, a kind, an optional title. */
    static final Pattern OPEN = Pattern.compile("^(\\s*)(:{3,})\\s*([A-Za-z][\\w-]*)(?:\\[(.*)\\]|\\s+(.*?))?\\s*(?:\\{.*\\})?\\s*$");
    static final Pattern CLOSE = Pattern.compile("^(\\s*)(:{3,})\\s*$");

    /** Kinds that only arrange the page on the web: their content is shown as it is. */
    static final List<String> UNWRAPPED = List.of("code-group", "v-pre", "raw", "center", "right", "left", "tabs", "demo");

    @Override
    public String name() {
        return "containers";
    }

    private record Open(int colons, boolean boxed, String indent) {
    }

    @Override
    public SourceText run(SourceText text, PreprocessContext context) {
        if (!text.text().contains(":::")) {
            return text;
        }
        CodeFences fences = new CodeFences();
        Deque<Open> open = new ArrayDeque<>();
        List<SourceText.Line> out = new ArrayList<>();
        boolean changed = false;
        SourceText.Line last = null;
        for (SourceText.Line l : text.lines()) {
            last = l;
            String s = l.text();
            if (fences.inCode(s) || !s.contains(":::")) {
                out.add(l);
                continue;
            }
            Matcher close = CLOSE.matcher(s);
            if (close.matches() && !open.isEmpty() && close.group(2).length() >= open.peek().colons()) {
                Open o = open.pop();
                if (o.boxed()) {
                    Callouts.close(out, o.indent(), l);
                } else {
                    out.add(new SourceText.Line("", l.file(), l.line()));
                }
                changed = true;
                continue;
            }
            Matcher m = OPEN.matcher(s);
            if (!m.matches()) {
                out.add(l);
                continue;
            }
            String written = m.group(3).toLowerCase(Locale.ROOT);
            String title = m.group(4) != null ? m.group(4) : m.group(5);
            String kind = Callouts.kind(written);
            String indent = m.group(1);
            changed = true;
            if (kind.isEmpty()) {
                if (!UNWRAPPED.contains(written)) {
                    context.warnOnce("container:" + written, SourceLocation.of(l.file(), l.line()), Diagnostics.Kind.STRUCTURE,
                            "the container '::: " + written + "' is not one studybook knows (tip, info, note, warning,"
                                    + " danger, caution, important, details); its content is shown without a box");
                }
                open.push(new Open(m.group(2).length(), false, indent));
                out.add(new SourceText.Line("", l.file(), l.line()));
                continue;
            }
            open.push(new Open(m.group(2).length(), true, indent));
            out.add(new SourceText.Line("", l.file(), l.line()));
            Callouts.open(out, indent, kind, title, context, l);
        }
        while (!open.isEmpty()) {
            Open o = open.pop();
            if (o.boxed()) {
                Callouts.close(out, o.indent(), last);
            }
        }
        if (!changed) {
            return text;
        }
        SourceText.Builder b = SourceText.builder(text.file());
        out.forEach(b::add);
        return b.build();
    }
}
