package dev.studybook.output.pdf;

import static dev.studybook.output.Xml.text;

import dev.studybook.cover.CoverArt;
import dev.studybook.model.Asset;
import dev.studybook.model.Book;
import dev.studybook.model.Chapter;
import dev.studybook.model.ChapterBody;
import dev.studybook.model.Metadata;
import dev.studybook.model.Part;
import dev.studybook.output.Contents;
import dev.studybook.output.Labels;
import dev.studybook.output.PageMap;
import dev.studybook.output.Styles;
import java.util.List;

/**
 * The single XHTML document a PDF is laid out from. A book has a title page, a table of contents with page
 * numbers, then each chapter on a new page; a handout has a title line and its chapter; a review sheet has
 * a title and each chapter's review section under the chapter's title. PDF bookmarks are declared in the
 * head, running headers are running elements placed so that a chapter's opening page has none.
 */
final class PrintDocument {

    /** What kind of PDF is being made. */
    enum Mode { BOOK, HANDOUT, REVIEW, QUIZ }

    /** In one document, a link to a chapter leads to its section, and a link to an element to that element. */
    static final ChapterBody.Writer IN_DOCUMENT = l -> "#" + (!l.fragment().isEmpty() ? l.fragment()
            : l.chapter().equals(ChapterBody.CONTENTS) ? "toc" : l.chapter());

    private PrintDocument() {
    }

    static String build(Book book, Styles styles, Labels labels, Paper paper, int tocDepth, Mode mode, Asset cover) {
        return build(book, styles, labels, paper, tocDepth, mode, cover, null, java.util.Set.of());
    }

    /** Whether a chapter of the book opens a page (in a PDF for printing, a right-hand one). */
    static boolean opensPage(Chapter c) {
        return c.depth() == 1;
    }

