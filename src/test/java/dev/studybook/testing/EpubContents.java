package dev.studybook.testing;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * An EPUB read back for tests: its files, package document, spine, navigation tree, and where each of its
 * links and images leads.
 */
public final class EpubContents {

    /** One manifest item; {@code href} is relative to the package document's folder. */
    public record Item(String id, String href, String mediaType, String properties) {
    }

    /** One entry of the navigation document's table of contents: a part (no href) or a link. */
    public record NavNode(String label, String href, List<NavNode> children) {

        /** This node and every node below it, in document order. */
        public List<NavNode> all() {
            List<NavNode> out = new ArrayList<>();
            collect(this, out);
            return out;
        }

        private static void collect(NavNode n, List<NavNode> out) {
            out.add(n);
            n.children.forEach(c -> collect(c, out));
        }

        /** The labels of the entries that lead to a whole chapter (an href without a fragment), in order. */
        public List<String> chapterLabels() {
            return all().stream().filter(n -> n.href != null && !n.href.contains("#")).map(NavNode::label).toList();
        }

        /** The entry with this label, searched depth first. */
        public Optional<NavNode> find(String label) {
            return all().stream().filter(n -> n.label.equals(label)).findFirst();
        }

        /**
         * The label of the entry directly above the first entry labelled {@code label} ("" for the top
         * level), or empty when no entry has that label.
         */
        public Optional<String> parentOf(String label) {
            for (NavNode n : all()) {
                for (NavNode c : n.children) {
                    if (c.label.equals(label)) {
                        return Optional.of(n.label);
                    }
                }
            }
            return Optional.empty();
        }

        /** An indented outline of the tree, for failure messages. */
        public String outline() {
            StringBuilder sb = new StringBuilder();
            outline(this, sb, -1);
            return sb.toString();
        }

        private static void outline(NavNode n, StringBuilder sb, int depth) {
            if (depth >= 0) {
                sb.append("  ".repeat(depth)).append(n.label).append(n.href == null ? " (no link)" : " -> " + n.href)
                        .append('\n');
            }
            n.children.forEach(c -> outline(c, sb, depth + 1));
        }
    }

    /** Where a link or image of the book leads: the file (relative to the package folder) and the element. */
    public record Target(String file, Element element) {
    }

    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private final Map<String, Document> parsed = new LinkedHashMap<>();
    private final String base;
    private final Document opf;

    private EpubContents(Path epub) throws IOException {
        try (ZipFile zip = new ZipFile(epub.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (!e.isDirectory()) {
                    entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
                }
            }
        }
        Document container = xml(new String(entries.get("META-INF/container.xml"), StandardCharsets.UTF_8));
        String opfPath = container.selectFirst("rootfile").attr("full-path");
        base = opfPath.contains("/") ? opfPath.substring(0, opfPath.lastIndexOf('/') + 1) : "";
        opf = xml(new String(entries.get(opfPath), StandardCharsets.UTF_8));
    }

    /** The EPUB a build wrote into {@code out}: of its files whose names end in ".epub", the first by name. */
    public static Path written(Path out) throws IOException {
        try (var files = java.nio.file.Files.list(out)) {
            return files.filter(p -> p.toString().endsWith(".epub")).sorted().findFirst().orElseThrow();
        }
    }

    public static EpubContents read(Path epub) throws IOException {
        return new EpubContents(epub);
    }

    private static Document xml(String s) {
        Document d = Jsoup.parse(s, "", Parser.xmlParser());
        d.outputSettings().prettyPrint(false);
        return d;
    }

    /** Every file name in the container. */
    public List<String> entryNames() {
        return List.copyOf(entries.keySet());
    }

    /** The book's title, from the package document. */
    public String title() {
        Element t = opf.selectFirst("dc|title");
        return t == null ? "" : t.text();
    }

    public List<Item> manifest() {
        return opf.select("manifest > item").stream()
                .map(e -> new Item(e.attr("id"), e.attr("href"), e.attr("media-type"), e.attr("properties"))).toList();
    }

