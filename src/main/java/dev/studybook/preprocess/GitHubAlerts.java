package dev.studybook.preprocess;

import dev.studybook.model.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub's alerts, {@code > [!NOTE]}, {@code [!TIP]}, {@code [!IMPORTANT]}, {@code [!WARNING]}, {@code [!CAUTION]}
 * on the first line of a block quote, and Obsidian's callouts ({@code > [!info] Title}, {@code [!tip]-}): the quote
 * becomes a styled aside with its label, its content still Markdown. An unknown kind stays a block quote.
 */
final class GitHubAlerts implements Preprocessor {

    /** The first line: up to three spaces of indentation (more inside a list item), {@code >}, the kind, a title. */
    static final Pattern FIRST = Pattern.compile("^(\\s*)>\\s?\\[!([A-Za-z]+)\\][+-]?(?:\\s+(.*?))?\\s*$");
    private static final Pattern QUOTED = Pattern.compile("^(\\s*)>(.*)$");

    @Override
    public String name() {
        return "github-alerts";
    }

    @Override
    public SourceText run(SourceText text, PreprocessContext context) {
        if (!text.text().contains("[!")) {
            return text;
        }
        List<SourceText.Line> in = text.lines();
        List<SourceText.Line> out = new ArrayList<>(in.size() + 16);
        CodeFences fences = new CodeFences();
        boolean changed = false;
        for (int i = 0; i < in.size(); i++) {
            SourceText.Line l = in.get(i);
            if (fences.inCode(l.text())) {
                out.add(l);
                continue;
            }
            Matcher m = FIRST.matcher(l.text());
            String kind = m.matches() ? Callouts.kind(m.group(2)) : "";
            if (kind.isEmpty() || kind.equals("details")) {
                out.add(l);
                continue;
            }
            changed = true;
            String indent = m.group(1);
            out.add(new SourceText.Line("", l.file(), l.line()));
            Callouts.open(out, indent, kind, m.group(3), context, l);
            // The quote's lines, one '>' taken away; a line without '>' right after text continues the paragraph
            // (a lazy line), a blank line ends the quote.
            CodeFences inner = new CodeFences();
            boolean afterText = false;
            int j = i + 1;
            for (; j < in.size(); j++) {
                SourceText.Line q = in.get(j);
                Matcher qm = QUOTED.matcher(q.text());
                if (qm.matches()) {
                    String rest = qm.group(2).startsWith(" ") ? qm.group(2).substring(1) : qm.group(2);
                    boolean code = inner.inCode(rest);
                    out.add(new SourceText.Line(indent + rest, q.file(), q.line()));
                    afterText = !code && !rest.isBlank();
                } else if (afterText && !q.text().isBlank() && !inner.open()) {
                    out.add(q);
                } else {
                    break;
                }
            }
            Callouts.close(out, indent, in.get(j - 1));
            i = j - 1;
        }
        if (!changed) {
            return text;
        }
        SourceText.Builder b = SourceText.builder(text.file());
        out.forEach(b::add);
        return b.build();
    }
}
