package dev.studybook.preprocess;

import dev.studybook.model.SourceText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Front matter, as Jekyll, Hugo, VuePress, VitePress, Docusaurus and Hexo read it: a YAML block between
 * {@code ---} lines at the very top of a file (or TOML between {@code +++} lines). It is hidden from readers; its
 * {@code title} and {@code description} are kept for the chapter's title and, on the index page, the book's
 * description. A block whose text is not a YAML mapping is not front matter (a rule, then a heading) and is left.
 */
public final class FrontMatter implements Preprocessor {

    /**
     * The keys studybook uses: a chapter's title; on the index page also the book's author and language; in a Hugo,
     * Docusaurus, VuePress or just-the-docs site the order, id and visibility of pages.
     */
    static final List<String> KEYS = List.of("title", "description", "author", "authors", "lang", "language", "weight",
            "draft", "bookHidden", "headless", "id", "sidebar_position", "sidebar_label", "order", "nav_order",
            "nav_exclude", "parent", "grand_parent");

    /** The tagline of a home page's {@code hero:} mapping, shown where the front matter was. */
    static final String HERO_TAGLINE = "hero.tagline";

    /** The keys of a {@code sidebar:} mapping studybook uses (Starlight). */
    static final List<String> SIDEBAR_KEYS = List.of("order", "label", "hidden");

    private static final Pattern HEADING_FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");
    private static final Pattern ATX_HEADING = Pattern.compile("^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$");
    private static final Pattern SETEXT_LINE = Pattern.compile("^ {0,3}(?:=+|-+)[ \t]*$");
    private static final Pattern TOML_KEY = Pattern.compile("^(\\w+)\\s*=\\s*[\"']?(.*?)[\"']?\\s*$");

    @Override
    public String name() {
        return "front-matter";
    }

    /** The front matter of a text: the values studybook uses and how many lines it takes. */
    record Block(Map<String, String> values, int lines) {
    }

    @Override
    public SourceText run(SourceText text, PreprocessContext context) {
        String t = text.text();
        if (!t.startsWith("---") && !t.startsWith("+++")) {
            return text;
        }
        Block block = find(t);
        if (block == null) {
            return text;
        }
        SourceText.Builder b = SourceText.builder(text.file());
        List<SourceText.Line> lines = text.lines();
        for (int i = 0; i < lines.size(); i++) {
            SourceText.Line l = lines.get(i);
            // Blank lines in its place keep every later line where it was; a hero's tagline stands on its last.
            String tagline = i == block.lines() - 1 ? block.values().getOrDefault(HERO_TAGLINE, "") : "";
            b.add(i < block.lines() ? tagline : l.text(), l.file(), l.line());
        }
        return b.build().withFrontMatter(block.values());
    }

    /**
     * A page's title as the site readers name a page: its front matter's {@code title}, else its first heading
     * ({@link #firstHeading}), else "".
     */
    public static String title(String text) {
        Map<String, String> fm = new LinkedHashMap<>();
        String body = hide(text, fm);
        String t = fm.getOrDefault("title", "").strip();
        return t.isEmpty() ? firstHeading(body) : t;
    }

