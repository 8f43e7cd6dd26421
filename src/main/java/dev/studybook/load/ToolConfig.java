package dev.studybook.load;

import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import dev.studybook.io.TextFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * What the configuration file of the tool a book was written for says about it: mdBook's {@code book.toml},
 * wabook's {@code book.ini} (the same keys) or GitBook/HonKit's {@code book.json}. These are other tools' files: what
 * cannot be read in them is a warning, never an error, and book.yaml wins over all of it.
 *
 * @param file        the file read
 * @param title       the book's title
 * @param authors     its authors
 * @param description a sentence about it
 * @param language    its language, as the file writes it
 * @param repository  the web address of its repository (mdBook's {@code git-repository-url}, GitBook's github plugin)
 * @param source      the folder the chapters and SUMMARY.md are in, relative to the file (mdBook's {@code src},
 *                    GitBook's {@code root}); empty when it is the file's own folder
 * @param summary     the name of the index page in that folder (GitBook's {@code structure.summary})
 * @param readme      the name of the introduction (GitBook's {@code structure.readme})
 */
public record ToolConfig(Path file, Optional<String> title, List<String> authors, Optional<String> description,
        Optional<String> language, Optional<String> repository, Optional<String> source, Optional<String> summary,
        Optional<String> readme) {

    public ToolConfig {
        authors = List.copyOf(authors);
    }

    /** The names looked for, in this order. */
    static final List<String> NAMES = List.of("book.toml", "book.json", "book.ini");

    private static final Pattern GITHUB = Pattern.compile("(?i)github\\.com[/:]([A-Za-z0-9-]{1,39})/([A-Za-z0-9._-]{1,100})");

    /**
     * The first tool file found in {@code dir}, else in the folders above it up to {@code boundary}; empty when there
     * is none.
     */
    static Optional<ToolConfig> find(Path dir, Path boundary, Diagnostics diagnostics) {
        for (Path d = dir.toAbsolutePath().normalize(); d != null && d.startsWith(boundary); d = d.getParent()) {
            for (String name : NAMES) {
                Path f = d.resolve(name);
                if (Files.isRegularFile(f)) {
                    return Optional.of(read(f, diagnostics));
                }
            }
            if (d.equals(boundary)) {
                break;
            }
        }
        return Optional.empty();
    }

    static ToolConfig read(Path file, Diagnostics diagnostics) {
        String text = TextFiles.read(file, file.getFileName().toString());
        return file.getFileName().toString().endsWith(".json") ? json(file, text, diagnostics) : toml(file, text, diagnostics);
    }

    /** The index page this file names, relative to its folder: {@code src/SUMMARY.md} for an mdBook. */
    Optional<Path> index() {
        Path dir = file.getParent();
        Path folder = source.map(s -> dir.resolve(s).normalize()).orElse(dir);
        Path p = folder.resolve(summary.orElse("SUMMARY.md")).normalize();
        return Files.isRegularFile(p) && p.startsWith(dir) ? Optional.of(p) : Optional.empty();
    }

    /** mdBook's book.toml and wabook's book.ini: tables of {@code key = value}. */
    static ToolConfig toml(Path file, String text, Diagnostics diagnostics) {
        Map<String, Object> book = new HashMap<>();
        Map<String, Object> html = new HashMap<>();
        List<String> repos = new ArrayList<>();
        String table = "";
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                table = line.replaceAll("^\\[+|\\]+\\s*(#.*)?$", "").strip();
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip().replaceAll("^\"|\"$", "");
            String raw = line.substring(eq + 1).strip();
            // An array may continue on the lines below.
            while (raw.startsWith("[") && !balanced(raw) && i + 1 < lines.length) {
                raw = raw + " " + lines[++i].strip();
            }
            boolean wanted = table.equals("book") || table.equals("output.html");
            Optional<Object> value = value(raw);
            if (value.isEmpty()) {
                if (wanted) {
                    diagnostics.warn(SourceLocation.of(file, i + 1), Diagnostics.Kind.CONFIG, "studybook cannot read the value of '"
                            + key + "' and ignores it");
                }
                continue;
            }
            if (table.equals("book")) {
                book.put(key, value.get());
            } else if (table.equals("output.html")) {
                html.put(key, value.get());
            }
            if (value.get() instanceof String s && key.matches("git-repository-url|edit-url-template|data_repo|repository")) {
                repos.add(s);
            }
        }
        return new ToolConfig(file, string(book.get("title")), strings(book.get("authors")), string(book.get("description")),
                string(book.get("language")), repository(repos), source(file, book),
                Optional.empty(), Optional.empty());
    }

    /** The chapters' folder: book.toml's {@code src}, which mdBook defaults to {@code src}; none for "." or a book.ini. */
    private static Optional<String> source(Path file, Map<String, Object> book) {
        Optional<String> src = string(book.get("src"));
        if (src.isEmpty() && file.getFileName().toString().equals("book.toml")) {
            src = Optional.of("src");
        }
        return src.filter(s -> !s.equals(".") && !s.equals("./"));
    }

    private static boolean balanced(String s) {
        int depth = 0;
        boolean quoted = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quoted = false;
                }
            } else if (c == '"' || c == '\'') {
                quoted = true;
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '#') {
                break;
            }
        }
        return depth == 0;
    }

    /** A TOML string, array of strings, number or boolean; empty when the value is written some other way. */
    static Optional<Object> value(String raw) {
        if (raw.startsWith("[")) {
            List<String> items = new ArrayList<>();
            Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'").matcher(raw);
            int end = 0;
            while (m.find()) {
                items.add(m.group(1) != null ? unescape(m.group(1)) : m.group(2));
                end = m.end();
            }
            return raw.indexOf(']', end) >= 0 ? Optional.of(items) : Optional.empty();
        }
        Matcher basic = Pattern.compile("^\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(#.*)?$").matcher(raw);
        if (basic.matches()) {
            return Optional.of(unescape(basic.group(1)));
        }
        Matcher literal = Pattern.compile("^'([^']*)'\\s*(#.*)?$").matcher(raw);
        if (literal.matches()) {
            return Optional.of(literal.group(1));
        }
        String bare = raw.replaceFirst("\\s*#.*$", "");
        if (bare.matches("true|false|[+-]?[0-9][0-9_.eE+-]*")) {
            return Optional.of(bare);
        }
        return Optional.empty();
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (i + 4 < s.length() && s.substring(i + 1, i + 5).matches("[0-9a-fA-F]{4}")) {
                            sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                            i += 4;
                        }
                    }
                    default -> sb.append(n);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** GitBook's and HonKit's book.json. */
    static ToolConfig json(Path file, String text, Diagnostics diagnostics) {
        Object root;
        try {
            root = new Load(LoadSettings.builder().setLabel(file.toString()).setMaxAliasesForCollections(10)
                    .setCodePointLimit(1 << 20).build()).loadFromString(text.replace('\t', ' '));
        } catch (RuntimeException e) {
            diagnostics.warn(SourceLocation.of(file), Diagnostics.Kind.CONFIG,
                    "studybook cannot read this book.json (" + firstLine(e.getMessage()) + ") and ignores it");
            root = null;
        }
        Map<?, ?> m = root instanceof Map<?, ?> map ? map : Map.of();
        List<String> urls = new ArrayList<>();
        Object plugins = m.get("pluginsConfig");
        if (plugins instanceof Map<?, ?> pm && pm.get("github") instanceof Map<?, ?> gh && gh.get("url") instanceof String u) {
            urls.add(u);
        }
        collect(m, urls);
        Map<?, ?> structure = m.get("structure") instanceof Map<?, ?> s ? s : Map.of();
        List<String> authors = new ArrayList<>();
        for (String key : List.of("author", "authors")) {
            authors.addAll(strings(m.get(key)));
        }
        return new ToolConfig(file, string(m.get("title")), authors, string(m.get("description")), string(m.get("language")),
                repository(urls), string(m.get("root")).map(r -> r.replaceFirst("^\\./", "")).filter(r -> !r.isEmpty() && !r.equals(".")),
                string(structure.get("summary")), string(structure.get("readme")));
    }

    private static void collect(Object node, List<String> out) {
        if (node instanceof Map<?, ?> m) {
            m.values().forEach(v -> collect(v, out));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collect(v, out));
        } else if (node instanceof String s && GITHUB.matcher(s).find()) {
            out.add(s);
        }
    }

    /** The repository most of the URLs name, as {@code https://github.com/owner/name}. */
    private static Optional<String> repository(List<String> urls) {
        Map<String, Integer> count = new LinkedHashMap<>();
        for (String u : urls) {
            Matcher m = GITHUB.matcher(u);
            if (m.find()) {
                String name = m.group(2).replaceFirst("\\.git$", "");
                count.merge(m.group(1) + "/" + name, 1, Integer::sum);
            }
        }
        return count.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> "https://github.com/" + e.getKey());
    }

    private static Optional<String> string(Object o) {
        if (o instanceof String s && !s.isBlank()) {
            return Optional.of(s.strip());
        }
        return Optional.empty();
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof String s && !s.isBlank()) {
            out.add(s.strip());
        } else if (o instanceof List<?> l) {
            for (Object x : l) {
                if (x instanceof String s && !s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
