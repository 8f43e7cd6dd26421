package dev.studybook.io;

import java.util.List;
import java.util.Map;

/**
 * Writes JSON text (Anki's collection table, {@code check --format json}): maps in their given order, so the bytes are
 * stable; and reads it (Jupyter notebooks), each string knowing the line it was written on.
 */
public final class Json {
    private Json() {
    }

    /** A string read from JSON text and the 1-based line its opening quote stands on. */
    public record Str(String value, int line) {
        @Override
        public String toString() {
            return value;
        }
    }

    /** JSON text that is not JSON: the message, and the 1-based line and column where the reader stopped. */
    public static final class SyntaxError extends IllegalArgumentException {
        private final int line;
        private final int column;

        SyntaxError(String message, int line, int column) {
            super(message + " at line " + line + ", column " + column);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    /** How deep arrays and objects may nest: deeper text is refused rather than overflowing the stack. */
    static final int MAX_DEPTH = 512;

    /**
     * The value of JSON text (RFC 8259): objects as ordered maps with string keys, arrays as lists, strings as
     * {@link Str}, numbers as {@code Long} or {@code Double}, {@code true}/{@code false} and null; a byte-order mark
     * is skipped. Throws {@link SyntaxError} naming the line and column of the first mistake.
     */
    public static Object read(String text) {
        Reader r = new Reader(text);
        r.space();
        Object v = r.value(0);
        r.space();
        if (r.pos < text.length()) {
            throw r.error("unexpected text after the end of the JSON value");
        }
        return v;
    }

    private static final class Reader {
        private final String s;
        private int pos;
        private int line = 1;
        private int lineStart;

        Reader(String s) {
            this.s = s;
            this.pos = s.startsWith("\uFEFF") ? 1 : 0;
        }

        SyntaxError error(String message) {
            return new SyntaxError(message, line, pos - lineStart + 1);
        }

        void space() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\n') {
                    line++;
                    lineStart = pos + 1;
                } else if (c != ' ' && c != '\t' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        Object value(int depth) {
            if (pos >= s.length()) {
                throw error("the text ends where a value was expected");
            }
            char c = s.charAt(pos);
            switch (c) {
                case '{' -> {
                    return object(depth + 1);
                }
                case '[' -> {
                    return array(depth + 1);
                }
                case '"' -> {
                    int at = line;
                    return new Str(string(), at);
                }
                case 't' -> {
                    return word("true", Boolean.TRUE);
                }
                case 'f' -> {
                    return word("false", Boolean.FALSE);
                }
                case 'n' -> {
                    return word("null", null);
                }
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw error("unexpected character '" + c + "'");
                }
            }
        }

        private Object word(String w, Object v) {
            if (!s.startsWith(w, pos)) {
                throw error("unexpected word (expected " + w + ")");
            }
            pos += w.length();
            return v;
        }

        private Map<String, Object> object(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("objects and arrays are nested more than " + MAX_DEPTH + " deep");
            }
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            pos++;
            space();
            if (pos < s.length() && s.charAt(pos) == '}') {
                pos++;
                return m;
            }
            while (true) {
                space();
                if (pos >= s.length() || s.charAt(pos) != '"') {
                    throw error("a key in quotes was expected");
                }
                String key = string();
                space();
                expect(':');
                space();
                m.put(key, value(depth));
                space();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                expect('}');
                return m;
            }
        }

        private List<Object> array(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("objects and arrays are nested more than " + MAX_DEPTH + " deep");
            }
            List<Object> l = new java.util.ArrayList<>();
            pos++;
            space();
            if (pos < s.length() && s.charAt(pos) == ']') {
                pos++;
                return l;
            }
            while (true) {
                space();
                l.add(value(depth));
                space();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                expect(']');
                return l;
            }
        }

        private void expect(char c) {
            if (pos >= s.length()) {
                throw error("the text ends where '" + c + "' was expected");
            }
            if (s.charAt(pos) != c) {
                throw error("'" + c + "' expected but '" + s.charAt(pos) + "' found");
            }
            pos++;
        }

        private String string() {
            pos++;
            StringBuilder sb = null;
            int start = pos;
            while (true) {
                if (pos >= s.length()) {
                    throw error("a string is not closed");
                }
                char c = s.charAt(pos);
                if (c == '"') {
                    String v = sb == null ? s.substring(start, pos) : sb.append(s, start, pos).toString();
                    pos++;
                    return v;
                }
                if (c == '\n') {
                    throw error("a string runs past the end of its line (a line break in a string is written \\n)");
                }
                if (c == '\\') {
                    if (sb == null) {
                        sb = new StringBuilder();
                    }
                    sb.append(s, start, pos);
                    if (pos + 1 >= s.length()) {
                        throw error("a string is not closed");
                    }
                    char e = s.charAt(pos + 1);
                    pos += 2;
                    switch (e) {
                        case '"', '\\', '/' -> sb.append(e);
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case 'u' -> {
                            if (pos + 4 > s.length()) {
                                throw error("an escape \\u needs four hex digits");
                            }
                            try {
                                sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                            } catch (NumberFormatException x) {
                                throw error("an escape \\u needs four hex digits");
                            }
                            pos += 4;
                        }
                        default -> {
                            pos -= 1;
                            throw error("unknown escape \\" + e);
                        }
                    }
                    start = pos;
                    continue;
                }
                pos++;
            }
        }

        private Object number() {
            int start = pos;
            if (s.charAt(pos) == '-') {
                pos++;
            }
            boolean fraction = false;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c >= '0' && c <= '9') {
                    pos++;
                } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                    fraction = true;
                    pos++;
                } else {
                    break;
                }
            }
            String n = s.substring(start, pos);
            try {
                if (!fraction) {
                    try {
                        return Long.parseLong(n);
                    } catch (NumberFormatException big) {
                        return Double.parseDouble(n);
                    }
                }
                return Double.parseDouble(n);
            } catch (NumberFormatException e) {
                pos = start;
                throw error("'" + n + "' is not a number");
            }
        }
    }

    /** Maps (kept in order), lists, strings, numbers, booleans and null as JSON text. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "" : ",");
                first = false;
                string(sb, String.valueOf(e.getKey()));
                sb.append(':');
                write(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                sb.append(i == 0 ? "" : ",");
                write(sb, l.get(i));
            }
            sb.append(']');
        } else {
            throw new IllegalArgumentException("no JSON for " + v.getClass());
        }
    }

    /** A string as a JSON string literal, quotes included. */
    public static String string(String s) {
        StringBuilder sb = new StringBuilder();
        string(sb, s);
        return sb.toString();
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