    /** The text of the page's first ATX_HEADING or setext heading outside fenced code, or "" when it has none. */
    public static String firstHeading(String body) {
        String[] lines = body.replace("\r", "").split("\n", -1);
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher f = HEADING_FENCE.matcher(line);
            if (f.matches()) {
                String mark = f.group(1);
                if (fence == null) {
                    fence = mark;
                } else if (mark.charAt(0) == fence.charAt(0) && mark.length() >= fence.length() && f.group(2).isBlank()) {
                    fence = null;
                }
                continue;
            }
            if (fence != null) {
                continue;
            }
            Matcher h = ATX_HEADING.matcher(line);
            if (h.matches() && !h.group(1).isBlank()) {
                return h.group(1).strip();
            }
            if (!line.isBlank() && !line.startsWith("    ") && i + 1 < lines.length && SETEXT_LINE.matcher(lines[i + 1]).matches()
                    && !ATX_HEADING.matcher(line).matches()) {
                return line.strip();
            }
        }
        return "";
    }

    /**
     * The text with its front matter blanked out (each line kept, empty), its values put in {@code values}: for
     * the index page, which is read before the chapters.
     */
    public static String hide(String text, Map<String, String> values) {
        Block block = find(text);
        if (block == null) {
            return text;
        }
        values.putAll(block.values());
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < block.lines() && i < lines.length; i++) {
            lines[i] = "";
        }
        return String.join("\n", lines);
    }

    /**
     * The other names an Obsidian note's front matter gives it ({@code aliases: [a, b]}, {@code aliases: a},
     * {@code alias}), by which a wikilink may name it; empty when it has none.
     */
    static List<String> aliases(String text) {
        Block block = find(text);
        if (block == null || text.startsWith("+++")) {
            return List.of();
        }
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\n", block.lines() + 1);
        Object doc;
        try {
            doc = new Load(LoadSettings.builder().setAllowDuplicateKeys(true).setMaxAliasesForCollections(10)
                    .setCodePointLimit(1_000_000).build()).loadFromString(String.join("\n",
                            java.util.Arrays.asList(lines).subList(1, Math.max(1, block.lines() - 1))));
        } catch (YamlEngineException | IllegalArgumentException e) {
            return List.of();
        }
        if (!(doc instanceof Map<?, ?> map)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String key : List.of("aliases", "alias")) {
            Object v = map.get(key);
            for (Object o : v instanceof List<?> list ? list : v == null ? List.of() : List.of(v)) {
                if (o instanceof String || o instanceof Number) {
                    String a = o.toString().strip();
                    if (!a.isEmpty()) {
                        out.add(a);
                    }
                }
            }
        }
        return out;
    }

    /** The front matter at the top of {@code text} (after a byte order mark, if any), or null when it has none. */
    static Block find(String text) {
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\n", -1);
        if (lines.length < 2) {
            return null;
        }
        String fence = lines[0].strip();
        if (!fence.equals("---") && !fence.equals("+++")) {
            return null;
        }
        int end = -1;
        for (int i = 1; i < lines.length && i < 2000; i++) {
            String l = lines[i].strip();
            if (l.equals(fence) || (fence.equals("---") && l.equals("..."))) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return null;
        }
        List<String> body = new ArrayList<>();
        for (int i = 1; i < end; i++) {
            body.add(lines[i]);
        }
        Map<String, String> values = fence.equals("+++") ? toml(body) : yaml(String.join("\n", body));
        return values == null ? null : new Block(values, end + 1);
    }

    private static Map<String, String> yaml(String body) {
        if (body.isBlank()) {
            return Map.of();
        }
        Object doc;
        try {
            doc = new Load(LoadSettings.builder().setAllowDuplicateKeys(true).setMaxAliasesForCollections(10)
                    .setCodePointLimit(1_000_000).build()).loadFromString(body);
        } catch (YamlEngineException | IllegalArgumentException e) {
            return null;
        }
        if (!(doc instanceof Map<?, ?> map)) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (map.get("sidebar") instanceof Map<?, ?> sidebar) {
            // Starlight's sidebar: { order: 2, label: Short, hidden: true }, kept as "sidebar.order" and so on.
            for (String key : SIDEBAR_KEYS) {
                Object v = sidebar.get(key);
                if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                    String s = v.toString().strip();
                    if (!s.isEmpty()) {
                        out.put("sidebar." + key, s.replaceAll("\\s+", " "));
                    }
                }
            }
        }
        if (map.get("hero") instanceof Map<?, ?> hero && hero.get("tagline") instanceof String tagline
                && !tagline.isBlank()) {
            // The hero of a home page (Starlight's splash template, VitePress's layout: home): its tagline is the
            // page's opening text, shown in the front matter's place.
            out.put(HERO_TAGLINE, tagline.strip().replaceAll("\\s+", " "));
        }
        for (String key : KEYS) {
            Object v = map.get(key);
            if (v instanceof List<?> list) {
                // authors: [甲, 乙] — a list of names, kept as the flat "a, b" form the index page's readers split.
                v = String.join(", ", list.stream().filter(o -> o instanceof String || o instanceof Number)
                        .map(Object::toString).toList());
            }
            if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                String s = v.toString().strip();
                if (!s.isEmpty()) {
                    out.put(key, s.replaceAll("\\s+", " "));
                }
            }
        }
        return out;
    }

    private static Map<String, String> toml(List<String> body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String l : body) {
            Matcher m = TOML_KEY.matcher(l.strip());
            if (m.matches() && KEYS.contains(m.group(1)) && !m.group(2).isBlank()) {
                out.putIfAbsent(m.group(1), m.group(2).strip());
            }
        }
        return out;
    }
}
