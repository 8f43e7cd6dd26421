package dev.studybook.xhtml;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Marks short inline code with a space ({@code state int32}, {@code ulimit -s}) so that a justified line cannot
 * widen its spaces: browsers stretch every space of a justified line, code's own included, and code is read
 * column by column. A code span marked {@value #CLASS} is laid out as one piece on screens (epub.css:
 * inline-block), which a line can wrap around but not stretch; longer code keeps wrapping at its spaces.
 */
final class InlineCode {

    /** The class of short inline code with a space. */
    static final String CLASS = "cs";
    /** Code up to this long with a space is one piece: about half a phone's line in code type. */
    static final int MAX = 24;

    private InlineCode() {
    }

    /** Punctuation that may not begin a line, and that which may not end one. */
    private static final String CLOSING = "、，。；：！？）」』》〉】”’…,.;:!?)";
    private static final String OPENING = "（「『《〈【“‘(";

    /**
     * Whether closing punctuation follows the code or opening punctuation precedes it: a browser may break a
     * line on either side of an inline-block, and "、" would begin a line; such code stays stretchable.
     */
    private static boolean gluedToPunctuation(Element code) {
        org.jsoup.nodes.Node next = code.nextSibling();
        org.jsoup.nodes.Node prev = code.previousSibling();
        if (next instanceof TextNode n && !n.getWholeText().isEmpty() && CLOSING.indexOf(n.getWholeText().charAt(0)) >= 0) {
            return true;
        }
        if (prev instanceof TextNode p && !p.getWholeText().isEmpty()
                && OPENING.indexOf(p.getWholeText().charAt(p.getWholeText().length() - 1)) >= 0) {
            return true;
        }
        return next == null && code.parent() != null && !code.parent().normalName().equals("p")
                && !code.parent().normalName().equals("li") && !code.parent().normalName().equals("td")
                && !code.parent().normalName().equals("th");
    }

    static void mark(Element body) {
        dense(body);
        for (Element code : body.select("code")) {
            if (Select.closest(code, "pre") != null || code.childNodeSize() != 1
                    || !(code.childNode(0) instanceof TextNode t)) {
                continue;
            }
            String s = t.getWholeText();
            if (s.length() <= MAX && s.strip().contains(" ")) {
                code.addClass(CLASS);
                if (gluedToPunctuation(code)) {
                    glue(code);
                }
            }
        }
    }

    /** Classes of such code whose next (previous) character is punctuation that goes with it: "，" after, "（" before. */
    static final String GLUE_AFTER = "ga";
    static final String GLUE_BEFORE = "gb";

    /**
     * Short code beside punctuation that may not begin or end a line ({@code state int32}，): marked so that the
     * EPUB makes the code and that punctuation one piece (output.epub.CodeGlue), which a justified line neither
     * stretches nor breaks before the "，". Only classes here: the PDF lays out the same XHTML, and an element
     * around the code changed its reading order. Code whose neighbour is unknown (last in a link or an
     * emphasis) stays stretchable.
     */
    private static void glue(Element code) {
        org.jsoup.nodes.Node next = code.nextSibling();
        org.jsoup.nodes.Node prev = code.previousSibling();
        boolean after = next instanceof TextNode n && !n.getWholeText().isEmpty()
                && CLOSING.indexOf(n.getWholeText().charAt(0)) >= 0;
        boolean before = prev instanceof TextNode p && !p.getWholeText().isEmpty()
                && OPENING.indexOf(p.getWholeText().charAt(p.getWholeText().length() - 1)) >= 0;
        if (!after && !before) {
            code.removeClass(CLASS);
        }
        if (before) {
            code.addClass(GLUE_BEFORE);
        }
        if (after) {
            code.addClass(GLUE_AFTER);
        }
    }

    /**
     * The class of a paragraph, list item or definition whose own text is at least {@link #DENSE_SHARE} inline
     * code: epub.css sets it ragged right on narrow screens. A phone's line holds about twenty Chinese characters,
     * and code moves to the next line in pieces of up to a third of a line: justified, the lines before such
     * pieces opened blanks of one to six em between the few characters left to stretch (issue 17; 386 lines of
     * 11,139 in content/ at 360 px). Text of less code stays justified.
     */
    static final String DENSE = "cd";
    /**
     * The share of a block's characters (spaces not counted) in inline code from which it is {@value #DENSE}:
     * at 360 px, 0.3 left 89 lines with a blank over 1 em where there were 386, with 940 of 2,849 paragraphs of
     * content/ ragged; 0.2 left 33 with 1,365 ragged, the book's prose with a name or two in it among them.
     */
    static final double DENSE_SHARE = 0.3;

    /** Characters that fit a phone's line whatever they are (about twenty Chinese ones): never a justified line. */
    private static final int ONE_LINE = 20;

    private static final java.util.Set<String> BLOCKS = java.util.Set.of("p", "li", "dd");
    private static final java.util.Set<String> INNER_BLOCKS = java.util.Set.of("p", "ul", "ol", "dl", "pre", "div",
            "table", "blockquote", "figure", "section", "h1", "h2", "h3", "h4", "h5", "h6", "hr");

    private static void dense(Element body) {
        for (Element block : body.getAllElements()) {
            if (!BLOCKS.contains(block.normalName())) {
                continue;
            }
            int[] counts = new int[2];
            count(block, false, counts);
            if (counts[0] > ONE_LINE && counts[1] >= DENSE_SHARE * counts[0]) {
                block.addClass(DENSE);
            }
        }
    }

    /** Adds to counts[0] the characters (no spaces) of {@code e}'s own text, not its inner blocks'; to [1], code's. */
    private static void count(Element e, boolean code, int[] counts) {
        for (org.jsoup.nodes.Node n : e.childNodes()) {
            if (n instanceof TextNode t) {
                String s = t.getWholeText();
                int chars = 0;
                for (int i = 0; i < s.length(); i++) {
                    if (!Character.isWhitespace(s.charAt(i)) && !Character.isLowSurrogate(s.charAt(i))) {
                        chars++;
                    }
                }
                counts[0] += chars;
                if (code) {
                    counts[1] += chars;
                }
            } else if (n instanceof Element child && !INNER_BLOCKS.contains(child.normalName())) {
                count(child, code || child.normalName().equals("code"), counts);
            }
        }
    }
}