    /** The hrefs of the spine, in reading order. */
    public List<String> spine() {
        Map<String, String> byId = new LinkedHashMap<>();
        manifest().forEach(i -> byId.put(i.id(), i.href()));
        return opf.select("spine > itemref").stream().map(e -> byId.get(e.attr("idref"))).toList();
    }

    /** The spine without the cover, the title page and the navigation document: the chapters, in reading order. */
    public List<String> chapterFiles() {
        String nav = navFile();
        return spine().stream().filter(h -> !h.equals(nav) && !h.equals("titlepage.xhtml") && !h.equals("cover.xhtml")).toList();
    }

    /** The package document, parsed. */
    public Document opf() {
        return opf;
    }

    /** The raw bytes of a file, by its href relative to the package folder. */
    public byte[] bytes(String href) {
        byte[] b = entries.get(base + href);
        if (b == null) {
            throw new AssertionError("no file " + base + href + " in the EPUB; it holds " + entries.keySet());
        }
        return b;
    }

    public String text(String href) {
        return new String(bytes(href), StandardCharsets.UTF_8);
    }

    /** An XHTML file of the book, parsed. */
    public Document xhtml(String href) {
        return parsed.computeIfAbsent(href, h -> xml(text(h)));
    }

    /** The chapter whose {@code <title>} is {@code title}. */
    public String chapterFile(String title) {
        List<String> titles = new ArrayList<>();
        for (String f : chapterFiles()) {
            Element t = xhtml(f).selectFirst("head > title");
            String s = t == null ? "" : t.text();
            if (s.equals(title)) {
                return f;
            }
            titles.add(s);
        }
        throw new AssertionError("no chapter titled '" + title + "'; the chapters are " + titles);
    }

    /** The body of a chapter, by file. */
    public Element body(String href) {
        return xhtml(href).selectFirst("body");
    }

    public String navFile() {
        return manifest().stream().filter(i -> i.properties().contains("nav")).findFirst().orElseThrow().href();
    }

    /** The table of contents of the navigation document, as a tree under a root with an empty label. */
    public NavNode nav() {
        Element toc = xhtml(navFile()).select("nav").stream().filter(n -> n.attr("epub:type").equals("toc"))
                .findFirst().orElseThrow(() -> new AssertionError("the navigation document has no toc nav"));
        Element ol = toc.selectFirst("ol");
        return new NavNode("", null, ol == null ? List.of() : items(ol));
    }

    private static List<NavNode> items(Element ol) {
        List<NavNode> out = new ArrayList<>();
        for (Element li : ol.children()) {
            if (!li.normalName().equals("li")) {
                continue;
            }
            Element label = li.children().stream().filter(c -> c.normalName().equals("a") || c.normalName().equals("span"))
                    .findFirst().orElse(null);
            Element sub = li.children().stream().filter(c -> c.normalName().equals("ol")).findFirst().orElse(null);
            String href = label != null && label.normalName().equals("a") ? label.attr("href") : null;
            out.add(new NavNode(label == null ? "" : label.text(), href, sub == null ? List.of() : items(sub)));
        }
        return out;
    }

    /** True for an href or src with a URL scheme (a link that leaves the book). */
    public static boolean isExternal(String ref) {
        return ref.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*:.*");
    }

