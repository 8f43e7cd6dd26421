package dev.studybook.model;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pages of the book's own web site that are Markdown files of the book: a README that links to its site's
 * articles instead of the files they are written in (geektutu/7days-golang lists
 * {@code https://geektutu.com/post/gee-day1.html}, written in {@code gee-web/doc/gee-day1.md}) has them as its
 * chapters, and a chapter's link to one of them leads into the book. Addresses are keys {@code host/path} as the
 * loader's {@code SiteAddress} writes them.
 *
 * @param pages     the files by address: the links of the index page found to be the book's pages
 * @param stemHosts the hosts whose pages are named after their files (the last segment of a page's path, without
 *                  {@code .html}, is the file's name without {@code .md})
 * @param stems     for those hosts' other addresses: the book's chapters by lower-case file name without extension,
 *                  each a name no other Markdown file of the book has, and none a page above found under another name
 * @param web       the addresses of those hosts the index page links that were found to be no page of the book
 */
public record SitePages(Map<String, Path> pages, Set<String> stemHosts, Map<String, Path> stems, Set<String> web) {

    /** No site: every web address stays on the web. */
    public static final SitePages NONE = new SitePages(Map.of(), Set.of(), Map.of(), Set.of());

    public SitePages {
        pages = Map.copyOf(pages);
        stemHosts = Set.copyOf(stemHosts);
        stems = Map.copyOf(stems);
        web = Set.copyOf(web);
    }

    /** The same pages, the stems' files only those {@code keep} accepts (the chapters). */
    public SitePages withStems(java.util.function.Predicate<Path> keep) {
        Map<String, Path> kept = new java.util.HashMap<>(stems);
        kept.values().removeIf(keep.negate());
        return new SitePages(pages, stemHosts, kept, web);
    }

    /** True when no address leads into the book. */
    public boolean isEmpty() {
        return pages.isEmpty() && stems.isEmpty();
    }

    /** The file of the page at {@code key} of {@code host}, else of the page named {@code stem} on a stem host. */
    public Optional<Path> page(String host, String key, String stem) {
        Path p = pages.get(key);
        if (p == null && !stem.isEmpty() && stemHosts.contains(host) && !web.contains(key)) {
            p = stems.get(stem);
        }
        return Optional.ofNullable(p);
    }
}
