package dev.studybook.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Takes out of a stylesheet (the author's {@code css:} files, a raw HTML {@code style} attribute) everything that
 * would make a reader fetch a file from elsewhere: {@code @import}, and every declaration with a remote or
 * {@code file:} address ({@code url(http://…)}, {@code image-set('http://…')}, {@code @font-face src}), also when
 * written with CSS escapes ({@code u\72l(…)}, {@code \68ttp:}). An {@code @font-face} left without {@code src} goes
 * too. Everything else is kept as written.
 */
public final class CssReferences {

    /** An address with a scheme (http:, https:, file:, ftp:, …) or a network path (//host), but not data:. */
    private static final Pattern OUTSIDE = Pattern.compile(
            "url\\(\\s*['\"]?\\s*(//|(?!data:)[a-z][a-z0-9+.-]*:)|['\"]\\s*(//|(https?|file|ftps?|wss?):)"
            + "|(^|[^a-z-])(image-set|image|cross-fade|src)\\(\\s*[^'\")\\s]*:");

    private CssReferences() {
    }

    /** The stylesheet without outside references, and how many rules were taken out. */
    public record Result(String css, int removed) {
    }

    /** Cleans a whole stylesheet. */
    public static Result sanitize(String css) {
        int[] removed = {0};
        String out = rules(css, removed);
        return new Result(out, removed[0]);
    }

    /** Cleans the declarations of a {@code style} attribute. */
    public static Result declarations(String style) {
        int[] removed = {0};
        String out = declarations(style, removed);
        return new Result(out, removed[0]);
    }

    /** True when {@code text} (a declaration or rule, escapes resolved) refers to something outside. */
    public static boolean outside(String text) {
        String t = unescape(stripComments(text)).toLowerCase(Locale.ROOT);
        return OUTSIDE.matcher(t).find() || t.contains("@import");
    }

    private static String rules(String css, int[] removed) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = css.length();
        while (i < n) {
            int end = scan(css, i, true);
            if (end >= n || css.charAt(end) == ';') {
                String statement = css.substring(i, Math.min(n, end + 1));
                String head = unescape(stripComments(statement)).strip().toLowerCase(Locale.ROOT);
                if (head.startsWith("@import") || (head.startsWith("@") && outside(statement))) {
                    removed[0]++;
                } else {
                    out.append(statement);
                }
                i = end + 1;
                continue;
            }
            if (css.charAt(end) == '}') {
                // A stray closing brace: kept, as a browser would skip it.
                out.append(css, i, end + 1);
                i = end + 1;
                continue;
            }
            String prelude = css.substring(i, end);
            int close = matching(css, end);
            String body = css.substring(end + 1, Math.min(n, close));
            String head = unescape(stripComments(prelude)).strip().toLowerCase(Locale.ROOT);
            String cleaned;
            if (head.startsWith("@media") || head.startsWith("@supports") || head.startsWith("@layer")
                    || head.startsWith("@document") || head.startsWith("@container")) {
                cleaned = rules(body, removed);
            } else {
                cleaned = declarations(body, removed);
                if (head.startsWith("@font-face") && !unescape(stripComments(cleaned)).toLowerCase(Locale.ROOT)
                        .matches("(?s).*(^|[;\\s])src\\s*:.*")) {
                    removed[0]++;
                    i = close + 1;
                    continue;
                }
            }
            if (outside(prelude)) {
                removed[0]++;
            } else {
                out.append(prelude).append('{').append(cleaned).append('}');
            }
            i = close + 1;
        }
        return out.toString();
    }

    private static String declarations(String body, int[] removed) {
        List<String> kept = new ArrayList<>();
        int i = 0;
        while (i < body.length()) {
            int end = scan(body, i, false);
            String d = body.substring(i, Math.min(body.length(), end));
            if (outside(d)) {
                removed[0]++;
            } else {
                kept.add(d);
            }
            i = end + 1;
        }
        return String.join(";", kept);
    }

    /** The index of the next ';' (or '{' and '}' when {@code braces}) outside strings, comments and parentheses. */
    private static int scan(String s, int from, boolean braces) {
        int depth = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                int e = s.indexOf("*/", i + 2);
                i = e < 0 ? s.length() : e + 1;
            } else if (c == '"' || c == '\'') {
                i = endOfString(s, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0 && (c == ';' || braces && (c == '{' || c == '}'))) {
                return i;
            }
        }
        return s.length();
    }

    /** The index of the '}' closing the block opened at {@code open}. */
    private static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                int e = s.indexOf("*/", i + 2);
                i = e < 0 ? s.length() : e + 1;
            } else if (c == '"' || c == '\'') {
                i = endOfString(s, i);
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return s.length();
    }

    private static int endOfString(String s, int start) {
        char q = s.charAt(start);
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == q || c == '\n') {
                return i;
            }
        }
        return s.length();
    }

    private static String stripComments(String s) {
        return s.replaceAll("(?s)/\\*.*?(\\*/|$)", " ");
    }

    /** Resolves CSS escapes: {@code \75} and {@code \000075 } are 'u', {@code \:} is ':'; a backslash before a line break goes. */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                sb.append(c);
                continue;
            }
            int j = i + 1;
            while (j < s.length() && j - i <= 6 && Character.digit(s.charAt(j), 16) >= 0) {
                j++;
            }
            if (j > i + 1) {
                int cp = Integer.parseInt(s.substring(i + 1, j), 16);
                sb.appendCodePoint(cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ? 0xFFFD : cp);
                if (j < s.length() && Character.isWhitespace(s.charAt(j))) {
                    j++;
                }
                i = j - 1;
            } else {
                char next = s.charAt(i + 1);
                if (next != '\n') {
                    sb.append(next);
                }
                i++;
            }
        }
        return sb.toString();
    }
}
