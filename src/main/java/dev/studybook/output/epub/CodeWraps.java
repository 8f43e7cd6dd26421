package dev.studybook.output.epub;

import dev.studybook.output.CodePieces;
import java.util.List;

/**
 * Break opportunities in long code words for small screens: a run of code without spaces longer than
 * {@value #LONG} characters ({@code mux.Handle("/",http.HandlerFunc(func(w}) gets a {@code <wbr/>} after each
 * {@code .}, {@code (}, {@code ,}, {@code [} and {@code {} that a name or literal follows, so that a reader wraps
 * it there (with epub.css's hanging indent) instead of inside a name ({@code globalD/epth}). Copying is
 * unchanged: {@code <wbr/>} is no character. Only the EPUB; the PDF wraps code itself. Inline code gets
 * {@code <wbr/>} too ({@link #inline}), where the PDF's may break.
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

    private static final String BLOCK_BREAKS = ".(,[{";

    /**
     * The chapter's XHTML with break opportunities in inline code where the PDF's may break too
     * ({@link CodePieces}: {@code internal/<wbr/>runtime/<wbr/>maps}, {@code running<wbr/>Panic<wbr/>Defers}):
     * code that could only move to the next line whole left the justified line before it with gaps of one to
     * four em on a phone (issue 17). Code in a table cell is left to xhtml.TableWords: its column is as wide as
     * its longest word.
     */
    static String inline(String xhtml) {
        StringBuilder out = new StringBuilder(xhtml.length() + 1024);
        int i = 0;
        int cells = 0;
        int scanned = 0;
        for (int s = xhtml.indexOf("<code", i); s >= 0; s = xhtml.indexOf("<code", i)) {
            int open = xhtml.indexOf('>', s);
            int end = open < 0 ? -1 : xhtml.indexOf("</code>", open);
            if (end < 0) {
                break;
            }
            for (int t = xhtml.indexOf("<", scanned); t >= 0 && t < s; t = xhtml.indexOf("<", t + 1)) {
                if (cell(xhtml, t + 1)) {
                    cells++;
                } else if (xhtml.startsWith("/", t + 1) && cell(xhtml, t + 2)) {
                    cells = Math.max(0, cells - 1);
                }
            }
            scanned = s;
            char after = xhtml.charAt(s + 5);
            int pre = xhtml.lastIndexOf("<pre", s);
            boolean inPre = pre >= 0 && xhtml.lastIndexOf("</pre>", s) < pre;
            out.append(xhtml, i, open + 1);
            if ((after == ' ' || after == '>') && !inPre && cells == 0 && xhtml.indexOf('<', open + 1) == end) {
                breaks(xhtml, open + 1, end, out);
            } else {
                out.append(xhtml, open + 1, end);
            }
            out.append("</code>");
            i = end + 7;
        }
        return out.append(xhtml, i, xhtml.length()).toString();
    }

    /** Whether a td or th tag's name starts at {@code at} (not thead). */
    private static boolean cell(String x, int at) {
        if (!x.startsWith("td", at) && !x.startsWith("th", at) || at + 2 >= x.length()) {
            return false;
        }
        char c = x.charAt(at + 2);
        return c == '>' || c == ' ' || c == '/';
    }

    /** The code's source from {@code from} to {@code to}, a {@code <wbr/>} where CodePieces cuts its text. */
    private static void breaks(String x, int from, int to, StringBuilder out) {
        StringBuilder text = new StringBuilder(to - from);
        int[] source = new int[to - from + 1];
        for (int i = from; i < to; ) {
            int semi = x.charAt(i) == '&' ? x.indexOf(';', i) : -1;
            String decoded = semi > 0 && semi < to ? entity(x.substring(i + 1, semi)) : null;
            if (decoded == null) {
                source[text.length()] = i;
                text.append(x.charAt(i));
                i++;
                continue;
            }
            for (int k = 0; k < decoded.length(); k++) {
                source[text.length()] = i;
                text.append(decoded.charAt(k));
            }
            i = semi + 1;
        }
        source[text.length()] = to;
        List<String> pieces = CodePieces.pieces(text.toString());
        int done = from;
        int at = 0;
        for (int p = 0; p < pieces.size() - 1; p++) {
            at += pieces.get(p).length();
            out.append(x, done, source[at]);
            // After a space a line may break anyway.
            if (text.charAt(at - 1) != ' ') {
                out.append("<wbr/>");
            }
            done = source[at];
        }
        out.append(x, done, to);
    }

    /** The text of an XML entity's name, or null for one not known here (left as it is, measured as written). */
    private static String entity(String name) {
        switch (name) {
            case "lt": return "<";
            case "gt": return ">";
            case "amp": return "&";
            case "quot": return "\"";
            case "apos": return "'";
            default:
                try {
                    if (name.startsWith("#x")) {
                        return Character.toString(Integer.parseInt(name.substring(2), 16));
                    }
                    if (name.startsWith("#")) {
                        return Character.toString(Integer.parseInt(name.substring(1)));
                    }
                } catch (IllegalArgumentException e) {
                    return null;
                }
                return null;
        }
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
