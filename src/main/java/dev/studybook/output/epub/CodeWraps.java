package dev.studybook.output.epub;

/**
 * Break opportunities in long code words for small screens: a run of code without spaces longer than
 * {@value #LONG} characters ({@code mux.Handle("/",http.HandlerFunc(func(w}) gets a {@code <wbr/>} after each
 * {@code .}, {@code (}, {@code ,}, {@code [} and {@code {} that a name or literal follows, so that a reader wraps
 * it there (with epub.css's hanging indent) instead of inside a name ({@code globalD/epth}). Copying is
 * unchanged: {@code <wbr/>} is no character. Only the EPUB's code blocks; the PDF wraps code itself.
 */
final class CodeWraps {
    /** Runs up to this long move to the next line whole, as before. */
    static final int LONG = 24;

    private CodeWraps() {
    }

    /** The chapter's XHTML with break opportunities in the long words of its {@code <pre>} blocks. */
    static String mark(String xhtml) {
        StringBuilder out = new StringBuilder(xhtml.length() + 1024);
        int i = 0;
        for (int s = xhtml.indexOf("<pre", i); s >= 0; s = xhtml.indexOf("<pre", i)) {
            char after = s + 4 < xhtml.length() ? xhtml.charAt(s + 4) : 0;
            int open = xhtml.indexOf('>', s);
            int end = open < 0 ? -1 : xhtml.indexOf("</pre>", open);
            if (end < 0) {
                break;
            }
            if (after != ' ' && after != '>') {
                out.append(xhtml, i, s + 4);
                i = s + 4;
                continue;
            }
            out.append(xhtml, i, open + 1);
            wrap(xhtml, open + 1, end, out, BLOCK_BREAKS, LONG);
            out.append("</pre>");
            i = end + 6;
        }
        return out.append(xhtml, i, xhtml.length()).toString();
    }

    /** Inline code runs up to this long stay whole: a justified line wraps before them. */
    static final int LONG_INLINE = 16;
    private static final String BLOCK_BREAKS = ".(,[{";
    private static final String INLINE_BREAKS = "/.(,";

    /**
     * The chapter's XHTML with break opportunities in long inline code ({@code internal/runtime/maps/runtime.go}
     * after each "/" and "."): a justified line before such code was left with wide gaps, or letter-spaced
     * (issue 17), because the code could only move to the next line whole.
     */
    static String inline(String xhtml) {
        StringBuilder out = new StringBuilder(xhtml.length() + 1024);
        int i = 0;
        for (int s = xhtml.indexOf("<code", i); s >= 0; s = xhtml.indexOf("<code", i)) {
            int open = xhtml.indexOf('>', s);
            int end = open < 0 ? -1 : xhtml.indexOf("</code>", open);
            if (end < 0) {
                break;
            }
            char after = xhtml.charAt(s + 5);
            int pre = xhtml.lastIndexOf("<pre", s);
            boolean inPre = pre >= 0 && xhtml.lastIndexOf("</pre>", s) < pre;
            out.append(xhtml, i, open + 1);
            if ((after == ' ' || after == '>') && !inPre && xhtml.indexOf('<', open + 1) == end) {
                wrap(xhtml, open + 1, end, out, INLINE_BREAKS, LONG_INLINE);
            } else {
                out.append(xhtml, open + 1, end);
            }
            out.append("</code>");
            i = end + 7;
        }
        return out.append(xhtml, i, xhtml.length()).toString();
    }

    private static void wrap(String x, int from, int to, StringBuilder out, String punctuation, int longRun) {
        StringBuilder run = new StringBuilder();
        int[] breaks = new int[16];
        int count = 0;
        int length = 0;
        char prev = 0;
        for (int i = from; i < to; i++) {
            char c = x.charAt(i);
            if (c == '<') {
                int close = x.indexOf('>', i);
                run.append(x, i, close + 1);
                i = close;
                continue;
            }
            char text = c;
            int next = i;
            if (c == '&') {
                next = x.indexOf(';', i);
                text = x.startsWith("&quot;", i) ? '"' : x.startsWith("&apos;", i) ? '\'' : '&';
            }
            if (Character.isWhitespace(c)) {
                flush(out, run, breaks, count, length, longRun);
                count = 0;
                length = 0;
                out.append(c);
                prev = 0;
                continue;
            }
            if (prev != 0 && punctuation.indexOf(prev) >= 0 && (Character.isLetterOrDigit(text) || text == '_' || text == '"'
                    || text == '\'' || text == '&')) {
                if (count == breaks.length) {
                    breaks = java.util.Arrays.copyOf(breaks, count * 2);
                }
                breaks[count++] = run.length();
            }
            run.append(x, i, next + 1);
            i = next;
            length++;
            prev = text;
        }
        flush(out, run, breaks, count, length, longRun);
    }

    private static void flush(StringBuilder out, StringBuilder run, int[] breaks, int count, int length, int longRun) {
        if (length > longRun) {
            for (int k = count - 1; k >= 0; k--) {
                run.insert(breaks[k], "<wbr/>");
            }
        }
        out.append(run);
        run.setLength(0);
    }
}
