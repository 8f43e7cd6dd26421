package dev.studybook.xhtml;

import org.jsoup.nodes.Element;

/**
 * Gives footnotes the markup e-readers show as pop-ups (EPUB 3 {@code noteref} links and {@code footnote}
 * asides, with a link back) and assistive technology understands (DPUB-ARIA roles); print shows them as a
 * numbered list at the chapter's end.
 */
final class Footnotes {
    private Footnotes() {
    }

    static void semantic(Element body) {
        for (Element ref : body.select("a.footnote-ref")) {
            ref.attr("epub:type", "noteref").attr("role", "doc-noteref");
        }
        for (Element block : body.select("div.footnotes")) {
            Element section = new Element("section").addClass("footnotes").attr("epub:type", "footnotes")
                    .attr("role", "doc-endnotes");
            int n = 0;
            for (Element li : block.select("> ol > li")) {
                n++;
                Element aside = new Element("aside").attr("id", li.id()).addClass("footnote").attr("epub:type", "footnote")
                        .attr("role", "doc-footnote");
                // The link back, made the note's number: the link stage still resolves its fragment.
                Element back = li.selectFirst("a.footnote-backref");
                if (back != null) {
                    back.remove();
                    back.text(n + ".").attr("role", "doc-backlink");
                }
                Element first = li.children().isEmpty() ? null : li.child(0);
                if (back != null && first != null && first.normalName().equals("p")) {
                    first.prependText(" ");
                    first.prependChild(back);
                } else if (back != null) {
                    aside.appendChild(new Element("p").appendChild(back));
                }
                for (var node : new java.util.ArrayList<>(li.childNodes())) {
                    aside.appendChild(node);
                }
                section.appendChild(aside);
            }
            block.replaceWith(section);
        }
    }
}
