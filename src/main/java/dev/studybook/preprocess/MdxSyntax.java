package dev.studybook.preprocess;

import dev.studybook.error.SourceLocation;
import dev.studybook.model.SourceText;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MDX as Docusaurus reads it: {@code import}/{@code export} blocks and {@code {/* comments *\/}} are removed;
 * {@code <Tabs>}/{@code <TabItem>} show each tab in turn under its label; a partial imported from a Markdown file
 * ({@code import Intro from './_intro.md'} then {@code <Intro />}) is read in its place; {@code <CodeBlock language="x">}
 * becomes a code block and {@code <Admonition type="x">} an aside; JSX attribute values ({@code width={300}},
 * {@code className="x"}) are written as HTML's and other expressions dropped, so that the remaining components reach
 * the XHTML cleaner as HTML it can parse. Content indented inside a component loses that indentation, since MDX has
 * no indented code blocks. Applies to {@code .mdx} files and to Markdown files with an {@code import} or
 * {@code export} line (Docusaurus reads {@code .md} as MDX too); other books are left alone.
 */
final class MdxSyntax implements Preprocessor {

    static final int MAX_DEPTH = 10;
    /** An ESM statement at the start of a line, as MDX recognises one: import … from '…', import '…', export const … */
    static final Pattern ESM = Pattern.compile("^(?:import\\s+(?:type\\s+)?(?:\\{|\\*\\s*as\\s|[\\w$]+\\s*(?:,|from\\b))"
            + "|import\\s+['\"]|export\\s+(?:const|let|var|function|default|async|class)\\b|export\\s*[{*])");
    /** {@code import Name from './file.md'}: a partial that {@code <Name />} shows. */
    private static final Pattern PARTIAL = Pattern.compile("import\\s+([A-Z][\\w$]*)\\s+from\\s+['\"]([^'\"]+\\.mdx?)['\"]");
    private static final Pattern TAB_OBJECT = Pattern.compile("\\{([^{}]*)\\}");
    /** {@code items={['npm', "pnpm"]}} of Nextra's {@code <Tabs>}. */
    private static final Pattern TAB_ITEMS = Pattern.compile("\\bitems\\s*=\\s*\\{\\s*\\[([^\\]]*)\\]");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"");
    /** {@code export const name = `…`} (or a quoted string) in a page's ESM block: a code a component shows. */
    private static final Pattern EXPORTED_STRING = Pattern.compile(
            "export\\s+const\\s+([\\w$]+)\\s*=\\s*(?:`([^`$]*)`|'((?:[^'\\\\\\n]|\\\\.)*)'|\"((?:[^\"\\\\\\n]|\\\\.)*)\")");
    /** The components whose kind of aside is their {@code type} attribute (the others are named after it). */
    private static final java.util.Set<String> CALLOUT_TYPED = java.util.Set.of("Admonition", "Aside", "Callout");
    private static final Pattern KEY_VALUE = Pattern.compile("(label|value)\\s*:\\s*(?:'([^']*)'|\"([^\"]*)\")");
    /** HTML's elements without content, which may close themselves. */
    private static final java.util.Set<String> VOID = java.util.Set.of("area", "base", "br", "col", "embed", "hr", "img",
            "input", "link", "meta", "source", "track", "wbr");
    /** A picture's address in JSX: {@code require('…').default}, {@code require('…')}, {@code useBaseUrl('…')}. */
    private static final Pattern ADDRESS = Pattern.compile(
            "(?:require|useBaseUrl)\\(\\s*(['\"`])([^'\"`$]+)\\1\\s*\\)(?:\\.default)?");
    private static final Pattern JSX_SPACE = Pattern.compile("\\{\\s*(?:\"\\s*\"|'\\s*')\\s*\\}");

    @Override
    public String name() {
        return "mdx";
    }

    @Override
    public SourceText run(SourceText text, PreprocessContext context) {
        String name = text.file() == null ? "" : text.file().getFileName().toString().toLowerCase(Locale.ROOT);
        boolean mdx = name.endsWith(".mdx");
        String t = text.text();
        if (!mdx && !(t.contains("import") || t.contains("export") || t.contains("={") || t.contains("{/*"))) {
            return text;
        }
        List<SourceText.Line> out = expand(text.lines(), text.file() == null ? null : text.file().getParent(), context, 0,
                mdx);
        if (out == null) {
            return text;
        }
        SourceText.Builder b = SourceText.builder(text.file());
        out.forEach(b::add);
        return b.build();
    }

    /**
     * True when the lines hold, outside code, an ESM statement, an MDX comment or a tag with an attribute written as
     * a JSX expression ({@code <ins style={{…}} />}): the file is MDX.
     */
    static boolean looksLikeMdx(List<SourceText.Line> lines) {
        CodeFences fences = new CodeFences();
        RawTextBlocks raw = new RawTextBlocks();
        for (SourceText.Line l : lines) {
            String s = l.text();
            if (fences.inCode(s) || raw.inBlock(s)) {
                continue;
            }
            if (ESM.matcher(s).lookingAt() || (s.contains("{/*") && removeComments(s, new int[1]).length() < s.length())) {
                return true;
            }
            if (s.contains("={") && jsxTag(s)) {
                return true;
            }
        }
        return false;
    }

    /** True when the line holds a complete tag with an attribute written in JSX's way. */
    private static boolean jsxTag(String s) {
        boolean[] code = CodeFences.inlineCode(s);
        int k = 0;
        while (true) {
            int lt = s.indexOf('<', k);
            if (lt < 0) {
                return false;
            }
            int end = code[lt] ? -1 : tagEnd(s, lt);
            if (end > 0) {
                Tag t = Tag.read(s.substring(lt, end));
                if (t != null && t.jsx) {
                    return true;
                }
            }
            k = lt + 1;
        }
    }

    /** A component open around the lines being read. */
    private static final class Open {
        final String name;
        final String closing;
        int dedent = -1;
        int tabs;
        final Map<String, String> labels;

        Open(String name, String closing, Map<String, String> labels) {
            this.name = name;
            this.closing = closing;
            this.labels = labels;
        }
    }

    /** The lines with MDX's syntax handled, or null when the file is not MDX or nothing changed. */
    private List<SourceText.Line> expand(List<SourceText.Line> in, Path base, PreprocessContext context, int depth,
            boolean forced) {
        if (!forced && !looksLikeMdx(in)) {
            return null;
        }
        List<SourceText.Line> out = new ArrayList<>(in.size());
        Map<String, String> partials = new HashMap<>();
        Map<String, String> constants = new HashMap<>();
        CodeFences fences = new CodeFences();
        RawTextBlocks raw = new RawTextBlocks();
        Deque<Open> open = new ArrayDeque<>();
        boolean inComment = false;
        boolean changed = false;
        int i = 0;
        while (i < in.size()) {
            SourceText.Line line = in.get(i);
            String s = line.text();
            if (!open.isEmpty() && !s.isBlank()) {
                Open top = open.peek();
                if (top.dedent < 0) {
                    top.dedent = indentOf(s);
                }
                String d = dedent(s, top.dedent);
                if (!d.equals(s)) {
                    s = d;
                    changed = true;
                }
            }
            if (fences.inCode(s) || !inComment && raw.inBlock(s)) {
                // A <script setup> block's "import { ref } from 'vue'" is JavaScript, not an ESM block of MDX: read as
                // one, it took the closing tag with it and the open script hid the rest of the page (vuejs/docs).
                out.add(new SourceText.Line(s, line.file(), line.line()));
                i++;
                continue;
            }
            if (inComment) {
                int end = s.indexOf("*/}");
                changed = true;
                if (end < 0) {
                    i++;
                    continue;
                }
                inComment = false;
                s = s.substring(end + 3);
                if (s.isBlank()) {
                    i++;
                    continue;
                }
            }
            if (open.isEmpty() && ESM.matcher(s).lookingAt()) {
                // An ESM block runs to the next blank line.
                int j = i;
                StringBuilder esm = new StringBuilder();
                while (j < in.size() && !in.get(j).text().isBlank()) {
                    esm.append(in.get(j).text()).append('\n');
                    j++;
                }
                Matcher p = PARTIAL.matcher(esm);
                while (p.find()) {
                    partials.put(p.group(1), p.group(2));
                }
                Matcher c = EXPORTED_STRING.matcher(esm);
                while (c.find()) {
                    String v = c.group(2) != null ? c.group(2) : c.group(3) != null ? c.group(3) : c.group(4);
                    constants.put(c.group(1), c.group(2) != null ? v : v.replace("\\n", "\n").replaceAll("\\\\(.)", "$1"));
                }
                out.add(new SourceText.Line("", line.file(), line.line()));
                changed = true;
                i = j;
                continue;
            }
            // A tag may run over several lines: its lines are joined before it is read.
            int consumed = 1;
            String joined = s;
            while (incompleteTag(joined) && i + consumed < in.size() && consumed < 40) {
                joined = joined + " " + in.get(i + consumed).text().strip();
                consumed++;
            }
            if (consumed > 1 && !incompleteTag(joined)) {
                s = joined;
                changed = true;
            } else {
                consumed = 1;
            }
            String before = s;
            int[] commentState = {0};
            s = removeComments(s, commentState);
            inComment = commentState[0] == 1;
            s = JSX_SPACE.matcher(s).replaceAll(" ");
            changed |= !s.equals(before);
            Step step = tags(s, line, in, i + consumed, open, partials, constants, base, context, depth, out);
            if (step != null) {
                changed = true;
                i = step.next;
                continue;
            }
            if (s.isBlank() && !before.isBlank()) {
                out.add(new SourceText.Line("", line.file(), line.line()));
            } else {
                out.add(new SourceText.Line(s, line.file(), line.line()));
            }
            i += consumed;
        }
        return changed ? out : null;
    }

    /** Where reading goes on after a line whose tags were handled. */
    private record Step(int next) {
    }

    /** Handles the JSX tags of a line; null when it holds none that needed a change. */
    private Step tags(String s, SourceText.Line line, List<SourceText.Line> in, int next, Deque<Open> open,
            Map<String, String> partials, Map<String, String> constants, Path base, PreprocessContext context, int depth,
            List<SourceText.Line> out) {
        boolean[] code = CodeFences.inlineCode(s);
        StringBuilder current = new StringBuilder();
        int from = 0;
        boolean changed = false;
        boolean alone = true;
        int k = 0;
        while (k < s.length()) {
            int lt = s.indexOf('<', k);
            if (lt < 0) {
                break;
            }
            int end = lt + 1 < s.length() && !code[lt] ? tagEnd(s, lt) : -1;
            if (end < 0) {
                k = lt + 1;
                continue;
            }
            Tag tag = Tag.read(s.substring(lt, end));
            if (tag == null) {
                k = lt + 1;
                continue;
            }
            if (!s.substring(from, lt).isBlank()) {
                alone = false;
            }
            String replacement = null;
            boolean block = false;
            switch (tag.name) {
                case "Tabs" -> {
                    block = true;
                    replacement = "";
                    if (tag.closing) {
                        pop(open, "Tabs");
                    } else if (!tag.selfClosing) {
                        open.push(new Open("Tabs", "</Tabs>", tabLabels(tag.raw)));
                    }
                }
                case "TabItem", "Tabs.Tab" -> {
                    block = true;
                    if (tag.closing) {
                        pop(open, tag.name);
                        replacement = "";
                    } else {
                        String label = tag.attribute("label");
                        Open tabs = find(open, "Tabs");
                        if (label.isEmpty()) {
                            String value = tag.attribute("value");
                            label = tabs != null && tabs.labels.containsKey(value) ? tabs.labels.get(value) : value;
                        }
                        if (label.isEmpty() && tabs != null) {
                            // Nextra's <Tabs items={['npm', 'pnpm']}>: each <Tabs.Tab> takes the next name.
                            label = tabs.labels.getOrDefault("#" + tabs.tabs, "");
                        }
                        if (tabs != null) {
                            tabs.tabs++;
                        }
                        replacement = "<p class=\"tab-title\">" + Callouts.escape(label.isEmpty() ? "Tab" : label) + "</p>";
                        if (!tag.selfClosing) {
                            open.push(new Open(tag.name, "</" + tag.name + ">", Map.of()));
                        }
                    }
                }
                case "Admonition", "Aside", "Callout", "Note", "Tip", "Info", "Warning", "Caution", "Danger", "Check" -> {
                    // Docusaurus's <Admonition type>, Starlight's <Aside type title>, Nextra's <Callout type>,
                    // Mintlify's <Note>, <Tip>, <Warning> …: an aside of that kind.
                    if (tag.selfClosing) {
                        replacement = "";
                        break;
                    }
                    GitBookTags.flush(current.append(s, from, lt), line, out);
                    if (tag.closing) {
                        pop(open, tag.name);
                        Callouts.close(out, "", line);
                    } else {
                        String kind = Callouts.kind(CALLOUT_TYPED.contains(tag.name) ? tag.attribute("type") : tag.name);
                        Callouts.open(out, "", kind.isEmpty() ? "note" : kind, tag.attribute("title"), context, line);
                        open.push(new Open(tag.name, "</" + tag.name + ">", Map.of()));
                    }
                    from = end;
                    k = end;
                    changed = true;
                    continue;
                }
                case "Card", "LinkCard", "Cards.Card", "Step", "Tab", "Accordion", "Expandable" -> {
                    // A titled box (Starlight's <Card title> and <LinkCard title href description>, Mintlify's
                    // <Card title href>, <Step title>, <Accordion title>, Rspress's <Tab label>): its title over
                    // its content, a link when it leads somewhere.
                    block = true;
                    if (tag.closing) {
                        pop(open, tag.name);
                        replacement = "";
                        break;
                    }
                    GitBookTags.flush(current.append(s, from, lt), line, out);
                    card(tag, line, out);
                    if (!tag.selfClosing) {
                        open.push(new Open(tag.name, "</" + tag.name + ">", Map.of()));
                    }
                    from = end;
                    k = end;
                    changed = true;
                    continue;
                }
                case "CardGrid", "CardGroup", "Cards", "Steps", "FileTree", "CodeGroup", "AccordionGroup", "Columns",
                        "Frame" -> {
                    // Components that only arrange their content on the web page: the content as it is.
                    block = true;
                    replacement = "";
                    if (tag.closing) {
                        pop(open, tag.name);
                    } else if (!tag.selfClosing) {
                        open.push(new Open(tag.name, "</" + tag.name + ">", Map.of()));
                    }
                }
                case "Icon" -> replacement = "";
                case "Badge" -> replacement = tag.closing || tag.attribute("text").isEmpty() ? ""
                        : "<span class=\"badge\">" + Callouts.escape(tag.attribute("text")) + "</span>";
                case "LinkButton" -> replacement = tag.closing ? "</a>" : tag.attribute("href").isEmpty() ? ""
                        : "<a href=\"" + Callouts.escape(tag.attribute("href")) + "\">";
                case "Code" -> {
                    // Starlight's (Expressive Code's) <Code code="…" lang="js" title="x" />: a code block; a code
                    // held in an exported constant of the page (code={example}) is read from it.
                    if (tag.closing || !tag.has("code")) {
                        replacement = tag.jsx ? tag.html() : null;
                        break;
                    }
                    GitBookTags.flush(current.append(s, from, lt), line, out);
                    String shown = templateCode(line, in, next).orElse(tag.attribute("code"));
                    if (shown.isEmpty()) {
                        shown = constants.getOrDefault(tag.expression("code"), "");
                    }
                    if (!shown.isEmpty()) {
                        fence(tag.attribute("lang"), tag.attribute("title"), shown, line, line.line(), out);
                    }
                    from = end;
                    k = end;
                    changed = true;
                    continue;
                }
                case "CodeBlock" -> {
                    if (!tag.closing && !tag.selfClosing) {
                        GitBookTags.flush(current.append(s, from, lt), line, out);
                        return new Step(codeBlock(tag, s.substring(end), line, in, next, out));
                    }
                    replacement = "";
                }
                default -> {
                    if (!tag.closing && tag.selfClosing && partials.containsKey(tag.name)) {
                        GitBookTags.flush(current.append(s, from, lt), line, out);
                        partial(partials.get(tag.name), line, base, context, depth, out);
                        from = end;
                        k = end;
                        changed = true;
                        continue;
                    }
                    if (Character.isUpperCase(tag.name.charAt(0)) && s.substring(0, lt).isBlank()
                            && s.substring(end).isBlank()) {
                        // Another component alone on its line (Mintlify's <Visibility for="agents">, <Update
                        // label="…">, a site's own <Preview>): MDX reads the lines inside it as Markdown, so they are
                        // shown as such, under its title or label when it has one. Before, the tag and the heading
                        // after it were shown as text.
                        block = true;
                        replacement = "";
                        if (tag.closing) {
                            pop(open, tag.name);
                            break;
                        }
                        if (!tag.selfClosing) {
                            open.push(new Open(tag.name, "</" + tag.name + ">", Map.of()));
                        }
                        if (!tag.attribute("title").isBlank() || !tag.attribute("label").isBlank()) {
                            GitBookTags.flush(current.append(s, from, lt), line, out);
                            card(tag, line, out);
                            from = end;
                            k = end;
                            changed = true;
                            continue;
                        }
                    } else if (tag.jsx) {
                        replacement = tag.html();
                    }
                }
            }
            if (replacement == null) {
                k = end;
                continue;
            }
            changed = true;
            current.append(s, from, lt);
            if (block) {
                GitBookTags.flush(current, line, out);
                if (!replacement.isEmpty()) {
                    GitBookTags.block(out, "", replacement, line);
                } else {
                    out.add(new SourceText.Line("", line.file(), line.line()));
                }
            } else {
                current.append(replacement);
            }
            from = end;
            k = end;
        }
        if (!changed) {
            return null;
        }
        current.append(s.substring(from));
        if (!current.toString().isBlank()) {
            out.add(new SourceText.Line(current.toString(), line.file(), line.line()));
        } else if (alone && (out.isEmpty() || !out.get(out.size() - 1).text().isBlank())) {
            out.add(new SourceText.Line("", line.file(), line.line()));
        }
        return new Step(next);
    }

    private static void pop(Deque<Open> open, String name) {
        if (!open.isEmpty() && open.peek().name.equals(name)) {
            open.pop();
        }
    }

    private static Open find(Deque<Open> open, String name) {
        for (Open o : open) {
            if (o.name.equals(name)) {
                return o;
            }
        }
        return null;
    }

    /** {@code values={[{label: 'npm', value: 'npm'}, …]}} of a {@code <Tabs>}: each tab's label by its value. */
    static Map<String, String> tabLabels(String tag) {
        Map<String, String> labels = new HashMap<>();
        Matcher items = TAB_ITEMS.matcher(tag);
        if (items.find()) {
            Matcher q = QUOTED.matcher(items.group(1));
            for (int n = 0; q.find(); n++) {
                labels.put("#" + n, q.group(1) != null ? q.group(1) : q.group(2));
            }
        }
        Matcher o = TAB_OBJECT.matcher(tag);
        while (o.find()) {
            String label = null;
            String value = null;
            Matcher kv = KEY_VALUE.matcher(o.group(1));
            while (kv.find()) {
                String v = kv.group(2) != null ? kv.group(2) : kv.group(3);
                if (kv.group(1).equals("label")) {
                    label = v;
                } else {
                    value = v;
                }
            }
            if (label != null && value != null) {
                labels.put(value, label);
            }
        }
        return labels;
    }

    /**
     * {@code <CodeBlock language="bash" title="shell">{`npm install`}</CodeBlock>} as a fenced code block; returns
     * the index of the line after the closing tag.
     */
    private int codeBlock(Tag tag, String rest, SourceText.Line line, List<SourceText.Line> in, int next,
            List<SourceText.Line> out) {
        List<SourceText.Line> body = new ArrayList<>();
        String first = rest;
        int i = next;
        int close = first.indexOf("</CodeBlock>");
        if (close >= 0) {
            body.add(new SourceText.Line(first.substring(0, close), line.file(), line.line()));
        } else {
            body.add(new SourceText.Line(first, line.file(), line.line()));
            while (i < in.size()) {
                SourceText.Line l = in.get(i++);
                int c = l.text().indexOf("</CodeBlock>");
                if (c >= 0) {
                    body.add(new SourceText.Line(l.text().substring(0, c), l.file(), l.line()));
                    break;
                }
                body.add(l);
            }
        }
        StringBuilder all = new StringBuilder();
        for (SourceText.Line b : body) {
            all.append(b.text()).append('\n');
        }
        String text = all.toString().strip();
        if (text.startsWith("{") && text.endsWith("}")) {
            text = text.substring(1, text.length() - 1).strip();
            if (text.length() >= 2 && "`'\"".indexOf(text.charAt(0)) >= 0 && text.charAt(text.length() - 1) == text.charAt(0)) {
                text = text.substring(1, text.length() - 1);
            }
        }
        fence(tag.attribute("language"), tag.attribute("title"), text, line, body.get(0).line(), out);
        return i;
    }

    private static final Pattern TEMPLATE_CODE = Pattern.compile("\\bcode\\s*=\\s*\\{\\s*`([^`$]*)`\\s*\\}");

    /**
     * The code of {@code <Code code={`…`} />} written over several lines, its line ends kept (a tag's lines are joined
     * with spaces to be read).
     */
    private static java.util.Optional<String> templateCode(SourceText.Line line, List<SourceText.Line> in, int next) {
        int first = in.indexOf(line);
        if (first < 0 || next - first < 2) {
            return java.util.Optional.empty();
        }
        StringBuilder raw = new StringBuilder();
        for (int j = first; j < next && j < in.size(); j++) {
            raw.append(in.get(j).text()).append('\n');
        }
        Matcher m = TEMPLATE_CODE.matcher(raw);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    /** A fenced code block of {@code text}, its first line numbered {@code firstLine}. */
    private static void fence(String language, String title, String text, SourceText.Line line, int firstLine,
            List<SourceText.Line> out) {
        String info = language + (title.isEmpty() ? "" : " title=\"" + title.replace("\"", "'") + "\"");
        String fence = text.contains("```") ? "~~~~" : "```";
        out.add(new SourceText.Line("", line.file(), line.line()));
        out.add(new SourceText.Line(fence + info, line.file(), line.line()));
        String[] lines = text.split("\n", -1);
        for (int k = 0; k < lines.length; k++) {
            out.add(new SourceText.Line(lines[k], line.file(), firstLine + k));
        }
        out.add(new SourceText.Line(fence, line.file(), line.line()));
        out.add(new SourceText.Line("", line.file(), line.line()));
    }

    /**
     * A card's title as a paragraph of its own (a link when the card leads somewhere), and its description: Markdown,
     * so that the link is resolved as the page's other links are.
     */
    private static void card(Tag tag, SourceText.Line line, List<SourceText.Line> out) {
        String title = tag.attribute("title");
        if (title.isEmpty()) {
            title = tag.attribute("label");
        }
        String href = tag.attribute("href");
        String description = tag.attribute("description");
        out.add(new SourceText.Line("", line.file(), line.line()));
        if (!title.isBlank()) {
            String t = "**" + markdownText(title) + "**";
            if (!href.isBlank()) {
                t = "[" + t + "](<" + href.strip().replace("<", "%3C").replace(">", "%3E") + ">)";
            }
            out.add(new SourceText.Line(t, line.file(), line.line()));
            out.add(new SourceText.Line("", line.file(), line.line()));
        }
        if (!description.isBlank()) {
            out.add(new SourceText.Line(markdownText(description), line.file(), line.line()));
            out.add(new SourceText.Line("", line.file(), line.line()));
        }
    }

    /** Text written as Markdown that shows it as it is: Markdown's and HTML's marks escaped. */
    private static String markdownText(String text) {
        return text.strip().replaceAll("\\s+", " ").replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1");
    }

    /** Reads an imported Markdown partial in the place of {@code <Name />}. */
    private void partial(String path, SourceText.Line line, Path base, PreprocessContext context, int depth,
            List<SourceText.Line> out) {
        SourceLocation at = SourceLocation.of(line.file(), line.line());
        if (depth >= MAX_DEPTH) {
            context.warn(at, "MDX partials are nested more than " + MAX_DEPTH + " deep (does a file import itself?); '"
                    + path + "' is not included");
            return;
        }
        Path from = base;
        String file = path;
        if (!path.startsWith(".") && !path.startsWith("/")) {
            // A module alias (rspress/website's '@en/fragments/x.mdx', tsconfig.json "@en/*": ["./docs/en/*"];
            // Docusaurus's '@site/…'): "does not exist (looked for …/@en/fragments/x.mdx)" before.
            java.util.Optional<Path> aliased = alias(path, base, context);
            if (aliased.isPresent()) {
                from = aliased.get().getParent();
                file = aliased.get().getFileName().toString();
            }
        }
        var read = context.read(from, file, at, "imported MDX file");
        if (read.isEmpty()) {
            return;
        }
        SourceText included = new FrontMatter().run(read.get(), context);
        List<SourceText.Line> lines = included.lines();
        List<SourceText.Line> nested = expand(lines, read.get().file().getParent(), context, depth + 1, true);
        out.add(new SourceText.Line("", line.file(), line.line()));
        out.addAll(nested == null ? lines : nested);
        out.add(new SourceText.Line("", line.file(), line.line()));
    }

    /** {@code "@x/*": ["./dir/*"]} in a tsconfig.json's {@code compilerOptions.paths}. */
    private static final Pattern TS_PATH = Pattern.compile("\"([^\"*]+)\\*\"\\s*:\\s*\\[\\s*\"([^\"*]*)\\*\"");

    /**
     * The file an aliased import names: a {@code paths} entry of the nearest tsconfig.json (jsconfig.json) above the
     * page, or {@code @site/} for the folder of a Docusaurus configuration above it; only inside the book.
     */
    static java.util.Optional<Path> alias(String path, Path base, PreprocessContext context) {
        for (Path up = base; up != null && context.content().contains(up); up = up.getParent()) {
            Path dir = up;
            if (path.startsWith("@site/") && java.util.stream.Stream.of("docusaurus.config.js", "docusaurus.config.ts",
                    "docusaurus.config.mjs").anyMatch(n -> java.nio.file.Files.isRegularFile(dir.resolve(n)))) {
                return context.content().resolve(dir, path.substring("@site/".length()));
            }
            for (String name : List.of("tsconfig.json", "jsconfig.json")) {
                Path config = dir.resolve(name);
                if (!java.nio.file.Files.isRegularFile(config)) {
                    continue;
                }
                String text;
                try {
                    text = dev.studybook.io.TextFiles.read(config, name);
                } catch (RuntimeException e) {
                    continue;
                }
                Matcher m = TS_PATH.matcher(text);
                while (m.find()) {
                    if (path.startsWith(m.group(1))) {
                        return context.content().resolve(dir, m.group(2) + path.substring(m.group(1).length()));
                    }
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Removes {@code {/* … *\/}} comments; {@code state[0]} becomes 1 when one stays open at the line's end. */
    static String removeComments(String s, int[] state) {
        if (!s.contains("{/*")) {
            return s;
        }
        boolean[] code = CodeFences.inlineCode(s);
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int start = s.indexOf("{/*", i);
            if (start < 0 || code[start]) {
                int stop = start < 0 ? s.length() : start + 3;
                b.append(s, i, stop);
                i = stop;
                continue;
            }
            b.append(s, i, start);
            int end = s.indexOf("*/}", start + 3);
            if (end < 0) {
                state[0] = 1;
                return b.toString();
            }
            i = end + 3;
        }
        return b.toString();
    }

    /** True when the line ends inside a JSX tag it opened (a tag written over several lines). */
    static boolean incompleteTag(String s) {
        boolean[] code = CodeFences.inlineCode(s);
        int k = 0;
        while (true) {
            int lt = s.indexOf('<', k);
            if (lt < 0 || lt + 1 >= s.length()) {
                return false;
            }
            char c = s.charAt(lt + 1);
            if (!code[lt] && Character.isLetter(c) && tagEnd(s, lt) == -2) {
                return true;
            }
            k = lt + 1;
        }
    }

    /**
     * The index after the tag that starts at {@code lt}: quoted values and {@code {…}} expressions may hold
     * {@code >}. -1 when it is no tag, -2 when the line ends inside it.
     */
    static int tagEnd(String s, int lt) {
        int i = lt + 1;
        if (i < s.length() && s.charAt(i) == '/') {
            i++;
        }
        if (i >= s.length() || !Character.isLetter(s.charAt(i))) {
            return -1;
        }
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || ".-_:".indexOf(s.charAt(i)) >= 0)) {
            i++;
        }
        if (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '>' && s.charAt(i) != '/') {
            return -1;
        }
        int braces = 0;
        char quote = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'' || (c == '`' && braces > 0)) {
                quote = c;
            } else if (c == '{') {
                braces++;
            } else if (c == '}') {
                braces--;
                if (braces < 0) {
                    return -1;
                }
            } else if (c == '>' && braces == 0) {
                return i + 1;
            } else if (c == '<' && braces == 0) {
                return -1;
            }
        }
        return -2;
    }

    private static int indentOf(String s) {
        int n = 0;
        while (n < s.length() && (s.charAt(n) == ' ' || s.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }

    private static String dedent(String s, int n) {
        int k = 0;
        while (k < n && k < s.length() && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
            k++;
        }
        return s.substring(k);
    }

    /** One JSX tag as written: its name, attributes, and whether it closes or closes itself. */
    private static final class Tag {
        final String raw;
        final String name;
        final boolean closing;
        final boolean selfClosing;
        /** True when an attribute is written in JSX's way (an expression in braces, {@code className}). */
        final boolean jsx;
        final List<String[]> attributes;

        private Tag(String raw, String name, boolean closing, boolean selfClosing, boolean jsx, List<String[]> attributes) {
            this.raw = raw;
            this.name = name;
            this.closing = closing;
            this.selfClosing = selfClosing;
            this.jsx = jsx;
            this.attributes = attributes;
        }

        static Tag read(String raw) {
            boolean closing = raw.startsWith("</");
            int i = closing ? 2 : 1;
            int start = i;
            while (i < raw.length() && (Character.isLetterOrDigit(raw.charAt(i)) || ".-_:".indexOf(raw.charAt(i)) >= 0)) {
                i++;
            }
            String name = raw.substring(start, i);
            String body = raw.substring(i, raw.length() - 1).strip();
            boolean self = body.endsWith("/");
            if (self) {
                body = body.substring(0, body.length() - 1);
            }
            List<String[]> attributes = new ArrayList<>();
            boolean jsx = false;
            int k = 0;
            while (k < body.length()) {
                char c = body.charAt(k);
                if (Character.isWhitespace(c)) {
                    k++;
                    continue;
                }
                int ns = k;
                while (k < body.length() && !Character.isWhitespace(body.charAt(k)) && body.charAt(k) != '='
                        && body.charAt(k) != '{') {
                    k++;
                }
                String attr = body.substring(ns, k);
                if (attr.isEmpty()) {
                    // A spread ({...props}): skipped.
                    int e = braceEnd(body, k);
                    if (e < 0) {
                        return null;
                    }
                    jsx = true;
                    k = e;
                    continue;
                }
                while (k < body.length() && Character.isWhitespace(body.charAt(k))) {
                    k++;
                }
                if (k >= body.length() || body.charAt(k) != '=') {
                    attributes.add(new String[] {attr, null});
                    continue;
                }
                k++;
                while (k < body.length() && Character.isWhitespace(body.charAt(k))) {
                    k++;
                }
                if (k >= body.length()) {
                    return null;
                }
                char q = body.charAt(k);
                if (q == '"' || q == '\'') {
                    int e = body.indexOf(q, k + 1);
                    if (e < 0) {
                        return null;
                    }
                    attributes.add(new String[] {attr, body.substring(k + 1, e)});
                    k = e + 1;
                } else if (q == '{') {
                    int e = braceEnd(body, k);
                    if (e < 0) {
                        return null;
                    }
                    jsx = true;
                    String expression = body.substring(k + 1, e - 1).strip();
                    attributes.add(new String[] {attr, literal(expression), expression});
                    k = e;
                } else {
                    int e = k;
                    while (e < body.length() && !Character.isWhitespace(body.charAt(e))) {
                        e++;
                    }
                    attributes.add(new String[] {attr, body.substring(k, e)});
                    k = e;
                }
                if (attr.equals("className") || attr.equals("htmlFor")) {
                    jsx = true;
                }
            }
            return new Tag(raw, name, closing, self, jsx, attributes);
        }

        /**
         * The value of an expression that is a literal (number, string, boolean) or a file's address
         * ({@code require('@site/static/img/x.jpg').default}, {@code useBaseUrl('/img/x.jpg')}), else null: it is
         * dropped.
         */
        private static String literal(String expression) {
            if (expression.matches("-?\\d+(\\.\\d+)?")) {
                return expression;
            }
            Matcher address = ADDRESS.matcher(expression);
            if (address.matches()) {
                return address.group(2);
            }
            if (expression.length() >= 2 && "`'\"".indexOf(expression.charAt(0)) >= 0
                    && expression.charAt(expression.length() - 1) == expression.charAt(0)
                    && expression.indexOf(expression.charAt(0), 1) == expression.length() - 1
                    && !expression.contains("${")) {
                return expression.substring(1, expression.length() - 1);
            }
            return null;
        }

        private static int braceEnd(String s, int open) {
            int depth = 0;
            char quote = 0;
            for (int i = open; i < s.length(); i++) {
                char c = s.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'' || c == '`') {
                    quote = c;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    return i + 1;
                }
            }
            return -1;
        }

        boolean has(String name) {
            return attributes.stream().anyMatch(a -> a[0].equals(name));
        }

        /** The expression an attribute is written as ({@code code={example}}: "example"), else "". */
        String expression(String name) {
            for (String[] a : attributes) {
                if (a[0].equals(name) && a.length > 2) {
                    return a[2];
                }
            }
            return "";
        }

        String attribute(String name) {
            for (String[] a : attributes) {
                if (a[0].equals(name) && a[1] != null) {
                    return a[1];
                }
            }
            return "";
        }

        /** The tag as HTML: literal values quoted, {@code className} as {@code class}, expressions dropped. */
        String html() {
            if (closing) {
                return "</" + name + ">";
            }
            StringBuilder b = new StringBuilder("<").append(name);
            for (String[] a : attributes) {
                String attr = a[0].equals("className") ? "class" : a[0].equals("htmlFor") ? "for" : a[0];
                if (a[1] == null) {
                    if (raw.contains(a[0] + "=")) {
                        continue;
                    }
                    b.append(' ').append(attr);
                } else {
                    b.append(' ').append(attr).append("=\"").append(Callouts.escape(a[1])).append('"');
                }
            }
            // <ins className="box" /> closes itself in JSX; HTML would leave it open around what follows.
            // So does a component: <Code lang="js" /> read as HTML's <code> held the rest of the chapter.
            if (selfClosing && !VOID.contains(name)) {
                return b.append("></").append(name).append('>').toString();
            }
            return b.append(selfClosing ? " />" : ">").toString();
        }
    }
}
