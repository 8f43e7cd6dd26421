package dev.studybook.xhtml;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

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
    /**
     * A cell this wide stays whole even with a space in it ("Go 1.14", "Go 1.8 起", 调度方式), counting a
     * Chinese character as two: longer Chinese text may wrap between characters, or a table of four such
     * columns would not fit a phone.
     */
    static final int SHORT = 8;
    /** A cell of Latin text or code without spaces stays whole up to this length (an identifier, a path). */
    static final int WORD = 16;
    /**
     * Up to this length it stays whole in print only ({@value #PRINT_CLASS}): a phone's column is too narrow
     * for several such words side by side, so there a longer word may wrap at its punctuation.
     */
    static final int PRINT_WORD = 24;
    /** The class of short code with a space and a hyphen kept on one line on screens only (epub.css). */
    static final String SCREEN_CLASS = "nws";
    /** The class of a cell or code kept on one line in the PDF only (pdf.css). */
    static final String PRINT_CLASS = "nwp";

    private TableWords() {
    }

    /** The text's width in columns: a wide (East Asian) character counts two. */
    static int width(String text) {
        return text.codePoints().map(c -> c >= 0x1100 && Character.isIdeographic(c) || c >= 0x3000 && c <= 0x303f
                || c >= 0xff00 && c <= 0xff60 ? 2 : 1).sum();
    }

    /** After these characters a long word of code in a cell may wrap. */
    static final String BREAK_AFTER = "./_=:,&";

    /**
     * Lets long code in a cell wrap after its own punctuation on a narrow screen ({@code <wbr/>}: nothing is
     * added to the text), rather than overflow the screen or break anywhere.
     */
    private static void breakAtPunctuation(Element code) {
        if (code.childNodeSize() != 1 || !(code.childNode(0) instanceof TextNode t)) {
            return;
        }
        String s = t.getWholeText();
        code.empty();
        int start = 0;
        for (int i = 0; i < s.length() - 1; i++) {
            if (BREAK_AFTER.indexOf(s.charAt(i)) >= 0 && BREAK_AFTER.indexOf(s.charAt(i + 1)) < 0 && i >= 2
                    && s.length() - i > 3) {
                code.appendText(s.substring(start, i + 1));
                code.appendElement("wbr");
                start = i + 1;
            }
        }
        code.appendText(s.substring(start));
    }

    /** A word of a cell's text (not code) longer than this may wrap after its punctuation on a phone. */
    static final int TEXT_WORD = 8;
    private static final java.util.regex.Pattern TEXT_WORDS = java.util.regex.Pattern.compile("[!-~]{" + (TEXT_WORD + 1) + ",}");

    /**
     * Lets a long Latin word of a cell's own text wrap after its punctuation before a letter ({@code RWMutex/}
     * {@code Mutex}, {@code runtime/} {@code malloc.go}) with {@code <wbr/>}: a phone's column is narrower than
     * such a word in a table of five or six columns, and a browser does not break after a slash. Numbers
     * ({@code 10,000}) stay whole; code has its own rule; the PDF takes these out again (its columns are wider).
     */
    private static void breakTextAtPunctuation(Element cell) {
        for (TextNode t : cell.textNodes()) {
            String s = t.getWholeText();
            java.util.regex.Matcher m = TEXT_WORDS.matcher(s);
            java.util.List<Integer> cuts = new java.util.ArrayList<>();
            while (m.find()) {
                String w = m.group();
                for (int i = 2; i < w.length() - 4; i++) {
                    if (BREAK_AFTER.indexOf(w.charAt(i)) >= 0 && Character.isLetter(w.charAt(i + 1))
                            && BREAK_AFTER.indexOf(w.charAt(i - 1)) < 0) {
                        cuts.add(m.start() + i + 1);
                    }
                }
            }
            if (cuts.isEmpty()) {
                continue;
            }
            int start = 0;
            for (int cut : cuts) {
                t.before(new TextNode(s.substring(start, cut)));
                t.before(new Element("wbr"));
                start = cut;
            }
            t.before(new TextNode(s.substring(start)));
            t.remove();
        }
        for (Element child : cell.children()) {
            if (!java.util.Set.of("code", "kbd", "samp", "pre", "tt", "var").contains(child.normalName())
                    && !child.hasClass(CLASS) && !child.hasClass(PRINT_CLASS)) {
                breakTextAtPunctuation(child);
            }
        }
    }

    /**
     * The most a table's whole words may take side by side, in columns (a Chinese character is two, each
     * cell's padding two more): about the text width of an A5 page in table type. A table whose words
     * would not fit keeps them breakable, as before, rather than run off the page.
     */
    static final int TABLE_BUDGET = 64;
    /** The same on a 360 px phone screen, in the EPUB's table type. */
    static final int PHONE_BUDGET = 46;

    static void mark(Element body) {
        for (Element table : body.select("table")) {
            markTable(table);
        }
        emptyHeaders(body);
    }

    /** The class of an empty header cell made a data cell; book.css paints it as the header row. */
    static final String EMPTY_HEADER = "th-empty";

    /**
     * A header cell with nothing in it (the corner of a table whose first column names its rows, {@code | | A | B |})
     * becomes a data cell: it heads nothing, and a screen reader announces an empty header (Ace by DAISY, axe's
     * empty-table-header, on content/'s chapter 11). It keeps the header row's look.
     */
    private static void emptyHeaders(Element body) {
        for (Element th : body.select("th")) {
            if (th.text().isBlank() && th.children().isEmpty()) {
                th.tagName("td");
                th.addClass(EMPTY_HEADER);
                th.removeAttr("scope");
            }
        }
    }

    private static void markTable(Element table) {
        // Code without a space in a cell: the line breaker would cut it where its column runs out
        // ("errors." / "ErrUnsupported", "-gcflags=-" / "m=2").
        for (Element code : Select.in(table, "td code, th code")) {
            if (Select.closest(code, "table") != table) {
                continue;
            }
            String text = code.text().strip();
            if (!text.isEmpty() && !text.contains(" ")) {
                if (text.length() <= WORD) {
                    code.addClass(CLASS);
                } else {
                    if (text.length() <= PRINT_WORD) {
                        code.addClass(PRINT_CLASS);
                    }
                    breakAtPunctuation(code);
                }
            } else if (text.length() <= WORD && text.contains(" ") && text.contains("-")) {
                // "ulimit -s": a browser may break after its hyphen ("ulimit -" / "s") on a phone.
                code.addClass(SCREEN_CLASS);
            }
        }
        for (Element cell : Select.in(table, "td, th")) {
            if (Select.closest(cell, "table") != table) {
                continue;
            }
            if (!Select.in(cell, "img, svg, br, ul, ol, p, pre, table").isEmpty()) {
                continue;
            }
            String text = cell.text().strip();
            int width = width(text);
            boolean cjk = width > text.codePointCount(0, text.length());
            if (width > 0 && (width <= SHORT || !cjk && width <= WORD && !text.contains(" "))) {
                cell.addClass(CLASS);
            } else if (!cjk && width <= PRINT_WORD && !text.contains(" ")) {
                cell.addClass(PRINT_CLASS);
            }
        }
        for (Element cell : Select.in(table, "td, th")) {
            if (Select.closest(cell, "table") == table && !cell.hasClass(CLASS) && !cell.hasClass(PRINT_CLASS)) {
                breakTextAtPunctuation(cell);
            }
        }
        if (columns(table, true) > PHONE_BUDGET) {
            // Too wide for a phone side by side: code longer than eight characters is whole on paper only and
            // may wrap at its punctuation on a phone; short cells (a header, a version) stay whole.
            for (Element e : Select.in(table, "code." + CLASS)) {
                if (Select.closest(e, "table") == table && e.text().strip().length() > 8) {
                    e.removeClass(CLASS).addClass(PRINT_CLASS);
                    breakAtPunctuation(e);
                }
            }
        }
        if (columns(table, false) > TABLE_BUDGET) {
            for (Element e : Select.in(table, "." + CLASS + ", ." + PRINT_CLASS)) {
                if (Select.closest(e, "table") == table) {
                    e.removeClass(CLASS).removeClass(PRINT_CLASS);
                    if (e.className().isEmpty()) {
                        e.removeAttr("class");
                    }
                }
            }
        }
    }

    /**
     * The width the table's whole words take side by side: per column its widest whole word and the cell's
     * padding, summed. On a phone ({@code phone}) a longer word wraps at its punctuation and counts ten.
     */
    private static int columns(Element table, boolean phone) {
        java.util.Map<Integer, Integer> widest = new java.util.HashMap<>();
        for (Element row : Select.in(table, "tr")) {
            if (Select.closest(row, "table") != table) {
                continue;
            }
            int col = 0;
            for (Element cell : row.children()) {
                int w = 0;
                for (Element e : Select.in(cell, "." + CLASS + ", ." + PRINT_CLASS)) {
                    if (e == cell || e.normalName().equals("code")) {
                        int width = width(e.text().strip());
                        w = Math.max(w, phone && e.hasClass(PRINT_CLASS) ? Math.min(width, 10) : width);
                    }
                }
                widest.merge(col, w + 2, Math::max);
                col++;
            }
        }
        return widest.values().stream().mapToInt(Integer::intValue).sum();
    }
}
