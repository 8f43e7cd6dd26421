package dev.studybook.load;

import java.util.Locale;
import dev.studybook.io.PercentEncoding;
import dev.studybook.model.Repository;
import java.util.Optional;

/**
 * A link or image target that points into the book's own files, as written in Markdown: a relative path, a
 * root-absolute path, or an absolute URL of a GitHub repository ({@code blob/}, {@code tree/}, {@code raw/},
 * raw.githubusercontent.com, jsDelivr's {@code /gh/owner/repo@ref/}, the repository's GitHub Pages site),
 * percent-decoded, with its {@code #fragment} split off and any {@code ?query} (such as {@code ?raw=true})
 * dropped.
 *
 * @param path     the decoded path with '/' separators, relative unless {@code kind} says otherwise
 * @param fragment the decoded fragment without '#', or empty
 * @param kind     how {@code path} is to be resolved
 * @param owner    for a repository URL, the owner it names; else empty
 * @param repo     for a repository URL, the repository it names; else empty
 */
public record LinkTarget(String path, String fragment, Kind kind, String owner, String repo) {

    /** How a target's path relates to the content folder. */
    public enum Kind {
        /** Relative to the folder of the file that holds the link. */
        RELATIVE,
        /** Relative to the content folder (the path started with '/'). */
        ROOT,
        /** A path inside a GitHub repository; some trailing part of it lies in the content folder. */
        REPOSITORY
    }

    public LinkTarget {
        owner = owner == null ? "" : owner;
        repo = repo == null ? "" : repo;
    }

    /** A target that is not a repository URL. */
    public LinkTarget(String path, String fragment, Kind kind) {
        this(path, fragment, kind, "", "");
    }

