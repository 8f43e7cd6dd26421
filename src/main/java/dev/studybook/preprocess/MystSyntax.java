package dev.studybook.preprocess;

import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import dev.studybook.io.TextFiles;
import dev.studybook.model.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * MyST Markdown, as Jupyter Book and Sphinx (myst-parser) read it: directives written as fenced blocks
 * ({@code ```{note}}, {@code ```{figure} path}, {@code ```{code-block} python}, {@code ```{math}}) or colon fences
 * ({@code :::{warning}}) with their {@code :option:} lines, roles ({@code {ref}`label`}, {@code {doc}`path`},
 * {@code {math}`x`}, {@code {term}`x`}), labels before headings ({@code (label)=}) and labelled display math
 * ({@code $$ … $$ (label)}). Admonitions become the boxed asides alerts become, figures pictures with their caption,
 * code blocks code, math math, references links to the labelled heading (its title when the role gives no text);
 * directives that only arrange the web page keep their content; an unknown directive keeps its content without its
 * options and is named once per kind. Plain Markdown showed them as code blocks of directive syntax.
 */
final class MystSyntax implements Preprocessor {

    /**
     * A directive's opening fence: backticks, tildes or colons, then {@code {name}} with any inline options
     * ({@code {tip icon=false}}, {@code {r setup, include=FALSE}}), and its arguments.
     */
    static final Pattern OPEN = Pattern.compile("^([ \\t]*)(`{3,}|~{3,}|:{3,})\\{([A-Za-z][\\w:.+-]*)(?:[ \\t,]+([^{}]*))?\\}[ \\t]*(.*?)[ \\t]*$");
    /** An option line at the top of a directive's body: {@code :name: value}. */
    static final Pattern OPTION = Pattern.compile("^[ \\t]*:([A-Za-z][\\w-]*):(?:[ \\t]+(.*?))?[ \\t]*$");
    /** A label line: {@code (label)=}. */
    static final Pattern LABEL = Pattern.compile("^[ \\t]{0,3}\\(([^()\\s]+)\\)=[ \\t]*$");
    /** An inline role: {@code {name}`text`}. */
    static final Pattern ROLE = Pattern.compile("\\{([A-Za-z][\\w:.+-]*)\\}`([^`\\n]+)`");
    /** The end of labelled display math: {@code $$ (label)}. */
    static final Pattern MATH_LABEL = Pattern.compile("^(.*\\$\\$)[ \\t]*\\(([^()\\s]+)\\)[ \\t]*$");
    /** An ATX heading, its closing hashes apart. */
    static final Pattern HEADING = Pattern.compile("^( {0,3}#{1,6}[ \\t]+.*?)(?:[ \\t]+#+)?[ \\t]*$");
    /** Role text with an explicit target: {@code Text <target>}. */
    static final Pattern EXPLICIT = Pattern.compile("^(.*?)\\s*<([^<>]+)>$", Pattern.DOTALL);

    /** Directives that only arrange the web page (grids, tabs' frame, wrappers): their content is shown as it is. */
    static final Set<String> UNWRAPPED = Set.of("tab-set", "grid", "grid-item", "div", "container", "only", "cssclass",
            "rst-class", "card-carousel", "tab-set-code", "glossary", "hlist", "centered", "compound", "parsed-literal",
            "line-block", "class", "md", "markdown", "toggle");
    /** Directives that say nothing in a book: a page's table of contents, its list of sub-pages. */
    static final Set<String> DROPPED = Set.of("toctree", "tableofcontents", "contents", "index", "meta", "highlight",
            "default-domain", "currentmodule", "module", "sectionauthor", "codeauthor", "raw-latex", "postlist", "toc",
            "bibliography");
    /** Directives that draw an aside with a title of their own (their arguments), not a kind's label. */
    static final Set<String> TITLED = Set.of("admonition", "dropdown", "sidebar", "topic", "margin", "card",
            "grid-item-card");
    /** Directives whose body is code. */
    static final Set<String> CODE = Set.of("code-block", "code", "sourcecode", "code-cell", "ipython", "jupyter-execute",
            "testcode", "doctest", "prompt");

    /**
     * Languages of executable code cells in R Markdown, Quarto and Pandoc's attribute fences ({@code ```{r}},
     * {@code ```{python}}): code in that language, not a directive (shown as text with a warning before).
     */
    static final Set<String> CELLS = Set.of("r", "python", "julia", "bash", "sh", "sql", "ojs", "js", "javascript",
            "rust", "go", "c", "cpp", "rcpp", "java", "scala", "matlab", "octave", "stan", "perl", "ruby", "powershell");
    /** A Quarto cell option line: {@code #| echo: false}. */
    private static final Pattern CELL_OPTION = Pattern.compile("^[ \\t]*#\\|[ \\t]*([\\w-]+)[ \\t]*:[ \\t]*(.*?)[ \\t]*$");
    /** An R Markdown chunk option: {@code include=FALSE}, {@code echo = F}. */
    private static final Pattern CHUNK_OPTION = Pattern.compile("([\\w.-]+)[ \\t]*=[ \\t]*([^,]*)");

