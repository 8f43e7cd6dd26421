package dev.studybook.preprocess;

import dev.studybook.error.SourceLocation;
import dev.studybook.model.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The javascript.info tutorial's format (javascript-tutorial/en.javascript.info and its translations): each article
 * is a folder's {@code article.md}, its tasks subfolders with {@code task.md} (front matter {@code importance}, a
 * {@code # Title}) and {@code solution.md}. The tasks are put after their article, as the site shows them, under a
 * "Tasks" heading, each solution right after its task; their lines keep their own file and line, and their relative
 * links and pictures are written relative to the article. The site's Markdown extensions become what a book can show:
 * {@code ```smart header="…"} and {@code ```warn} blocks asides, {@code ```quote author="…"} a block quote signed by
 * its author, {@code ```compare} two lists, {@code ```online} (shown on the site only) left out, {@code *!*}/{@code *\/!*}
 * highlight marks taken out of code, {@code [js src]}/{@code [html src]} the file as code, {@code [iframe]},
 * {@code [codetabs]}, {@code [demo]} and {@code [edit]} a line saying the example runs on the site, {@code [recent]} a
 * short note, {@code <info:slug>} and {@code [text](info:task/slug)} links to that article or task of the book,
 * {@code [cut]} dropped. A book is of this format when an article folder holds a task folder; other books pass
 * untouched.
 */
public final class JavascriptInfo implements Preprocessor {

    static final String ARTICLE = "article.md";
    static final String TASK = "task.md";
    static final String SOLUTION = "solution.md";

    /** The words studybook writes, by the book's language: tasks, solution, importance, online example, recent feature. */
    private static final Map<String, String[]> LABELS = Map.of(
            "zh", new String[] {"任务", "解决方案", "重要程度：", "此处是一个可交互的示例，请在网站上运行它",
                "这是一个较新的特性，旧的浏览器可能需要 polyfill", "优点", "缺点"},
            "ru", new String[] {"Задачи", "Решение", "важность: ", "Здесь на сайте — интерактивный пример",
                "Эта возможность была добавлена в язык недавно; в старых браузерах может понадобиться полифил",
                "Плюсы", "Минусы"},
            "ja", new String[] {"タスク", "解答", "重要性: ", "ここにはサイトで実行できる例があります",
                "これは比較的新しい機能です。古いブラウザでは polyfill が必要な場合があります", "長所", "短所"},
            "ko", new String[] {"과제", "해답", "중요도: ", "이곳에는 사이트에서 실행할 수 있는 예시가 있습니다",
                "최근에 추가된 기능입니다. 구식 브라우저는 폴리필이 필요할 수 있습니다", "장점", "단점"},
            "en", new String[] {"Tasks", "Solution", "Importance: ", "An interactive example runs here on the website",
                "This is a recent addition to the language; old browsers may need polyfills", "Pros", "Cons"});

    /** A fence: indentation, three or more backticks or tildes, the info string. */
    private static final Pattern FENCE = Pattern.compile("^([ \\t]*)(`{3,}|~{3,})(.*)$");
    /** An attribute of a fence or an embed: {@code name="value"}, {@code name=value} or a bare word. */
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w-]+)(?:=(?:\"([^\"]*)\"|'([^']*)'|([^\\s\\]]+)))?");
    /** An embed line: {@code [iframe src="…" height=100]}, {@code [js src="…"]}, {@code [recent browser="new"]}. */
    private static final Pattern EMBED = Pattern.compile("^([ \\t]*)\\[(iframe|codetabs|demo|edit|js|html|css|recent)"
            + "(\\s[^\\]]*)?\\]\\s*$");
    private static final Pattern CUT = Pattern.compile("^\\s*\\[cut\\]\\s*$");
    /** An autolink {@code <info:slug>} or a link {@code [text](info:slug)}, with an optional {@code task/} and fragment. */
    private static final Pattern INFO = Pattern.compile("<info:([\\w./-]+?)(#[\\w-]*)?>|\\[([^\\]]*)\\]\\(info:([\\w./-]+?)(#[\\w-]*)?\\)");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})([ \\t]+.*)$");
    /** A relative address in a Markdown link or picture, or an HTML src/href. */
    private static final Pattern ADDRESS = Pattern.compile("(\\]\\(\\s*<?|\\b(?:src|href)\\s*=\\s*[\"'])([^\\s)\"'>]+)");
    private static final Pattern NUMBER_PREFIX = Pattern.compile("^\\d+-");

    @Override
    public String name() {
        return "javascript-info";
    }

    /**
     * True for a folder that is a task of an article: it holds task.md and its parent folder holds article.md. Its
     * pages are part of the article, not chapters of their own.
     */
    public static boolean taskFolder(Path dir) {
        Path parent = dir.getParent();
        return parent != null && Files.isRegularFile(dir.resolve(TASK), LinkOption.NOFOLLOW_LINKS)
                && Files.isRegularFile(parent.resolve(ARTICLE), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public SourceText run(SourceText text, PreprocessContext context) {
        String fileName = text.file().getFileName().toString();
        // Only an article, or a section's index.md over articles, sends the book's folder to be looked through.
        if (!fileName.equals(ARTICLE) && !(fileName.equals("index.md") && overArticles(text.file().getParent()))) {
            return text;
        }
        Index index = context.shared("javascript-info.index", () -> Index.of(context.content().root()));
        if (!index.tutorial()) {
            return text;
        }
        Path dir = text.file().toAbsolutePath().normalize().getParent();
        List<SourceText.Line> lines = new ArrayList<>(text.lines());
        Header header = Header.of(lines);
        if (header != null) {
            lines = new ArrayList<>(lines.subList(header.lines(), lines.size()));
        }
        String[] labels = labels(context);
        if (fileName.equals(ARTICLE)) {
            appendTasks(lines, dir, labels, context);
        }
        List<SourceText.Line> out = new Pass(index, dir, labels, context).run(lines);
        SourceText.Builder b = SourceText.builder(text.file());
        out.forEach(b::add);
        return b.build();
    }

    /** True when a subfolder of {@code dir} holds an article.md. */
    private static boolean overArticles(Path dir) {
        if (dir == null) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> Files.isRegularFile(p.resolve(ARTICLE), LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private static String[] labels(PreprocessContext context) {
        String l = context.language().toLowerCase(Locale.ROOT);
        String key = l.length() >= 2 ? l.substring(0, 2) : l;
        return LABELS.getOrDefault(key, LABELS.get("en"));
    }

    /** The task folders of an article folder, in the site's order (by number prefix, then name). */
    static List<Path> tasks(Path articleDir) {
        try (Stream<Path> s = Files.list(articleDir)) {
            return s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                            && Files.isRegularFile(p.resolve(TASK), LinkOption.NOFOLLOW_LINKS))
                    .sorted(Comparator.comparing((Path p) -> number(p.getFileName().toString()))
                            .thenComparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long number(String name) {
        Matcher m = Pattern.compile("^(\\d{1,9})-").matcher(name);
        return m.find() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
    }

    static String slug(String folderName) {
        return NUMBER_PREFIX.matcher(folderName).replaceFirst("");
    }

    /** Adds the article's tasks after its text: a "Tasks" heading, each task's title, importance, text and solution. */
    private static void appendTasks(List<SourceText.Line> lines, Path dir, String[] labels, PreprocessContext context) {
        List<Path> tasks = tasks(dir);
        if (tasks.isEmpty()) {
            return;
        }
        SourceText.Line end = lines.isEmpty() ? new SourceText.Line("", dir.resolve(ARTICLE), 1) : lines.get(lines.size() - 1);
        add(lines, "", end);
        add(lines, "## " + labels[0], end);
        for (Path task : tasks) {
            String folder = task.getFileName().toString();
            SourceLocation at = SourceLocation.of(end.file(), end.line());
            Optional<SourceText> read = context.read(dir, folder + "/" + TASK, at, "task");
            if (read.isEmpty()) {
                continue;
            }
            SourceText t = read.get();
            Header fm = Header.of(t.lines());
            List<SourceText.Line> body = body(t, fm);
            String title = slug(folder);
            SourceText.Line titleLine = body.isEmpty() ? new SourceText.Line("", t.file(), 1) : body.get(0);
            CodeFences fences = new CodeFences();
            for (int i = 0; i < body.size(); i++) {
                String s = body.get(i).text();
                if (fences.inCode(s)) {
                    continue;
                }
                Matcher h = HEADING.matcher(s);
                if (h.matches() && h.group(1).length() == 1) {
                    title = h.group(2).strip();
                    titleLine = body.remove(i);
                    break;
                }
            }
            String prefix = dir.relativize(task).toString().replace('\\', '/') + "/";
            add(lines, "", titleLine);
            add(lines, "### " + title + " {#" + taskId(slug(folder)) + "}", titleLine);
            String importance = fm == null ? "" : fm.values().getOrDefault("importance", "").strip();
            if (!importance.isEmpty()) {
                add(lines, "", titleLine);
                add(lines, "<p class=\"task-importance\"><small>" + Callouts.escape(labels[2] + importance) + "</small></p>",
                        titleLine);
            }
            add(lines, "", titleLine);
            body.forEach(l -> lines.add(rebased(l, prefix)));
            if (Files.isRegularFile(task.resolve(SOLUTION), LinkOption.NOFOLLOW_LINKS)) {
                Optional<SourceText> solution = context.read(dir, folder + "/" + SOLUTION, at, "solution");
                if (solution.isPresent()) {
                    SourceText s = solution.get();
                    List<SourceText.Line> sb = body(s, Header.of(s.lines()));
                    SourceText.Line first = sb.isEmpty() ? new SourceText.Line("", s.file(), 1) : sb.get(0);
                    add(lines, "", first);
                    add(lines, "#### " + labels[1], first);
                    add(lines, "", first);
                    sb.forEach(l -> lines.add(rebased(l, prefix)));
                }
            }
        }
        add(lines, "", end);
    }

    static String taskId(String slug) {
        return "task-" + slug.replaceAll("[^\\w-]", "-");
    }

    /** A task's or solution's lines without front matter, their headings put under the task's (three levels down). */
    private static List<SourceText.Line> body(SourceText t, Header fm) {
        List<SourceText.Line> all = t.lines();
        List<SourceText.Line> out = new ArrayList<>();
        CodeFences fences = new CodeFences();
        boolean titleSeen = false;
        for (int i = fm == null ? 0 : Math.min(fm.lines(), all.size()); i < all.size(); i++) {
            SourceText.Line l = all.get(i);
            Matcher h = fences.inCode(l.text()) ? null : HEADING.matcher(l.text());
            if (h != null && h.matches()) {
                if (h.group(1).length() == 1 && !titleSeen) {
                    // The task's title: taken out by the caller.
                    titleSeen = true;
                    out.add(l);
                    continue;
                }
                int level = Math.min(6, h.group(1).length() + 3);
                l = new SourceText.Line("#".repeat(level) + h.group(2), l.file(), l.line());
            }
            out.add(l);
        }
        return out;
    }

    /** The line with its relative links and pictures made relative to the article's folder. */
    static SourceText.Line rebased(SourceText.Line l, String prefix) {
        String s = l.text();
        if (!s.contains("](") && !s.contains("src") && !s.contains("href") || EMBED.matcher(s).matches()) {
            // An embed's src is read from the line's own folder (Pass.embed).
            return l;
        }
        Matcher m = ADDRESS.matcher(s);
        StringBuilder sb = new StringBuilder();
        boolean changed = false;
        while (m.find()) {
            String a = m.group(2);
            if (relative(a)) {
                m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + prefix + a));
                changed = true;
            }
        }
        if (!changed) {
            return l;
        }
        m.appendTail(sb);
        return new SourceText.Line(sb.toString(), l.file(), l.line());
    }

    private static boolean relative(String address) {
        return !address.isEmpty() && !address.startsWith("/") && !address.startsWith("#")
                && !address.matches("^[A-Za-z][\\w+.-]*:.*");
    }

    private static void add(List<SourceText.Line> out, String text, SourceText.Line origin) {
        out.add(new SourceText.Line(text, origin.file(), origin.line()));
    }

    /**
     * The site's front matter: {@code importance: 5} or {@code libs:} and its list, then a {@code ---} line, without
     * the opening {@code ---} of YAML front matter (which FrontMatter reads); as Markdown it was a setext heading
     * "importance: 5" or a list and a rule.
     */
    record Header(Map<String, String> values, int lines) {
        private static final Pattern KEY = Pattern.compile("^([A-Za-z_][\\w-]*):\\s*(.*)$");

        static Header of(List<SourceText.Line> lines) {
            FrontMatter.Block yaml = FrontMatter.find(String.join("\n", lines.stream().map(SourceText.Line::text).toList()));
            if (yaml != null) {
                // FrontMatter keeps only the keys it knows; importance is read from the lines.
                Map<String, String> values = new HashMap<>();
                for (int i = 1; i < yaml.lines() - 1 && i < lines.size(); i++) {
                    Matcher k = KEY.matcher(lines.get(i).text());
                    if (k.matches()) {
                        values.put(k.group(1), k.group(2).strip());
                    }
                }
                return new Header(values, yaml.lines());
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < lines.size() && i < 50; i++) {
                String s = lines.get(i).text();
                if (s.strip().equals("---")) {
                    return values.isEmpty() ? null : new Header(values, i + 1);
                }
                Matcher k = KEY.matcher(s);
                if (k.matches()) {
                    values.put(k.group(1), k.group(2).strip());
                } else if (!s.isBlank() && !(s.startsWith(" ") && s.strip().startsWith("- ")) || i == 0 && s.isBlank()) {
                    return null;
                }
            }
            return null;
        }
    }

    /** The book's articles and tasks by slug, found once per book; {@code tutorial} when an article has a task. */
    record Index(boolean tutorial, Map<String, Path> articles, Map<String, Path> tasks, Map<Path, String> titles) {

        static final int MAX_DEPTH = 8;

        static Index of(Path root) {
            Map<String, Path> articles = new HashMap<>();
            Map<String, Path> tasks = new HashMap<>();
            boolean tutorial = false;
            List<Path> found;
            try (Stream<Path> s = Files.walk(root, MAX_DEPTH)) {
                found = s.filter(p -> {
                    String n = p.getFileName().toString();
                    return (n.equals(ARTICLE) || n.equals(TASK)) && !p.toString().contains("/node_modules/");
                }).sorted().toList();
            } catch (IOException | java.io.UncheckedIOException e) {
                found = List.of();
            }
            for (Path p : found) {
                Path folder = p.toAbsolutePath().normalize().getParent();
                if (folder == null || folder.getFileName() == null) {
                    continue;
                }
                String slug = slug(folder.getFileName().toString());
                if (p.getFileName().toString().equals(ARTICLE)) {
                    articles.putIfAbsent(slug, p.toAbsolutePath().normalize());
                } else if (Files.isRegularFile(folder.getParent().resolve(ARTICLE), LinkOption.NOFOLLOW_LINKS)) {
                    tutorial = true;
                    tasks.putIfAbsent(slug, folder.getParent().resolve(ARTICLE));
                }
            }
            return new Index(tutorial, articles, tasks, new ConcurrentHashMap<>());
        }

        /** The first heading of a page, for a link written without text; the slug when it has none. */
        String title(Path page, String slug) {
            return titles.computeIfAbsent(page, p -> {
                try {
                    String text = Files.readString(p);
                    String[] lines = text.split("\n");
                    Header fm = Header.of(java.util.Arrays.stream(lines).map(l -> new SourceText.Line(l, p, 0)).toList());
                    for (int i = fm == null ? 0 : fm.lines(); i < lines.length; i++) {
                        Matcher h = HEADING.matcher(lines[i].strip());
                        if (h.matches() && h.group(1).length() == 1) {
                            return h.group(2).strip();
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // An unreadable page is titled by its slug.
                }
                return slug;
            });
        }
    }

    /** One page's rewriting of the site's extensions, line by line. */
    private static final class Pass {
        private final Index index;
        private final Path dir;
        private final String[] labels;
        private final PreprocessContext context;
        private final List<SourceText.Line> out = new ArrayList<>();

        /** An open block of the site's own kind (smart, warn, quote, compare, online, offline). */
        private record Block(String kind, char fenceChar, int fenceLength, String indent, String title, SourceText.Line start,
                List<SourceText.Line> held) {
        }

        private final Deque<Block> blocks = new ArrayDeque<>();
        private char codeChar;
        private int codeLength;

        Pass(Index index, Path dir, String[] labels, PreprocessContext context) {
            this.index = index;
            this.dir = dir;
            this.labels = labels;
            this.context = context;
        }

        List<SourceText.Line> run(List<SourceText.Line> lines) {
            for (SourceText.Line l : lines) {
                line(l);
            }
            while (!blocks.isEmpty()) {
                close(lines.isEmpty() ? null : lines.get(lines.size() - 1));
            }
            return out;
        }

        private boolean dropping() {
            return blocks.stream().anyMatch(b -> b.kind().equals("online"));
        }

        private void emit(SourceText.Line l) {
            if (dropping()) {
                return;
            }
            Block b = blocks.peek();
            if (b != null && b.held() != null) {
                b.held().add(l);
            } else {
                out.add(l);
            }
        }

        private void emit(String text, SourceText.Line origin) {
            emit(new SourceText.Line(text, origin.file(), origin.line()));
        }

        private void line(SourceText.Line l) {
            String s = l.text();
            Matcher f = CodeFences.mayBeFence(s) ? FENCE.matcher(s) : null;
            boolean fence = f != null && f.matches();
            if (codeLength > 0) {
                if (fence && f.group(2).charAt(0) == codeChar && f.group(2).length() >= codeLength && f.group(3).isBlank()) {
                    codeLength = 0;
                    emit(l);
                    return;
                }
                String t = s.strip();
                if (t.equals("*!*") || t.equals("*/!*")) {
                    return;
                }
                emit(s.contains("!*") ? new SourceText.Line(s.replace("*!*", "").replace("*/!*", ""), l.file(), l.line()) : l);
                return;
            }
            if (fence) {
                String info = f.group(3).strip();
                Block top = blocks.peek();
                if (top != null && info.isEmpty() && f.group(2).charAt(0) == top.fenceChar()
                        && f.group(2).length() >= top.fenceLength()) {
                    close(l);
                    return;
                }
                String word = info.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
                if (List.of("smart", "warn", "quote", "compare", "online", "offline").contains(word)) {
                    // The site's header may hold inline code (````warn header="… `src` …"), which CommonMark refuses
                    // in a backtick fence's info string.
                    open(word, f, info, l);
                    return;
                }
                if (f.group(2).charAt(0) == '`' && info.contains("`")) {
                    emit(l);
                    return;
                }
                codeChar = f.group(2).charAt(0);
                codeLength = f.group(2).length();
                emit(l);
                return;
            }
            Block top = blocks.peek();
            if (top != null && top.kind().equals("quote")) {
                emit(top.indent() + "> " + s.substring(Math.min(s.length(), leading(s, top.indent()))), l);
                return;
            }
            if (top != null && top.kind().equals("compare")) {
                emit(l);
                return;
            }
            if (CUT.matcher(s).matches()) {
                return;
            }
            Matcher e = s.indexOf('[') >= 0 ? EMBED.matcher(s) : null;
            if (e != null && e.matches()) {
                embed(e, l);
                return;
            }
            if (s.contains("info:")) {
                String t = links(s);
                emit(t.equals(s) ? l : new SourceText.Line(t, l.file(), l.line()));
                return;
            }
            emit(l);
        }

        private static int leading(String s, String indent) {
            return s.startsWith(indent) ? indent.length() : 0;
        }

        private void open(String kind, Matcher f, String info, SourceText.Line l) {
            Map<String, String> attrs = attributes(info.substring(kind.length()));
            String indent = f.group(1);
            switch (kind) {
                case "smart", "warn" -> {
                    emit("", l);
                    Callouts.open(heldOrOut(), indent, kind.equals("smart") ? "tip" : "warning",
                            attrs.getOrDefault("header", "").replace("`", ""), context, l);
                }
                case "quote" -> emit("", l);
                default -> {
                }
            }
            blocks.push(new Block(kind, f.group(2).charAt(0), f.group(2).length(), indent,
                    attrs.getOrDefault("author", ""), l, kind.equals("compare") ? new ArrayList<>() : null));
            if (kind.equals("compare")) {
                blocks.peek().held().add(new SourceText.Line("", l.file(), l.line()));
                attrs.forEach((k, v) -> blocks.peek().held().add(new SourceText.Line(k + "=" + v, l.file(), -1)));
            }
        }

        /** Where lines go now: the open compare block's, else the page's. */
        private List<SourceText.Line> heldOrOut() {
            if (dropping()) {
                return new ArrayList<>();
            }
            Block b = blocks.peek();
            return b != null && b.held() != null ? b.held() : out;
        }

        private void close(SourceText.Line l) {
            Block b = blocks.pop();
            SourceText.Line at = l == null ? b.start() : l;
            switch (b.kind()) {
                case "smart", "warn" -> Callouts.close(heldOrOut(), b.indent(), at);
                case "quote" -> {
                    if (!b.title().isEmpty()) {
                        emit(b.indent() + ">", at);
                        emit(b.indent() + "> —— " + b.title(), at);
                    }
                    emit("", at);
                }
                case "compare" -> compare(b, at);
                default -> emit("", at);
            }
        }

        /** A compare block: its {@code +} lines under the pros' title, its {@code -} lines under the cons'. */
        private void compare(Block b, SourceText.Line at) {
            Map<String, String> attrs = new HashMap<>();
            List<SourceText.Line> plus = new ArrayList<>();
            List<SourceText.Line> minus = new ArrayList<>();
            for (SourceText.Line h : b.held()) {
                if (h.line() == -1) {
                    int eq = h.text().indexOf('=');
                    attrs.put(h.text().substring(0, eq), h.text().substring(eq + 1));
                } else if (h.text().strip().startsWith("+")) {
                    plus.add(h);
                } else if (h.text().strip().startsWith("-")) {
                    minus.add(h);
                }
            }
            SourceText.Line start = b.start();
            emit("", start);
            for (int side = 0; side < 2; side++) {
                List<SourceText.Line> items = side == 0 ? plus : minus;
                if (items.isEmpty()) {
                    continue;
                }
                String title = attrs.getOrDefault(side == 0 ? "title-plus" : "title-minus", labels[5 + side]);
                emit(b.indent() + "**" + (side == 0 ? "✓ " : "✗ ") + title.replace("*", "\\*") + "**", items.get(0));
                emit("", items.get(0));
                for (SourceText.Line i : items) {
                    emit(b.indent() + "- " + i.text().strip().substring(1).strip(), i);
                }
                emit("", items.get(items.size() - 1));
            }
            emit("", at);
        }

        private void embed(Matcher e, SourceText.Line l) {
            String kind = e.group(2);
            Map<String, String> attrs = attributes(e.group(3) == null ? "" : e.group(3));
            String src = attrs.getOrDefault("src", "");
            String indent = e.group(1);
            Path here = l.file().toAbsolutePath().normalize().getParent();
            switch (kind) {
                case "recent" -> {
                    emit("", l);
                    emit(indent + "<p class=\"recent-feature\"><small>" + Callouts.escape(labels[4]) + "</small></p>", l);
                    emit("", l);
                }
                case "js", "html", "css" -> {
                    if (!src.isEmpty() && context.exists(here, src)) {
                        Optional<SourceText> file = context.read(here, src, SourceLocation.of(l.file(), l.line()), "example");
                        if (file.isPresent()) {
                            String code = String.join("\n", file.get().text());
                            int ticks = 3;
                            while (code.contains("`".repeat(ticks))) {
                                ticks++;
                            }
                            String fence = "`".repeat(ticks);
                            emit("", l);
                            emit(indent + fence + kind, l);
                            for (SourceText.Line c : file.get().lines()) {
                                emit(new SourceText.Line(indent + c.text(), c.file(), c.line()));
                            }
                            emit(indent + fence, l);
                            emit("", l);
                            return;
                        }
                    }
                    online(indent, src, l);
                }
                default -> online(indent, src, l);
            }
        }

        /** A line saying the example runs on the site, naming its folder of files when the page gave one. */
        private void online(String indent, String src, SourceText.Line l) {
            String where = src.isEmpty() ? "" : " (<code>" + Callouts.escape(src) + "</code>)";
            emit("", l);
            emit(indent + "<p class=\"online-example\"><small>" + Callouts.escape(labels[3]) + where + "</small></p>", l);
            emit("", l);
        }

        /** The line with its {@code info:} links made links to the book's article or task, else their text. */
        private String links(String s) {
            Matcher m = INFO.matcher(s);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                boolean auto = m.group(1) != null;
                String target = auto ? m.group(1) : m.group(4);
                String fragment = auto ? m.group(2) : m.group(5);
                String text = auto ? "" : m.group(3);
                String replacement;
                Path page;
                String anchor = fragment == null ? "" : fragment;
                String slug;
                if (target.startsWith("task/")) {
                    slug = target.substring("task/".length());
                    page = index.tasks().get(slug);
                    if (page != null && anchor.isEmpty()) {
                        anchor = "#" + taskId(slug);
                    }
                } else {
                    slug = target;
                    page = index.articles().get(slug);
                }
                if (text.isBlank()) {
                    text = page == null ? slug : target.startsWith("task/")
                            ? index.title(page.getParent().resolve(taskFolderOf(page, slug)).resolve(TASK), slug)
                            : index.title(page, slug);
                }
                if (page == null) {
                    replacement = text;
                } else {
                    String rel = dir.relativize(page).toString().replace('\\', '/');
                    replacement = "[" + text.replace("[", "\\[").replace("]", "\\]") + "](" + rel + anchor + ")";
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(sb);
            return sb.toString();
        }

        private static String taskFolderOf(Path article, String slug) {
            for (Path t : tasks(article.getParent())) {
                if (slug(t.getFileName().toString()).equals(slug)) {
                    return t.getFileName().toString();
                }
            }
            return slug;
        }

        private static Map<String, String> attributes(String s) {
            Map<String, String> out = new HashMap<>();
            Matcher m = ATTRIBUTE.matcher(s);
            while (m.find()) {
                String v = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : "";
                out.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), v);
            }
            return out;
        }
    }
}
