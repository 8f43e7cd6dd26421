package dev.studybook.epub;

import static dev.studybook.render.Xml.text;

import dev.studybook.model.Book;
import dev.studybook.model.Chapter;
import dev.studybook.model.Heading;
import dev.studybook.model.Metadata;
import dev.studybook.model.Part;
import dev.studybook.render.ChapterTree;
import dev.studybook.render.Labels;
import java.util.List;

/** The XHTML documents of the EPUB: chapters, the title page, the navigation document, and the container. */
final class Pages {
    private Pages() {
    }

    private static final String STYLES = """
            <link rel="stylesheet" type="text/css" href="styles/fonts.css"/>
            <link rel="stylesheet" type="text/css" href="styles/book.css"/>
            <link rel="stylesheet" type="text/css" href="styles/epub.css"/>
            """;

    static String head(Metadata meta, String title) {
        String lang = text(meta.language());
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\""
                + lang + "\" xml:lang=\"" + lang + "\">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>" + text(title)
                + "</title>\n" + STYLES + "</head>\n";
    }

    static String chapter(Chapter c, Metadata meta) {
        return head(meta, c.title()) + "<body>\n<section epub:type=\"chapter\" role=\"doc-chapter\" id=\"" + c.id()
                + "\">\n" + c.body() + "\n</section>\n</body>\n</html>\n";
    }

    static String titlePage(Metadata meta, Labels labels) {
        StringBuilder sb = new StringBuilder(head(meta, meta.title()));
        sb.append("<body>\n<section class=\"titlepage\" epub:type=\"titlepage\" id=\"titlepage\" aria-label=\"")
                .append(text(labels.titlePage())).append("\">\n");
        sb.append("<h1 class=\"book-title\">").append(text(meta.title())).append("</h1>\n");
        if (!meta.subtitle().isEmpty()) {
            sb.append("<p class=\"book-subtitle\">").append(text(meta.subtitle())).append("</p>\n");
        }
        if (!meta.authors().isEmpty()) {
            sb.append("<p class=\"book-authors\">").append(text(meta.authorLine())).append("</p>\n");
        }
        meta.date().ifPresent(d -> sb.append("<p class=\"book-date\">").append(d).append("</p>\n"));
        sb.append("</section>\n</body>\n</html>\n");
        return sb.toString();
    }

    /** The sections of a chapter that tables of contents list: its level-2 headings. */
    static List<Heading> sections(Chapter c) {
        return c.headings().stream().filter(h -> h.level() == 2).toList();
    }

    /** The navigation document: a nested table of contents (parts, chapters, sections) and landmarks. */
    static String nav(Book book, Labels labels, int depth) {
        StringBuilder sb = new StringBuilder(head(book.metadata(), labels.contents()));
        sb.append("<body>\n<nav epub:type=\"toc\" id=\"toc\" role=\"doc-toc\">\n<h1>").append(text(labels.contents()))
                .append("</h1>\n<ol>\n");
        for (Part part : book.parts()) {
            if (part.hasTitle()) {
                sb.append("<li><span class=\"part\">").append(text(part.title())).append("</span>\n<ol>\n");
            }
            chapters(sb, part.chapters(), depth);
            if (part.hasTitle()) {
                sb.append("</ol></li>\n");
            }
        }
        sb.append("</ol>\n</nav>\n");
        List<Chapter> chapters = book.chapters();
        sb.append("<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<h2>").append(text(labels.landmarks()))
                .append("</h2>\n<ol>\n");
        sb.append("<li><a epub:type=\"toc\" href=\"nav.xhtml#toc\">").append(text(labels.contents())).append("</a></li>\n");
        if (!chapters.isEmpty()) {
            sb.append("<li><a epub:type=\"bodymatter\" href=\"").append(chapters.get(0).fileName()).append("\">")
                    .append(text(labels.bodymatter())).append("</a></li>\n");
        }
        sb.append("</ol>\n</nav>\n</body>\n</html>\n");
        return sb.toString();
    }

    /** Chapters nested by depth; each chapter lists its sections when the depth allows. */
    private static void chapters(StringBuilder sb, List<Chapter> chapters, int depth) {
        for (ChapterTree node : ChapterTree.of(chapters)) {
            chapter(sb, node, depth);
        }
    }

    private static void chapter(StringBuilder sb, ChapterTree node, int depth) {
        Chapter c = node.chapter();
        sb.append("<li><a href=\"").append(c.fileName()).append("\">").append(text(c.title())).append("</a>");
        List<Heading> sections = depth >= 2 ? sections(c) : List.of();
        if (!sections.isEmpty() || !node.children().isEmpty()) {
            sb.append("\n<ol>\n");
            for (Heading h : sections) {
                sb.append("<li><a href=\"").append(c.fileName()).append('#').append(text(h.id())).append("\">")
                        .append(text(h.text())).append("</a></li>\n");
            }
            for (ChapterTree child : node.children()) {
                chapter(sb, child, depth);
            }
            sb.append("</ol>");
        }
        sb.append("</li>\n");
    }

    static String container() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
                  <rootfiles>
                    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
                  </rootfiles>
                </container>
                """;
    }
}