    private static final int MAX_INCLUDE_DEPTH = 8;
    private static final int MAX_LABEL_FILES = 5_000;

    @Override
    public String name() {
        return "myst";
    }

    @Override
    public SourceText run(SourceText text, PreprocessContext context) {
        String all = text.text();
        if (!all.contains("{") && !all.contains(")=")) {
            return text;
        }
        if (!mayHaveMyst(all)) {
            return text;
        }
        Run r = new Run(text.file(), context);
        List<SourceText.Line> out = r.process(text.lines(), 0);
        if (!r.changed) {
            return text;
        }
        SourceText.Builder b = SourceText.builder(text.file());
        out.forEach(b::add);
        return b.build();
    }

    /** Whether the text holds a directive fence, a role, a label or labelled math anywhere (a quick look). */
    static boolean mayHaveMyst(String all) {
        return all.contains("```{") || all.contains("~~~{") || all.contains(":::{") || all.contains("}`")
                || all.contains(")=") || all.contains("$$ (");
    }

    /** One chapter's rewriting. */
    private static final class Run {
        final Path file;
        final PreprocessContext context;
        boolean changed;

        Run(Path file, PreprocessContext context) {
            this.file = file;
            this.context = context;
        }

        List<SourceText.Line> process(List<SourceText.Line> in, int depth) {
            List<SourceText.Line> out = new ArrayList<>(in.size() + 16);
            CodeFences fences = new CodeFences();
            String pendingLabel = null;
            for (int i = 0; i < in.size(); i++) {
                SourceText.Line l = in.get(i);
                String s = l.text();
                Matcher o = fences.open() ? null : OPEN.matcher(s);
                if (o != null && o.matches()) {
                    int end = close(in, i, o.group(2));
                    List<SourceText.Line> body = in.subList(i + 1, Math.min(end, in.size()));
                    SourceText.Line last = end < in.size() ? in.get(end) : in.get(in.size() - 1);
                    if (o.group(2).charAt(0) != ':' && CELLS.contains(o.group(3).toLowerCase(Locale.ROOT))) {
                        cell(out, o.group(1), o.group(3).toLowerCase(Locale.ROOT), o.group(4), body, l, last);
                    } else {
                        directive(out, o.group(1), o.group(3), o.group(5), body, l, last, depth, pendingLabel);
                    }
                    pendingLabel = null;
                    changed = true;
                    i = end;
                    continue;
                }
                if (fences.inCode(s)) {
                    out.add(l);
                    continue;
                }
                Matcher m;
                if (s.contains(")=") && (m = LABEL.matcher(s)).matches()) {
                    pendingLabel = m.group(1);
                    out.add(new SourceText.Line("", l.file(), l.line()));
                    changed = true;
                    continue;
                }
                if (pendingLabel != null && !s.isBlank()) {
                    Matcher h = HEADING.matcher(s);
                    if (h.matches()) {
                        s = h.group(1) + " <a id=\"" + Callouts.escape(pendingLabel) + "\"></a>";
                        changed = true;
                    }
                    pendingLabel = null;
                }
                if (s.contains("$$") && (m = MATH_LABEL.matcher(s)).matches()) {
                    s = m.group(1);
                    changed = true;
                }
                if (s.contains("}`")) {
                    String r = roles(s, l);
                    if (!r.equals(s)) {
                        s = r;
                        changed = true;
                    }
                }
                out.add(s.equals(l.text()) ? l : new SourceText.Line(s, l.file(), l.line()));
            }
            return out;
        }

        /** The index of the line that closes the directive opened at {@code open}; {@code in.size()} when none. */
        private int close(List<SourceText.Line> in, int open, String marker) {
            char c = marker.charAt(0);
            Pattern closing = Pattern.compile("^[ \\t]*" + Pattern.quote(String.valueOf(c)) + "{" + marker.length()
                    + ",}[ \\t]*$");
            CodeFences inner = new CodeFences();
            for (int k = open + 1; k < in.size(); k++) {
                String s = in.get(k).text();
                if (c == ':') {
                    // A colon fence's content is Markdown: colons inside its code blocks close nothing.
                    if (!inner.open() && closing.matcher(s).matches()) {
                        return k;
                    }
                    inner.inCode(s);
                } else if (closing.matcher(s).matches()) {
                    return k;
                }
            }
            return in.size();
        }

