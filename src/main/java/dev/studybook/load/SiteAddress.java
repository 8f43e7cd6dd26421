package dev.studybook.load;

import java.util.Locale;
import java.util.Optional;

/**
 * A web page's address as its site serves it, whatever way a link spells it: {@code http} or {@code https}, with or
 * without {@code www.}, a port, a trailing slash, {@code index.html} or {@code .html}; the query dropped.
 *
 * @param host     the host name, lower case, without {@code www.} and port
 * @param path     the decoded path without leading and trailing slashes, {@code index.html} and {@code .html}
 * @param fragment the decoded fragment without '#', or empty
 */
record SiteAddress(String host, String path, String fragment) {

    /** The address of an {@code http} or {@code https} URL; empty for anything else. */
    static Optional<SiteAddress> of(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String s = url.strip();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        String lower = s.toLowerCase(Locale.ROOT);
        int start = lower.startsWith("https://") ? 8 : lower.startsWith("http://") ? 7 : -1;
        if (start < 0) {
            return Optional.empty();
        }
        String fragment = "";
        int hash = s.indexOf('#', start);
        if (hash >= 0) {
            fragment = dev.studybook.io.PercentEncoding.decode(s.substring(hash + 1));
            s = s.substring(0, hash);
        }
        int query = s.indexOf('?', start);
        if (query >= 0) {
            s = s.substring(0, query);
        }
        int slash = s.indexOf('/', start);
        String host = (slash < 0 ? s.substring(start) : s.substring(start, slash)).toLowerCase(Locale.ROOT);
        host = host.substring(host.lastIndexOf('@') + 1).replaceFirst(":\\d*$", "").replaceFirst("^www\\.", "")
                .replaceFirst("\\.$", "");
        if (host.isEmpty() || host.contains(" ")) {
            return Optional.empty();
        }
        String path = slash < 0 ? "" : dev.studybook.io.PercentEncoding.decode(s.substring(slash + 1));
        path = path.replaceAll("/{2,}", "/").replaceFirst("^/", "").replaceFirst("/$", "")
                .replaceFirst("(?i)(^|/)index\\.html?$", "").replaceFirst("(?i)\\.html?$", "");
        return Optional.of(new SiteAddress(host, path, fragment));
    }

    /** The address as a key: host and path. */
    String key() {
        return host + "/" + path;
    }

    /**
     * The last segment of the path in lower case, as a file's name without its extension; empty when there is none or
     * it names another kind of file ({@code logo.png}).
     */
    String stem() {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.contains(".") ? "" : last.toLowerCase(Locale.ROOT);
    }
}
