package dev.studybook.output.epub;

import static dev.studybook.output.Xml.text;

import dev.studybook.cover.CoverArt;
import dev.studybook.model.Book;
import dev.studybook.model.Chapter;
import dev.studybook.model.Metadata;
import dev.studybook.model.Part;
import dev.studybook.model.ChapterBody;
import dev.studybook.output.Contents;
import dev.studybook.output.Labels;
import dev.studybook.output.PageMap;
import java.util.List;

/** The XHTML documents of the EPUB: cover, title page, navigation document, chapters, and the container. */
final class Pages {
    private static final String FONT_STYLES = "<link rel=\"stylesheet\" type=\"text/css\" href=\"styles/fonts.css\"/>\n";
    private static final String STYLES = """
            <link rel="stylesheet" type="text/css" href="styles/book.css"/>
            <link rel="stylesheet" type="text/css" href="styles/epub.css"/>
            """;

    /** Whether the documents link the stylesheet of the embedded fonts; set once per EPUB. */
    private final boolean fonts;
    /** How many stylesheets of the author's follow studybook's. */
    private final int extra;

    Pages(boolean fonts, int extra) {
        this.fonts = fonts;
        this.extra = extra;
    }

    /** The href of the author's n-th stylesheet (from 1). */
    static String extraCss(int n) {
        return "styles/extra-" + n + ".css";
    }

    String head(Metadata meta, String title) {
        String lang = text(meta.language());
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\""
                + lang + "\" xml:lang=\"" + lang + "\">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>" + text(title)
                + "</title>\n" + (fonts ? FONT_STYLES : "") + STYLES + extraLinks() + "</head>\n";
    }

    private String extraLinks() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= extra; i++) {
            sb.append("<link rel=\"stylesheet\" type=\"text/css\" href=\"").append(extraCss(i)).append("\"/>\n");
        }
        return sb.toString();
    }

    String chapter(Chapter c, Metadata meta, String body) {
        return head(meta, c.title()) + "<body>\n<section epub:type=\"chapter\" role=\"doc-chapter\" id=\"" + c.id()
                + "\">\n" + body + "\n</section>\n</body>\n</html>\n";
    }

    String cover(Metadata meta, Labels labels, String imageHref) {
        return head(meta, labels.cover()) + "<body class=\"cover\">\n<section epub:type=\"cover\" class=\"cover\">\n"
                + "<img role=\"doc-cover\" src=\"" + text(imageHref) + "\" alt=\"" + text(CoverArt.altText(meta, labels.cover()))
                + "\"/>\n</section>\n</body>\n</html>\n";
    }

    String titlePage(Metadata meta, Labels labels) {
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

    /**
     * The navigation document: the table of contents (parts, chapters and sections to {@code depth}), the
     * landmarks, and, when the PDF's pages are known, the page-list.
     */
    String nav(Book book, Labels labels, int depth, PageMap pages) {
        StringBuilder sb = new StringBuilder(head(book.metadata(), labels.contents()));
        sb.append("<body>\n<nav epub:type=\"toc\" id=\"toc\" role=\"doc-toc\">\n<h1>").append(text(labels.contents()))
                .append("</h1>\n<ol>\n");
        Contents.of(book, depth).forEach(e -> entry(sb, e));
        sb.append("</ol>\n</nav>\n");
        List<Chapter> chapters = book.chapters();
        sb.append("<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<h2>").append(text(labels.landmarks()))
                .append("</h2>\n<ol>\n");
        sb.append("<li><a epub:type=\"cover\" href=\"cover.xhtml\">").append(text(labels.cover())).append("</a></li>\n");
        sb.append("<li><a epub:type=\"toc\" href=\"nav.xhtml#toc\">").append(text(labels.contents())).append("</a></li>\n");
        if (!chapters.isEmpty()) {
            sb.append("<li><a epub:type=\"bodymatter\" href=\"").append(chapters.get(0).fileName()).append("\">")
                    .append(text(labels.bodymatter())).append("</a></li>\n");
        }
        sb.append("</ol>\n</nav>\n");
        if (pages != null && pages.pageCount() > 0) {
            sb.append("<nav epub:type=\"page-list\" id=\"page-list\" hidden=\"hidden\">\n<ol>\n");
            for (Chapter c : chapters) {
                for (PageMap.PageStart p : pages.of(c.id())) {
                    sb.append("<li><a href=\"").append(c.fileName()).append('#').append(PageMarks.id(p.page())).append("\">")
                            .append(p.page()).append("</a></li>\n");
                }
            }
            sb.append("</ol>\n</nav>\n");
        }
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    private static void entry(StringBuilder sb, Contents e) {
        if (e.kind() == Contents.Kind.PART) {
            sb.append("<li><span class=\"part\">").append(text(e.label())).append("</span>\n<ol>\n");
        } else {
            sb.append("<li><a href=\"").append(text(ChapterBody.FILE_LINKS.link(e.target()))).append("\">")
                    .append(text(e.label())).append("</a>");
            if (!e.children().isEmpty()) {
                sb.append("\n<ol>\n");
            }
        }
        e.children().forEach(c -> entry(sb, c));
        if (e.kind() == Contents.Kind.PART) {
            sb.append("</ol></li>\n");
        } else {
            sb.append(e.children().isEmpty() ? "" : "</ol>").append("</li>\n");
        }
    }

    /** Apple Books' display options: use the embedded fonts (else it sets the text in its own). */
    static String appleDisplayOptions() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <display_options>
                  <platform name="*">
                    <option name="specified-fonts">true</option>
                  </platform>
                </display_options>
                """;
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
