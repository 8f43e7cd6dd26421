package dev.studybook.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The literal values of a JavaScript, TypeScript or JSON configuration file (objects, arrays, strings, numbers),
 * read without running it: site generators' sidebars are mostly written as data. Anything that needs running (a
 * call, an import, a spread, an expression) is kept as {@link Computed} with its line, so that a caller can say where
 * the data ends. Comments, strings, template literals and regular expressions are skipped as JavaScript skips them.
 */
final class JsLiterals {

    /** A value of the file. */
    sealed interface Value permits Obj, Arr, Str, Ref, Computed {
        /** The 1-based line the value starts on. */
        int line();
    }

    /** An object literal, its properties in order; a spread ({@code ...x}) is a property with a null key. */
    record Obj(List<Prop> props, int line) implements Value {
        Obj {
            props = List.copyOf(props);
        }

        /** The value of the first property named {@code key}. */
        Optional<Value> get(String key) {
            return props.stream().filter(p -> key.equals(p.key())).map(Prop::value).findFirst();
        }

        /** The string value of {@code key}, when it is one. */
        Optional<String> string(String key) {
            return get(key).filter(v -> v instanceof Str).map(v -> ((Str) v).value());
        }
    }

    /** One property of an object literal. */
    record Prop(String key, Value value, int line) {
    }

    /** An array literal. */
    record Arr(List<Value> items, int line) implements Value {
        Arr {
            items = List.copyOf(items);
        }
    }

    /** A string, a template literal without substitutions, a number, true, false or null, as its text. */
    record Str(String value, int line) implements Value {
    }

    /** A bare identifier ({@code sidebar}, or a shorthand property), which may name a constant of the file. */
    record Ref(String name, int line) implements Value {
    }

    /** Anything that needs running to know its value; {@code text} is its first token or two, for messages. */
    record Computed(String text, int line) implements Value {
    }

    /**
     * What a file holds: its top-level constants, its default export (module.exports or export default), and the
     * names it imports from other files (local name to {@link Import}).
     */
    record Module(Map<String, Value> constants, Optional<Value> exported, Map<String, Import> imports) {

        Module(Map<String, Value> constants, Optional<Value> exported) {
            this(constants, exported, Map.of());
        }

        /** {@code v} with identifiers replaced by the constants they name (a few steps at most). */
        Value resolve(Value v) {
            for (int i = 0; i < 8 && v instanceof Ref r && constants.containsKey(r.name()); i++) {
                v = constants.get(r.name());
            }
            return v;
        }
    }

    /** An imported name: the file it comes from as written, and its name there ({@code default} for the default export). */
    record Import(String source, String name, int line) {
    }

    private enum Type { PUNCT, STRING, TEMPLATE, NUMBER, IDENT, REGEX, END }

    private record Token(Type type, String text, int line) {
        boolean is(String s) {
            return (type == Type.PUNCT || type == Type.IDENT) && text.equals(s);
        }
    }

    /** Tokens after which a slash starts a regular expression, not a division. */
    private static final Set<String> BEFORE_REGEX = Set.of("(", ",", "=", ":", "[", "!", "&", "|", "?", "{", "}", ";",
            "=>", "&&", "||", "??", "+", "-", "*", "%", "<", ">", "~", "^", "return", "typeof", "case", "in", "of");

    /** Operators after a literal that make it part of an expression (anything else ends it, as a new line may). */
    private static final Set<String> CONTINUES = Set.of(".", "?.", "+", "-", "*", "/", "%", "(", "[", "?", "||", "&&",
            "??", "|", "&", "<", ">", "=", "!");

    /** Words that start a statement: an expression before them ended without a semicolon. */
    private static final Set<String> STATEMENTS = Set.of("const", "let", "var", "export", "import", "function", "class",
            "module");

    /** Calls whose one argument is the configuration or the list itself (their value is that argument). */
    private static final Set<String> WRAPPERS = Set.of("defineConfig", "defineUserConfig", "defineConfigWithTheme",
            "withMermaid", "withPwa", "withI18n", "defineSidebarConfig", "defineThemeConfig", "defineSidebar", "defaultTheme",
            "hopeTheme", "plumeTheme", "starlight", "sidebar", "arraySidebar", "objectSidebar", "navbar");

    private final List<Token> tokens;
    private int pos;

