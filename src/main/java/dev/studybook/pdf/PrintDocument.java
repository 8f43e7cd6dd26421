package dev.studybook.pdf;

import static dev.studybook.render.Xml.text;

import dev.studybook.model.Book;
import dev.studybook.model.Chapter;
import dev.studybook.model.Heading;
import dev.studybook.model.Metadata;
import dev.studybook.model.Part;
import dev.studybook.render.ChapterTree;
import dev.studybook.render.Labels;
import dev.studybook.render.Styles;
import java.util.List;

/**
 * The single XHTML document the PDF is laid out from: title page, table of contents with page numbers,
 * then every chapter in a section of its own; PDF bookmarks are declared in its head.
 */
final class PrintDocument {
    private PrintDocument() {
    }

    static String build(Book book, Styles styles, Labels labels) {
        Metadata meta = book.metadata();
        String lang = text(meta.language());
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(lang).append("\" xml:lang=\"")
                .append(lang).append("\">\n<head>\n<title>").append(text(meta.title())).append("</title>\n");
        if (!meta.authors().isEmpty()) {
            sb.append("<meta name=\"author\" content=\"").append(text(meta.authorLine())).append("\"/>\n");
        }
        if (!meta.description().isEmpty()) {
            sb.append("<meta name=\"subject\" content=\"").append(text(meta.description())).append("\"/>\n");
        }
        sb.append("<style>\n").append(text(styles.shared())).append("\n</style>\n");
        sb.append("<style>\n").append(text(styles.pdf())).append("\n</style>\n");
        bookmarks(sb, book);
        sb.append("</head>\n<body>\n");
        titlePage(sb, meta);
        toc(sb, book, labels);
        for (Chapter c : book.chapters()) {
            sb.append("<section class=\"chapter\" id=\"").append(c.id()).append("\">\n").append(c.body())
                    .append("\n</section>\n");
        }
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    private static void titlePage(StringBuilder sb, Metadata meta) {
        sb.append("<section class=\"titlepage\" id=\"titlepage\">\n<p class=\"book-title\">").append(text(meta.title()))
                .append("</p>\n");
        if (!meta.subtitle().isEmpty()) {
            sb.append("<p class=\"book-subtitle\">").append(text(meta.subtitle())).append("</p>\n");
        }
        if (!meta.authors().isEmpty()) {
            sb.append("<p class=\"book-authors\">").append(text(meta.authorLine())).append("</p>\n");
        }
        meta.date().ifPresent(d -> sb.append("<p class=\"book-date\">").append(d).append("</p>\n"));
        sb.append("</section>\n");
    }

    private static void toc(StringBuilder sb, Book book, Labels labels) {
        sb.append("<nav class=\"toc\" id=\"toc\">\n<h1>").append(text(labels.contents())).append("</h1>\n<ol>\n");
        for (Part part : book.parts()) {
            if (part.hasTitle()) {
                sb.append("<li class=\"toc-part\"><span>").append(text(part.title())).append("</span>\n<ol>\n");
            }
            for (ChapterTree node : ChapterTree.of(part.chapters())) {
                tocChapter(sb, node);
            }
            if (part.hasTitle()) {
                sb.append("</ol></li>\n");
            }
        }
        sb.append("</ol>\n</nav>\n");
    }

    private static void tocChapter(StringBuilder sb, ChapterTree node) {
        Chapter c = node.chapter();
        sb.append("<li class=\"toc-chapter\"><a href=\"#").append(c.id()).append("\">").append(text(c.title())).append("</a>");
        List<Heading> sections = sections(c);
        if (!sections.isEmpty() || !node.children().isEmpty()) {
            sb.append("\n<ol>\n");
            for (Heading h : sections) {
                sb.append("<li class=\"toc-section\"><a href=\"#").append(text(h.id())).append("\">").append(text(h.text()))
                        .append("</a></li>\n");
            }
            for (ChapterTree child : node.children()) {
                tocChapter(sb, child);
            }
            sb.append("</ol>");
        }
        sb.append("</li>\n");
    }

    private static void bookmarks(StringBuilder sb, Book book) {
        sb.append("<bookmarks>\n");
        for (Part part : book.parts()) {
            if (part.hasTitle() && !part.chapters().isEmpty()) {
                sb.append("<bookmark name=\"").append(text(part.title())).append("\" href=\"#")
                        .append(part.chapters().get(0).id()).append("\">\n");
            }
            for (ChapterTree node : ChapterTree.of(part.chapters())) {
                bookmark(sb, node);
            }
            if (part.hasTitle() && !part.chapters().isEmpty()) {
                sb.append("</bookmark>\n");
            }
        }
        sb.append("</bookmarks>\n");
    }

    private static void bookmark(StringBuilder sb, ChapterTree node) {
        Chapter c = node.chapter();
        sb.append("<bookmark name=\"").append(text(c.title())).append("\" href=\"#").append(c.id()).append("\">\n");
        for (Heading h : sections(c)) {
            sb.append("<bookmark name=\"").append(text(h.text())).append("\" href=\"#").append(text(h.id())).append("\"/>\n");
        }
        for (ChapterTree child : node.children()) {
            bookmark(sb, child);
        }
        sb.append("</bookmark>\n");
    }

    /** The headings listed under a chapter: its level-2 headings. */
    static List<Heading> sections(Chapter c) {
        return c.headings().stream().filter(h -> h.level() == 2).toList();
    }
}
