package dev.studybook.load;

import dev.studybook.error.SourceLocation;
import dev.studybook.error.StudybookException;
import dev.studybook.io.Json;
import dev.studybook.model.SourceText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jupyter notebook ({@code .ipynb}) read as a chapter's Markdown, as Jupyter Book shows it: Markdown cells as
 * written, code cells as fenced code in the notebook's language, text outputs and errors as {@code text} blocks,
 * pictures as {@code data:} images (the converter puts them in the book), a pandas table as its HTML table; cells
 * tagged {@code remove-cell}, {@code remove-input} or {@code remove-output} lose what the tag says. Every line knows
 * the line of the .ipynb file its JSON string is on.
 */
public final class Notebook {

    private Notebook() {
    }

    /** True for a file name a notebook has. */
    public static boolean isNotebook(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".ipynb");
    }

    /** Escape sequences of a terminal (IPython colours its tracebacks). */
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?");
    /** A cell magic that says the cell is in another language: {@code %%bash}, {@code %%writefile name}. */
    private static final Pattern CELL_MAGIC = Pattern.compile("^%%([A-Za-z_]+)\\s*(.*?)\\s*$");
    private static final Map<String, String> MAGIC_LANGUAGES = Map.ofEntries(Map.entry("bash", "bash"),
            Map.entry("sh", "bash"), Map.entry("script", "bash"), Map.entry("system", "bash"), Map.entry("html", "html"),
            Map.entry("javascript", "javascript"), Map.entry("js", "javascript"), Map.entry("latex", "latex"),
            Map.entry("markdown", "markdown"), Map.entry("svg", "xml"), Map.entry("perl", "perl"),
            Map.entry("ruby", "ruby"), Map.entry("sql", "sql"), Map.entry("R", "r"), Map.entry("cython", "cython"),
            Map.entry("file", ""), Map.entry("writefile", ""));
    /** The picture types a notebook output may hold, in the order one is chosen. */
    private static final List<String> PICTURES = List.of("image/svg+xml", "image/png", "image/jpeg", "image/gif");
    /** nbformat 3 named an output's types by short keys. */
    private static final Map<String, String> V3_KEYS = Map.of("svg", "image/svg+xml", "png", "image/png",
            "jpeg", "image/jpeg", "html", "text/html", "markdown", "text/markdown", "latex", "text/latex",
            "text", "text/plain", "javascript", "application/javascript", "json", "application/json");
    private static final Pattern BACKTICKS = Pattern.compile("`{3,}");
    private static final Pattern ATTACHMENT = Pattern.compile("attachment:([^)\\s\"'>]+)");
    private static final Pattern TABLE = Pattern.compile("(?is)<table\\b.*</table\\s*>");
    private static final Pattern UNSAFE_HTML = Pattern.compile("(?i)<(?:script|style|iframe|object|embed|form|input)\\b");

    /**
     * The notebook's Markdown with each line's origin; {@code text} is the file's content. Not JSON, or JSON that is no
     * notebook: an error naming the line, saying how to mend it.
     */
    public static SourceText read(Path file, String text) {
        Object root;
        try {
            root = Json.read(text);
        } catch (Json.SyntaxError e) {
            throw StudybookException.content(SourceLocation.of(file, e.line()), "the notebook is not valid JSON: "
                    + e.getMessage(), "open it in Jupyter and save it again, or mend the JSON there (a merge conflict"
                    + " or a cut-off download leaves such a file); or leave it out of the book's contents");
        }
        if (!(root instanceof Map<?, ?> nb)) {
            throw StudybookException.content(SourceLocation.of(file, 1), "the notebook is JSON but not a notebook (its"
                    + " top is no object)", "save it from Jupyter as .ipynb, or leave it out of the book's contents");
        }
        List<?> cells = list(nb.get("cells"));
        boolean v3 = false;
        if (cells.isEmpty() && !list(nb.get("worksheets")).isEmpty()) {
            v3 = true;
            List<Object> all = new ArrayList<>();
            for (Object w : list(nb.get("worksheets"))) {
                if (w instanceof Map<?, ?> wm) {
                    all.addAll(list(wm.get("cells")));
                }
            }
            cells = all;
        } else if (!nb.containsKey("cells")) {
            throw StudybookException.content(SourceLocation.of(file, 1), "the notebook has no \"cells\"",
                    "save it from Jupyter as .ipynb (nbformat 4), or leave it out of the book's contents");
        }
        Writer w = new Writer(file, language(map(nb.get("metadata"))));
        for (Object c : cells) {
            if (c instanceof Map<?, ?> cell) {
                w.cell(cell, v3);
            }
        }
        return w.out.build();
    }

    /** The notebook's programming language: its language_info, else its kernel's; empty when it says none. */
    private static String language(Map<?, ?> metadata) {
        String lang = str(map(metadata.get("language_info")).get("name"));
        if (lang.isEmpty()) {
            lang = str(map(metadata.get("kernelspec")).get("language"));
        }
        if (lang.isEmpty()) {
            lang = str(metadata.get("language"));
        }
        return lang.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9+#_-]", "");
    }

    /** Writes the cells as Markdown lines, each with the line of the .ipynb it came from. */
    private static final class Writer {
        private final Path file;
        private final String language;
        private final SourceText.Builder out;
        private int lastLine = 1;

        Writer(Path file, String language) {
            this.file = file;
            this.language = language;
            this.out = SourceText.builder(file);
        }

        void cell(Map<?, ?> cell, boolean v3) {
            String type = str(cell.get("cell_type"));
            Map<?, ?> metadata = map(cell.get("metadata"));
            List<String> tags = new ArrayList<>();
            for (Object t : list(metadata.get("tags"))) {
                tags.add(str(t).toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            if (tags.contains("remove-cell") || "hidden".equals(str(metadata.get("nbsphinx")))) {
                return;
            }
            List<Piece> source = pieces(cell.get(v3 && type.equals("code") ? "input" : "source"));
            switch (type) {
                case "markdown" -> markdown(source, map(cell.get("attachments")));
                case "heading" -> {
                    // nbformat 3: a heading cell and its level.
                    Object level = cell.get("level");
                    int n = level instanceof Number num ? Math.max(1, Math.min(6, num.intValue())) : 1;
                    List<Line> lines = lines(source);
                    if (!lines.isEmpty()) {
                        blank();
                        add("#".repeat(n) + " " + lines.get(0).text().strip(), lines.get(0).line());
                        blank();
                    }
                }
                case "code" -> {
                    if (!tags.contains("remove-input")) {
                        code(lines(source));
                    }
                    if (!tags.contains("remove-output")) {
                        for (Object o : list(cell.get("outputs"))) {
                            if (o instanceof Map<?, ?> output) {
                                output(output, v3);
                            }
                        }
                        flushStream();
                    }
                }
                default -> {
                    // A raw cell is for a converter other than this one (nbconvert's LaTeX, reST): left out, as Jupyter Book does.
                }
            }
        }

        private void markdown(List<Piece> source, Map<?, ?> attachments) {
            List<Line> lines = lines(source);
            blank();
            for (Line l : lines) {
                String t = l.text();
                if (!attachments.isEmpty() && t.contains("attachment:")) {
                    t = attachments(t, attachments);
                }
                add(t, l.line());
            }
            blank();
        }

        /** {@code attachment:name} written as the picture the cell carries under that name, as a data: address. */
        private static String attachments(String text, Map<?, ?> attachments) {
            Matcher m = ATTACHMENT.matcher(text);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                Map<?, ?> bundle = map(attachments.get(name));
                if (bundle.isEmpty()) {
                    bundle = map(attachments.get(dev.studybook.io.PercentEncoding.decode(name)));
                }
                String replacement = m.group();
                for (String type : PICTURES) {
                    if (bundle.containsKey(type)) {
                        replacement = dataUrl(type, joined(bundle.get(type)));
                        break;
                    }
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(sb);
            return sb.toString();
        }

        private void code(List<Line> lines) {
            while (!lines.isEmpty() && lines.get(lines.size() - 1).text().isBlank()) {
                lines = lines.subList(0, lines.size() - 1);
            }
            if (lines.isEmpty()) {
                return;
            }
            String lang = language;
            String title = "";
            Matcher magic = CELL_MAGIC.matcher(lines.get(0).text());
            if (magic.matches() && MAGIC_LANGUAGES.containsKey(magic.group(1))) {
                String name = magic.group(1);
                if (name.equals("writefile") || name.equals("file")) {
                    // The file the cell writes: its name is the block's title, its extension the language.
                    title = magic.group(2).replaceFirst("^(-a|--append)\\s+", "").strip();
                    lang = extensionLanguage(title, language);
                } else {
                    lang = MAGIC_LANGUAGES.get(name);
                }
                lines = lines.subList(1, lines.size());
                if (lines.isEmpty()) {
                    return;
                }
            }
            fence(lang + (title.isEmpty() ? "" : " title=\"" + title.replace("\"", "'") + "\""), lines);
        }

        private static String extensionLanguage(String name, String otherwise) {
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
            return switch (ext) {
                case "py" -> "python";
                case "sh" -> "bash";
                case "js" -> "javascript";
                case "md" -> "markdown";
                case "yml" -> "yaml";
                case "" -> otherwise;
                default -> ext.matches("[a-z0-9+]+") ? ext : otherwise;
            };
        }

        /** Stream text waiting to be shown in one block with the next stream text (print after print). */
        private final List<Line> stream = new ArrayList<>();

        private void output(Map<?, ?> output, boolean v3) {
            String type = str(output.get("output_type"));
            if (type.equals("stream")) {
                stream.addAll(lines(pieces(output.get("text"))));
                return;
            }
            flushStream();
            if (type.equals("error") || type.equals("pyerr")) {
                List<Piece> traceback = pieces(output.get("traceback"));
                List<Line> lines = new ArrayList<>();
                for (Piece p : traceback) {
                    // Each entry of a traceback is a frame of several lines, without a final line break.
                    for (String l : p.text().split("\n", -1)) {
                        lines.add(new Line(l, p.line()));
                    }
                }
                if (lines.isEmpty()) {
                    int at = line(output.get("ename"));
                    lines.add(new Line(str(output.get("ename")) + ": " + str(output.get("evalue")), at));
                }
                text(lines);
                return;
            }
            Map<?, ?> data = v3 ? v3Data(output) : map(output.get("data"));
            for (String picture : PICTURES) {
                if (data.containsKey(picture)) {
                    String payload = joined(data.get(picture));
                    if (!payload.isBlank()) {
                        blank();
                        add("![" + alt(data.get("text/plain")) + "](" + dataUrl(picture, payload) + ")", line(data.get(picture)));
                        blank();
                        return;
                    }
                }
            }
            if (data.containsKey("text/html")) {
                List<Line> html = lines(pieces(data.get("text/html")));
                String all = String.join("\n", html.stream().map(Line::text).toList());
                Matcher table = TABLE.matcher(all);
                if (table.find() && !UNSAFE_HTML.matcher(table.group()).find()) {
                    // A pandas DataFrame: its table alone (its <style scoped> and wrapper are for the notebook's page).
                    int at = html.get(0).line();
                    blank();
                    for (String l : table.group().split("\n")) {
                        if (!l.isBlank()) {
                            add(l, at);
                        }
                    }
                    blank();
                    return;
                }
            }
            if (data.containsKey("text/markdown")) {
                List<Line> md = lines(pieces(data.get("text/markdown")));
                blank();
                md.forEach(l -> add(l.text(), l.line()));
                blank();
                return;
            }
            if (data.containsKey("text/latex")) {
                String tex = joined(data.get("text/latex")).strip();
                if (tex.startsWith("$") && tex.endsWith("$") && !tex.contains("\n\n")) {
                    // SymPy and IPython.display.Math: a formula in dollars, shown as the notebook shows it.
                    String body = tex.replaceAll("^\\$+|\\$+$", "").strip();
                    int at = line(data.get("text/latex"));
                    blank();
                    add("$$", at);
                    for (String l : body.split("\n")) {
                        add(l, at);
                    }
                    add("$$", at);
                    blank();
                    return;
                }
            }
            if (data.containsKey("text/plain")) {
                text(lines(pieces(data.get("text/plain"))));
            }
        }

        /**
         * A picture's alt text: the output's own text when it says something (IPython.display.Image of a file, a
         * caption), else that it is the code's output; a repr such as {@code <Figure size 640x480 with 1 Axes>} says nothing.
         */
        private static String alt(Object plain) {
            String t = joined(plain).strip();
            if (t.isEmpty() || t.startsWith("<") || t.contains("\n") || t.length() > 120) {
                return "Output of the code above";
            }
            return t.replaceAll("([\\[\\]\\\\`*_<>])", "\\\\$1");
        }

        private static Map<?, ?> v3Data(Map<?, ?> output) {
            Map<String, Object> data = new java.util.LinkedHashMap<>();
            for (Map.Entry<?, ?> e : output.entrySet()) {
                String type = V3_KEYS.get(String.valueOf(e.getKey()));
                if (type != null) {
                    data.put(type, e.getValue());
                }
            }
            return data;
        }

        private void flushStream() {
            if (!stream.isEmpty()) {
                text(new ArrayList<>(stream));
                stream.clear();
            }
        }

        /** Output text as a {@code text} block, without a terminal's escapes and trailing blank lines. */
        private void text(List<Line> lines) {
            List<Line> clean = new ArrayList<>();
            for (Line l : lines) {
                // A progress bar rewrites its line with carriage returns: the reader sees the last state.
                String t = ANSI.matcher(l.text()).replaceAll("");
                int cr = t.lastIndexOf('\r');
                if (cr >= 0) {
                    String after = t.substring(cr + 1);
                    t = after.isEmpty() ? t.substring(0, cr).replaceFirst("^.*\r", "") : after;
                }
                clean.add(new Line(t.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", ""), l.line()));
            }
            while (!clean.isEmpty() && clean.get(clean.size() - 1).text().isBlank()) {
                clean.remove(clean.size() - 1);
            }
            while (!clean.isEmpty() && clean.get(0).text().isBlank()) {
                clean.remove(0);
            }
            if (!clean.isEmpty()) {
                // In a block of its own class, which notebook.css sets apart from the code.
                blank();
                add("<div class=\"nb-output\">", clean.get(0).line());
                fence("text", clean);
                add("</div>", clean.get(clean.size() - 1).line());
                blank();
            }
        }

        private void fence(String info, List<Line> lines) {
            int ticks = 3;
            for (Line l : lines) {
                Matcher m = BACKTICKS.matcher(l.text());
                while (m.find()) {
                    ticks = Math.max(ticks, m.group().length() + 1);
                }
            }
            String fence = "`".repeat(ticks);
            blank();
            add(fence + info, lines.get(0).line());
            for (Line l : lines) {
                add(l.text(), l.line());
            }
            add(fence, lines.get(lines.size() - 1).line());
            blank();
        }

        private void blank() {
            add("", lastLine);
        }

        private void add(String text, int line) {
            lastLine = line;
            out.add(text, file, line);
        }
    }

    /** One line of a cell and the line of the .ipynb its string is on. */
    private record Line(String text, int line) {
    }

    /** One string of a cell's source or output and the line of the .ipynb it is on. */
    private record Piece(String text, int line) {
    }

    /** A multi-line string of nbformat: a list of strings, each ending with its line break, or one string. */
    private static List<Piece> pieces(Object value) {
        List<Piece> out = new ArrayList<>();
        if (value instanceof Json.Str s) {
            out.add(new Piece(s.value(), s.line()));
        } else if (value instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Json.Str s) {
                    out.add(new Piece(s.value(), s.line()));
                }
            }
        }
        return out;
    }

    /** The lines of a multi-line string, each with the line its first character was written on. */
    private static List<Line> lines(List<Piece> pieces) {
        List<Line> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int at = -1;
        for (Piece p : pieces) {
            String t = p.text().replace("\r\n", "\n");
            int start = 0;
            while (start < t.length()) {
                int nl = t.indexOf('\n', start);
                if (at < 0) {
                    // The line starts in this string (a string that only ends the line before does not start one).
                    at = p.line();
                }
                if (nl < 0) {
                    current.append(t, start, t.length());
                    break;
                }
                current.append(t, start, nl);
                out.add(new Line(current.toString(), at));
                current.setLength(0);
                at = -1;
                start = nl + 1;
            }
        }
        if (at >= 0 && !current.isEmpty()) {
            out.add(new Line(current.toString(), at));
        }
        return out;
    }

    private static String dataUrl(String type, String payload) {
        String base64 = type.equals("image/svg+xml") && !payload.strip().matches("[A-Za-z0-9+/=\\s]+")
                ? Base64.getEncoder().encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                : payload.replaceAll("\\s+", "");
        return "data:" + type + ";base64," + base64;
    }

    private static String joined(Object value) {
        StringBuilder sb = new StringBuilder();
        for (Piece p : pieces(value)) {
            sb.append(p.text());
        }
        return sb.toString();
    }

    private static int line(Object value) {
        if (value instanceof Json.Str s) {
            return s.line();
        }
        if (value instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Json.Str s) {
            return s.line();
        }
        return 0;
    }

    private static String str(Object value) {
        return value instanceof Json.Str s ? s.value() : "";
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> m ? m : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
