package dev.studybook.config;

import dev.studybook.error.SourceLocation;
import dev.studybook.error.StudybookException;
import dev.studybook.io.ContentFolder;
import dev.studybook.io.TextFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads book.yaml into a {@link BookConfig}; every mistake is reported with the file and line. */
public final class BookConfigReader {

    /**
     * The keys of book.yaml read here: what the book says about itself and how it is read. The build settings are
     * kept as written and checked by {@link SettingsResolver}, which knows the outputs and their options.
     */
    public static final Set<String> METADATA_KEYS = Set.of("title", "subtitle", "authors", "author", "language",
            "identifier", "description", "date", "cover", "filename", "index", "test", "fonts", "css", "repository", "questions");

    /** What {@code repository:} takes: {@code owner/name}, or the repository's address on GitHub. */
    static final java.util.regex.Pattern REPOSITORY = java.util.regex.Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}"
            + "|(?i)(?:https?://|git@)(?:www\\.)?github\\.com[:/][A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100}?(?:\\.git)?/?");

    /** book.yaml larger than this is refused before it is parsed (a book's settings fit in a few KB). */
    public static final int MAX_BOOK_YAML_BYTES = 256 * 1024;

    /** How deep lists and mappings of book.yaml may nest (studybook's own keys need 3 levels). */
    public static final int MAX_NESTING_DEPTH = 64;

    /** How many aliases ({@code *name}) book.yaml may use for lists and mappings: guards against "billion laughs". */
    public static final int MAX_ALIASES = 10;

    /** The longest title, subtitle or author's name, in characters: a longer one is a mistake, and costs minutes to lay out. */
    public static final int MAX_TITLE_CHARS = 1000;

    /** The longest description, in characters. */
    public static final int MAX_DESCRIPTION_CHARS = 20_000;

    /** The earliest date a ZIP entry (and so an EPUB) can hold. */
    public static final LocalDate MIN_DATE = LocalDate.of(1980, 1, 1);

    /** The last date a ZIP entry's DOS time can hold. */
    public static final LocalDate MAX_DATE = LocalDate.of(2107, 12, 31);

    private BookConfigReader() {
    }

    /** Reads {@code book.yaml} (or {@code book.yml}) from the content folder; an empty config when there is none. */
    public static BookConfig read(Path contentDir) {
        try {
            return read(new ContentFolder(contentDir));
        } catch (java.io.IOException e) {
            throw StudybookException.content(SourceLocation.of(contentDir), "cannot open the content folder: "
                    + e.getMessage(), "check its permissions");
        }
    }

    /**
     * Reads {@code book.yaml} (or {@code book.yml}) of {@code content}, which must lie inside the book's boundary
     * like every chapter, and be a regular file.
     */
    public static BookConfig read(ContentFolder content) {
        for (String name : List.of("book.yaml", "book.yml")) {
            Path file = content.root().resolve(name);
            if (Files.exists(file)) {
                content.requireInside(file, name);
                return readFile(file);
            }
        }
        return BookConfig.empty();
    }

    static BookConfig readFile(Path file) {
        dev.studybook.io.BookFiles.requireRegular(file, "book.yaml");
        try {
            long size = Files.size(file);
            if (size > MAX_BOOK_YAML_BYTES) {
                throw StudybookException.content(SourceLocation.of(file), "book.yaml is " + size / 1024 + " KB, more than"
                        + " the " + MAX_BOOK_YAML_BYTES / 1024 + " KB studybook reads", "keep only the book's settings in it;"
                        + " long texts belong in the chapters");
            }
        } catch (java.io.IOException e) {
            // TextFiles.read reports it.
        }
        String text = TextFiles.read(file, "book.yaml");
        int[] deep = deepest(text, MAX_NESTING_DEPTH);
        if (deep[0] > MAX_NESTING_DEPTH) {
            throw StudybookException.content(SourceLocation.of(file, deep[1]), "book.yaml nests lists and mappings more"
                    + " than " + MAX_NESTING_DEPTH + " levels deep", "studybook's settings need at most 3 levels");
        }
        Node root;
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).setAllowDuplicateKeys(false)
                    .setMaxAliasesForCollections(MAX_ALIASES).setCodePointLimit(MAX_BOOK_YAML_BYTES).build();
            root = new Compose(settings).composeString(text).orElse(null);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            throw StudybookException.content(SourceLocation.of(file, line),
                    "book.yaml is not valid YAML: " + firstLine(e.getProblem()),
                    "write one 'key: value' per line; quote values that contain ': ' or start with a special character");
        } catch (YamlEngineException e) {
            throw StudybookException.content(SourceLocation.of(file), "book.yaml is not valid YAML: " + firstLine(e.getMessage()),
                    "check the file's syntax");
        } catch (StackOverflowError | IllegalArgumentException e) {
            throw StudybookException.content(SourceLocation.of(file), "book.yaml cannot be read: it nests too deeply or"
                    + " is malformed", "write one 'key: value' per line");
        }
        if (root == null) {
            return BookConfig.empty().withFile(file);
        }
        if (!(root instanceof MappingNode mapping)) {
            throw StudybookException.content(at(file, root), "book.yaml must be a mapping of keys to values",
                    "start with a line such as 'title: My Book'");
        }
        Map<String, Node> values = new LinkedHashMap<>();
        Map<String, RawValue> settings = new LinkedHashMap<>();
        Map<String, Map<String, RawValue>> sections = new LinkedHashMap<>();
        Map<String, Integer> sectionLines = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            String key = scalar(file, t.getKeyNode(), "a key");
            if (METADATA_KEYS.contains(key)) {
                values.put(key, t.getValueNode());
            } else if (t.getValueNode() instanceof MappingNode section) {
                Map<String, RawValue> entries = new LinkedHashMap<>();
                for (NodeTuple e : section.getValue()) {
                    entries.put(scalar(file, e.getKeyNode(), "an option's name"), raw(file, e.getValueNode()));
                }
                sections.put(key, entries);
                sectionLines.put(key, line(t.getKeyNode()));
            } else {
                settings.put(key, raw(file, t.getValueNode()));
            }
        }
        List<String> authors = new ArrayList<>();
        for (String key : List.of("authors", "author")) {
            Node n = values.get(key);
            if (n instanceof SequenceNode seq) {
                for (Node item : seq.getValue()) {
                    authors.add(scalar(file, item, "an author's name"));
                }
            } else if (n != null) {
                authors.add(scalar(file, n, "an author's name"));
            }
        }
        Optional<LocalDate> date = Optional.empty();
        if (values.containsKey("date")) {
            String d = scalar(file, values.get("date"), "a date");
            try {
                date = Optional.of(LocalDate.parse(d.length() > 10 ? d.substring(0, 10) : d));
            } catch (DateTimeParseException e) {
                throw StudybookException.content(at(file, values.get("date")), "date '" + d + "' is not a date",
                        "write it as YYYY-MM-DD, e.g. 2026-11-24");
            }
            if (date.get().isBefore(MIN_DATE) || date.get().isAfter(MAX_DATE)) {
                throw StudybookException.content(at(file, values.get("date")), "date '" + d + "' is outside the years "
                        + MIN_DATE.getYear() + " to " + MAX_DATE.getYear() + " an EPUB's ZIP file can hold",
                        "write the book's date, e.g. 2026-11-24");
            }
        }
        Map<String, LanguageTest> tests = values.containsKey("test") ? tests(file, values.get("test")) : Map.of();
        List<BookConfig.FontConfig> fonts = values.containsKey("fonts") ? fonts(file, values.get("fonts")) : List.of();
        List<String> css = values.containsKey("css") ? strings(file, values.get("css")) : List.of();
        Optional<String> repository = opt(file, values, "repository").map(String::strip);
        if (repository.isPresent() && !REPOSITORY.matcher(repository.get()).matches()) {
            throw StudybookException.content(at(file, values.get("repository")), "'repository' must name a GitHub"
                    + " repository, not '" + repository.get() + "'", "write 'repository: owner/name' or its address,"
                    + " e.g. 'repository: https://github.com/rust-lang/book'");
        }
        for (String key : List.of("title", "subtitle", "description")) {
            int max = key.equals("description") ? MAX_DESCRIPTION_CHARS : MAX_TITLE_CHARS;
            opt(file, values, key).ifPresent(v -> checkLength(file, values.get(key), key, v, max));
        }
        for (String a : authors) {
            checkLength(file, values.getOrDefault("authors", values.get("author")), "authors", a, MAX_TITLE_CHARS);
        }
        Optional<String> language = opt(file, values, "language");
        if (language.isPresent() && !LanguageTags.wellFormed(language.get())) {
            String l = language.get();
            String fixed = l.replace('_', '-');
            throw StudybookException.content(at(file, values.get("language")), "'language' must be a BCP 47 language tag,"
                    + " not '" + printable(l) + "'", LanguageTags.wellFormed(fixed) ? "write 'language: " + fixed + "'"
                    : "write e.g. 'language: zh-CN' for Chinese, 'language: en' for English");
        }
        Optional<String> filename = opt(file, values, "filename");
        if (filename.isPresent() && !plainFileName(filename.get())) {
            throw StudybookException.content(at(file, values.get("filename")), "'filename' must be a plain file name,"
                    + " not '" + filename.get() + "': the outputs are written only into the output folder",
                    "write a name without '/', '\\' or '..', e.g. 'filename: my-book'; choose the folder with --out");
        }
        int repositoryLine = values.containsKey("repository") ? at(file, values.get("repository")).line() : 0;
        QuestionRules questions = values.containsKey("questions") ? questions(file, values.get("questions"))
                : QuestionRules.DEFAULT;
        return new BookConfig(Optional.of(file),
                opt(file, values, "title"), opt(file, values, "subtitle"), authors, language,
                opt(file, values, "identifier"), opt(file, values, "description"), date, opt(file, values, "cover"),
                filename, opt(file, values, "index"), tests, settings, sections, sectionLines, fonts, css,
                repository, repositoryLine, questions);
    }

    /** The {@code test:} mapping: per language, the keys of {@link LanguageTest}, over the preset when there is one. */
    private static Map<String, LanguageTest> tests(Path file, Node node) {
        if (!(node instanceof MappingNode languages)) {
            throw StudybookException.content(at(file, node), "'test' must map languages to their commands",
                    "write e.g. 'test:' then '  go:' then '    run: ./prog'");
        }
        Map<String, LanguageTest> out = new LinkedHashMap<>();
        for (NodeTuple t : languages.getValue()) {
            String lang = scalar(file, t.getKeyNode(), "a language name").strip().toLowerCase(java.util.Locale.ROOT);
            if (!(t.getValueNode() instanceof MappingNode m)) {
                throw StudybookException.content(at(file, t.getValueNode()), "the test settings of '" + lang + "' must be a mapping",
                        "give keys such as file, program, build, run, wrap, fragment, timeout");
            }
            LanguageTest base = LanguageTest.preset(lang).orElse(new LanguageTest(lang, "main." + lang, "^$", List.of(), "",
                    List.of("{code}"), List.of(), 10));
            String f = base.file();
            String program = base.program();
            List<String> build = base.build();
            String run = base.run();
            List<String> wrap = base.wrap();
            List<String> fragment = base.fragment();
            int timeout = base.timeoutSeconds();
            for (NodeTuple kv : m.getValue()) {
                String key = scalar(file, kv.getKeyNode(), "a key");
                Node v = kv.getValueNode();
                switch (key) {
                    case "file" -> f = scalar(file, v, "a file name");
                    case "program" -> program = scalar(file, v, "a regular expression");
                    case "build" -> build = strings(file, v);
                    case "run" -> run = scalar(file, v, "a command");
                    case "wrap" -> wrap = strings(file, v);
                    case "fragment" -> fragment = strings(file, v);
                    case "timeout" -> {
                        String sv = scalar(file, v, "a number of seconds");
                        if (!sv.matches("\\d{1,4}")) {
                            throw StudybookException.content(at(file, v), "timeout must be a number of seconds", "write e.g. 'timeout: 10'");
                        }
                        timeout = Integer.parseInt(sv);
                    }
                    default -> throw StudybookException.content(at(file, kv.getKeyNode()), "unknown test setting '" + key + "'",
                            "use file, program, build, run, wrap, fragment or timeout");
                }
            }
            if (!f.matches("[A-Za-z0-9._-]+")) {
                throw StudybookException.content(at(file, t.getKeyNode()), "the test file name '" + f + "' must be a plain file name",
                        "use letters, digits, '.', '-' and '_' only");
            }
            try {
                java.util.regex.Pattern.compile(program);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw StudybookException.content(at(file, t.getKeyNode()), "'program' is not a valid regular expression: "
                        + e.getDescription(), "fix the pattern");
            }
            out.put(lang, new LanguageTest(lang, f, program, build, run, wrap, fragment, timeout));
        }
        return out;
    }

    /**
     * The {@code questions:} mapping: {@code sections} (titles of question sections, replacing the defaults),
     * {@code pattern} (a regular expression a question's text must match) and {@code review} (titles of the sections
     * whose bullets become cards; an empty list for none).
     */
    private static QuestionRules questions(Path file, Node node) {
        if (!(node instanceof MappingNode m)) {
            throw StudybookException.content(at(file, node), "'questions' must be a mapping",
                    "write e.g. 'questions:' then '  sections: [面试追问, 思考题]'");
        }
        List<String> sections = QuestionRules.DEFAULT_SECTIONS;
        Optional<java.util.regex.Pattern> pattern = Optional.empty();
        Optional<List<String>> review = Optional.empty();
        for (NodeTuple kv : m.getValue()) {
            String key = scalar(file, kv.getKeyNode(), "a key");
            Node v = kv.getValueNode();
            switch (key) {
                case "sections" -> sections = titles(file, v, "sections");
                case "review" -> review = Optional.of(titles(file, v, "review"));
                case "pattern" -> {
                    String p = scalar(file, v, "a regular expression");
                    try {
                        pattern = Optional.of(java.util.regex.Pattern.compile(p));
                    } catch (java.util.regex.PatternSyntaxException e) {
                        throw StudybookException.content(at(file, v), "'pattern' is not a valid regular expression: "
                                + e.getDescription(), "fix the pattern, e.g. '^Q\\d+[.:]' for questions written 'Q1. …'");
                    }
                    if (pattern.get().matcher("").find()) {
                        throw StudybookException.content(at(file, v), "'pattern' matches empty text, so every"
                                + " paragraph would be a question", "make it require some text, e.g. '^问[:：]'");
                    }
                }
                default -> throw StudybookException.content(at(file, kv.getKeyNode()), "unknown questions setting '"
                        + key + "'", "use sections, pattern or review");
            }
        }
        return new QuestionRules(sections, pattern, review);
    }

    /** A list of heading titles (or one title); an empty list is allowed and means none. */
    private static List<String> titles(Path file, Node node, String key) {
        List<String> out = new ArrayList<>();
        List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
        for (Node item : items) {
            String t = scalar(file, item, "a heading title");
            if (t.isBlank()) {
                throw StudybookException.content(at(file, node), "'" + key + "' names an empty heading title",
                        "write the headings' titles, e.g. [面试追问, 思考题]");
            }
            out.add(t.strip());
        }
        return out;
    }

    /** The {@code fonts:} list: each item a mapping with file, family, and optionally weight and style. */
    private static List<BookConfig.FontConfig> fonts(Path file, Node node) {
        if (!(node instanceof SequenceNode seq)) {
            throw StudybookException.content(at(file, node), "'fonts' must be a list of fonts",
                    "write e.g. 'fonts:' then '  - file: fonts/MyFont.ttf' and '    family: My Font'");
        }
        List<BookConfig.FontConfig> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (!(item instanceof MappingNode m)) {
                throw StudybookException.content(at(file, item), "each font must give 'file' and 'family'",
                        "write '  - file: fonts/MyFont.ttf' and '    family: My Font'");
            }
            String f = null;
            String family = null;
            int weight = 400;
            boolean italic = false;
            for (NodeTuple kv : m.getValue()) {
                String key = scalar(file, kv.getKeyNode(), "a key");
                String v = scalar(file, kv.getValueNode(), "a value for '" + key + "'").strip();
                switch (key) {
                    case "file" -> f = v;
                    case "family" -> family = v;
                    case "weight" -> {
                        if (!v.matches("[1-9]00")) {
                            throw StudybookException.content(at(file, kv.getValueNode()), "a font weight is 100 to 900",
                                    "write e.g. 'weight: 700' for bold");
                        }
                        weight = Integer.parseInt(v);
                    }
                    case "style" -> italic = v.equalsIgnoreCase("italic");
                    default -> throw StudybookException.content(at(file, kv.getKeyNode()), "unknown font setting '" + key + "'",
                            "use file, family, weight or style");
                }
            }
            if (f == null || family == null || family.isBlank() || family.contains("\"") || family.contains(";")) {
                throw StudybookException.content(at(file, item), "a font needs a 'file' and a plain 'family' name",
                        "write '  - file: fonts/MyFont.ttf' and '    family: My Font'");
            }
            out.add(new BookConfig.FontConfig(f, family, weight, italic, item.getStartMark().map(mk -> mk.getLine() + 1).orElse(0)));
        }
        return out;
    }

    private static void checkLength(Path file, Node node, String key, String value, int max) {
        int n = value.codePointCount(0, value.length());
        if (n > max) {
            throw StudybookException.content(at(file, node), "'" + key + "' is " + n + " characters long, more than the "
                    + max + " studybook takes", key.equals("description") ? "shorten it; the chapters hold the long text"
                    : "shorten it; a longer text belongs in 'description'");
        }
    }

    /** A value as a message may show it: control characters escaped, at most 40 characters. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(40).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\u%04X", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return s.codePointCount(0, s.length()) > 40 ? sb + "…" : sb.toString();
    }

    /**
     * How deep the text nests lists and mappings, read without parsing it (the parser itself takes minutes on
     * hundreds of thousands of levels): indentation levels, compact {@code - - x} items and open flow brackets
     * outside quotes. Returns the depth and its line once it exceeds {@code limit}, else the deepest seen and 0.
     */
    static int[] deepest(String text, int limit) {
        java.util.ArrayDeque<Integer> indents = new java.util.ArrayDeque<>();
        int flow = 0;
        char quote = 0;
        int max = 0;
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            int i = 0;
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            if (quote == 0 && flow == 0) {
                if (i == line.length() || line.charAt(i) == '#') {
                    continue;
                }
                while (!indents.isEmpty() && indents.peek() >= i) {
                    indents.pop();
                }
                indents.push(i);
            }
            int compact = 0;
            int j = i;
            while (quote == 0 && j + 1 < line.length() && line.charAt(j) == '-' && line.charAt(j + 1) == ' ') {
                compact++;
                j += 2;
                while (j < line.length() && line.charAt(j) == ' ') {
                    j++;
                }
            }
            int flowMax = flow;
            char prev = ' ';
            for (int k = j; k < line.length(); k++) {
                char c = line.charAt(k);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if ((c == '"' || c == '\'') && (k == j || ":-[{,".indexOf(prev) >= 0)) {
                    quote = c;
                } else if (c == '#' && (k == 0 || line.charAt(k - 1) == ' ')) {
                    break;
                } else if (c == '[' || c == '{') {
                    flowMax = Math.max(flowMax, ++flow);
                } else if ((c == ']' || c == '}') && flow > 0) {
                    flow--;
                }
                if (c != ' ') {
                    prev = c;
                }
            }
            int depth = indents.size() + compact + flowMax;
            max = Math.max(max, depth);
            if (depth > limit) {
                return new int[] {depth, lineNo};
            }
        }
        return new int[] {max, 0};
    }

    /** True for a name that stays in the folder it is written to: no separator, no '..', no control character. */
    static boolean plainFileName(String name) {
        return !name.isEmpty() && name.length() <= 200 && !name.equals(".") && !name.equals("..") && !name.contains("..")
                && name.chars().noneMatch(c -> c == '/' || c == '\\' || c == ':' || c < 0x20 || c == 0x7f)
                && !name.startsWith("~");
    }

    private static List<String> strings(Path file, Node node) {
        if (node instanceof SequenceNode seq) {
            List<String> out = new ArrayList<>();
            for (Node item : seq.getValue()) {
                out.add(scalar(file, item, "a command"));
            }
            return out;
        }
        return List.of(scalar(file, node, "a command"));
    }

    private static Optional<String> opt(Path file, Map<String, Node> values, String key) {
        Node n = values.get(key);
        if (n == null) {
            return Optional.empty();
        }
        String v = scalar(file, n, "a text value for '" + key + "'").strip();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    private static String scalar(Path file, Node node, String what) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        throw StudybookException.content(at(file, node), "expected " + what + " here",
                "write a single value, not a list or a mapping");
    }

    private static SourceLocation at(Path file, Node node) {
        return SourceLocation.of(file, line(node));
    }

    private static int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    /** A build setting as written: a single value or a list of single values. */
    private static RawValue raw(Path file, Node node) {
        if (node instanceof SequenceNode seq) {
            List<String> items = new ArrayList<>();
            for (Node item : seq.getValue()) {
                items.add(scalar(file, item, "a single value in the list"));
            }
            return new RawValue(items, true, line(node));
        }
        return new RawValue(List.of(scalar(file, node, "a single value")), false, line(node));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

}