        /**
         * An executable cell of R Markdown or Quarto: its code in its language, without Quarto's {@code #|} option
         * lines; left out when its options hide it ({@code include=FALSE}, {@code echo: false}).
         */
        private void cell(List<SourceText.Line> out, String indent, String language, String inline,
                List<SourceText.Line> lines, SourceText.Line at, SourceText.Line last) {
            Map<String, String> options = new LinkedHashMap<>();
            if (inline != null) {
                Matcher m = CHUNK_OPTION.matcher(inline);
                while (m.find()) {
                    options.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2).strip());
                }
            }
            int k = 0;
            for (; k < lines.size(); k++) {
                Matcher m = CELL_OPTION.matcher(lines.get(k).text());
                if (!m.matches()) {
                    break;
                }
                options.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2).strip());
            }
            for (String hides : List.of("include", "echo")) {
                String v = options.getOrDefault(hides, "").toLowerCase(Locale.ROOT);
                if (v.equals("false") || v.equals("f")) {
                    return;
                }
            }
            code(out, indent, language, "", lines.subList(k, lines.size()), at, last);
        }

        private void directive(List<SourceText.Line> out, String indent, String rawName, String args,
                List<SourceText.Line> lines, SourceText.Line at, SourceText.Line last, int depth, String label) {
            String name = rawName.toLowerCase(Locale.ROOT);
            Map<String, String> options = new LinkedHashMap<>();
            List<SourceText.Line> body = body(lines, options);
            String kind = name.startsWith("prf:") ? name.substring(4) : name;
            if (CODE.contains(name)) {
                String tags = options.getOrDefault("tags", "").toLowerCase(Locale.ROOT).replace('_', '-');
                if (name.equals("code-cell") && (tags.contains("remove-cell") || tags.contains("remove-input"))) {
                    // A jupytext notebook's cell that Jupyter Book removes (its outputs are not in the .md file).
                    return;
                }
                String lang = args.isBlank() ? options.getOrDefault("language", "") : args.split("\\s+")[0];
                if (lang.startsWith("ipython") || name.equals("ipython") || name.equals("jupyter-execute")) {
                    lang = "python";
                }
                String title = options.getOrDefault("caption", options.getOrDefault("filename", ""));
                code(out, indent, lang, title, body, at, last);
                return;
            }
            switch (kind) {
                case "math" -> {
                    blank(out, at);
                    out.add(line(indent + "$$", at));
                    body.forEach(out::add);
                    out.add(line(indent + "$$", last));
                    blank(out, last);
                }
                case "mermaid" -> code(out, indent, "mermaid", "", body, at, last);
                case "graphviz", "digraph", "graph" -> code(out, indent, "dot", "", body, at, last);
                case "figure" -> figure(out, indent, args, options, body, at, last, depth, label);
                case "image" -> {
                    blank(out, at);
                    out.add(line(indent + picture(options.getOrDefault("alt", ""), args, at), at));
                    blank(out, at);
                }
                case "raw" -> {
                    if (args.strip().equalsIgnoreCase("html")) {
                        blank(out, at);
                        body.forEach(out::add);
                        blank(out, last);
                    }
                }
                case "literalinclude" -> literalInclude(out, indent, args, options, at, last);
                case "include" -> include(out, args, options, at, depth);
                case "tab-item", "tab", "tabbed" -> {
                    GitBookTags.block(out, indent, "<p class=\"tab-title\">" + Callouts.escape(plain(args.isBlank()
                            ? "Tab" : args)) + "</p>", at);
                    out.addAll(process(body, depth + 1));
                    blank(out, last);
                }
                case "rubric" -> {
                    blank(out, at);
                    out.add(line(indent + "**" + plain(args) + "**", at));
                    blank(out, at);
                }
                case "epigraph", "pull-quote", "highlights", "blockquote" -> {
                    blank(out, at);
                    for (SourceText.Line q : process(body, depth + 1)) {
                        out.add(new SourceText.Line(indent + "> " + q.text().strip(), q.file(), q.line()));
                    }
                    blank(out, last);
                }
                case "button-link", "button-ref" -> {
                    String text = body.stream().map(SourceText.Line::text).filter(t -> !t.isBlank())
                            .map(String::strip).findFirst().orElse("");
                    String link = kind.equals("button-link") ? "[" + (text.isEmpty() ? args : text) + "](<" + args.strip()
                            + ">)" : roles("{" + ("doc".equals(options.get("ref-type")) ? "doc" : "ref") + "}`"
                                    + (text.isEmpty() ? "" : text + " ") + "<" + args.strip() + ">`", at);
                    blank(out, at);
                    out.add(line(indent + link, at));
                    blank(out, at);
                }
                case "youtube", "video", "iframe" -> {
                    String url = kind.equals("youtube") && !args.contains("/") ? "https://www.youtube.com/watch?v="
                            + args.strip() : args.strip();
                    blank(out, at);
                    out.add(line(indent + "[" + url + "](<" + url + ">)", at));
                    blank(out, at);
                }
                case "list-table" -> listTable(out, indent, args, options, body, at, last, depth);
                case "figure-md" -> {
                    // The picture and its caption are both Markdown in the body.
                    String id = options.getOrDefault("name", label == null ? "" : label);
                    blank(out, at);
                    out.add(line(indent + "<figure" + (id.isBlank() ? "" : " id=\"" + Callouts.escape(id) + "\"") + ">",
                            at));
                    blank(out, at);
                    out.addAll(process(body, depth + 1));
                    blank(out, last);
                    out.add(line(indent + "</figure>", last));
                    blank(out, last);
                }
                case "table" -> titled(out, indent, args, body, at, last, depth);
                default -> {
                    if (DROPPED.contains(kind)) {
                        return;
                    }
                    if (UNWRAPPED.contains(kind)) {
                        blank(out, at);
                        out.addAll(process(body, depth + 1));
                        blank(out, last);
                        return;
                    }
                    Optional<String> aside = aside(kind, options);
                    if (aside.isEmpty()) {
                        context.warnOnce("myst:" + kind, SourceLocation.of(at.file(), at.line()),
                                Diagnostics.Kind.STRUCTURE, "the MyST directive {" + rawName + "} is not one studybook"
                                        + " draws; its content is shown without its options");
                        titled(out, indent, args, body, at, last, depth);
                        return;
                    }
                    String title = title(kind, name, args);
                    List<SourceText.Line> content = new ArrayList<>();
                    if (title == null && !args.isBlank()) {
                        // A note's arguments are the first line of its text.
                        content.add(line(indent + args, at));
                    }
                    for (SourceText.Line b : body) {
                        // A card's header and footer rules (^^^, +++) only divide it on the web.
                        boolean rule = (kind.equals("card") || kind.equals("grid-item-card"))
                                && b.text().strip().matches("\\^{3,}|\\+{3,}");
                        content.add(rule ? line("", b) : b);
                    }
                    blank(out, at);
                    Callouts.open(out, indent, aside.get(), title, context, at);
                    out.addAll(process(content, depth + 1));
                    Callouts.close(out, indent, last);
                }
            }
        }

        /** The aside kind a directive is drawn as; empty when it is no aside. */
        private Optional<String> aside(String kind, Map<String, String> options) {
            String k = Callouts.kind(kind);
            if (!k.isEmpty() && !k.equals("details")) {
                return Optional.of(k);
            }
            if (TITLED.contains(kind) || kind.equals("seealso") || kind.equals("attention") || kind.startsWith("version")
                    || kind.equals("deprecated") || kind.equals("exercise") || kind.equals("solution")
                    || PROOFS.contains(kind)) {
                if (kind.equals("card") || kind.equals("grid-item-card")) {
                    return Optional.of("note");
                }
                for (String c : options.getOrDefault("class", "").split("\\s+")) {
                    String ck = Callouts.kind(c);
                    if (!ck.isEmpty() && !ck.equals("details")) {
                        return Optional.of(ck);
                    }
                }
                return Optional.of(kind.equals("attention") ? "warning" : kind.equals("deprecated") ? "warning" : "note");
            }
            return Optional.empty();
        }

        /** The title an aside shows: its arguments, a fixed title, or null for its kind's label. */
        private String title(String kind, String name, String args) {
            boolean zh = context.chinese();
            String a = plain(args);
            return switch (kind) {
                case "seealso" -> zh ? "参见" : "See also";
                case "versionadded" -> (zh ? "新增于版本 " : "New in version ") + a;
                case "versionchanged" -> (zh ? "变更于版本 " : "Changed in version ") + a;
                case "deprecated" -> (zh ? "自版本 " + a + " 起弃用" : "Deprecated since version " + a);
                case "exercise", "solution" -> capital(kind) + (a.isEmpty() || kind.equals("solution") ? "" : " (" + a + ")");
                default -> {
                    if (PROOFS.contains(kind)) {
                        yield capital(kind) + (a.isEmpty() ? "" : " (" + a + ")");
                    }
                    yield TITLED.contains(kind) ? (a.isEmpty() ? null : a) : null;
                }
            };
        }

        /** The body without its options: {@code :name: value} lines, or a {@code ---} YAML block, at its top. */
        private List<SourceText.Line> body(List<SourceText.Line> lines, Map<String, String> options) {
            int k = 0;
            if (!lines.isEmpty() && lines.get(0).text().strip().equals("---")) {
                int end = -1;
                for (int j = 1; j < lines.size(); j++) {
                    if (lines.get(j).text().strip().equals("---")) {
                        end = j;
                        break;
                    }
                }
                if (end > 0) {
                    for (int j = 1; j < end; j++) {
                        String t = lines.get(j).text().strip();
                        int colon = t.indexOf(':');
                        if (colon > 0) {
                            options.put(t.substring(0, colon).strip(), unquote(t.substring(colon + 1).strip()));
                        }
                    }
                    k = end + 1;
                }
            } else {
                while (k < lines.size()) {
                    Matcher m = OPTION.matcher(lines.get(k).text());
                    if (!m.matches()) {
                        break;
                    }
                    options.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2) == null ? "" : m.group(2));
                    k++;
                }
            }
            if (k < lines.size() && lines.get(k).text().isBlank()) {
                k++;
            }
            return lines.subList(k, lines.size());
        }

        private void code(List<SourceText.Line> out, String indent, String lang, String title, List<SourceText.Line> body,
                SourceText.Line at, SourceText.Line last) {
            int ticks = 3;
            for (SourceText.Line b : body) {
                Matcher m = Pattern.compile("`{3,}").matcher(b.text());
                while (m.find()) {
                    ticks = Math.max(ticks, m.group().length() + 1);
                }
            }
            String fence = "`".repeat(ticks);
            blank(out, at);
            out.add(line(indent + fence + lang + (title.isBlank() ? "" : " title=\"" + title.replace("\"", "'") + "\""), at));
            body.forEach(out::add);
            out.add(line(indent + fence, last));
            blank(out, last);
        }

        private void figure(List<SourceText.Line> out, String indent, String path, Map<String, String> options,
                List<SourceText.Line> body, SourceText.Line at, SourceText.Line last, int depth, String label) {
            String id = options.getOrDefault("name", label == null ? "" : label);
            boolean caption = body.stream().anyMatch(b -> !b.text().isBlank());
            String alt = options.getOrDefault("alt", caption ? plain(body.stream().map(SourceText.Line::text)
                    .filter(t -> !t.isBlank()).findFirst().orElse("")) : "");
            blank(out, at);
            out.add(line(indent + "<figure" + (id.isBlank() ? "" : " id=\"" + Callouts.escape(id) + "\"") + ">", at));
            blank(out, at);
            out.add(line(indent + picture(alt, path, at), at));
            blank(out, at);
            if (caption) {
                out.add(line(indent + "<figcaption>", at));
                blank(out, at);
                out.addAll(process(body, depth + 1));
                blank(out, last);
                out.add(line(indent + "</figcaption>", last));
                blank(out, last);
            }
            out.add(line(indent + "</figure>", last));
            blank(out, last);
        }

        /**
         * A picture; a path starting with '/' starts, as in Sphinx, from the site's source folder: the nearest folder
         * above the page that holds it (quantecon's {@code /_static/…} beside {@code mini_book/}'s pages).
         */
        private String picture(String alt, String path, SourceText.Line at) {
            String p = path.strip();
            if (p.startsWith("/") && !p.startsWith("//")) {
                String rel = p.substring(1);
                Optional<Path> dir = sourceFolder(at.file().getParent(), rel);
                if (dir.isPresent()) {
                    p = relative(dir.get().resolve(rel));
                }
            }
            return "![" + alt.replace("[", "\\[").replace("]", "\\]") + "](<" + p + ">)";
        }

        /** A list-table's rows ({@code * - a} then {@code   - b}) as a table; the first row heads it. */
        private void listTable(List<SourceText.Line> out, String indent, String title, Map<String, String> options,
                List<SourceText.Line> body, SourceText.Line at, SourceText.Line last, int depth) {
            List<List<StringBuilder>> rows = new ArrayList<>();
            Pattern row = Pattern.compile("^[ \\t]*[*-][ \\t]+[*-][ \\t]+(.*)$");
            Pattern cell = Pattern.compile("^[ \\t]+[*-][ \\t]+(.*)$");
            for (SourceText.Line b : body) {
                String t = roles(b.text(), b);
                Matcher r = row.matcher(t);
                Matcher c = cell.matcher(t);
                if (r.matches()) {
                    rows.add(new ArrayList<>(List.of(new StringBuilder(r.group(1).strip()))));
                } else if (!rows.isEmpty() && c.matches()) {
                    rows.get(rows.size() - 1).add(new StringBuilder(c.group(1).strip()));
                } else if (!rows.isEmpty() && !t.isBlank()) {
                    List<StringBuilder> cells = rows.get(rows.size() - 1);
                    cells.get(cells.size() - 1).append(' ').append(t.strip());
                }
            }
            blank(out, at);
            if (!title.isBlank()) {
                out.add(line(indent + "**" + plain(title) + "**", at));
                blank(out, at);
            }
            if (rows.isEmpty()) {
                out.addAll(process(body, depth + 1));
                blank(out, last);
                return;
            }
            int columns = rows.stream().mapToInt(List::size).max().orElse(1);
            for (int r = 0; r < rows.size(); r++) {
                StringBuilder sb = new StringBuilder(indent).append('|');
                for (int c = 0; c < columns; c++) {
                    String v = c < rows.get(r).size() ? rows.get(r).get(c).toString() : "";
                    sb.append(' ').append(v.replace("|", "\\|")).append(" |");
                }
                out.add(line(sb.toString(), at));
                if (r == 0) {
                    out.add(line(indent + "|" + " --- |".repeat(columns), at));
                }
            }
            blank(out, last);
        }

        private void literalInclude(List<SourceText.Line> out, String indent, String path, Map<String, String> options,
                SourceText.Line at, SourceText.Line last) {
            Optional<SourceText> t = read(path, at, "file of a literalinclude");
            if (t.isEmpty()) {
                return;
            }
            List<SourceText.Line> lines = cut(t.get().lines(), options);
            String lang = options.getOrDefault("language", "");
            if (lang.isEmpty()) {
                String n = path.strip();
                lang = n.lastIndexOf('.') > n.lastIndexOf('/') ? n.substring(n.lastIndexOf('.') + 1) : "";
            }
            code(out, indent, lang, options.getOrDefault("caption", ""), lines, at, last);
        }

        private void include(List<SourceText.Line> out, String path, Map<String, String> options, SourceText.Line at,
                int depth) {
            if (depth >= MAX_INCLUDE_DEPTH) {
                context.warn(SourceLocation.of(at.file(), at.line()), "the MyST include of '" + path.strip()
                        + "' is nested more than " + MAX_INCLUDE_DEPTH + " deep; it is not read");
                return;
            }
            Optional<SourceText> t = read(path, at, "included file");
            if (t.isEmpty()) {
                return;
            }
            List<SourceText.Line> lines = cut(t.get().lines(), options);
            blank(out, at);
            out.addAll(process(lines, depth + 1));
            blank(out, at);
        }

        /** A file's lines between {@code :start-after:} and {@code :end-before:}, or its {@code :lines:} a-b. */
        private static List<SourceText.Line> cut(List<SourceText.Line> lines, Map<String, String> options) {
            List<SourceText.Line> l = lines;
            String after = options.getOrDefault("start-after", "");
            if (!after.isEmpty()) {
                for (int i = 0; i < l.size(); i++) {
                    if (l.get(i).text().contains(after)) {
                        l = l.subList(i + 1, l.size());
                        break;
                    }
                }
            }
            String before = options.getOrDefault("end-before", "");
            if (!before.isEmpty()) {
                for (int i = 0; i < l.size(); i++) {
                    if (l.get(i).text().contains(before)) {
                        l = l.subList(0, i);
                        break;
                    }
                }
            }
            Matcher range = Pattern.compile("^\\s*(\\d+)?\\s*-\\s*(\\d+)?\\s*$").matcher(options.getOrDefault("lines", ""));
            if (range.matches()) {
                int from = range.group(1) == null ? 1 : Integer.parseInt(range.group(1));
                int to = range.group(2) == null ? l.size() : Integer.parseInt(range.group(2));
                l = l.subList(Math.min(Math.max(0, from - 1), l.size()), Math.min(Math.max(from - 1, to), l.size()));
            }
            return l;
        }

        /** A file a directive names: relative to the chapter, or with a leading '/' from the nearest folder above. */
        private Optional<SourceText> read(String path, SourceText.Line at, String what) {
            String p = path.strip();
            Path base = at.file().getParent();
            if (p.startsWith("/")) {
                Optional<Path> dir = sourceFolder(base, p.substring(1));
                p = p.substring(1);
                base = dir.orElse(context.content().root());
            }
            return context.read(base, p, SourceLocation.of(at.file(), at.line()), what);
        }

        /** The nearest folder from {@code dir} up to the book's folder in which {@code relative} exists. */
        private Optional<Path> sourceFolder(Path dir, String relative) {
            for (Path d = dir; d != null && context.content().contains(d); d = d.getParent()) {
                if (context.exists(d, relative)) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        }

        /** A line's roles rewritten as Markdown. */
        String roles(String s, SourceText.Line at) {
            Matcher m = ROLE.matcher(s);
            if (!m.find()) {
                return s;
            }
            StringBuilder sb = new StringBuilder();
            int from = 0;
            boolean[] code = codeSpans(s);
            do {
                // Inside a code span the role is an example of its syntax.
                if (code[m.start()]) {
                    continue;
                }
                sb.append(s, from, m.start());
                sb.append(role(m.group(1).toLowerCase(Locale.ROOT), m.group(2), at));
                from = m.end();
            } while (m.find());
            sb.append(s.substring(from));
            return sb.toString();
        }

        /** Which characters of a line are inside code spans (a run of backticks up to the next run as long). */
        static boolean[] codeSpans(String s) {
            boolean[] code = new boolean[s.length() + 1];
            int i = 0;
            while (i < s.length()) {
                if (s.charAt(i) != '`') {
                    i++;
                    continue;
                }
                int n = 0;
                while (i + n < s.length() && s.charAt(i + n) == '`') {
                    n++;
                }
                int j = i + n;
                int close = -1;
                while (j < s.length()) {
                    if (s.charAt(j) == '`') {
                        int k = 0;
                        while (j + k < s.length() && s.charAt(j + k) == '`') {
                            k++;
                        }
                        if (k == n) {
                            close = j;
                            break;
                        }
                        j += k;
                    } else {
                        j++;
                    }
                }
                if (close < 0) {
                    i += n;
                    continue;
                }
                for (int k = i; k < close + n; k++) {
                    code[k] = true;
                }
                i = close + n;
            }
            return code;
        }

        private String role(String name, String text, SourceText.Line at) {
            Matcher e = EXPLICIT.matcher(text);
            String shown = e.matches() ? e.group(1).strip() : "";
            String target = e.matches() ? e.group(2).strip() : text.strip();
            String n = name.replaceFirst("^(?:std|py|c|cpp|js|rst|myst):", "");
            if (n.startsWith("external") || n.startsWith("xref")) {
                // A reference into another site (intersphinx): its text, the other site is not in the book.
                return shown.isEmpty() ? target : shown;
            }
            return switch (n) {
                case "math" -> "$" + text.strip() + "$";
                case "ref", "numref", "any", "eq", "label" -> reference(n, shown, target, at);
                case "doc" -> document(shown, target, at);
                case "download" -> "[" + (shown.isEmpty() ? target : shown) + "](<" + target + ">)";
                case "term", "abbr", "dfn", "title-reference", "t", "index", "raw-html" -> shown.isEmpty() ? target : shown;
                case "sub", "subscript" -> "<sub>" + Callouts.escape(text) + "</sub>";
                case "sup", "superscript" -> "<sup>" + Callouts.escape(text) + "</sup>";
                case "kbd" -> "<kbd>" + Callouts.escape(text) + "</kbd>";
                case "guilabel", "menuselection", "strong" -> "**" + text.replace("&", "").replace("-->", "→") + "**";
                case "emphasis" -> "*" + text + "*";
                case "delete", "del", "strike" -> "~~" + text + "~~";
                case "cite", "cite:p", "cite:t", "footcite", "bibliography" -> "[" + text + "]";
                case "octicon", "fa", "fas", "far", "fab", "icon", "material-regular", "material-outlined" -> "";
                case "code", "samp", "file", "command", "program", "envvar", "option", "func", "class", "meth", "mod",
                        "attr", "data", "obj", "exc", "const", "var", "type", "member", "macro", "struct", "confval",
                        "literal", "regexp", "mimetype", "makevar", "token", "keyword", "enum", "property" -> {
                    String c = shown.isEmpty() ? target.replaceFirst("^[~!]", "") : shown;
                    yield c.contains("`") ? "`` " + c + " ``" : "`" + c + "`";
                }
                default -> {
                    context.warnOnce("myst-role:" + n, SourceLocation.of(at.file(), at.line()), Diagnostics.Kind.STRUCTURE,
                            "the MyST role {" + name + "} is not one studybook knows; its text is shown as written");
                    yield shown.isEmpty() ? target : shown;
                }
            };
        }

        /** A {@code {ref}}: a link to the labelled heading or figure, with its title when no text is given. */
        private String reference(String role, String shown, String label, SourceText.Line at) {
            Map<String, Target> labels = context.shared("myst-labels", () -> labels(context));
            Target t = labels.get(label);
            if (role.equals("eq")) {
                return "(" + label + ")";
            }
            if (t == null) {
                context.warnOnce("myst-ref", SourceLocation.of(at.file(), at.line()), Diagnostics.Kind.LINK,
                        "the MyST reference '" + label + "' names no label ((" + label + ")= before a heading, or a"
                                + " figure's :name:) in the book; its text is shown without a link");
                return shown.isEmpty() ? label : shown;
            }
            String text = shown.isEmpty() ? (t.title().isEmpty() ? label : t.title())
                    : shown.replace("{number}", "").replace("%s", "").strip();
            String href = t.file().equals(file.toAbsolutePath().normalize()) ? "" : relative(t.file());
            if (href.isEmpty() && !t.anchor()) {
                return text;
            }
            return "[" + text.replace("[", "\\[").replace("]", "\\]") + "](<" + href + (t.anchor() ? "#" + label : "")
                    + ">)";
        }

        /** A {@code {doc}}: a link to the page, with its title when no text is given. */
        private String document(String shown, String target, SourceText.Line at) {
            String t = target.replaceFirst("#.*$", "");
            Path base = at.file().getParent();
            if (t.startsWith("/")) {
                t = t.substring(1);
                String rel = t;
                base = sourceFolder(base, rel + ".md").or(() -> sourceFolder(at.file().getParent(), rel))
                        .orElse(context.content().root());
            }
            String page = context.exists(base, t) ? t : t + ".md";
            Optional<Path> p = context.content().resolve(base, page);
            String href = p.map(this::relative).orElse(page);
            String text = shown;
            if (text.isEmpty()) {
                text = p.filter(Files::isRegularFile).flatMap(MystSyntax::pageTitle).orElse(target);
            }
            return "[" + text.replace("[", "\\[").replace("]", "\\]") + "](<" + href + ">)";
        }

        private String relative(Path target) {
            Path dir = file.toAbsolutePath().normalize().getParent();
            return dir.relativize(target.toAbsolutePath().normalize()).toString().replace('\\', '/');
        }

        /** A directive's body under its argument as a bold title line (a table's title, an unknown directive's). */
        private void titled(List<SourceText.Line> out, String indent, String args, List<SourceText.Line> body,
                SourceText.Line at, SourceText.Line last, int depth) {
            blank(out, at);
            if (!args.isBlank()) {
                out.add(line(indent + "**" + plain(args) + "**", at));
                blank(out, at);
            }
            out.addAll(process(body, depth + 1));
            blank(out, last);
        }

        private static SourceText.Line line(String text, SourceText.Line origin) {
            return new SourceText.Line(text, origin.file(), origin.line());
        }

        private static void blank(List<SourceText.Line> out, SourceText.Line origin) {
            out.add(line("", origin));
        }
    }

    /** The proofs and statements of sphinx-proof ({@code {prf:theorem}}), drawn as asides under their name. */
    static final Set<String> PROOFS = Set.of("theorem", "lemma", "definition", "proof", "corollary", "proposition",
            "conjecture", "axiom", "criterion", "remark", "property", "observation", "assumption", "algorithm", "example");

    /** Where a label leads: its file, the title of what it labels, and whether that carries the label as an anchor. */
    record Target(Path file, String title, boolean anchor) {
    }

    /** The labels of every Markdown page of the book: {@code (label)=} before a heading, a figure's {@code :name:}. */
    static Map<String, Target> labels(PreprocessContext context) {
        Map<String, Target> out = new HashMap<>();
        Path root = context.content().root();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root, 8)) {
            files = walk.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md"))
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && context.content().contains(p))
                    .filter(p -> {
                        String r = root.relativize(p).toString().replace('\\', '/');
                        return !r.startsWith(".") && !r.contains("/.") && !r.contains("node_modules/")
                                && !r.startsWith("_build/") && !r.contains("/_build/");
                    })
                    .sorted().limit(MAX_LABEL_FILES).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return out;
        }
        for (Path f : files) {
            String text;
            try {
                if (Files.size(f) > 4 << 20) {
                    continue;
                }
                text = TextFiles.read(f, "page");
            } catch (IOException | RuntimeException e) {
                continue;
            }
            if (!text.contains(")=") && !text.contains("name:")) {
                continue;
            }
            String[] lines = text.split("\n", -1);
            Path abs = f.toAbsolutePath().normalize();
            for (int i = 0; i < lines.length; i++) {
                Matcher m = LABEL.matcher(lines[i]);
                if (m.matches()) {
                    String title = "";
                    boolean heading = false;
                    for (int j = i + 1; j < lines.length; j++) {
                        if (lines[j].isBlank()) {
                            continue;
                        }
                        Matcher h = HEADING.matcher(lines[j]);
                        if (h.matches()) {
                            title = plain(h.group(1).replaceFirst("^\\s*#+\\s*", ""));
                            heading = true;
                        }
                        break;
                    }
                    out.putIfAbsent(m.group(1), new Target(abs, title, heading));
                    continue;
                }
                Matcher o = OPEN.matcher(lines[i]);
                if (o.matches()) {
                    // A directive's :name: (or name: in its --- block) labels it; a figure carries it as its anchor.
                    String name = directiveName(lines, i + 1);
                    if (!name.isEmpty()) {
                        String kind = o.group(3).toLowerCase(Locale.ROOT);
                        boolean figure = kind.equals("figure") || kind.equals("figure-md");
                        out.putIfAbsent(name, new Target(abs, figure ? caption(lines, i + 1) : "", figure));
                    }
                }
            }
        }
        return out;
    }

    /** The first line of text of the directive whose body starts at line {@code from}, after its options. */
    private static String caption(String[] lines, int from) {
        int j = from;
        if (j < lines.length && lines[j].strip().equals("---")) {
            j++;
            while (j < lines.length && !lines[j].strip().equals("---")) {
                j++;
            }
            j++;
        } else {
            while (j < lines.length && OPTION.matcher(lines[j]).matches()) {
                j++;
            }
        }
        while (j < lines.length && lines[j].isBlank()) {
            j++;
        }
        if (j >= lines.length || lines[j].strip().matches("`{3,}|~{3,}|:{3,}|!\\[.*")) {
            return "";
        }
        return plain(lines[j]);
    }

    /** The {@code name} option of the directive whose body starts at line {@code from}; empty when it has none. */
    private static String directiveName(String[] lines, int from) {
        boolean yaml = from < lines.length && lines[from].strip().equals("---");
        for (int j = yaml ? from + 1 : from; j < lines.length; j++) {
            String t = lines[j].strip();
            if (yaml) {
                if (t.equals("---")) {
                    break;
                }
                if (t.startsWith("name:")) {
                    return unquote(t.substring(5).strip());
                }
                continue;
            }
            Matcher m = OPTION.matcher(lines[j]);
            if (!m.matches()) {
                break;
            }
            if (m.group(1).equals("name") && m.group(2) != null) {
                return m.group(2).strip();
            }
        }
        return "";
    }

    /** A page's title: its front matter's {@code title}, else its first heading. */
    static Optional<String> pageTitle(Path page) {
        String text;
        try {
            text = TextFiles.read(page, "page");
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Map<String, String> fm = new LinkedHashMap<>();
        String body = FrontMatter.hide(text, fm);
        String title = fm.getOrDefault("title", "").strip();
        if (!title.isEmpty()) {
            return Optional.of(title);
        }
        String heading = FrontMatter.firstHeading(body);
        return heading.isEmpty() ? Optional.empty() : Optional.of(plain(heading));
    }

    /** Text without Markdown emphasis, code marks and roles (a title shown as plain text). */
    static String plain(String s) {
        return ROLE.matcher(s).replaceAll(r -> Matcher.quoteReplacement(r.group(1).matches("(?i)octicon|fa[srb]?|icon")
                ? "" : r.group(2).replaceFirst("\\s*<[^<>]*>$", ""))).replaceAll("[*`]", "")
                .replaceAll("\\{[^{}]*\\}$", "").strip();
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))
                ? s.substring(1, s.length() - 1) : s;
    }
}
