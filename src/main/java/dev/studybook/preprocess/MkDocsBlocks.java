package dev.studybook.preprocess;

import dev.studybook.model.SourceText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The blocks of MkDocs (Python-Markdown's admonition, pymdownx.details and pymdownx.tabbed, as Material for MkDocs
 * writes them): {@code !!! note "Title"}, {@code ??? tip} and {@code === "Python"}, each followed by its content
 * indented four spaces. An admonition becomes a styled aside with its title (a collapsible one is shown open); a
 * tab shows its title above its content, each tab in turn, as GitBook's tabs do. Plain Markdown would print the
 * marker as text and the indented content, fences and all, as one code block (krahets/hello-algo).
 */
final class MkDocsBlocks implements Preprocessor {

    /** {@code !!! type "title"}, {@code ??? type}, {@code ???+ type}; classes after the type ({@code inline end}). */
    static final Pattern ADMONITION = Pattern.compile(
            "^([ \\t]*)(?:!!!|\\?\\?\\?\\+?)[ \\t]+([A-Za-z][\\w-]*)((?:[ \\t]+[A-Za-z][\\w-]*)*)(?:[ \\t]+\"(.*)\")?[ \\t]*$");
    /** {@code === "title"}, {@code ===+ "title"}, {@code ===! "title"}. */
    static final Pattern TAB = Pattern.compile("^([ \\t]*)===[+!]*[ \\t]+\"(.*)\"[ \\t]*$");

    /** The content of a block is indented this many columns more than its marker. */
    static final int INDENT = 4;

    @Override
    public String name() {
        return "mkdocs-blocks";
    }

    /** An open block: the column its content starts at as written, the indentation it is written with, an aside or not. */
    private record Open(int column, String indent, boolean aside) {
    }

    @Override
    public SourceText run(SourceText text, PreprocessContext context) {
        String all = text.text();
        if (!all.contains("!!!") && !all.contains("???") && !all.contains("===")) {
            return text;
        }
        Deque<Open> open = new ArrayDeque<>();
        CodeFences fences = new CodeFences();
        List<SourceText.Line> out = new ArrayList<>();
        boolean changed = false;
        SourceText.Line last = null;
        for (SourceText.Line l : text.lines()) {
            String s = l.text();
            if (s.isBlank()) {
                out.add(open.isEmpty() ? l : new SourceText.Line("", l.file(), l.line()));
                continue;
            }
            int column = column(s);
            if (!open.isEmpty() && column < open.peek().column()) {
                while (!open.isEmpty() && column < open.peek().column()) {
                    close(out, open.pop(), last);
                }
                // A fence left open in a block's content ends with it.
                fences = new CodeFences();
            }
            last = l;
            String t = open.isEmpty() ? s : open.peek().indent() + strip(s, open.peek().column());
            if (fences.inCode(t)) {
                out.add(t.equals(s) ? l : new SourceText.Line(t, l.file(), l.line()));
                continue;
            }
            Matcher a = ADMONITION.matcher(t);
            Matcher tab = TAB.matcher(t);
            if (a.matches()) {
                String written = a.group(2).toLowerCase(Locale.ROOT);
                String kind = Callouts.kind(written);
                String title = a.group(4);
                if (kind.isEmpty() && title == null) {
                    // Material shows a type it has no style for under its own name.
                    title = Character.toUpperCase(written.charAt(0)) + written.substring(1);
                }
                out.add(new SourceText.Line("", l.file(), l.line()));
                Callouts.open(out, a.group(1), kind.isEmpty() ? "note" : kind, title, context, l);
                open.push(new Open(column + INDENT, a.group(1), true));
                changed = true;
            } else if (tab.matches()) {
                String title = tab.group(2).isBlank() ? "Tab" : tab.group(2).strip();
                GitBookTags.block(out, tab.group(1), "<p class=\"tab-title\">" + Callouts.escape(title) + "</p>", l);
                open.push(new Open(column + INDENT, tab.group(1), false));
                changed = true;
            } else {
                out.add(t.equals(s) ? l : new SourceText.Line(t, l.file(), l.line()));
            }
        }
        while (!open.isEmpty()) {
            close(out, open.pop(), last);
        }
        if (!changed) {
            return text;
        }
        SourceText.Builder b = SourceText.builder(text.file());
        out.forEach(b::add);
        return b.build();
    }

    private static void close(List<SourceText.Line> out, Open o, SourceText.Line origin) {
        if (o.aside()) {
            Callouts.close(out, o.indent(), origin);
        } else {
            out.add(new SourceText.Line("", origin.file(), origin.line()));
        }
    }

    /** The column a line's text starts at, a tab reaching the next multiple of four. */
    static int column(String s) {
        int c = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == ' ') {
                c++;
            } else if (ch == '\t') {
                c = (c / 4 + 1) * 4;
            } else {
                break;
            }
        }
        return c;
    }

    /** The line without its first {@code columns} columns of indentation. */
    static String strip(String s, int columns) {
        int c = 0;
        int i = 0;
        while (i < s.length() && c < columns) {
            char ch = s.charAt(i);
            if (ch == ' ') {
                c++;
            } else if (ch == '\t') {
                int next = (c / 4 + 1) * 4;
                if (next > columns) {
                    // A tab that reaches past the cut leaves the columns beyond it as spaces.
                    return " ".repeat(next - columns) + s.substring(i + 1);
                }
                c = next;
            } else {
                break;
            }
            i++;
        }
        return s.substring(i);
    }
}