    private JsLiterals(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Reads {@code source}; never throws on malformed input (what cannot be read is {@link Computed}). */
    static Module read(String source) {
        JsLiterals p = new JsLiterals(tokenize(source));
        Map<String, Value> constants = new HashMap<>();
        Map<String, Import> imports = new HashMap<>();
        Value exported = null;
        int depth = 0;
        while (p.peek().type != Type.END) {
            Token t = p.peek();
            if (p.pos == 0 && (t.is("{") || t.is("["))) {
                // A JSON file: the whole file is the value.
                exported = p.value();
                continue;
            }
            if (t.is("{") || t.is("(") || t.is("[")) {
                depth++;
            } else if (t.is("}") || t.is(")") || t.is("]")) {
                depth = Math.max(0, depth - 1);
            }
            if (depth == 0 && (t.is("const") || t.is("let") || t.is("var")) && p.at(1).type == Type.IDENT) {
                String name = p.at(1).text;
                p.pos += 2;
                if (p.skipTypeUntil("=")) {
                    constants.putIfAbsent(name, p.value());
                }
                continue;
            }
            if (depth == 0 && t.is("import") && !p.at(1).is("(") && !p.at(1).is(".")) {
                p.importClause(imports);
                continue;
            }
            if (depth == 0 && t.is("export") && p.at(1).is("default")) {
                p.pos += 2;
                exported = p.value();
                continue;
            }
            if (depth == 0 && t.is("module") && p.at(1).is(".") && p.at(2).is("exports") && p.at(3).is("=")) {
                p.pos += 4;
                exported = p.value();
                continue;
            }
            p.pos++;
        }
        return new Module(Map.copyOf(constants), Optional.ofNullable(exported), Map.copyOf(imports));
    }

    /**
     * Reads {@code import x from 's'}, {@code import { a, b as c } from 's'} and {@code import * as ns from 's'}
     * (types skipped) into {@code out}; a side-effect import ({@code import 's'}) names nothing.
     */
    private void importClause(Map<String, Import> out) {
        int line = peek().line;
        pos++;
        if (peek().is("type")) {
            return;
        }
        Map<String, String> names = new HashMap<>();
        while (peek().type != Type.END && !peek().is("from") && peek().type != Type.STRING) {
            Token t = peek();
            if (t.is("*") && at(1).is("as") && at(2).type == Type.IDENT) {
                names.put(at(2).text, "*");
                pos += 3;
            } else if (t.is("{")) {
                pos++;
                while (peek().type != Type.END && !peek().is("}")) {
                    Token n = peek();
                    if (n.is("type") && at(1).type == Type.IDENT) {
                        pos += 2;
                        continue;
                    }
                    if (n.type == Type.IDENT || n.type == Type.STRING) {
                        String local = n.text;
                        pos++;
                        if (peek().is("as") && at(1).type == Type.IDENT) {
                            local = at(1).text;
                            pos += 2;
                        }
                        names.put(local, n.text);
                    } else {
                        pos++;
                    }
                }
                pos++;
            } else if (t.type == Type.IDENT) {
                names.put(t.text, "default");
                pos++;
            } else if (t.is(";") || STATEMENTS.contains(t.text) && t.type == Type.IDENT) {
                return;
            } else {
                pos++;
            }
        }
        if (peek().is("from")) {
            pos++;
        }
        if (peek().type == Type.STRING) {
            String source = peek().text;
            pos++;
            names.forEach((local, name) -> out.putIfAbsent(local, new Import(source, name, line)));
        }
    }

    /**
     * The first property named {@code key} anywhere in the file (a {@code key: value} or a shorthand {@code key}),
     * the first one inside a property named {@code within} when there is one.
     */
    static Optional<Prop> find(Module module, String key, String within) {
        List<Value> roots = new ArrayList<>();
        module.exported().ifPresent(roots::add);
        roots.addAll(module.constants().values().stream().sorted((a, b) -> Integer.compare(a.line(), b.line())).toList());
        for (Value root : roots) {
            Optional<Prop> w = findProp(module.resolve(root), within, 0);
            if (w.isPresent()) {
                Optional<Prop> k = findProp(module.resolve(w.get().value()), key, 0);
                if (k.isPresent()) {
                    return k;
                }
            }
        }
        for (Value root : roots) {
            Optional<Prop> k = findProp(module.resolve(root), key, 0);
            if (k.isPresent()) {
                return k;
            }
        }
        return Optional.empty();
    }

    private static Optional<Prop> findProp(Value v, String key, int depth) {
        if (depth > 12) {
            return Optional.empty();
        }
        if (v instanceof Obj o) {
            for (Prop p : o.props()) {
                if (key.equals(p.key())) {
                    return Optional.of(p);
                }
            }
            for (Prop p : o.props()) {
                Optional<Prop> f = findProp(p.value(), key, depth + 1);
                if (f.isPresent()) {
                    return f;
                }
            }
        } else if (v instanceof Arr a) {
            for (Value i : a.items()) {
                Optional<Prop> f = findProp(i, key, depth + 1);
                if (f.isPresent()) {
                    return f;
                }
            }
        }
        return Optional.empty();
    }

    private Token peek() {
        return at(0);
    }

    private Token at(int k) {
        int i = pos + k;
        return i < tokens.size() ? tokens.get(i) : tokens.get(tokens.size() - 1);
    }

    /** Skips a type annotation up to {@code stop} at bracket depth 0; false when a statement ends first. */
    private boolean skipTypeUntil(String stop) {
        int depth = 0;
        while (peek().type != Type.END) {
            Token t = peek();
            if (depth == 0 && t.is(stop)) {
                pos++;
                return true;
            }
            if (depth == 0 && (t.is(";") || t.is(","))) {
                return false;
            }
            if (t.is("{") || t.is("(") || t.is("[") || t.is("<")) {
                depth++;
            } else if (t.is("}") || t.is(")") || t.is("]") || t.is(">")) {
                if (--depth < 0) {
                    return false;
                }
            }
            pos++;
        }
        return false;
    }

    /** One value, its trailing {@code as T} / {@code satisfies T} skipped; an expression becomes {@link Computed}. */
    private Value value() {
        Token t = peek();
        Value v;
        if (t.is("{")) {
            v = object();
        } else if (t.is("[")) {
            v = array();
        } else if (t.type == Type.STRING || t.type == Type.NUMBER || t.type == Type.TEMPLATE && !t.text.isEmpty()
                && t.text.charAt(0) == 's') {
            pos++;
            v = new Str(t.type == Type.TEMPLATE ? t.text.substring(1) : t.text, t.line);
        } else if (t.is("true") || t.is("false") || t.is("null")) {
            pos++;
            v = new Str(t.text, t.line);
        } else if (t.type == Type.IDENT && WRAPPERS.contains(t.text) && (at(1).is("(") || at(1).is("<"))) {
            // defineConfig({ ... }): the configuration is the call's argument.
            pos++;
            if (peek().is("<")) {
                skipTypeUntil("(");
            } else {
                pos++;
            }
            v = value();
            skipExpression();
            if (peek().is(")")) {
                pos++;
            }
            return v;
        } else if (t.type == Type.IDENT && !t.is("function") && !t.is("new") && !t.is("await") && !t.is("import")
                && !t.is("require") && endsValue(at(1))) {
            pos++;
            v = new Ref(t.text, t.line);
        } else {
            String text = t.text + (at(1).type == Type.END ? "" : at(1).text);
            skipExpression();
            return new Computed(text, t.line);
        }
        if (peek().is("as") || peek().is("satisfies")) {
            skipExpression();
        } else if (peek().type == Type.PUNCT && CONTINUES.contains(peek().text)) {
            // [ ... ].concat(x), 'a' + b: an expression that starts with a literal.
            String text = peek().text;
            skipExpression();
            return new Computed(text, t.line);
        }
        return v;
    }

    private static boolean endsValue(Token t) {
        return t.type == Type.END || t.is(",") || t.is("}") || t.is("]") || t.is(")") || t.is(";")
                || t.is("as") || t.is("satisfies");
    }

    /** Skips to the next {@code ,} or closing bracket at this level (or {@code ;} at its own level). */
    private void skipExpression() {
        int depth = 0;
        int start = pos;
        while (peek().type != Type.END) {
            Token t = peek();
            if (depth == 0 && (t.is(",") || t.is("}") || t.is("]") || t.is(")") || t.is(";"))) {
                return;
            }
            if (depth == 0 && pos > start && t.type == Type.IDENT && STATEMENTS.contains(t.text)) {
                // A statement without a semicolon ended on the line before.
                return;
            }
            if (t.is("{") || t.is("(") || t.is("[")) {
                depth++;
            } else if (t.is("}") || t.is(")") || t.is("]")) {
                depth--;
            }
            pos++;
        }
    }

    private Obj object() {
        int line = peek().line;
        pos++;
        List<Prop> props = new ArrayList<>();
        while (peek().type != Type.END && !peek().is("}")) {
            Token t = peek();
            if (t.is(",")) {
                pos++;
                continue;
            }
            if (t.is("...")) {
                pos++;
                Value spread = value();
                props.add(new Prop(null, spread instanceof Ref r ? new Computed("..." + r.name(), t.line)
                        : new Computed("...", t.line), t.line));
                continue;
            }
            String key;
            if (t.type == Type.IDENT || t.type == Type.STRING || t.type == Type.NUMBER) {
                key = t.text;
                pos++;
            } else if (t.type == Type.TEMPLATE && t.text.startsWith("s")) {
                key = t.text.substring(1);
                pos++;
            } else if (t.is("[")) {
                // A computed key: its value is kept under no name.
                skipBalanced();
                key = "";
            } else {
                skipExpression();
                continue;
            }
            if ((key.equals("get") || key.equals("set") || key.equals("async")) && peek().type == Type.IDENT) {
                key = peek().text;
                pos++;
            }
            if (peek().is(":")) {
                pos++;
                props.add(new Prop(key, value(), t.line));
            } else if (peek().is("(")) {
                // A method: its parameters and body.
                skipBalanced();
                if (peek().is(":")) {
                    pos++;
                    skipTypeUntil("{");
                    pos--;
                }
                if (peek().is("{")) {
                    skipBalanced();
                }
                props.add(new Prop(key, new Computed(key + "()", t.line), t.line));
            } else {
                props.add(new Prop(key, new Ref(key, t.line), t.line));
            }
        }
        if (peek().is("}")) {
            pos++;
        }
        return new Obj(props, line);
    }

    private Arr array() {
        int line = peek().line;
        pos++;
        List<Value> items = new ArrayList<>();
        while (peek().type != Type.END && !peek().is("]")) {
            if (peek().is(",")) {
                pos++;
                continue;
            }
            if (peek().is("...")) {
                Token t = peek();
                pos++;
                Value spread = value();
                items.add(new Computed(spread instanceof Ref r ? "..." + r.name() : "...", t.line));
                continue;
            }
            Token t = peek();
            if (t.type == Type.IDENT && !WRAPPERS.contains(t.text) && !STATEMENTS.contains(t.text) && !t.is("require")
                    && at(1).is("(") && at(2).is("[")) {
                // A helper that wraps a list of entries (JavaGuide's createImportantSection([...])): the entries
                // stand where the call does, in their order; what the helper adds around them needs running.
                int start = pos;
                pos += 2;
                Arr inner = array();
                skipExpression();
                if (peek().is(")") && endsValue(at(1))) {
                    pos++;
                    items.addAll(inner.items());
                    continue;
                }
                pos = start;
            }
            int before = pos;
            items.add(value());
            if (pos == before) {
                pos++;
            }
        }
        if (peek().is("]")) {
            pos++;
        }
        return new Arr(items, line);
    }

    /** Skips from an opening bracket past its closing one. */
    private void skipBalanced() {
        int depth = 0;
        do {
            Token t = peek();
            if (t.is("{") || t.is("(") || t.is("[")) {
                depth++;
            } else if (t.is("}") || t.is(")") || t.is("]")) {
                depth--;
            }
            pos++;
        } while (depth > 0 && peek().type != Type.END);
    }

    // ---- tokenizer ----

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        new Lexer(s, out).run(false);
        out.add(new Token(Type.END, "", out.isEmpty() ? 1 : out.get(out.size() - 1).line));
        return out;
    }