    /**
     * The document; {@code pages} (the book's page map, or null) gives a self-test's page references, and
     * {@code blanksBefore} names the chapters that get a blank page before them, so that they open on a
     * right-hand page when printed on both sides.
     */
    static String build(Book book, Styles styles, Labels labels, Paper paper, int tocDepth, Mode mode, Asset cover,
            PageMap pages, java.util.Set<String> blanksBefore) {
        Metadata meta = book.metadata();
        StringBuilder sb = new StringBuilder(1 << 16);
        head(sb, book, styles, labels, paper, mode);
        if (mode == Mode.QUIZ) {
            quizBookmarks(sb, book, labels);
        } else {
            bookmarks(sb, book, mode == Mode.REVIEW ? 1 : tocDepth);
        }
        sb.append("</head>\n<body class=\"").append(mode.name().toLowerCase(java.util.Locale.ROOT)).append("\">\n");
        switch (mode) {
            case BOOK -> {
                coverPage(sb, meta, labels, cover, book.cover().isEmpty(), paper);
                titlePage(sb, meta);
                toc(sb, book, labels, tocDepth);
                for (Chapter c : book.chapters()) {
                    if (blanksBefore.contains(c.id())) {
                        sb.append("<div class=\"blank-page\">\u00a0</div>\n");
                    }
                    chapter(sb, c, meta, true);
                }
            }
            case HANDOUT -> {
                sb.append("<p class=\"handout-line\">").append(text(meta.title())).append(" · ").append(text(labels.handout()))
                        .append("</p>\n");
                List<Chapter> chapters = book.chapters();
                for (int i = 0; i < chapters.size(); i++) {
                    chapter(sb, chapters.get(i), meta, i > 0 && chapters.get(i).depth() == 1);
                }
            }
            case REVIEW -> {
                sb.append("<h1 class=\"review-title\">").append(text(meta.title())).append(" · ").append(text(labels.review()))
                        .append("</h1>\n");
                for (Chapter c : book.chapters()) {
                    sb.append("<section class=\"review-chapter\" id=\"").append(c.id()).append("\">\n<h2>")
                            .append(text(c.title())).append("</h2>\n").append(c.body().xhtml(IN_DOCUMENT)).append("\n</section>\n");
                }
            }
            case QUIZ -> QuizDocument.body(sb, book, labels, pages);
        }
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    /**
     * The front matter of a book laid out in groups of chapters ({@link GroupedLayout}): cover, title page and
     * contents, whose page numbers are given ({@code tocPages}: a target's id to its page number) because the
     * chapters are in other documents. A target without a number gets {@code placeholder}.
     */
    static String front(Book book, Styles styles, Labels labels, Paper paper, int tocDepth, Asset cover,
            java.util.Map<String, Integer> tocPages, String placeholder, List<String> anchors) {
        Metadata meta = book.metadata();
        StringBuilder sb = new StringBuilder(1 << 14);
        head(sb, book, styles, labels, paper, Mode.BOOK);
        // The number after the leader is the page's, written out: the chapter it names is not in this document.
        // No page after the contents: the first chapter's page break is in another document.
        sb.append("<style>\nnav.toc a[data-page]::after { content: leader('.') attr(data-page); }\n"
                + "nav.toc { page-break-after: auto; }\n</style>\n");
        anchorBookmarks(sb, anchors);
        sb.append("</head>\n<body class=\"book\">\n");
        coverPage(sb, meta, labels, cover, book.cover().isEmpty(), paper);
        titlePage(sb, meta);
        sb.append("<nav class=\"toc\" id=\"toc\">\n<h1>").append(text(labels.contents())).append("</h1>\n<ol>\n");
        Contents.of(book, tocDepth).forEach(e -> tocEntry(sb, e, tocPages, placeholder));
        sb.append("</ol>\n</nav>\n");
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    /**
     * A group of a book's chapters laid out as a document of its own ({@link GroupedLayout}), with the book's head;
     * {@code anchors} are the ids whose places are asked for (as bookmarks named by the id), {@code leadingBlank}
     * starts it with a blank page, {@code blanksBefore} as in {@link #build}.
     */
    static String chapters(Book book, Styles styles, Labels labels, Paper paper, List<Chapter> chapters,
            List<String> anchors, boolean leadingBlank, java.util.Set<String> blanksBefore) {
        Metadata meta = book.metadata();
        StringBuilder sb = new StringBuilder(1 << 16);
        head(sb, book, styles, labels, paper, Mode.BOOK);
        anchorBookmarks(sb, anchors);
        sb.append("</head>\n<body class=\"book\">\n");
        if (leadingBlank) {
            sb.append("<div class=\"blank-page\">\u00a0</div>\n");
        }
        for (Chapter c : chapters) {
            if (blanksBefore.contains(c.id())) {
                sb.append("<div class=\"blank-page\">\u00a0</div>\n");
            }
            chapter(sb, c, meta, true);
        }
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    /** Bookmarks named by the ids they lead to: how a document of a grouped book is asked where those places are. */
    private static void anchorBookmarks(StringBuilder sb, List<String> anchors) {
        if (anchors.isEmpty()) {
            return;
        }
        sb.append("<bookmarks>\n");
        for (String id : anchors) {
            sb.append("<bookmark name=\"").append(text(id)).append("\" href=\"#").append(text(id)).append("\"></bookmark>\n");
        }
        sb.append("</bookmarks>\n");
    }

    /** The document's head up to its style sheets: language, title, metadata, styles (a book's page names too). */
    private static void head(StringBuilder sb, Book book, Styles styles, Labels labels, Paper paper, Mode mode) {
        Metadata meta = book.metadata();
        String lang = text(meta.language());
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"")
                .append(lang).append("\" xml:lang=\"").append(lang).append("\">\n<head>\n<title>")
                .append(text(documentTitle(book, labels, mode))).append("</title>\n");
        if (!meta.authors().isEmpty()) {
            sb.append("<meta name=\"author\" content=\"").append(text(meta.authorLine())).append("\"/>\n");
        }
        // PDF/UA wants a description; a book without one is described by its title.
        sb.append("<meta name=\"subject\" content=\"").append(text(meta.description().isEmpty() ? meta.title()
                : meta.description())).append("\"/>\n");
        sb.append("<meta name=\"keywords\" content=\"").append(text(keywords(book))).append("\"/>\n");
        sb.append("<style>\n").append(text(styles.shared())).append("\n</style>\n");
        sb.append("<style>\n").append(text(styles.pdf())).append("\n</style>\n");
        sb.append("<style>\n").append(text(paper.css()));
        if (mode == Mode.BOOK) {
            // The cover fills its page; the title page and contents are unnumbered front matter.
            // The cover's colour is the section's background, not the page's: PDF/UA wants every mark tagged.
            sb.append("@page cover { margin: 0; @bottom-center { content: none; } @top-left { content: none; }"
                    + " @top-right { content: none; } }\n");
            // Its width too: blocks are as wide as the other pages' text, which left a white band on the right; a
            // millimetre more, cut off by the page, so that rounding leaves no white hairline at the edge.
            sb.append(String.format(java.util.Locale.ROOT, "section.cover { background-color: %s; width: %.1fmm;"
                    + " height: %.1fmm; margin-left: -0.5mm; }\n",
                    CoverArt.BACKGROUND, paper.widthMm() + 1, paper.heightMm()));
            sb.append("@page front { @bottom-center { content: none; } }\n");
            sb.append("body.book { page: cover; }\n");
            sb.append("section.titlepage, nav.toc { page: front; }\n");
            sb.append("section.chapter { page: main; }\n");
            // The blank page before a chapter that must open on a right-hand page: no header, no number.
            sb.append("@page blank { @bottom-center { content: none; } @top-left { content: none; }"
                    + " @top-right { content: none; } }\n");
            // OpenHTMLtoPDF gives a box its named page only when it holds text (openhtmltopdf#774): an empty div
            // left the filler page a left page of the chapter before, with its running head and number. A
            // no-break space, hidden, is text that paints nothing.
            sb.append("div.blank-page { page: blank; page-break-before: always; visibility: hidden; }\n");
        }
        sb.append("</style>\n");
        for (String css : styles.extra()) {
            sb.append("<style>\n").append(text(css)).append("\n</style>\n");
        }
    }

    static String documentTitle(Book book, Labels labels, Mode mode) {
        String title = book.metadata().title();
        return switch (mode) {
            case BOOK -> title;
            case HANDOUT -> book.chapters().isEmpty() ? title : book.chapters().get(0).title() + " · " + title;
            case REVIEW -> title + " · " + labels.review();
            case QUIZ -> (book.chapters().size() == 1 ? book.chapters().get(0).title() + " · " : "") + title + " · "
                    + labels.quiz();
        };
    }

    private static String keywords(Book book) {
        StringBuilder sb = new StringBuilder();
        for (Chapter c : book.chapters()) {
            if (c.depth() == 1) {
                sb.append(sb.length() == 0 ? "" : ", ").append(c.title());
            }
        }
        return sb.toString();
    }

    /**
     * A chapter section. Running headers take the first running element of a page, so empty ones at the top
     * of the chapter and the real ones right after its first heading leave the opening page without a header.
     */
    private static void chapter(StringBuilder sb, Chapter c, Metadata meta, boolean newPage) {
        sb.append("<section class=\"chapter").append(newPage ? "" : " continued").append("\" id=\"").append(c.id())
                .append("\">\n<div class=\"running-book\"></div><div class=\"running-chapter\"></div>\n");
        String running = "<div class=\"running-book\">" + text(meta.title()) + "</div><div class=\"running-chapter\">"
                + text(c.title()) + "</div>";
        boolean titled = c.body().marks().contains(new ChapterBody.TitleEnd());
        sb.append(titled ? "" : running).append(c.body().xhtml(new ChapterBody.Writer() {
            @Override
            public String link(ChapterBody.ChapterLink link) {
                return IN_DOCUMENT.link(link);
            }

            @Override
            public String titleEnd() {
                return running;
            }
        })).append("\n</section>\n");
    }

    /**
     * The cover, on a page of the cover's own colour: scaled to the page's height, or its width when the paper is
     * narrower than the picture. The drawn cover, whose shape is known, gets both sides and so is centred (with
     * one, the renderer centres the picture as if it had no width); a cover from book.yaml keeps its own shape.
     */
    private static void coverPage(StringBuilder sb, Metadata meta, Labels labels, Asset cover, boolean drawn,
            Paper paper) {
        double pageRatio = paper.widthMm() / paper.heightMm();
        double coverRatio = (double) CoverArt.WIDTH / CoverArt.HEIGHT;
        double height = coverRatio <= pageRatio ? paper.heightMm() : paper.widthMm() / coverRatio;
        String size = drawn ? String.format(java.util.Locale.ROOT, "width:%.1fmm;height:%.1fmm", height * coverRatio, height)
                : coverRatio <= pageRatio ? String.format(java.util.Locale.ROOT, "height:%.1fmm", paper.heightMm())
                : String.format(java.util.Locale.ROOT, "width:%.1fmm", paper.widthMm());
        sb.append("<section class=\"cover\" id=\"cover\"><img src=\"").append(text(cover.href())).append("\" alt=\"")
                .append(text(CoverArt.altText(meta, labels.cover()))).append("\" style=\"").append(size).append("\"/></section>\n");
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

    private static void toc(StringBuilder sb, Book book, Labels labels, int depth) {
        sb.append("<nav class=\"toc\" id=\"toc\">\n<h1>").append(text(labels.contents())).append("</h1>\n<ol>\n");
        Contents.of(book, depth).forEach(e -> tocEntry(sb, e));
        sb.append("</ol>\n</nav>\n");
    }

    private static void tocEntry(StringBuilder sb, Contents e) {
        tocEntry(sb, e, null, null);
    }

    /** An entry; with {@code pages}, its link carries its page number (or {@code placeholder}) as {@code data-page}. */
    private static void tocEntry(StringBuilder sb, Contents e, java.util.Map<String, Integer> pages, String placeholder) {
        if (e.kind() == Contents.Kind.PART) {
            sb.append("<li class=\"toc-part\"><span>").append(text(e.label())).append("</span>\n<ol>\n");
            e.children().forEach(c -> tocEntry(sb, c, pages, placeholder));
            sb.append("</ol></li>\n");
            return;
        }
        String href = IN_DOCUMENT.link(e.target());
        sb.append("<li class=\"toc-").append(e.kind() == Contents.Kind.CHAPTER ? "chapter" : "section").append("\"><a href=\"")
                .append(text(href)).append("\"");
        if (pages != null) {
            Integer page = pages.get(href.substring(1));
            String number = page == null ? placeholder : page.toString();
            if (number != null) {
                sb.append(" data-page=\"").append(number).append("\"");
            }
        }
        sb.append(">").append(text(e.label())).append("</a>");
        if (!e.children().isEmpty()) {
            sb.append("\n<ol>\n");
            e.children().forEach(c -> tocEntry(sb, c, pages, placeholder));
            sb.append("</ol>");
        }
        sb.append("</li>\n");
    }

    /** PDF bookmarks: the same entries as the contents page; a chapter's opens a line of its own. */
    private static void bookmarks(StringBuilder sb, Book book, int depth) {
        sb.append("<bookmarks>\n");
        Contents.of(book, depth).forEach(e -> bookmark(sb, e));
        sb.append("</bookmarks>\n");
    }

    /** A self-test's bookmarks: each chapter's questions, then the answers. */
    private static void quizBookmarks(StringBuilder sb, Book book, Labels labels) {
        sb.append("<bookmarks>\n");
        for (Chapter c : book.chapters()) {
            if (!c.questions().isEmpty()) {
                sb.append("<bookmark name=\"").append(text(QuizDocument.title(c))).append("\" href=\"#").append(c.id())
                        .append("\"></bookmark>\n");
            }
        }
        sb.append("<bookmark name=\"").append(text(labels.answers())).append("\" href=\"#answers\"></bookmark>\n");
        sb.append("</bookmarks>\n");
    }

    private static void bookmark(StringBuilder sb, Contents e) {
        sb.append("<bookmark name=\"").append(text(e.label())).append("\" href=\"").append(text(IN_DOCUMENT.link(e.target())))
                .append("\">").append(e.kind() == Contents.Kind.SECTION ? "" : "\n");
        e.children().forEach(c -> bookmark(sb, c));
        sb.append("</bookmark>\n");
    }
}
