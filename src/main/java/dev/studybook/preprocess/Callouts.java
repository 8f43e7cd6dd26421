package dev.studybook.preprocess;

import dev.studybook.model.SourceText;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the start and end of a styled aside (a VuePress {@code ::: tip}, a GitHub {@code > [!NOTE]}, a GitBook
 * {@code {% hint %}}) as raw HTML lines around Markdown that is still parsed as Markdown: an {@code aside} with a
 * visible label, which the EPUB shows as a box and the PDF draws as one.
 */
final class Callouts {

    /** The kinds studybook styles, and the label each shows in Chinese and in English. */
    private static final Map<String, String[]> LABELS = Map.of(
            "note", new String[] {"注", "Note"},
            "info", new String[] {"信息", "Info"},
            "tip", new String[] {"提示", "Tip"},
            "important", new String[] {"重要", "Important"},
            "warning", new String[] {"警告", "Warning"},
            "caution", new String[] {"注意", "Caution"},
            "danger", new String[] {"危险", "Danger"},
            "details", new String[] {"详细信息", "Details"});

    private Callouts() {
    }

    /** True for the kinds studybook knows. */
    static boolean known(String kind) {
        return LABELS.containsKey(kind);
    }

    /** The label a kind shows when its author gave none. */
    static String label(String kind, PreprocessContext context) {
        String[] l = LABELS.getOrDefault(kind, LABELS.get("note"));
        return context.chinese() ? l[0] : l[1];
    }

    /**
     * Adds the lines that open an aside of {@code kind} with {@code title} (the kind's label when blank), each
     * line starting with {@code indent} so that it stays inside a list item; written at {@code origin}.
     */
    static void open(List<SourceText.Line> out, String indent, String kind, String title, PreprocessContext context,
            SourceText.Line origin) {
        String k = LABELS.containsKey(kind) ? kind : "note";
        String label = title == null || title.isBlank() ? label(k, context) : title.strip();
        add(out, indent + "<aside class=\"callout callout-" + k + "\">", origin);
        add(out, indent + "<p class=\"callout-label\">" + escape(label) + "</p>", origin);
        add(out, "", origin);
    }

    /** Adds the lines that close an aside. */
    static void close(List<SourceText.Line> out, String indent, SourceText.Line origin) {
        add(out, "", origin);
        add(out, indent + "</aside>", origin);
        add(out, "", origin);
    }

    private static void add(List<SourceText.Line> out, String text, SourceText.Line origin) {
        out.add(new SourceText.Line(text, origin.file(), origin.line()));
    }

    /** The kind studybook draws for a name an author wrote: {@code TIP}, {@code hint}, {@code success}... */
    static String kind(String written) {
        String w = written.toLowerCase(Locale.ROOT);
        return switch (w) {
            case "note", "abstract", "summary", "tldr", "todo", "example", "quote", "cite" -> "note";
            case "info", "information" -> "info";
            case "tip", "hint", "success", "check", "done" -> "tip";
            case "important", "question", "help", "faq" -> "important";
            case "warning", "warn", "attention" -> "warning";
            case "caution" -> "caution";
            case "danger", "error", "bug", "failure", "fail", "missing" -> "danger";
            case "details" -> "details";
            default -> "";
        };
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
