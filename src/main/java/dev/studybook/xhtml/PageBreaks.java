package dev.studybook.xhtml;

import dev.studybook.output.PageMap;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/** Marks in a chapter's XHTML where the printed pages begin: an empty pagebreak span before each such block. */
public final class PageBreaks {

    private static final Set<String> BLOCKS = Set.copyOf(PageMap.BLOCKS);

    private PageBreaks() {
    }

    /** The id of the marker of printed page {@code page}. */
    public static String id(int page) {
        return "page-" + page;
    }

    /** The body with a marker before each block that starts a page, and the marker of every page. */
    public static String mark(String body, List<PageMap.PageStart> starts) {
        if (starts.isEmpty()) {
            return body;
        }
        Document doc = Jsoup.parse("<body>" + body + "</body>", "", Parser.xmlParser());
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml)
                .prettyPrint(false);
        Element root = doc.selectFirst("body");
        List<Element> blocks = root.getAllElements().stream().filter(e -> e != root && BLOCKS.contains(e.tagName())).toList();
        for (PageMap.PageStart s : starts) {
            if (s.block() < 0 || s.block() >= blocks.size()) {
                continue;
            }
            Element block = blocks.get(s.block());
            Element marker = new Element("span").attr("id", id(s.page())).attr("epub:type", "pagebreak")
                    .attr("role", "doc-pagebreak").attr("aria-label", Integer.toString(s.page()));
            // Inside a block the marker is phrasing content; a table takes none, so it goes just before it.
            if (block.tagName().equals("table")) {
                block.before(marker);
            } else {
                block.prependChild(marker);
            }
        }
        return root.html();
    }
}
