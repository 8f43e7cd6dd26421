package dev.studybook.xhtml;

import dev.studybook.model.Heading;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One chapter after cleaning, waiting for the book-wide pass that makes ids unique and points links at other
 * chapters. Opaque outside this package: only its title and headings are visible.
 */
public final class CleanChapter {
    final Document doc;
    /** Anchor names (ids, heading slugs, their lower-case forms) to the element id they lead to. */
    final Map<String, String> anchors;

    /** The elements with an id, in document order, once {@link #findIds()} found them; null until then or after a change. */
    private List<Element> withIds;

    CleanChapter(Document doc, Map<String, String> anchors) {
        this.doc = doc;
        this.anchors = anchors;
    }

    /**
     * Finds the elements with an id now, on the caller's thread (a conversion thread), for the book-wide pass that
     * goes through every chapter's ids on one thread; a later change to the chapter makes that pass look again.
     */
    public void findIds() {
        withIds = doc.body().select("[id]");
    }

    /** The elements with an id, in document order. */
    List<Element> withIds() {
        return withIds != null ? withIds : doc.body().select("[id]");
    }

    /** The text of the first h1, or empty. */
    public String firstH1() {
        var h1 = doc.body().selectFirst("h1");
        return h1 == null ? "" : h1.text().strip();
    }

    /**
     * Puts the title as an h1 at the top when the chapter has no h1 of its own, so every chapter opens with its title;
     * when its first heading (of any level) already says the title, that heading becomes the h1 instead, so that the
     * title is not shown twice. A chapter of several h1s has them one level down, under its title; a table of contents
     * asked for above the title goes under it.
     */
    public void ensureTitle(String title) {
        withIds = null;
        var h1s = doc.body().select("h1");
        if (h1s.isEmpty()) {
            var first = doc.body().selectFirst("h2, h3, h4, h5, h6");
            if (first != null && sameTitle(first.text(), title)) {
                first.tagName("h1");
            } else {
                prependTitle(title);
            }
        } else if (h1s.size() > 1) {
            // Several level-1 headings are the chapter's sections (CyC2018/CS-Notes' 代码可读性.md: "# 一、可读性的重要性"…;
            // a title "# Golang面试题" over "# 一、语言基础"…): left as they are, all but the first were missing from the
            // contents and bookmarks, which list a chapter's sections from level 2. Each goes one level down, under
            // the chapter's title: the first h1 when it opens the chapter as its title, else the title put on top.
            var first = doc.body().selectFirst("h1, h2, h3, h4, h5, h6");
            boolean titled = first == h1s.first() && (sameTitle(first.text(), title) || !numbered(first.text()));
            for (var h : doc.body().select("h1, h2, h3, h4, h5, h6")) {
                int level = h.tagName().charAt(1) - '0';
                if ((!titled || h != first) && level < 6) {
                    h.tagName("h" + (level + 1));
                }
            }
            if (!titled) {
                prependTitle(title);
            }
        }
        tocAfterTitle();
    }

    /**
     * A table of contents asked for above the title ("[TOC]" on the first line, as Typora writes it: 21 of the 22
     * chapters of aceld/golang) goes right under the title, which opens the chapter: they opened with the list instead.
     */
    private void tocAfterTitle() {
        var title = doc.body().selectFirst("h1");
        if (title == null) {
            return;
        }
        List<Element> before = new java.util.ArrayList<>();
        for (Element e : doc.body().getAllElements()) {
            if (e == title) {
                break;
            }
            if (e.hasClass(ChapterToc.PLACE_CLASS)) {
                before.add(e);
            }
        }
        for (int i = before.size() - 1; i >= 0; i--) {
            title.after(before.get(i));
        }
        // Filled before the title was known, a list may open with the title itself, its sections under it ("## 1、数据定义"
        // made the title): the title is not one of its sections, and those take its place.
        String href = "#" + title.id();
        for (Element toc : doc.body().getElementsByClass(ChapterToc.PLACE_CLASS)) {
            Element root = toc.selectFirst("ul");
            if (root != null && root.childrenSize() == 1) {
                Element only = root.child(0);
                Element link = only.selectFirst("a");
                Element sub = only.selectFirst("ul");
                if (link != null && href.equals(link.attr("href")) && link.parent() == only) {
                    if (sub == null) {
                        toc.remove();
                    } else {
                        root.replaceWith(sub);
                    }
                }
            }
        }
    }

    private void prependTitle(String title) {
        String id = Ids.xmlId(Ids.slug(title), "title");
        while (anchors.containsValue(id)) {
            id = id + "-t";
        }
        doc.body().prependElement("h1").attr("id", id).text(title);
        anchors.putIfAbsent(Ids.slug(title), id);
        anchors.putIfAbsent(id, id);
    }

    /** A section's numbering opens the heading: "一、", "二 ", "3.", "01、", "(4)". */
    private static final java.util.regex.Pattern SECTION_NUMBER = java.util.regex.Pattern.compile(
            "^[(（]?(?:\\d+(?:\\.\\d+)*|[一二三四五六七八九十百零〇]+)[)）]?(?:[、.．:：)）]|\\s)");

    /** True when a heading opens with a section's numbering, as the sections of a chapter do and its title does not. */
    static boolean numbered(String heading) {
        return SECTION_NUMBER.matcher(heading.strip()).find();
    }

    /** True when a heading says the same as a title, numbering, spaces, punctuation and case aside. */
    static boolean sameTitle(String heading, String title) {
        String h = comparable(heading);
        String t = comparable(title);
        return !h.isEmpty() && !t.isEmpty() && (h.equals(t) || h.endsWith(t) || t.endsWith(h));
    }

    private static String comparable(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\p{P}\\p{S}\\s\\p{N}]+", "");
    }

    /**
     * Makes heading levels descend without gaps, as assistive technology expects: a level-3 heading right
     * under the level-1 title becomes level 2, and its sub-headings follow.
     */
    public void closeHeadingGaps() {
        withIds = null;
        int previous = 0;
        java.util.Map<Integer, Integer> mapped = new java.util.HashMap<>();
        for (var h : doc.body().select("h1, h2, h3, h4, h5, h6")) {
            int level = h.tagName().charAt(1) - '0';
            // Levels already seen keep their new level; a deeper one goes at most one below the previous.
            mapped.keySet().removeIf(l -> l > level);
            int target = mapped.containsKey(level) ? mapped.get(level) : Math.min(level, previous + 1);
            mapped.put(level, target);
            if (target != level) {
                h.tagName("h" + target);
            }
            previous = target;
        }
    }

    /** Headings in order, with their chapter-local ids; headings without text or over a navigation footer are left out. */
    public List<Heading> headings() {
        return headings(doc.body().select("h1, h2, h3, h4, h5, h6"));
    }

    /**
     * The headings of {@code elements} (a chapter's heading elements, in document order), as {@link #headings()};
     * the heading of a web page's navigation footer ("links" over "上一节 / 下一节") is left out.
     */
    static List<Heading> headings(List<Element> elements) {
        return elements.stream()
                .filter(h -> !h.text().isBlank())
                .filter(h -> !NavigationSection.isFooter(h))
                .map(h -> new Heading(h.tagName().charAt(1) - '0', h.text().strip(), h.id()))
                .toList();
    }
}
