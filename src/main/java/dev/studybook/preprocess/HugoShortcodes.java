package dev.studybook.preprocess;

import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import dev.studybook.model.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hugo shortcodes ({@code {{< name args >}}} and {@code {{% name args %}}}) as the hugo-book, docsy and learn
 * themes and Hugo itself define them: {@code hint}, {@code notice}, {@code alert} and {@code callout} become styled
 * asides, {@code details} and {@code expand} an open aside with their title; {@code tabs}/{@code tab} show each tab
 * under its title; {@code columns} shows its columns one after the other; {@code katex}/{@code math} become display
 * math, {@code mermaid} a mermaid block, {@code highlight} a code block; {@code figure} and {@code image} a
 * picture; {@code relref}/{@code ref} the path they name, {@code button} a link, {@code youtube}/{@code vimeo} a link
 * to the video. Any other shortcode is removed, its content kept, with one warning per name for the book. In code
 * they are left alone, but for the escaped form {@code {{</* x *\/>}}}, which Hugo shows as {@code {{< x >}}}.
 */
final class HugoShortcodes implements Preprocessor {

    static final Pattern SHORTCODE = Pattern.compile("\\{\\{([<%])\\s*(/?)\\s*([A-Za-z][\\w.-]*)\\s*(.*?)\\s*([>%])\\}\\}");
    private static final Pattern ESCAPED = Pattern.compile("\\{\\{([<%])/\\*(.*?)\\*/([>%])\\}\\}");
    private static final Pattern POSITIONAL = Pattern.compile("\"([^\"]*)\"|'([^']*)'|`([^`]*)`|([^\\s=\"'`]+)(?=\\s|$)");

    @Override
    public String name() {
        return "hugo-shortcodes";
    }

    @Override
    public SourceText run(SourceText text, PreprocessContext context) {
        String t = text.text();
        if (!t.contains("{{<") && !t.contains("{{%")) {
            return text;
        }
        List<SourceText.Line> out = new ArrayList<>(text.lines().size());
        CodeFences fences = new CodeFences();
        State state = new State();
        boolean changed = false;
        for (SourceText.Line line : text.lines()) {
            String s = line.text();
            boolean code = fences.inCode(s);
            if (!code && state.verbatim == null && s.strip().equals("<--->")) {
                // hugo-book's separator between columns, which are shown one after the other.
                out.add(new SourceText.Line("", line.file(), line.line()));
                changed = true;
                continue;
            }
            if (!s.contains("{{<") && !s.contains("{{%")) {
                out.add(line);
                continue;
            }
            if (code || state.verbatim != null) {
                String unescaped = unescape(s);
                if (state.verbatim != null && !code && SHORTCODE.matcher(s).find()) {
                    changed |= line(line, state, context, out);
                    continue;
                }
                changed |= !unescaped.equals(s);
                out.add(new SourceText.Line(unescaped, line.file(), line.line()));
                continue;
            }
            changed |= line(line, state, context, out);
        }
        if (!changed) {
            return text;
        }
        SourceText.Builder b = SourceText.builder(text.file());
        out.forEach(b::add);
        return b.build();
    }

    /** The escaped form of a shortcode (slash-star inside the braces) as Hugo prints it: {@code {{< x >}}}. */
    private static String unescape(String s) {
        return ESCAPED.matcher(s).replaceAll(m -> Matcher.quoteReplacement("{{" + m.group(1) + m.group(2) + m.group(3)
                + "}}"));
    }

    /** Inside a shortcode whose content is kept as written (highlight, mermaid, katex): its closing name. */
    private static final class State {
        String verbatim;
        /** Inside {@code button}: where it leads. */
        String button;
    }

    private boolean line(SourceText.Line line, State state, PreprocessContext context,
            List<SourceText.Line> out) {
        String s = line.text();
        boolean[] inline = CodeFences.inlineCode(s);
        String indent = s.substring(0, s.length() - s.stripLeading().length());
        SourceLocation at = SourceLocation.of(line.file(), line.line());
        StringBuilder current = new StringBuilder();
        int from = 0;
        boolean changed = false;
        Matcher esc = ESCAPED.matcher(s);
        if (esc.find() && !inline[esc.start()]) {
            // Documentation of shortcodes shows them escaped; Hugo prints them as written, unescaped.
            s = unescape(s);
            out.add(new SourceText.Line(s, line.file(), line.line()));
            return true;
        }
        Matcher m = SHORTCODE.matcher(s);
        while (m.find()) {
            if (inline[m.start()]) {
                continue;
            }
            boolean closing = !m.group(2).isEmpty();
            String name = m.group(3).toLowerCase(Locale.ROOT);
            String args = m.group(4).replaceFirst("/$", "").strip();
            if (state.verbatim != null && !(closing && name.equals(state.verbatim))) {
                continue;
            }
            current.append(s, from, m.start());
            from = m.end();
            changed = true;
            if (closing) {
                close(name, state, current, indent, line, out);
                continue;
            }
            switch (name) {
                case "hint", "notice", "alert", "callout", "admonition" -> {
                    flush(current, line, out);
                    String kind = first(args, "type", "color", "context");
                    Callouts.open(out, indent, Callouts.kind(kind.isEmpty() ? "note" : kind),
                            attribute(args, "title"), context, line);
                }
                case "details", "expand" -> {
                    flush(current, line, out);
                    String title = first(args, "title", "summary");
                    Callouts.open(out, indent, "details", title.isEmpty() ? (name.equals("expand") ? "Expand" : "Details")
                            : title, context, line);
                }
                case "tabs", "columns", "steps", "section", "center", "card", "cards", "blocks" -> flush(current, line, out);
                case "tab" -> {
                    flush(current, line, out);
                    String title = first(args, "title", "name");
                    block(out, indent, "<p class=\"tab-title\">" + Callouts.escape(title.isEmpty() ? "Tab" : title)
                            + "</p>", line);
                }
                case "katex", "math" -> {
                    flush(current, line, out);
                    out.add(new SourceText.Line(indent + "$$", line.file(), line.line()));
                    state.verbatim = name;
                }
                case "mermaid" -> {
                    flush(current, line, out);
                    out.add(new SourceText.Line(indent + "```mermaid", line.file(), line.line()));
                    state.verbatim = name;
                }
                case "highlight" -> {
                    flush(current, line, out);
                    out.add(new SourceText.Line(indent + "```" + first(args, "lang", "language"), line.file(),
                            line.line()));
                    state.verbatim = name;
                }
                case "figure", "image", "img" -> {
                    String src = attribute(args, "src");
                    if (src.isEmpty()) {
                        src = positional(args, 0);
                    }
                    String alt = first(args, "alt", "caption", "title");
                    String id = attribute(args, "id");
                    String caption = name.equals("figure") ? figureCaption(args) : "";
                    boolean alone = current.toString().isBlank() && s.substring(m.end()).isBlank();
                    if (!alone || id.isEmpty() && caption.isEmpty()) {
                        if (!src.isEmpty()) {
                            current.append("![").append(alt.equals(src) ? "" : alt.replace("]", "\\]")).append("](<")
                                    .append(src).append(">)");
                        }
                    } else {
                        // Vonng/ddia: a figure's id is what "[图 1-1](#fig_dwh_etl)" leads to, and its caption the
                        // picture's number and title; one without a picture titles the table after it.
                        String anchor = id.isEmpty() ? "" : " id=\"" + Callouts.escape(id) + "\"";
                        if (!src.isEmpty()) {
                            block(out, indent, "<p" + anchor + "><img src=\"" + Callouts.escape(src) + "\" alt=\""
                                    + Callouts.escape(alt.equals(src) ? "" : alt) + "\"/></p>", line);
                            anchor = "";
                        }
                        if (!caption.isEmpty() || !anchor.isEmpty()) {
                            block(out, indent, "<p class=\"figure-caption\"" + anchor + ">" + Callouts.escape(caption)
                                    + "</p>", line);
                        }
                    }
                }
                case "relref", "ref" -> current.append(site(positional(args, 0), line, context));
                case "button" -> {
                    String href = site(first(args, "href", "relref", "ref"), line, context);
                    current.append("[");
                    state.button = href;
                }
                case "youtube", "vimeo" -> {
                    String id = first(args, "id");
                    if (!id.isEmpty()) {
                        String url = name.equals("youtube") ? "https://www.youtube.com/watch?v=" + id
                                : "https://vimeo.com/" + id;
                        current.append("[").append(url).append("](").append(url).append(")");
                    }
                }
                default -> context.warnOnce("hugo:" + name, at, Diagnostics.Kind.STRUCTURE, "the Hugo shortcode '{{< "
                        + name + " >}}' is not one studybook knows; it was removed (its content, if any, is kept)");
            }
        }
        if (!changed) {
            out.add(line);
            return false;
        }
        current.append(s.substring(from));
        // hugo-book's column separator.
        String rest = current.toString().replace("<--->", "");
        // After the opening of math or code, a blank line would end the block before its first line.
        if (!rest.isBlank() || state.verbatim == null && (out.isEmpty() || !out.get(out.size() - 1).text().isBlank())) {
            out.add(new SourceText.Line(rest, line.file(), line.line()));
        }
        return true;
    }

    private static void close(String name, State state, StringBuilder current, String indent, SourceText.Line line,
            List<SourceText.Line> out) {
        switch (name) {
            case "hint", "notice", "alert", "callout", "admonition", "details", "expand" -> {
                flush(current, line, out);
                Callouts.close(out, indent, line);
            }
            case "katex", "math", "mermaid", "highlight" -> {
                if (name.equals(state.verbatim)) {
                    flush(current, line, out);
                    out.add(new SourceText.Line(indent + (name.equals("katex") || name.equals("math") ? "$$" : "```"),
                            line.file(), line.line()));
                    state.verbatim = null;
                }
            }
            case "button" -> {
                current.append("](<").append(state.button == null || state.button.isEmpty() ? "#" : state.button)
                        .append(">)");
                state.button = null;
            }
            case "tab", "tabs", "columns", "steps", "section", "center", "card", "cards", "blocks" -> flush(current, line, out);
            default -> {
            }
        }
    }

    /**
     * A path from the site's root ({@code /docs/intro}) as a path from the page: Hugo's root is its content folder
     * (the folder of the book's root that holds the page: content/, content.en/), not the book's.
     */
    private static String site(String path, SourceText.Line line, PreprocessContext context) {
        if (!path.startsWith("/") || path.startsWith("//")) {
            return path;
        }
        java.nio.file.Path root = context.content().root();
        java.nio.file.Path page = line.file().toAbsolutePath().normalize();
        if (!page.startsWith(root) || root.relativize(page).getNameCount() < 2) {
            return path.substring(1);
        }
        java.nio.file.Path site = root.resolve(root.relativize(page).getName(0));
        String rel = page.getParent().relativize(site).toString().replace('\\', '/');
        return (rel.isEmpty() ? "" : rel + "/") + path.substring(1);
    }

    /** Ends the line being put together (without hugo-book's column separators) before block lines are added. */
    private static void flush(StringBuilder current, SourceText.Line line, List<SourceText.Line> out) {
        String text = current.toString().replace("<--->", "");
        current.setLength(0);
        GitBookTags.flush(current.append(text), line, out);
    }

    private static void block(List<SourceText.Line> out, String indent, String html, SourceText.Line origin) {
        GitBookTags.block(out, indent, html, origin);
    }

    /** What Hugo's figure shows under its picture: its title, then its caption (and attribution). */
    private static String figureCaption(String args) {
        String title = attribute(args, "title");
        String caption = attribute(args, "caption");
        String attr = attribute(args, "attr");
        String text = title.isEmpty() || caption.isEmpty() ? title + caption : title + " " + caption;
        return (attr.isEmpty() ? text : text.isEmpty() ? attr : text + " " + attr).strip();
    }

    /** The first of the named attributes that is set, else the first positional argument. */
    private static String first(String args, String... names) {
        for (String n : names) {
            String v = attribute(args, n);
            if (!v.isEmpty()) {
                return v;
            }
        }
        return positional(args, 0);
    }

    private static String attribute(String args, String name) {
        return GitBookTags.attribute(args, name);
    }

    /** The {@code n}th argument written without a name ({@code {{% hint warning %}}}), or empty. */
    static String positional(String args, int n) {
        String bare = GitBookTags.ATTRIBUTE.matcher(args).replaceAll(" ");
        Matcher m = POSITIONAL.matcher(bare);
        int i = 0;
        while (m.find()) {
            if (i++ == n) {
                for (int g = 1; g <= 4; g++) {
                    if (m.group(g) != null) {
                        return m.group(g);
                    }
                }
            }
        }
        return "";
    }
}
