package dev.studybook.xhtml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;

/**
 * Finds a chapter's review section: the heading "速记" (or any heading with the class {@code review}) and what
 * follows it up to the next heading of the same or a higher level.
 */
final class ReviewSections {

    /** Heading texts that mark a review section. */
    static final List<String> TITLES = List.of("速记", "复习要点", "review", "summary", "cheat sheet");

    private ReviewSections() {
    }

    /** The heading of the chapter's review section, if it has one. */
    static Optional<Element> heading(Element body) {
        return heading(body.select("h1, h2, h3, h4, h5, h6"));
    }

    /** The heading of the review section among a chapter's {@code headings} (in document order), if it has one. */
    static Optional<Element> heading(List<Element> headings) {
        for (Element h : headings) {
            if (h.hasClass("review") || TITLES.contains(h.text().strip().toLowerCase(java.util.Locale.ROOT))) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    /** The section's content as XHTML, without its heading; empty when the chapter has none. */
    static Optional<String> extract(Element body) {
        return extract(heading(body));
    }

    /** The content of the section {@code found} heads, as {@link #extract(Element)}. */
    static Optional<String> extract(Optional<Element> found) {
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Element heading = found.get();
        int level = heading.tagName().charAt(1) - '0';
        List<Node> content = new ArrayList<>();
        for (Node n = heading.nextSibling(); n != null; n = n.nextSibling()) {
            if (n instanceof Element e && e.tagName().matches("h[1-6]") && e.tagName().charAt(1) - '0' <= level) {
                break;
            }
            if (n instanceof Element e && e.hasClass("footnotes")) {
                break;
            }
            content.add(n);
        }
        Document out = Document.createShell("");
        out.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml)
                .prettyPrint(false);
        Element holder = out.body().appendElement("div");
        content.forEach(n -> holder.appendChild(n.clone()));
        // Ids belong to the book; the review sheet is another document.
        Select.in(holder, "[id]").removeAttr("id");
        Select.in(holder, "a[href]").forEach(a -> {
            if (!a.attr("href").matches("https?:.*")) {
                a.unwrap();
            }
        });
        return Optional.of(holder.html().strip()).filter(s -> !s.isBlank());
    }
}
