package dev.studybook.convert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Graphviz DOT language (graphs, digraphs, subgraphs and clusters, attribute statements, edge chains,
 * quoted, numeral and HTML IDs, comments) into a {@link Graph} with DOT's defaults already applied; the layout
 * library studybook draws with has no DOT reader of its own.
 */
final class DotParser {

    /** More nodes or edges than this are refused: the layout's time grows much faster than the graph. */
    static final int MAX_ELEMENTS = 2_000;

    /** A parsed graph: nodes in order of first mention, edges in order, subgraphs as a tree under {@code root}. */
    record Graph(boolean directed, Map<String, String> attributes, Container root, Map<String, Map<String, String>> nodes,
            List<Edge> edges) {
    }

    /** An edge with its attributes (defaults of its scope included). */
    record Edge(String from, String to, Map<String, String> attributes) {
    }

    /** The graph or one of its subgraphs, with its graph attributes and the nodes mentioned in it. */
    static final class Container {
        final String name;
        final int depth;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final List<String> nodes = new ArrayList<>();
        final List<Container> children = new ArrayList<>();

        Container(String name, int depth) {
            this.name = name;
            this.depth = depth;
        }

        /** True for a subgraph Graphviz draws as a box: its name starts with "cluster". */
        boolean cluster() {
            return name != null && name.startsWith("cluster");
        }
    }

    private final String text;
    private int pos;
    private final Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();
    private boolean directed;

    private DotParser(String text) {
        this.text = text;
    }

    /** Parses DOT source; throws {@link IllegalArgumentException} naming the line of the first error. */
    static Graph parse(String source) {
        return new DotParser(source).graph();
    }

    private Graph graph() {
        String word = id("'graph' or 'digraph'");
        if (word.equalsIgnoreCase("strict")) {
            word = id("'graph' or 'digraph'");
        }
        if (word.equalsIgnoreCase("digraph")) {
            directed = true;
        } else if (!word.equalsIgnoreCase("graph")) {
            throw error("expected 'graph' or 'digraph', found '" + word + "'");
        }
        if (!peek('{')) {
            id("a name");
        }
        Container root = new Container(null, 0);
        block(root, new LinkedHashMap<>(), new LinkedHashMap<>());
        skipSpace();
        if (pos < text.length()) {
            throw error("text after the graph's closing '}'");
        }
        return new Graph(directed, root.attributes, root, nodes, edges);
    }

    /** Reads {@code { statements }} into a container, with the node and edge defaults in force at its start. */
    private void block(Container c, Map<String, String> nodeDefaults, Map<String, String> edgeDefaults) {
        expect('{');
        Map<String, String> nodeDefs = new LinkedHashMap<>(nodeDefaults);
        Map<String, String> edgeDefs = new LinkedHashMap<>(edgeDefaults);
        while (true) {
            skipSpace();
            if (peek('}')) {
                pos++;
                return;
            }
            if (pos >= text.length()) {
                throw error("missing '}'");
            }
            statement(c, nodeDefs, edgeDefs);
            skipSpace();
            if (peek(';') || peek(',')) {
                pos++;
            }
        }
    }

    private void statement(Container c, Map<String, String> nodeDefs, Map<String, String> edgeDefs) {
        List<String> left;
        if (peek('{') || peekWord("subgraph")) {
            left = subgraph(c, nodeDefs, edgeDefs);
        } else {
            String id = id("a statement");
            String lower = id.toLowerCase(java.util.Locale.ROOT);
            skipSpace();
            if (!quotedLast && (lower.equals("graph") || lower.equals("node") || lower.equals("edge")) && peek('[')) {
                Map<String, String> a = attributes();
                switch (lower) {
                    case "graph" -> c.attributes.putAll(a);
                    case "node" -> nodeDefs.putAll(a);
                    default -> edgeDefs.putAll(a);
                }
                return;
            }
            if (peek('=')) {
                pos++;
                c.attributes.put(id, id("a value for " + id));
                return;
            }
            port();
            left = List.of(id);
            if (!edgeOp()) {
                Map<String, String> a = peek('[') ? attributes() : Map.of();
                node(c, id, nodeDefs).putAll(a);
                return;
            }
            node(c, id, nodeDefs);
        }
        List<List<String>> chain = new ArrayList<>();
        chain.add(left);
        while (edgeOp()) {
            pos += 2;
            skipSpace();
            if (peek('{') || peekWord("subgraph")) {
                chain.add(subgraph(c, nodeDefs, edgeDefs));
            } else {
                String id = id("a node after the edge");
                port();
                node(c, id, nodeDefs);
                chain.add(List.of(id));
            }
        }
        skipSpace();
        Map<String, String> a = new LinkedHashMap<>(edgeDefs);
        if (peek('[')) {
            a.putAll(attributes());
        }
        for (int i = 1; i < chain.size(); i++) {
            for (String from : chain.get(i - 1)) {
                for (String to : chain.get(i)) {
                    edges.add(new Edge(from, to, a));
                    if (edges.size() > MAX_ELEMENTS) {
                        throw error("more than " + MAX_ELEMENTS + " edges");
                    }
                }
            }
        }
    }