    /**
     * Parses a target as a book of {@code repository} reads it: URLs of that repository (and of its GitHub Pages
     * site) lead into the book, every other URL is external (empty), as is every URL when the repository is
     * not known.
     */
    public static Optional<LinkTarget> parse(String raw, Optional<Repository> repository) {
        Optional<LinkTarget> t = parse(raw);
        if (t.isPresent()) {
            if (t.get().kind() != Kind.REPOSITORY) {
                return t;
            }
            return repository.isPresent() && repository.get().is(t.get().owner(), t.get().repo()) ? t : Optional.empty();
        }
        return repository.flatMap(r -> pagesTarget(raw, r));
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
        String owner = "";
        String repo = "";
        if (hasScheme(s)) {
            Optional<String[]> repoPath = githubPath(s);
            if (repoPath.isEmpty()) {
                return Optional.empty();
            }
            owner = repoPath.get()[0];
            repo = repoPath.get()[1];
            s = repoPath.get()[2];
            kind = Kind.REPOSITORY;
        } else if (s.startsWith("//")) {
            return Optional.empty();
        }
        String fragment = "";
        int hash = s.indexOf('#');
        if (hash >= 0) {
            fragment = PercentEncoding.decode(s.substring(hash + 1));
            s = s.substring(0, hash);
        }
        int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(0, q);
        }
        String path = PercentEncoding.decode(s).replace('\\', '/');
        if (kind == Kind.RELATIVE && path.startsWith("/")) {
            kind = Kind.ROOT;
            path = path.replaceFirst("^/+", "");
        }
        return Optional.of(new LinkTarget(path, fragment, kind, owner, repo));
    }

    /** True for a target that is only a fragment, such as {@code #section}. */
    public boolean isFragmentOnly() {
        return path.isEmpty() && kind == Kind.RELATIVE;
    }

    /** True when the path names a Markdown file; MDX counts, as MdxSyntax turns it into Markdown. */
    public boolean isMarkdown() {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".md") || p.endsWith(".mdx") || p.endsWith(".markdown") || p.endsWith(".mdown") || p.endsWith(".mkd");
    }

    /** True when the path names a Jupyter notebook, which a chapter can be made of. */
    public boolean isNotebook() {
        return path.toLowerCase(Locale.ROOT).endsWith(".ipynb");
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
     * For {@code https://github.com/o/r/blob/ref/path}, {@code …/raw/ref/path}, {@code …/tree/ref/path},
     * {@code https://github.com/o/r} itself, {@code https://raw.githubusercontent.com/o/r/ref/path} and jsDelivr's
     * {@code https://cdn.jsdelivr.net/gh/o/r@ref/path} (or a mirror of it: any host serving {@code /gh/o/r@ref/}):
     * owner, repository and the path inside the repository (still encoded, with any query and fragment).
     */
    private static Optional<String[]> githubPath(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        int hostStart = lower.indexOf("://") + 3;
        if (!(lower.startsWith("https://") || lower.startsWith("http://"))) {
            return Optional.empty();
        }
        int slash = lower.indexOf('/', hostStart);
        String host = slash < 0 ? lower.substring(hostStart) : lower.substring(hostStart, slash);
        String rest = slash < 0 ? "" : url.substring(slash + 1);
        if (host.equals("github.com") || host.equals("www.github.com")) {
            // owner / repo / blob|raw|tree / ref / path, or owner / repo alone (its front page: the README)
            String[] parts = rest.split("/", 5);
            if (parts.length == 2 || (parts.length == 3 && parts[2].isEmpty())) {
                String name = parts[1].replaceFirst("[?#].*$", "");
                return name.isEmpty() ? Optional.empty() : Optional.of(new String[] {parts[0], name, ""});
            }
            if (parts.length == 4 && parts[2].equals("tree")) {
                return Optional.of(new String[] {parts[0], parts[1], ""});
            }
            if (parts.length < 5 || !(parts[2].equals("blob") || parts[2].equals("raw") || parts[2].equals("tree"))) {
                return Optional.empty();
            }
            return Optional.of(new String[] {parts[0], parts[1], parts[4]});
        } else if (host.equals("raw.githubusercontent.com")) {
            // owner / repo / ref / path
            String[] parts = rest.split("/", 4);
            if (parts.length < 4) {
                return Optional.empty();
            }
            return Optional.of(new String[] {parts[0], parts[1], parts[3]});
        } else if (rest.startsWith("gh/")) {
            // jsDelivr: gh / owner / repo@ref / path; its own hosts also serve gh / owner / repo / path
            String[] parts = rest.split("/", 4);
            if (parts.length < 4) {
                return Optional.empty();
            }
            int at = parts[2].indexOf('@');
            if (at < 0 && !host.endsWith("jsdelivr.net")) {
                return Optional.empty();
            }
            return Optional.of(new String[] {parts[1], at < 0 ? parts[2] : parts[2].substring(0, at), parts[3]});
        }
        return Optional.empty();
    }

    /**
     * A URL of the repository's GitHub Pages site ({@code https://owner.github.io/name/path}) or of a custom domain
     * it is served at: the path on the site, taken as a path in the repository. docsify's {@code #/route} is the path
     * of the page.
     */
    private static Optional<LinkTarget> pagesTarget(String raw, Repository repository) {
        String s = raw.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("https://") || lower.startsWith("http://"))) {
            return Optional.empty();
        }
        int hostStart = lower.indexOf("://") + 3;
        int slash = lower.indexOf('/', hostStart);
        String host = slash < 0 ? lower.substring(hostStart) : lower.substring(hostStart, slash);
        String rest = slash < 0 ? "" : s.substring(slash + 1);
        if (host.equals(repository.pagesHost())) {
            String first = rest.split("[/?#]", 2)[0];
            if (!first.equalsIgnoreCase(repository.name())) {
                // owner.github.io/ is the owner's own site, another repository
                return Optional.empty();
            }
            rest = rest.substring(first.length()).replaceFirst("^/", "");
        } else if (!repository.hosts().contains(host)) {
            return Optional.empty();
        }
        String route = "";
        int hash = rest.indexOf("#/");
        if (hash >= 0) {
            route = rest.substring(hash + 2);
            rest = rest.substring(0, hash);
        }
        Optional<LinkTarget> t = parse(route.isEmpty() ? (rest.isEmpty() ? "README.md" : rest) : route);
        return t.map(x -> new LinkTarget(x.path(), x.fragment(), Kind.REPOSITORY, repository.owner(), repository.name()));
    }

}
