package dev.studybook.config;

import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import dev.studybook.error.StudybookException;
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

    /** The keys book.yaml understands. */
    public static final Set<String> KEYS = Set.of("title", "subtitle", "authors", "author", "language",
            "identifier", "description", "date", "cover", "filename", "index");

    private BookConfigReader() {
    }

    /** Reads {@code book.yaml} (or {@code book.yml}) from the content folder; an empty config when there is none. */
    public static BookConfig read(Path contentDir, Diagnostics diagnostics) {
        for (String name : List.of("book.yaml", "book.yml")) {
            Path file = contentDir.resolve(name);
            if (Files.isRegularFile(file)) {
                return readFile(file, diagnostics);
            }
        }
        return BookConfig.empty();
    }

    static BookConfig readFile(Path file, Diagnostics diagnostics) {
        String text = TextFiles.read(file, "book.yaml");
        Node root;
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).setAllowDuplicateKeys(false)
                    .setMaxAliasesForCollections(10).setCodePointLimit(1 << 20).build();
            root = new Compose(settings).composeString(text).orElse(null);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            throw StudybookException.content(SourceLocation.of(file, line),
                    "book.yaml is not valid YAML: " + firstLine(e.getProblem()),
                    "write one 'key: value' per line; quote values that contain ': ' or start with a special character");
        } catch (YamlEngineException e) {
            throw StudybookException.content(SourceLocation.of(file), "book.yaml is not valid YAML: " + firstLine(e.getMessage()),
                    "check the file's syntax");
        }
        if (root == null) {
            return new BookConfig(Optional.of(file), Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
        if (!(root instanceof MappingNode mapping)) {
            throw StudybookException.content(at(file, root), "book.yaml must be a mapping of keys to values",
                    "start with a line such as 'title: My Book'");
        }
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            String key = scalar(file, t.getKeyNode(), "a key");
            if (!KEYS.contains(key)) {
                diagnostics.warn(at(file, t.getKeyNode()), "unknown key '" + key + "' in book.yaml is ignored (known keys: "
                        + String.join(", ", KEYS.stream().sorted().toList()) + ")");
                continue;
            }
            values.put(key, t.getValueNode());
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
        }
        return new BookConfig(Optional.of(file),
                opt(file, values, "title"), opt(file, values, "subtitle"), authors, opt(file, values, "language"),
                opt(file, values, "identifier"), opt(file, values, "description"), date, opt(file, values, "cover"),
                opt(file, values, "filename"), opt(file, values, "index"));
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
        return SourceLocation.of(file, node.getStartMark().map(m -> m.getLine() + 1).orElse(0));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

}