    /** A subgraph (named, anonymous, or a bare block); returns the nodes mentioned in it, for edges to it. */
    private List<String> subgraph(Container parent, Map<String, String> nodeDefs, Map<String, String> edgeDefs) {
        String name = null;
        if (peekWord("subgraph")) {
            pos += "subgraph".length();
            skipSpace();
            if (!peek('{')) {
                name = id("a subgraph name");
            }
        }
        Container c = new Container(name, parent.depth + 1);
        parent.children.add(c);
        block(c, nodeDefs, edgeDefs);
        List<String> mentioned = new ArrayList<>();
        collect(c, mentioned);
        return mentioned;
    }

    private static void collect(Container c, List<String> out) {
        for (String n : c.nodes) {
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        for (Container child : c.children) {
            collect(child, out);
        }
    }

    private Map<String, String> node(Container c, String id, Map<String, String> defaults) {
        if (!c.nodes.contains(id)) {
            c.nodes.add(id);
        }
        Map<String, String> a = nodes.get(id);
        if (a == null) {
            if (nodes.size() >= MAX_ELEMENTS) {
                throw error("more than " + MAX_ELEMENTS + " nodes");
            }
            a = new LinkedHashMap<>(defaults);
            nodes.put(id, a);
        }
        return a;
    }

    /** Skips a port ({@code :port} or {@code :port:compass}): edges are drawn to the node's border. */
    private void port() {
        for (int i = 0; i < 2; i++) {
            skipSpace();
            if (peek(':')) {
                pos++;
                id("a port");
            }
        }
    }

    private boolean edgeOp() {
        skipSpace();
        return text.startsWith(directed ? "->" : "--", pos);
    }

    /** One or more {@code [a=b, c=d]} lists. */
    private Map<String, String> attributes() {
        Map<String, String> a = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (!peek('[')) {
                return a;
            }
            pos++;
            while (true) {
                skipSpace();
                if (peek(']')) {
                    pos++;
                    break;
                }
                String key = id("an attribute name");
                skipSpace();
                String value = "true";
                if (peek('=')) {
                    pos++;
                    value = id("a value for " + key);
                }
                a.put(key.toLowerCase(java.util.Locale.ROOT), value);
                skipSpace();
                if (peek(',') || peek(';')) {
                    pos++;
                }
            }
        }
    }

    private boolean quotedLast;

    /** An ID: a name, a numeral, a quoted string (with '+' concatenation) or an HTML string (its text). */
    private String id(String what) {
        skipSpace();
        quotedLast = false;
        if (pos >= text.length()) {
            throw error("expected " + what + " at the end of the source");
        }
        char ch = text.charAt(pos);
        if (ch == '"') {
            quotedLast = true;
            StringBuilder sb = new StringBuilder(quoted());
            while (true) {
                int save = pos;
                skipSpace();
                if (peek('+')) {
                    pos++;
                    skipSpace();
                    if (peek('"')) {
                        sb.append(quoted());
                        continue;
                    }
                }
                pos = save;
                return sb.toString();
            }
        }
        if (ch == '<') {
            quotedLast = true;
            return html();
        }
        int start = pos;
        if (ch == '-' && pos + 1 < text.length() && (Character.isDigit(text.charAt(pos + 1)) || text.charAt(pos + 1) == '.')) {
            pos++; // a negative numeral
        }
        while (pos < text.length() && nameChar(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw error("expected " + what + ", found '" + ch + "'");
        }
        return text.substring(start, pos);
    }

    private static boolean nameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c >= 0x80;
    }

    private String quoted() {
        int startLine = line();
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\' && pos < text.length()) {
                char n = text.charAt(pos);
                if (n == '"') {
                    sb.append('"');
                    pos++;
                    continue;
                }
                if (n == '\n') {
                    pos++;
                    continue;
                }
            }
            sb.append(c);
        }
        throw new IllegalArgumentException("line " + startLine + ": a quoted string is not closed");
    }

    /** An HTML-like label: its text, tags dropped, rows and line breaks as new lines. */
    private String html() {
        int startLine = line();
        int depth = 0;
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '<') {
                depth++;
            } else if (c == '>' && --depth == 0) {
                String inner = text.substring(start + 1, pos - 1);
                String s = inner.replaceAll("(?i)<br\\s*/?>|</tr>", "\n").replaceAll("(?i)</td>\\s*<td[^>]*>", " | ")
                        .replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                        .replace("&nbsp;", " ").replace("&amp;", "&");
                return s.replaceAll("[ \\t]*\\n[\\s]*", "\n").strip();
            }
        }
        throw new IllegalArgumentException("line " + startLine + ": an HTML label '<…>' is not closed");
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                pos++;
            } else if (text.startsWith("//", pos) || c == '#' && atLineStart()) {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                pos = end < 0 ? text.length() : end + 2;
            } else {
                return;
            }
        }
    }

    private boolean atLineStart() {
        int i = pos - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i--;
        }
        return i < 0 || text.charAt(i) == '\n';
    }

    private boolean peek(char c) {
        skipSpace();
        return pos < text.length() && text.charAt(pos) == c;
    }

    private boolean peekWord(String word) {
        skipSpace();
        return text.regionMatches(true, pos, word, 0, word.length())
                && (pos + word.length() >= text.length() || !nameChar(text.charAt(pos + word.length())));
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("expected '" + c + "'" + (pos < text.length() ? ", found '" + text.charAt(pos) + "'" : " at the end"));
        }
        pos++;
    }

    private int line() {
        int n = 1;
        for (int i = 0; i < pos && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("line " + line() + ": " + message);
    }
}
