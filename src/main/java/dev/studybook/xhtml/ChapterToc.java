package dev.studybook.xhtml;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Fills the places where a chapter asked for its table of contents ({@code [TOC]}, {@code [[toc]]}) with a nested,
 * linked list of the chapter's sections, once the headings have their ids.
 */
final class ChapterToc {

    /** The class of the place the preprocessor leaves. */
    static final String PLACE_CLASS = "chapter-toc";
    /** Sections this many levels below the shallowest heading listed are left out. */
    static final int DEPTH = 3;

    private ChapterToc() {
    }

    static void fill(Element body) {
        List<Element> places = body.select("div." + PLACE_CLASS).stream().filter(e -> e.childrenSize() == 0
                && e.text().isBlank()).toList();
        if (places.isEmpty()) {
            return;
        }
        List<Element> headings = new ArrayList<>();
        for (Element h : body.select("h1, h2, h3, h4, h5, h6")) {
            if (!h.text().isBlank() && !h.id().isEmpty()) {
                headings.add(h);
            }
        }
        // The title (the chapter's only h1, first) is not one of its sections.
        if (!headings.isEmpty() && level(headings.get(0)) == 1
                && headings.stream().filter(h -> level(h) == 1).count() == 1) {
            headings.remove(0);
        }
        int top = headings.stream().mapToInt(ChapterToc::level).min().orElse(1);
        for (Element place : places) {
            place.attr("role", "doc-toc");
            if (headings.isEmpty()) {
                place.remove();
                continue;
            }
            Element root = new Element("ul");
            place.appendChild(root);
            // The open list at each depth below the top.
            List<Element> lists = new ArrayList<>(List.of(root));
            Element lastItem = null;
            for (Element h : headings) {
                int depth = level(h) - top;
                if (depth >= DEPTH) {
                    continue;
                }
                while (lists.size() > depth + 1) {
                    lists.remove(lists.size() - 1);
                }
                while (lists.size() < depth + 1 && lastItem != null) {
                    Element ul = lastItem.appendElement("ul");
                    lists.add(ul);
                }
                Element li = lists.get(lists.size() - 1).appendElement("li");
                li.appendElement("a").attr("href", "#" + h.id()).attr("data-sb-local", "").text(h.text().strip());
                lastItem = li;
            }
        }
    }

    private static int level(Element h) {
        return h.normalName().charAt(1) - '0';
    }
}
