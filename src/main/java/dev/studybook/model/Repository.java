package dev.studybook.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GitHub repository a book comes from: only its own URLs (blob, tree, raw, raw.githubusercontent.com,
 * jsDelivr, its GitHub Pages site) lead to the book's local files, and files that are not part of the book are
 * linked on the web at {@link #webUrl}.
 *
 * @param owner  the owner as written, e.g. {@code rust-lang}
 * @param name   the repository's name, e.g. {@code book}
 * @param ref    the branch or tag the web links name, {@code HEAD} (the default branch) when not known
 * @param hosts  further host names that serve the repository's files as a site (a GitHub Pages custom domain)
 */
public record Repository(String owner, String name, String ref, List<String> hosts) {

    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}");
    private static final Pattern URL = Pattern.compile(
            "(?i)^(?:git\\+)?(?:https?://|ssh://git@|git://|git@)(?:www\\.)?github\\.com[:/]([A-Za-z0-9-]{1,39})/([A-Za-z0-9._-]{1,100}?)(?:\\.git)?/?(?:[#?].*)?$");

    public Repository {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        ref = ref == null || ref.isBlank() ? "HEAD" : ref;
        hosts = List.copyOf(hosts);
    }

    /**
     * The repository an {@code owner/name} slug or a GitHub URL names ({@code https://github.com/o/r},
     * {@code git@github.com:o/r.git}, …); empty for anything else.
     */
    public static Optional<Repository> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (SLUG.matcher(s).matches()) {
            String[] p = s.split("/");
            return Optional.of(new Repository(p[0], strip(p[1]), "HEAD", List.of()));
        }
        Matcher m = URL.matcher(s);
        if (m.matches()) {
            return Optional.of(new Repository(m.group(1), strip(m.group(2)), "HEAD", List.of()));
        }
        return Optional.empty();
    }

    private static String strip(String name) {
        return name.endsWith(".git") ? name.substring(0, name.length() - 4) : name;
    }

    /** True when {@code owner/name} (as a URL names them, in any case) is this repository. */
    public boolean is(String otherOwner, String otherName) {
        return owner.equalsIgnoreCase(otherOwner) && strip(name).equalsIgnoreCase(strip(otherName));
    }

    /** The GitHub Pages host of the repository's owner, e.g. {@code rust-lang.github.io}. */
    public String pagesHost() {
        return owner.toLowerCase(Locale.ROOT) + ".github.io";
    }

    /** The same repository with web links naming {@code newRef}. */
    public Repository withRef(String newRef) {
        return new Repository(owner, name, newRef, hosts);
    }

    /** The same repository also served at {@code host} (a GitHub Pages custom domain). */
    public Repository withHost(String host) {
        List<String> h = new java.util.ArrayList<>(hosts);
        h.add(host.toLowerCase(Locale.ROOT));
        return new Repository(owner, name, ref, h);
    }

    /** The page on github.com that shows the file or folder at {@code path} (relative to the repository's root). */
    public String webUrl(String path, boolean folder) {
        StringBuilder sb = new StringBuilder("https://github.com/").append(owner).append('/').append(name)
                .append(folder ? "/tree/" : "/blob/").append(ref);
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                sb.append('/').append(encode(segment));
            }
        }
        return sb.toString();
    }

    /** {@code owner/name}. */
    public String slug() {
        return owner + "/" + name;
    }

    /** Percent-encodes what a URL path segment may not hold as it is (spaces, non-ASCII, reserved characters). */
    static String encode(String segment) {
        StringBuilder sb = new StringBuilder();
        for (byte b : segment.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }
}
