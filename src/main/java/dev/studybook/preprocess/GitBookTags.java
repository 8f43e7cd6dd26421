package dev.studybook.preprocess;

import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import dev.studybook.model.SourceText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitBook and HonKit template tags ({@code {% name args %}}, Nunjucks syntax): {@code {% include "file" %}} reads the
 * file in its place (relative to the chapter, else to the book's folder, never outside it); {@code {% raw %}}
 * shows what it encloses as written; {@code {% hint style="info" %}} becomes a styled aside; {@code {% code %}}
 * keeps its code block and shows its title; {@code {% tabs %}}/{@code {% tab title="…" %}} show each tab in turn
 * under its title; {@code {% embed url %}}, {@code {% file src %}} and {@code {% page-ref page %}} become links;
 * {@code {% content-ref %}} keeps its link. Any other tag is removed, with one warning per tag name for the book. Tags in code are left alone,
 * but for {@code include} and {@code raw}, which GitBook expands there too.
 */
final class GitBookTags implements Preprocessor {

    static final int MAX_DEPTH = 10;
    // Not Hugo's {{% name %}}, which HugoShortcodes reads.
    static final Pattern TAG = Pattern.compile("(?<!\\{)\\{%-?\\s*([A-Za-z][\\w-]*)\\s*(.*?)\\s*-?%\\}(?!\\})");
    /** {@code name="v"}, {@code name='v'}, {@code name=`v`} (Hugo's raw strings) or {@code name=v}. */
    static final Pattern ATTRIBUTE = Pattern.compile("([\\w-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|`([^`]*)`|(\\S+))");
    private static final Pattern QUOTED = Pattern.compile("^\\s*(?:\"([^\"]*)\"|'([^']*)'|(\\S+))");

    @Override
    public String name() {
        return "gitbook-tags";
    }

    @Override
    public SourceText run(SourceText text, PreprocessContext context) {
        if (!text.text().contains("{%")) {
            return text;
        }
        List<SourceText.Line> out = expand(text.lines(), text.file().getParent(), context, 0);
        if (out == null) {
            return text;
        }
        SourceText.Builder b = SourceText.builder(text.file());
        out.forEach(b::add);
        return b.build();
    }

    /** The state of one file's scan: inside raw, inside a code fence. */
    private static final class Scan {
        boolean raw;
        final CodeFences fences = new CodeFences();
    }

    /** The lines with every tag handled, or null when there was none. */
    private List<SourceText.Line> expand(List<SourceText.Line> in, Path base, PreprocessContext context, int depth) {
        List<SourceText.Line> out = new ArrayList<>(in.size());
        Scan scan = new Scan();
        boolean changed = false;
        for (SourceText.Line line : in) {
            String s = line.text();
            boolean code = scan.fences.inCode(s);
            if (!s.contains("{%")) {
                out.add(line);
                continue;
            }
            changed |= line(line, code, scan, base, context, depth, out);
        }
        return changed ? out : null;
    }

    /** Handles the tags of one line; true when the line changed. */
    private boolean line(SourceText.Line line, boolean code, Scan scan, Path base, PreprocessContext context, int depth,
            List<SourceText.Line> out) {
        String s = line.text();
        boolean[] inline = CodeFences.inlineCode(s);
        String indent = s.substring(0, s.length() - s.stripLeading().length());
        Matcher m = TAG.matcher(s);
        StringBuilder current = new StringBuilder();
        int from = 0;
        boolean changed = false;
        SourceLocation at = SourceLocation.of(line.file(), line.line());
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            if (scan.raw) {
                if (name.equals("endraw")) {
                    current.append(s, from, m.start());
                    from = m.end();
                    scan.raw = false;
                    changed = true;
                }
                continue;
            }
            if (inline[m.start()] || (code && !name.equals("raw") && !name.equals("include"))) {
                continue;
            }
            current.append(s, from, m.start());
            from = m.end();
            changed = true;
            String args = m.group(2);
            switch (name) {
                case "raw" -> scan.raw = true;
                case "endraw", "endcode", "endtabs", "endcontent-ref", "endfile", "endembed" -> {
                }
                case "include" -> include(m.group(), args, code, line, current, base, context, depth, out);
                case "hint" -> {
                    flush(current, line, out);
                    Callouts.open(out, indent, hintKind(attribute(args, "style")), "", context, line);
                }
                case "endhint" -> {
                    flush(current, line, out);
                    Callouts.close(out, indent, line);
                }
                case "code" -> {
                    String title = attribute(args, "title");
                    if (!title.isEmpty()) {
                        flush(current, line, out);
                        block(out, indent, "<p class=\"code-title\">" + Callouts.escape(title) + "</p>", line);
                    }
                }
                case "tabs" -> flush(current, line, out);
                case "tab" -> {
                    flush(current, line, out);
                    String title = attribute(args, "title");
                    block(out, indent, "<p class=\"tab-title\">" + Callouts.escape(title.isEmpty() ? "Tab" : title) + "</p>",
                            line);
                }
                case "endtab" -> flush(current, line, out);
                case "embed", "file" -> {
                    String url = attribute(args, name.equals("embed") ? "url" : "src");
                    if (!url.isEmpty()) {
                        String caption = attribute(args, "caption");
                        current.append('[').append(caption.isEmpty() ? url : caption).append("](<").append(url).append(">)");
                    }
                }
                case "content-ref" -> {
                }
                case "page-ref" -> {
                    // GitBook 1's link to another page: the link, as its content-ref successor keeps it.
                    String page = attribute(args, "page");
                    if (!page.isEmpty()) {
                        current.append('[').append(page).append("](<").append(page).append(">)");
                    }
                }
                default -> {
                    // An end tag is counted with its opening tag, not as a second occurrence.
                    String tag = name.startsWith("end") ? name.substring(3) : name;
                    String message = "the GitBook tag '{% " + tag
                            + " %}' is not one studybook knows; it was removed (its content, if any, is kept)";
                    if (name.startsWith("end")) {
                        context.warnOnceUnlessSaid("gitbook:" + tag, at, Diagnostics.Kind.STRUCTURE, message);
                    } else {
                        context.warnOnce("gitbook:" + tag, at, Diagnostics.Kind.STRUCTURE, message);
                    }
                }
            }
        }
        if (!changed) {
            out.add(line);
            return false;
        }
        current.append(s.substring(from));
        if (!current.toString().isBlank() || out.isEmpty() || !out.get(out.size() - 1).text().isBlank()) {
            out.add(new SourceText.Line(current.toString(), line.file(), line.line()));
        }
        return true;
    }

    /** Ends the line being put together, when it holds anything, before block lines are added. */
    static void flush(StringBuilder current, SourceText.Line line, List<SourceText.Line> out) {
        if (!current.toString().isBlank()) {
            out.add(new SourceText.Line(current.toString(), line.file(), line.line()));
        }
        current.setLength(0);
    }

    /** A line of HTML as a block of its own: blank lines around it. */
    static void block(List<SourceText.Line> out, String indent, String html, SourceText.Line origin) {
        out.add(new SourceText.Line("", origin.file(), origin.line()));
        out.add(new SourceText.Line(indent + html, origin.file(), origin.line()));
        out.add(new SourceText.Line("", origin.file(), origin.line()));
    }

    /**
     * Puts the file {@code tag} names in its place. One that cannot be read stays as written, as the warning says; in
     * code it stays without a warning when there is no such file: it shows a template's syntax (squidfunk/mkdocs-material:
     * {@code {% include ".icons/fontawesome/brands/youtube.svg" %}} in an HTML example, 78 warnings, and the tag was
     * removed from the code).
     */
    private void include(String tag, String args, boolean code, SourceText.Line line, StringBuilder current, Path base,
            PreprocessContext context, int depth, List<SourceText.Line> out) {
        SourceLocation at = SourceLocation.of(line.file(), line.line());
        Matcher q = QUOTED.matcher(args);
        if (!q.find()) {
            current.append(tag);
            return;
        }
        String path = q.group(1) != null ? q.group(1) : q.group(2) != null ? q.group(2) : q.group(3);
        if (depth >= MAX_DEPTH) {
            context.warn(at, "includes are nested more than " + MAX_DEPTH + " deep (does a file include itself?); '"
                    + path + "' is not included");
            return;
        }
        // GitBook reads a path from the chapter's folder; HonKit and older books name it from the book's folder.
        String chosen = !context.exists(base, path) && context.exists(context.content().root(), path)
                ? "/" + path : path;
        if (code && !context.exists(base, chosen)) {
            current.append(tag);
            return;
        }
        var read = context.read(base, chosen, at, "included file");
        if (read.isEmpty()) {
            current.append(tag);
            return;
        }
        SourceText included = read.get();
        List<SourceText.Line> lines = included.lines();
        List<SourceText.Line> nested = expand(lines, included.file().getParent(), context, depth + 1);
        List<SourceText.Line> content = nested == null ? lines : nested;
        // What stood before the tag on its line goes in front of the first included line; an include inside a list
        // item keeps its indentation on every line.
        String prefix = current.toString();
        String indent = prefix.isBlank() ? prefix : "";
        for (int i = 0; i < content.size(); i++) {
            SourceText.Line c = content.get(i);
            if (content.size() == 1) {
                current.append(c.text());
            } else if (i == 0) {
                current.append(c.text());
                flush(current, c, out);
            } else if (i < content.size() - 1) {
                out.add(new SourceText.Line(indent + c.text(), c.file(), c.line()));
            } else {
                current.append(indent).append(c.text());
            }
        }
    }

    /** The value of attribute {@code name} in a tag's arguments, or empty. */
    static String attribute(String args, String name) {
        Matcher m = ATTRIBUTE.matcher(args);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(name)) {
                for (int g = 2; g <= 5; g++) {
                    if (m.group(g) != null) {
                        return m.group(g);
                    }
                }
            }
        }
        return "";
    }

    private static String hintKind(String style) {
        return switch (style.toLowerCase(Locale.ROOT)) {
            case "success" -> "tip";
            case "warning" -> "warning";
            case "danger" -> "danger";
            default -> "info";
        };
    }
}
