package dev.studybook.load;

import dev.studybook.io.ContentFolder;
import dev.studybook.model.IndexPage;
import dev.studybook.model.IndexPage.Item;
import dev.studybook.model.IndexPage.LinkItem;
import dev.studybook.model.Repository;
import dev.studybook.model.SitePages;
import dev.studybook.preprocess.FrontMatter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the hosts an index page links to that are the book's own web site: a README that lists its site's articles
 * instead of the Markdown files they are written in (geektutu/7days-golang: {@code https://geektutu.com/post/gee-day1.html}
 * for {@code gee-web/doc/gee-day1.md}; labuladong/fucking-algorithm: {@code [一个方法团灭 LeetCode 打家劫舍问题](https://labuladong.online/…)}
 * for {@code 动态规划系列/抢房子.md}, whose first heading it is). A link is a page of the book when the last segment of its
 * path (without {@code .html}, {@code index.html} or trailing slash) is the name of exactly one Markdown file of the
 * book, or when its text is the title (front matter title or first heading, compared without spaces, punctuation and
 * case) of exactly one. Each rule is judged per host, never per link, so that one link to another site's article of
 * a name the book happens to hold is not taken for a chapter: it holds for a host when it finds at least
 * {@value #SITE_PAGES} pages (or two, most of the host's pages) that the index does not already link as files.
 */
final class SiteLinks {

    /** A rule makes a host the book's site when it finds this many of the book's pages among the host's links. */
    static final int SITE_PAGES = 3;

    /** Hosts of code and files, never a book's site: their links are files of repositories (LinkTarget's). */
    static final Set<String> CODE_HOSTS = Set.of("github.com", "gist.github.com", "raw.githubusercontent.com",
            "gitlab.com", "gitee.com", "bitbucket.org", "codeberg.org", "sourceforge.net", "git.sr.ht",
            "cdn.jsdelivr.net", "gitcode.com", "gitcode.net", "coding.net");

    /** How many Markdown files are looked at, how deep, and how much of each is read for its title. */
    static final int MAX_FILES = 20_000;
    static final int MAX_TITLE_FILES = 5_000;
    static final int TITLE_BYTES = 32 * 1024;
    static final int TITLE_LINES = 400;

    /** What was found: the site's pages, and the warning saying which links became chapters. */
    record Found(SitePages site, String message, int line) {
    }

    private SiteLinks() {
    }

    /** One link of the index page to a host that is not a code host. */
    private record Link(LinkItem item, SiteAddress address) {
    }

    /**
     * The hosts of {@code page} (the index page {@code indexFile}) that are the book's site, and their pages;
     * {@code linkedFiles} are the Markdown files the page links as files, which prove nothing of a site.
     */
    static Optional<Found> find(ContentFolder content, Path indexFile, IndexPage page, Optional<Repository> repository,
            Set<Path> linkedFiles) {
        Map<String, List<Link>> byHost = new LinkedHashMap<>();
        for (Item i : page.items()) {
            if (!(i instanceof LinkItem l) || l.imageOnly() || l.url().isBlank() || LinkRoles.contents(l)
                    || LinkRoles.navigation(l) || LinkTarget.parse(l.url(), repository).isPresent()) {
                continue;
            }
            Optional<SiteAddress> a = SiteAddress.of(l.url());
            if (a.isEmpty() || CODE_HOSTS.contains(a.get().host()) || a.get().host().endsWith(".github.com")) {
                continue;
            }
            byHost.computeIfAbsent(a.get().host(), h -> new ArrayList<>()).add(new Link(l, a.get()));
        }
        // One link alone never makes a site.
        byHost.values().removeIf(links -> links.stream().map(k -> k.address().key()).distinct().count() < 2);
        if (byHost.isEmpty()) {
            return Optional.empty();
        }
        Pages pages = Pages.of(content, indexFile);
        if (pages.files.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Path> mapped = new LinkedHashMap<>();
        Set<String> stemHosts = new TreeSet<>();
        Set<String> web = new HashSet<>();
        List<String> said = new ArrayList<>();
        int line = 0;
        for (Map.Entry<String, List<Link>> host : byHost.entrySet()) {
            List<Link> links = host.getValue();
            Set<String> keys = new LinkedHashSet<>();
            links.forEach(k -> keys.add(k.address().key()));
            // A text or a name that several addresses share names none of them.
            Map<String, Set<String>> keysByText = new HashMap<>();
            Map<String, Set<String>> keysByStem = new HashMap<>();
            for (Link k : links) {
                keysByText.computeIfAbsent(normalize(k.item().text()), t -> new HashSet<>()).add(k.address().key());
                keysByStem.computeIfAbsent(k.address().stem(), t -> new HashSet<>()).add(k.address().key());
            }
            Map<String, Path> byText = new LinkedHashMap<>();
            Map<String, Path> byStem = new LinkedHashMap<>();
            for (Link k : links) {
                String key = k.address().key();
                String text = normalize(k.item().text());
                if (text.codePointCount(0, text.length()) >= 2 && keysByText.get(text).size() == 1) {
                    pages.byTitle(text).ifPresent(f -> byText.putIfAbsent(key, f));
                }
                String stem = k.address().stem();
                if (!stem.isEmpty() && keysByStem.get(stem).size() == 1) {
                    pages.byStem(stem).ifPresent(f -> byStem.putIfAbsent(key, f));
                }
            }
            dropShared(byText);
            // A page its title names is not another address's by name (labuladong: "…/problem-set/bst1/", a set of
            // exercises, is not BST1.md, which the article's own link names by its title).
            Set<Path> titled = new HashSet<>(byText.values());
            byStem.entrySet().removeIf(e -> titled.contains(e.getValue()) && !e.getValue().equals(byText.get(e.getKey())));
            dropShared(byStem);
            boolean text = holds(byText, linkedFiles, keys.size());
            boolean stem = holds(byStem, linkedFiles, keys.size());
            if (!text && !stem) {
                continue;
            }
            Set<Path> files = new HashSet<>();
            int linkCount = 0;
            int mappedLinks = 0;
            for (Link k : links) {
                String key = k.address().key();
                Path f = text && byText.containsKey(key) ? byText.get(key) : stem ? byStem.get(key) : null;
                linkCount++;
                if (f == null) {
                    web.add(key);
                } else {
                    mappedLinks++;
                    mapped.putIfAbsent(key, f);
                    files.add(f);
                    if (line == 0) {
                        line = k.item().line();
                    }
                }
            }
            if (stem) {
                stemHosts.add(host.getKey());
            }
            said.add(mappedLinks + " of the " + linkCount + " links to " + host.getKey() + " (" + files.size() + " pages, found by "
                    + (text && stem ? "their titles and file names" : text ? "their text, a page's title"
                            : "their address, a file's name") + ")");
        }
        if (mapped.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Path> stems = new HashMap<>(stemHosts.isEmpty() ? Map.of() : pages.uniqueStems());
        // A page found under an address of another name is not the page its file's name would give (labuladong: the
        // article BST1.md is ".../bst-part1/"; ".../problem-set/bst1/" is a set of exercises).
        Set<Path> otherNames = new HashSet<>();
        mapped.forEach((key, f) -> {
            String n = f.getFileName().toString();
            if (!key.substring(key.lastIndexOf('/') + 1).equalsIgnoreCase(n.substring(0, n.lastIndexOf('.')))) {
                otherNames.add(f);
            }
        });
        stems.values().removeIf(otherNames::contains);
        web.removeAll(mapped.keySet());
        String message = "the index page links to the book's own web site instead of its Markdown files: "
                + String.join("; ", said) + " are pages of the book, whose files are chapters in the index page's"
                + " order; the other links stay on the web (link the files, e.g. [Title](path/page.md), to choose)";
        return Optional.of(new Found(new SitePages(mapped, stemHosts, stems, web), message, line));
    }

    /** Drops the files two addresses lead to: neither is known to be the page. */
    private static void dropShared(Map<String, Path> byKey) {
        Map<Path, Integer> count = new HashMap<>();
        byKey.values().forEach(f -> count.merge(f, 1, Integer::sum));
        byKey.values().removeIf(f -> count.get(f) > 1);
    }

    /**
     * True when a rule's pages prove the host the book's site: {@value #SITE_PAGES} files the index does not link
     * as files, or two that are most of the host's addresses.
     */
    private static boolean holds(Map<String, Path> byKey, Set<Path> linkedFiles, int addresses) {
        long fresh = byKey.values().stream().filter(f -> !linkedFiles.contains(f)).distinct().count();
        return fresh >= SITE_PAGES || fresh >= 2 && 2 * fresh > addresses;
    }

    /** A title or link text as compared: NFKC, lower case, letters and digits only. */
    static String normalize(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(t.length());
        t.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** The book's Markdown files (not the index page, not a repository's upkeep nor a translation), by name and title. */
    private static final class Pages {
        final List<Path> files;
        final Map<String, List<Path>> stems = new HashMap<>();
        private Map<String, Set<Path>> titles;

        private Pages(List<Path> files) {
            this.files = files;
            for (Path f : files) {
                String n = f.getFileName().toString();
                stems.computeIfAbsent(n.substring(0, n.lastIndexOf('.')).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(f);
            }
        }

        static Pages of(ContentFolder content, Path indexFile) {
            Path root = content.root();
            Path index = indexFile.toAbsolutePath().normalize();
            List<Path> out = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(root, SiteSummary.MAX_DEPTH)) {
                walk.filter(p -> OutlineReader.isMarkdown(p) && !p.equals(index))
                        .filter(p -> {
                            String r = root.relativize(p).toString().replace('\\', '/');
                            return !r.startsWith(".") && !r.contains("/.") && !r.startsWith("node_modules/")
                                    && !r.contains("/node_modules/") && !LinkRoles.translation(r) && !LinkRoles.housekeeping(r);
                        })
                        .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && content.contains(p))
                        .limit(MAX_FILES)
                        .forEach(p -> out.add(p.toAbsolutePath().normalize()));
            } catch (IOException | UncheckedIOException e) {
                // A folder that cannot be listed holds no page of the site.
            }
            out.sort(null);
            return new Pages(List.copyOf(out));
        }

        Optional<Path> byStem(String stem) {
            List<Path> l = stems.getOrDefault(stem, List.of());
            return l.size() == 1 ? Optional.of(l.get(0)) : Optional.empty();
        }

        /** The chapters' names that no other Markdown file has, lower case. */
        Map<String, Path> uniqueStems() {
            Map<String, Path> out = new HashMap<>();
            stems.forEach((k, v) -> {
                if (v.size() == 1) {
                    out.put(k, v.get(0));
                }
            });
            return out;
        }

        Optional<Path> byTitle(String normalized) {
            if (titles == null) {
                titles = new HashMap<>();
                for (Path f : files.subList(0, Math.min(files.size(), MAX_TITLE_FILES))) {
                    for (String t : titles(f)) {
                        titles.computeIfAbsent(normalize(t), k -> new LinkedHashSet<>()).add(f);
                    }
                }
            }
            Set<Path> s = titles.getOrDefault(normalized, Set.of());
            return s.size() == 1 ? Optional.of(s.iterator().next()) : Optional.empty();
        }
    }

    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");

    /** A page's titles: its front matter title, and its first level-1 heading (else its first heading). */
    static List<String> titles(Path file) {
        String text;
        try (var in = Files.newInputStream(file)) {
            // The top of the page holds its front matter and title; a chapter is read whole, and checked, later.
            byte[] head = in.readNBytes(TITLE_BYTES);
            text = new String(head, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "").replace("\r\n", "\n");
        } catch (IOException | RuntimeException e) {
            // Unreadable: it is no page of the site (the loader reports it if it is a chapter).
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Map<String, String> fm = new HashMap<>();
        text = FrontMatter.hide(text, fm);
        String title = fm.getOrDefault("title", "").strip();
        if (!title.isEmpty()) {
            out.add(title);
        }
        String first = null;
        boolean fence = false;
        String previous = "";
        String[] lines = text.split("\n", TITLE_LINES + 1);
        for (int i = 0; i < Math.min(lines.length, TITLE_LINES); i++) {
            String l = lines[i];
            if (FENCE.matcher(l).find()) {
                fence = !fence;
            } else if (!fence) {
                Matcher m = ATX.matcher(l);
                String heading = null;
                int level = 0;
                if (m.matches()) {
                    heading = m.group(2);
                    level = m.group(1).length();
                } else if (l.matches(" {0,3}=+[ \\t]*") && !previous.isBlank()) {
                    heading = previous.strip();
                    level = 1;
                }
                if (heading != null) {
                    heading = INLINE_LINK.matcher(heading).replaceAll("$1").replaceAll("<[^>]*>", "");
                    if (level == 1) {
                        out.add(heading);
                        return out;
                    }
                    if (first == null) {
                        first = heading;
                    }
                }
            }
            previous = fence ? "" : l;
        }
        if (first != null) {
            out.add(first);
        }
        return out;
    }
}
