package dev.studybook.xhtml;

import dev.studybook.markdown.Cjk;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the URLs a chapter links to valid, as EPUBCheck and reading systems parse them (WHATWG URLs): spaces and
 * other characters a URL may not hold are percent-encoded, a title the author wrote in curly quotes after the URL
 * is taken off, Markdown escapes that stayed in are removed; what still is no URL (a bare {@code http://}, a
 * port that is not a number, a host with spaces) is refused, and the caller shows the link as text.
 */
final class Urls {

    private Urls() {
    }

    /** A title written after the URL: {@code http://x.com “title”}, {@code 'title'}, {@code (title)}. */
    private static final Pattern TITLE = Pattern.compile("^(\\S+)\\s+[\"'“‘(（「].*$");
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):(.*)$", Pattern.DOTALL);
    private static final Pattern HOST = Pattern.compile("^(?:[\\p{L}\\p{N}\\p{M}._~-]+|\\[[0-9A-Fa-f:.]+\\])$");

    /** The URL made valid, or empty when it cannot be. */
    static Optional<String> valid(String url) {
        String u = url.strip();
        Matcher t = TITLE.matcher(u);
        if (t.matches() && !u.startsWith("mailto:")) {
            u = t.group(1);
        }
        u = unescape(u);
        u = encode(u);
        Matcher m = SCHEME.matcher(u);
        if (!m.matches()) {
            return u.isEmpty() ? Optional.empty() : Optional.of(u);
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        String rest = m.group(2);
        if (scheme.equals("http") || scheme.equals("https") || scheme.equals("ftp") || scheme.equals("ws")
                || scheme.equals("wss")) {
            if (!rest.startsWith("//")) {
                return Optional.empty();
            }
            String authority = rest.substring(2).split("[/?#]", 2)[0];
            int at = authority.lastIndexOf('@');
            String hostPort = at >= 0 ? authority.substring(at + 1) : authority;
            String host = hostPort;
            int colon = hostPort.lastIndexOf(':');
            if (colon >= 0 && !hostPort.endsWith("]")) {
                String port = hostPort.substring(colon + 1);
                if (!port.matches("\\d{0,5}") || (!port.isEmpty() && Integer.parseInt(port) > 65535)) {
                    return Optional.empty();
                }
                host = hostPort.substring(0, colon);
            }
            if (host.isEmpty() || !HOST.matcher(host).matches() || host.startsWith(".") || host.contains("..")) {
                return Optional.empty();
            }
            return Optional.of(u);
        }
        if (scheme.equals("mailto")) {
            return rest.contains("@") ? Optional.of(u) : Optional.empty();
        }
        return rest.isEmpty() ? Optional.empty() : Optional.of(u);
    }

    /** Markdown's backslash escapes before ASCII punctuation, which GitHub drops and a URL cannot hold. */
    static String unescape(String u) {
        if (u.indexOf('\\') < 0) {
            return u;
        }
        StringBuilder b = new StringBuilder(u.length());
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (c == '\\' && i + 1 < u.length() && isAsciiPunctuation(u.charAt(i + 1))) {
                continue;
            }
            b.append(c == '\\' ? '/' : c);
        }
        return b.toString();
    }

    private static boolean isAsciiPunctuation(char c) {
        return c < 128 && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0;
    }

    /**
     * Percent-encodes what a URL may not hold as it is: spaces, controls, quotes, angle brackets, a second '#' and
     * the like.
     */
    static String encode(String u) {
        StringBuilder b = null;
        // Square brackets are allowed only around an IPv6 host: from the path on they are encoded.
        int authority = u.indexOf("://");
        int pathStart = authority < 0 ? 0 : indexOfAny(u, "/?#", authority + 3);
        // A fragment may not hold '#': a docsify route with an anchor (http://es6.ruanyifeng.com/#docs/async#x,
        // ruanyf/weekly) failed EPUBCheck (RSC-020, "Illegal character in fragment").
        int fragment = u.indexOf('#');
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            boolean bad = ((c == '[' || c == ']') && i >= pathStart) || c <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '`' || c == '{' || c == '}'
                    || c == '|' || c == '^' || (c == '%' && !percentEscape(u, i)) || Character.isWhitespace(c)
                    || c == '\u3000' || (c == '#' && fragment >= 0 && i > fragment);
            if (bad) {
                if (b == null) {
                    b = new StringBuilder(u.length() + 16).append(u, 0, i);
                }
                for (byte x : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    b.append('%').append(String.format("%02X", x & 0xff));
                }
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? u : b.toString();
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    private static boolean percentEscape(String u, int i) {
        return i + 2 < u.length() && isHex(u.charAt(i + 1)) && isHex(u.charAt(i + 2));
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * Where a URL found in prose ends: before the first Chinese, Japanese or full-width character
     * ({@code http://localhost:8080。}, {@code http://www.qq.com域名}), which is never part of an autolink.
     */
    static int autolinkEnd(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Cjk.isWide(cp) || cp == 0x3000 || Character.getType(cp) == Character.OTHER_SYMBOL && cp > 0x2000) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return text.length();
    }
}
