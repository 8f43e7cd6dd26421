package dev.studybook.xhtml;

import org.jsoup.nodes.Element;

/**
 * Marks the table cells that hold one short word (a version such as "Go 1.14", a two- to four-character
 * header such as 版本 or 调度方式, an identifier such as {@code mcentral}) so that they are never wrapped.
 * Browsers and OpenHTMLtoPDF may break Chinese text between any two characters and squeeze a column down to
 * one of them when its neighbours hold long sentences; a cell marked {@value #CLASS} is as wide as its word, and
 * so is code without a space in a cell.
 */
final class TableWords {

    /** The class of a cell kept on one line (book.css: white-space: nowrap). */
    static final String CLASS = "nw";
    /** A cell this short stays whole even with a space in it ("Go 1.14", "Go 1.0 前"). */
    static final int SHORT = 8;
    /** A cell without spaces stays whole up to this length (an identifier, a path). */
    static final int WORD = 24;

    private TableWords() {
    }

    static void mark(Element body) {
        // Code without a space in a cell: the line breaker would cut it where its column runs out
        // ("errors." / "ErrUnsupported", "-gcflags=-" / "m=2").
        for (Element code : body.select("td code, th code")) {
            String text = code.text().strip();
            if (!text.isEmpty() && text.length() <= WORD && !text.contains(" ")) {
                code.addClass(CLASS);
            }
        }
        for (Element cell : body.select("td, th")) {
            if (!cell.select("img, svg, br, ul, ol, p, pre, table").isEmpty()) {
                continue;
            }
            String text = cell.text().strip();
            int length = text.codePointCount(0, text.length());
            if (length > 0 && (length <= SHORT || length <= WORD && !text.contains(" "))) {
                cell.addClass(CLASS);
            }
        }
    }
}