    /** Splits source text into tokens; a template literal's {@code ${…}} is lexed (and dropped) recursively. */
    private static final class Lexer {
        private final String s;
        private final List<Token> out;
        private int i;
        private int line = 1;
        private Token last;

        Lexer(String s, List<Token> out) {
            this.s = s.startsWith("\uFEFF") ? s.substring(1) : s;
            this.out = out;
        }

        /** Lexes to the end, or (inside a substitution) to its closing brace. */
        void run(boolean substitution) {
            int braces = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\n') {
                    line++;
                    i++;
                } else if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '/' && at(1) == '/') {
                    while (i < s.length() && s.charAt(i) != '\n') {
                        i++;
                    }
                } else if (c == '/' && at(1) == '*') {
                    int end = s.indexOf("*/", i + 2);
                    end = end < 0 ? s.length() : end + 2;
                    line += count(i, end);
                    i = end;
                } else if (c == '"' || c == '\'') {
                    int start = line;
                    emit(Type.STRING, string(c), start);
                } else if (c == '`') {
                    int start = line;
                    emit(Type.TEMPLATE, template(), start);
                } else if (c == '/' && (last == null || last.type == Type.PUNCT && BEFORE_REGEX.contains(last.text)
                        || last.type == Type.IDENT && BEFORE_REGEX.contains(last.text))) {
                    int start = line;
                    emit(Type.REGEX, regex(), start);
                } else if (Character.isDigit(c) || c == '.' && Character.isDigit(at(1))) {
                    int start = i;
                    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.'
                            || s.charAt(i) == '_')) {
                        i++;
                    }
                    emit(Type.NUMBER, s.substring(start, i), line);
                } else if (Character.isJavaIdentifierStart(c)) {
                    int start = i;
                    while (i < s.length() && Character.isJavaIdentifierPart(s.charAt(i))) {
                        i++;
                    }
                    emit(Type.IDENT, s.substring(start, i), line);
                } else if (s.startsWith("...", i)) {
                    emit(Type.PUNCT, "...", line);
                    i += 3;
                } else if (s.startsWith("=>", i) || s.startsWith("&&", i) || s.startsWith("||", i)
                        || s.startsWith("??", i) || s.startsWith("?.", i) && !Character.isDigit(at(2))) {
                    emit(Type.PUNCT, s.substring(i, i + 2), line);
                    i += 2;
                } else {
                    if (substitution && c == '{') {
                        braces++;
                    } else if (substitution && c == '}') {
                        if (braces-- == 0) {
                            i++;
                            return;
                        }
                    }
                    emit(Type.PUNCT, String.valueOf(c), line);
                    i++;
                }
            }
        }

        private char at(int k) {
            return i + k < s.length() ? s.charAt(i + k) : '\0';
        }

        private int count(int from, int to) {
            int n = 0;
            for (int k = from; k < to && k < s.length(); k++) {
                if (s.charAt(k) == '\n') {
                    n++;
                }
            }
            return n;
        }

        private void emit(Type type, String text, int at) {
            last = new Token(type, text, at);
            out.add(last);
        }

        private String string(char quote) {
            StringBuilder sb = new StringBuilder();
            i++;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == quote) {
                    i++;
                    break;
                }
                if (c == '\n') {
                    // An unterminated string: JavaScript stops at the line's end.
                    break;
                }
                if (c == '\\' && i + 1 < s.length()) {
                    i = escape(sb);
                    continue;
                }
                sb.append(c);
                i++;
            }
            return sb.toString();
        }

        /** Appends the escape at {@code i} and returns the index after it. */
        private int escape(StringBuilder sb) {
            char n = s.charAt(i + 1);
            switch (n) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r', '\r' -> { }
                case '\n' -> line++;
                case 'u' -> {
                    if (i + 2 < s.length() && s.charAt(i + 2) == '{') {
                        int end = s.indexOf('}', i + 3);
                        if (end > 0) {
                            try {
                                sb.appendCodePoint(Integer.parseInt(s.substring(i + 3, end), 16));
                            } catch (IllegalArgumentException e) {
                                // not a code point: left out
                            }
                            return end + 1;
                        }
                    } else if (i + 6 <= s.length()) {
                        try {
                            sb.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                            return i + 6;
                        } catch (NumberFormatException e) {
                            sb.append('u');
                        }
                    }
                }
                case 'x' -> {
                    if (i + 4 <= s.length()) {
                        try {
                            sb.append((char) Integer.parseInt(s.substring(i + 2, i + 4), 16));
                            return i + 4;
                        } catch (NumberFormatException e) {
                            sb.append('x');
                        }
                    }
                }
                default -> sb.append(n);
            }
            return i + 2;
        }

        /** A template literal: "s" + its text when it has no substitution, "c" when it has one. */
        private String template() {
            StringBuilder sb = new StringBuilder();
            boolean substituted = false;
            i++;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '`') {
                    i++;
                    break;
                }
                if (c == '\\' && i + 1 < s.length()) {
                    i = escape(sb);
                    continue;
                }
                if (c == '$' && at(1) == '{') {
                    substituted = true;
                    i += 2;
                    Lexer inner = new Lexer(s, new ArrayList<>());
                    inner.i = i;
                    inner.line = line;
                    inner.run(true);
                    i = inner.i;
                    line = inner.line;
                    continue;
                }
                if (c == '\n') {
                    line++;
                }
                sb.append(c);
                i++;
            }
            return (substituted ? "c" : "s") + sb;
        }

        private String regex() {
            int start = i;
            i++;
            boolean cls = false;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\n') {
                    break;
                }
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == '[') {
                    cls = true;
                } else if (c == ']') {
                    cls = false;
                } else if (c == '/' && !cls) {
                    i++;
                    break;
                }
                i++;
            }
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                i++;
            }
            return s.substring(start, Math.min(i, s.length()));
        }
    }
}
