package dev.studybook.output.epub;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short inline code and the punctuation beside it as one piece on screens: xhtml.InlineCode marks code followed
 * by "，" (class {@code ga}) or preceded by "（" ({@code gb}); here the code and that character go into a
 * {@code <span class="cg">}, an inline-block in epub.css, so that a justified line neither stretches the code's
 * spaces nor starts with the "，". The PDF lays out its own way and never sees the span.
 */
final class CodeGlue {
    private static final Pattern GLUED = Pattern.compile("<code class=\"cs( gb)?( ga)?\">[^<]*</code>");

    /** As in xhtml.InlineCode: punctuation that may not begin a line, and that which may not end one. */
    private static final String CLOSING = "、，。；：！？）」』》〉】”’…,.;:!?)";
    private static final String OPENING = "（「『《〈【“‘(";

    private CodeGlue() {
    }

    /** The chapter's XHTML with each marked code span and its punctuation in one span. */
    static String wrap(String xhtml) {
        Matcher m = GLUED.matcher(xhtml);
        StringBuilder out = null;
        int i = 0;
        while (m.find()) {
            // The character itself, checked again: a page mark may stand between it and the code.
            boolean before = m.group(1) != null && m.start() > i && OPENING.indexOf(xhtml.charAt(m.start() - 1)) >= 0;
            boolean after = m.group(2) != null && m.end() < xhtml.length() && CLOSING.indexOf(xhtml.charAt(m.end())) >= 0;
            if (!before && !after) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(xhtml.length() + 4096);
            }
            int from = before ? m.start() - 1 : m.start();
            int to = after ? m.end() + 1 : m.end();
            out.append(xhtml, i, from).append("<span class=\"cg\">").append(xhtml, from, to).append("</span>");
            i = to;
        }
        return out == null ? xhtml : out.append(xhtml, i, xhtml.length()).toString();
    }
}