    /**
     * Where {@code ref}, written in {@code fromFile}, leads inside the book: empty when the file or the
     * fragment does not exist. Without a fragment the element is the target document's root.
     */
    public Optional<Target> resolve(String fromFile, String ref) {
        int hash = ref.indexOf('#');
        String path = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : decode(ref.substring(hash + 1));
        String file;
        if (path.isEmpty()) {
            file = fromFile;
        } else {
            String dir = fromFile.contains("/") ? fromFile.substring(0, fromFile.lastIndexOf('/') + 1) : "";
            file = normalize(dir + decode(path));
        }
        if (file == null || !entries.containsKey(base + file)) {
            return Optional.empty();
        }
        if (!file.endsWith(".xhtml") && !file.endsWith(".html") && !file.endsWith(".ncx")) {
            return fragment.isEmpty() ? Optional.of(new Target(file, null)) : Optional.empty();
        }
        Document d = xhtml(file);
        if (fragment.isEmpty()) {
            return Optional.of(new Target(file, d.root()));
        }
        Element byId = d.getElementsByAttributeValue("id", fragment).first();
        return byId == null ? Optional.empty() : Optional.of(new Target(file, byId));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String normalize(String path) {
        List<String> out = new ArrayList<>();
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (out.isEmpty()) {
                    return null;
                }
                out.remove(out.size() - 1);
            } else {
                out.add(seg);
            }
        }
        return String.join("/", out);
    }

    /** The XHTML files of the manifest. */
    public List<String> xhtmlFiles() {
        return manifest().stream().filter(i -> i.mediaType().equals("application/xhtml+xml")).map(Item::href).toList();
    }

    /**
     * Every reference inside the book that leads nowhere: manifest items without a file, and hrefs and srcs of
     * the XHTML files and the NCX whose file or fragment does not exist. "file: ref" each.
     */
    public List<String> danglingReferences() {
        List<String> out = new ArrayList<>();
        for (Item i : manifest()) {
            if (!entries.containsKey(base + i.href())) {
                out.add("content.opf: manifest item " + i.href());
            }
        }
        for (String f : xhtmlFiles()) {
            for (Element e : xhtml(f).getAllElements()) {
                for (String attr : List.of("href", "src", "xlink:href")) {
                    String v = e.attr(attr);
                    if (!e.hasAttr(attr) || isExternal(v)) {
                        continue;
                    }
                    if (resolve(f, v).isEmpty()) {
                        out.add(f + ": <" + e.normalName() + " " + attr + "=\"" + v + "\">" + e.text());
                    }
                }
            }
        }
        Item ncx = manifest().stream().filter(i -> i.mediaType().equals("application/x-dtbncx+xml")).findFirst().orElse(null);
        if (ncx != null) {
            Document d = xml(text(ncx.href()));
            for (Element c : d.select("content[src]")) {
                if (resolve(ncx.href(), c.attr("src")).isEmpty()) {
                    out.add(ncx.href() + ": <content src=\"" + c.attr("src") + "\">");
                }
            }
        }
        return out;
    }

    /** Links inside links, in any XHTML file: "file: outer text >> inner text". */
    public List<String> nestedLinks() {
        List<String> out = new ArrayList<>();
        for (String f : xhtmlFiles()) {
            for (Element inner : xhtml(f).select("a a")) {
                Element outer = inner.parents().stream().filter(p -> p.normalName().equals("a")).findFirst().orElseThrow();
                out.add(f + ": " + outer.outerHtml() + " >> " + inner.outerHtml());
            }
        }
        return out;
    }

    /** Links that show nothing to click on (no text, no image), in any XHTML file. */
    public List<String> emptyLinks() {
        List<String> out = new ArrayList<>();
        for (String f : xhtmlFiles()) {
            for (Element a : xhtml(f).select("a[href]")) {
                if (a.text().isBlank() && a.select("img").isEmpty()) {
                    out.add(f + ": " + a.outerHtml());
                }
            }
        }
        return out;
    }

    /** The {@code <a>} elements of a file whose text is {@code text} (whitespace collapsed). */
    public List<Element> linksWithText(String file, String text) {
        return body(file).select("a").stream().filter(a -> a.text().equals(text)).toList();
    }

    /** The text a reader sees: the title page, the table of contents and every chapter, in spine order. */
    public String visibleText() {
        StringBuilder sb = new StringBuilder();
        for (String f : spine()) {
            Document d = xhtml(f).clone();
            // The landmarks are hidden; only the table of contents of the navigation document shows.
            d.select("nav").stream().filter(n -> n.hasAttr("hidden")).forEach(Element::remove);
            sb.append(d.selectFirst("body").text()).append('\n');
        }
        return sb.toString();
    }
}
