package dev.studybook.load;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A link or image target that points into the book's own files, as written in Markdown: a relative path, a
 * root-absolute path, or an absolute GitHub {@code blob/}, {@code raw/} or raw.githubusercontent.com URL,
 * percent-decoded, with its {@code #fragment} split off and any {@code ?query} (such as {@code ?raw=true})
 * dropped.
 *
 * @param path     the decoded path with '/' separators, relative unless {@code kind} says otherwise
 * @param fragment the decoded fragment without '#', or empty
 * @param kind     how {@code path} is to be resolved
 */
public record LinkTarget(String path, String fragment, Kind kind) {

    /** How a target's path relates to the content folder. */
    public enum Kind {
        /** Relative to the folder of the file that holds the link. */
        RELATIVE,
        /** Relative to the content folder (the path started with '/'). */
        ROOT,
        /** A path inside a GitHub repository; some trailing part of it lies in the content folder. */
        REPOSITORY
    }

    /**
     * Parses a target; empty for external URLs (another site, {@code mailto:}, {@code javascript:}) and
     * for an empty target.
     */
    public static Optional<LinkTarget> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Kind kind = Kind.RELATIVE;
        if (hasScheme(s)) {
            Optional<String> repoPath = githubPath(s);
            if (repoPath.isEmpty()) {
                return Optional.empty();
            }
            s = repoPath.get();
            kind = Kind.REPOSITORY;
        } else if (s.startsWith("//")) {
            return Optional.empty();
        }
        String fragment = "";
        int hash = s.indexOf('#');
        if (hash >= 0) {
            fragment = percentDecode(s.substring(hash + 1));
            s = s.substring(0, hash);
        }
        int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(0, q);
        }
        String path = percentDecode(s).replace('\\', '/');
        if (kind == Kind.RELATIVE && path.startsWith("/")) {
            kind = Kind.ROOT;
            path = path.replaceFirst("^/+", "");
        }
        return Optional.of(new LinkTarget(path, fragment, kind));
    }

    /** True for a target that is only a fragment, such as {@code #section}. */
    public boolean isFragmentOnly() {
        return path.isEmpty() && kind == Kind.RELATIVE;
    }

    /** True when the path names a Markdown file. */
    public boolean isMarkdown() {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".md") || p.endsWith(".markdown") || p.endsWith(".mdown") || p.endsWith(".mkd");
    }

    private static boolean hasScheme(String s) {
        int colon = s.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
            if (!ok) {
                return false;
            }
        }
        // A Windows drive letter such as C:\ is not a scheme, but it is not a path inside the book either.
        return true;
    }

    /**
     * For {@code https://github.com/o/r/blob/ref/path}, {@code …/raw/ref/path}, {@code …/tree/ref/path} and
     * {@code https://raw.githubusercontent.com/o/r/ref/path}: the path inside the repository (still
     * encoded, with any query and fragment).
     */
    private static Optional<String> githubPath(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://github.com/") || lower.startsWith("http://github.com/")
                || lower.startsWith("https://www.github.com/")) {
            String rest = url.substring(lower.indexOf("github.com/") + "github.com/".length());
            // owner / repo / blob|raw|tree / ref / path
            String[] parts = rest.split("/", 5);
            if (parts.length < 5 || !(parts[2].equals("blob") || parts[2].equals("raw") || parts[2].equals("tree"))) {
                return Optional.empty();
            }
            return Optional.of(parts[4]);
        } else if (lower.startsWith("https://raw.githubusercontent.com/")) {
            String rest = url.substring("https://raw.githubusercontent.com/".length());
            // owner / repo / ref / path
            String[] parts = rest.split("/", 4);
            if (parts.length < 4) {
                return Optional.empty();
            }
            return Optional.of(parts[3]);
        }
        return Optional.empty();
    }

    /** Decodes %XX sequences as UTF-8; unlike URLDecoder it leaves '+' alone and keeps malformed escapes. */
    public static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 3;
                continue;
            }
            if (bytes.size() > 0) {
                out.append(bytes.toString(StandardCharsets.UTF_8));
                bytes.reset();
            }
            out.append(c);
            i++;
        }
        if (bytes.size() > 0) {
            out.append(bytes.toString(StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
