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
        return inline(xhtml, vocabulary(xhtml));
    }

    /**
     * As {@link #inline(String)}, long all-lowercase names cut between the {@code words} of the whole book
     * ({@link #vocabulary(List)}): a name's words are often spelled apart in another chapter only.
     */
    static String inline(String xhtml, java.util.Set<String> words) {
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
            boolean plain = (after == ' ' || after == '>') && !inPre && cells == 0 && xhtml.indexOf('<', open + 1) == end;
            if (plain && sentence(xhtml.substring(open + 1, end))) {
                out.append(withClass(xhtml.substring(i, open + 1), s - i, SENTENCE));
            } else {
                out.append(xhtml, i, open + 1);
            }
            if (plain) {
                breaks(xhtml, open + 1, end, out, words);
            } else {
                out.append(xhtml, open + 1, end);
            }
            out.append("</code>");
            i = end + 7;
        }
        return out.append(xhtml, i, xhtml.length()).toString();
    }

    /**
     * The class of inline code that is a sentence or a message of words ({@code fatal error: concurrent map writes},
     * {@code all goroutines are asleep - deadlock!}): epub.css lets justification widen its spaces as it widens the
     * prose's, where other code is kept out of it. Kept out, such code left the few spaces and Chinese characters
     * of its line to take all the slack: blanks of 1 to 3.5 em on a phone (issue 17).
     */
    static final String SENTENCE = "cw";

    /**
     * Whether code's source reads as words: at least three words of two letters or more, each word letters and
     * digits (with inner {@code -}, {@code '}, {@code .}: {@code time.Since}, {@code go1.25}), perhaps quoted or in
     * parentheses ({@code "const"}, {@code (>64kB)}, {@code (file is go1.21)}), and at most one closing mark
     * ({@code :,.!?;}), or a lone {@code -} or {@code ...}. A call, an expression, a list of names, a command with
     * flags or a path ({@code append([]byte(nil), make(}, {@code x - y}, {@code x, y, z}, {@code go test -bench .},
     * {@code a == b}, {@code f(x) (int, error)}) is not: its spaces keep their width.
     */
    static boolean sentence(String source) {
        String text = source.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
        int words = 0;
        for (String w : text.split(" ", -1)) {
            if (!w.equals("-") && !w.equals("...") && !MESSAGE_WORD.matcher(w).matches()) {
                return false;
            }
            if (w.matches(".*[A-Za-z].*[A-Za-z].*")) {
                words++;
            }
        }
        return words >= 3;
    }

    /**
     * A word of a message: letters and digits with inner {@code - ' .}, quoted whole or opening or closing a
     * parenthesis ({@code (>64kB)}: a size in a message) and a closing mark. Compiler and runtime messages quote
     * names and add a parenthesised note ({@code "const" escapes to heap}, {@code channel element type too large
     * (>64kB)}); kept out of justification, such code left its line a blank of 2 to 4 em on a phone (issue 17).
     */
    private static final java.util.regex.Pattern MESSAGE_WORD = java.util.regex.Pattern.compile(
            "(\\(>?|\")?(?:[A-Za-z0-9][A-Za-z0-9'.-]*[A-Za-z0-9]|[A-Za-z0-9])(\"|\\))?[:,.!?;]?");

    /** The tag at {@code at} of {@code html} (a {@code <code>} start tag) with {@code name} added to its classes. */
    private static String withClass(String html, int at, String name) {
        int gt = html.indexOf('>', at);
        String tag = html.substring(at, gt);
        int c = tag.indexOf(" class=\"");
        String added = c >= 0 ? tag.substring(0, c + 8) + name + " " + tag.substring(c + 8) : tag + " class=\"" + name + "\"";
        return html.substring(0, at) + added + html.substring(gt);
    }

    /**
     * Inline code and prose words from this long on get break opportunities, where the PDF's cut from 12: a phone's
     * line holds about 36 code characters, and a 9- to 11-character name ({@code needWBsrc}, {@code fieldCache},
     * {@code WithValue}) that could only move down whole left the line before it with gaps of two to six em
     * (issue 17; content/ at 360 px: lines with a blank over 1 em 489 -> 415).
     */
    static final int PHONE_MIN_LENGTH = 8;
    /** Words of letters and digits from this long on may break at their camelCase and digit seams. */
    static final int PHONE_LONG_WORD = 8;
    /**
     * A seam leaves at least this many characters on either side: {@code rwmutex|Max|Readers},
     * {@code Set|Finalizer} (content/ at 360 px: 415 -> 406 lines over 1 em, 65 -> 57 over 2 em).
     */
    static final int PHONE_MIN_FRAGMENT = 3;

    /** Whether a td or th tag's name starts at {@code at} (not thead). */
    private static boolean cell(String x, int at) {
        if (!x.startsWith("td", at) && !x.startsWith("th", at) || at + 2 >= x.length()) {
            return false;
        }
        char c = x.charAt(at + 2);
        return c == '>' || c == ' ' || c == '/';
    }

    /**
     * The code's source from {@code from} to {@code to}, a {@code <wbr/>} where CodePieces cuts its text and between
     * the known words of its long all-lowercase names ({@link #lowercaseCuts}).
     */
    private static void breaks(String x, int from, int to, StringBuilder out, java.util.Set<String> words) {
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
        List<String> pieces = CodePieces.pieces(text.toString(), PHONE_MIN_LENGTH, PHONE_LONG_WORD, PHONE_MIN_FRAGMENT);
        boolean[] cut = new boolean[text.length() + 1];
        int at = 0;
        for (int p = 0; p < pieces.size() - 1; p++) {
            at += pieces.get(p).length();
            // After a space a line may break anyway.
            cut[at] = text.charAt(at - 1) != ' ' && breakable(text, at);
        }
        lowercaseCuts(text, words, cut);
        parenCuts(text, cut);
        int done = from;
        for (int k = 1; k < text.length(); k++) {
            if (cut[k] && source[k] > done) {
                out.append(x, done, source[k]).append("<wbr/>");
                done = source[k];
            }
        }
        out.append(x, done, to);
    }

    /**
     * Marks in {@code cut} the place before each {@code (} that ends a name of at least {@value #PHONE_MIN_FRAGMENT}
     * letters or digits and opens an argument list that is not empty ({@code cachedType|Fields|(t)},
     * {@code SetInt|(1)}), in code of at least {@value #PHONE_MIN_LENGTH} characters. After the {@code (} a line
     * could already break; a call whose arguments were one short piece ({@code Fields(t)}, {@code new(T)}) moved to
     * a phone's next line whole and left the line before it with blanks of 1.5 to 2.5 em (issue 17). {@code f()}
     * stays whole: a line never begins with "()".
     */
    static void parenCuts(CharSequence text, boolean[] cut) {
        if (text.length() < PHONE_MIN_LENGTH) {
            return;
        }
        for (int k = PHONE_MIN_FRAGMENT; k + 1 < text.length(); k++) {
            if (text.charAt(k) != '(' || text.charAt(k + 1) == ')') {
                continue;
            }
            int w = k;
            while (w > 0 && Character.isLetterOrDigit(text.charAt(w - 1))) {
                w--;
            }
            if (k - w >= PHONE_MIN_FRAGMENT) {
                cut[k] = true;
            }
        }
    }

    /**
     * All-lowercase names in inline code from this long on may break between the words they are made of: from 10,
     * 8- and 9-letter names ({@code closechan}, {@code newdefer}, {@code makechan}) moved to a phone's next line
     * whole (content/ at 360 px: 23 lines with a blank over 1 em before one).
     */
    static final int PHONE_LOWERCASE_RUN = 8;
    /**
     * The longest word of the vocabulary: an 8- or 9-letter name the book also spells as a word of its own
     * ({@code goroutine}, {@code interface}) stays whole; a longer one is cut between its words even so
     * ({@code defer|return}: with words up to 14 letters, 30 such names stayed whole and content/ at 360 px had
     * 421 lines with a blank over 1 em instead of 415).
     */
    static final int PHONE_LONGEST_WORD = 9;
    /**
     * Two-letter words ({@code no}, {@code to}, {@code gc}) may be parts of a name but never a piece of their own:
     * {@code nosync|hash|trie|map}, {@code string|toslice|byte}; {@code mallocgc} stays whole.
     */
    static final int PHONE_SHORTEST_WORD = 2;

    /**
     * The words a chapter's long all-lowercase names may be cut into: every run of small letters of its text, or
     * the capitalised word of a camelCase name ({@code Slice} of {@code makeSlice}), from
     * {@value #PHONE_SHORTEST_WORD} to {@value #PHONE_LONGEST_WORD} letters, lower-cased. Taken from the chapter
     * itself, not from a built-in list, so that any book's names are cut by its own words.
     */
    static java.util.Set<String> vocabulary(String xhtml) {
        return vocabulary(List.of(xhtml));
    }

    /** The words of all these chapters, as {@link #vocabulary(String)} finds them in each. */
    static java.util.Set<String> vocabulary(List<String> chapters) {
        java.util.Set<String> words = new java.util.HashSet<>();
        for (String xhtml : chapters) {
            words(xhtml, words);
        }
        return java.util.Set.copyOf(words);
    }

    private static void words(String xhtml, java.util.Set<String> words) {
        boolean tag = false;
        boolean entity = false;
        int start = -1;
        for (int i = 0; i <= xhtml.length(); i++) {
            char c = i < xhtml.length() ? xhtml.charAt(i) : '<';
            boolean small = !tag && !entity && small(c);
            if (small && start < 0) {
                // A capital before the small letters begins the word, unless it ends an acronym (GC|mark).
                boolean capital = i > 0 && capital(xhtml.charAt(i - 1)) && !(i > 1 && capital(xhtml.charAt(i - 2)));
                start = capital ? i - 1 : i;
            } else if (!small && start >= 0) {
                if (i - start >= PHONE_SHORTEST_WORD && i - start <= PHONE_LONGEST_WORD) {
                    words.add(xhtml.substring(start, i).toLowerCase(java.util.Locale.ROOT));
                }
                start = -1;
            }
            if (c == '<') {
                tag = true;
            } else if (c == '>') {
                tag = false;
            } else if (c == '&' && !tag) {
                entity = true;
            } else if (c == ';') {
                entity = false;
            }
        }
    }

    /**
     * Marks in {@code cut} the seams of each run of at least {@value #PHONE_LOWERCASE_RUN} small letters that
     * {@code words} splits whole ({@code panic|makeslice|len}, {@code container|max|procs}, {@code write|barrier}),
     * in the fewest words, a two-letter word never a piece of its own ({@code nosync|hash|trie|map}); a run not made
     * of known words, or itself one, stays whole. Such names have no camelCase seam, and one
     * that could only move to the next line whole left the line before it on a phone with blanks of 3 to 11 em
     * (issue 17); a cut at any letter ({@code updatemaxp|rocs}) reads worse than the blank.
     */
    static void lowercaseCuts(CharSequence text, java.util.Set<String> words, boolean[] cut) {
        int i = 0;
        while (i < text.length()) {
            if (!small(text.charAt(i))) {
                i++;
                continue;
            }
            int w = i;
            while (i < text.length() && small(text.charAt(i))) {
                i++;
            }
            // The small letters of a capitalised word (Traceable of maybeTraceableChan) are one word from 8 letters
            // to 9: "Trace|able" read as a cut inside a word.
            boolean tail = w > 0 && capital(text.charAt(w - 1));
            if (i - w < (tail ? PHONE_LONGEST_WORD + 1 : PHONE_LOWERCASE_RUN) || words.isEmpty()) {
                continue;
            }
            String run = text.subSequence(w, i).toString();
            int n = run.length();
            // fewest[k]: the fewest known words that make run[0, k), and where the last of them begins.
            int[] fewest = new int[n + 1];
            int[] from = new int[n + 1];
            java.util.Arrays.fill(fewest, Integer.MAX_VALUE);
            fewest[0] = 0;
            for (int k = PHONE_SHORTEST_WORD; k <= n; k++) {
                for (int j = Math.max(0, k - PHONE_LONGEST_WORD); j <= k - PHONE_SHORTEST_WORD; j++) {
                    if (fewest[j] != Integer.MAX_VALUE && fewest[j] + 1 < fewest[k] && words.contains(run.substring(j, k))) {
                        fewest[k] = fewest[j] + 1;
                        from[k] = j;
                    }
                }
            }
            if (fewest[n] == Integer.MAX_VALUE) {
                continue;
            }
            // The words' bounds; a word shorter than a fragment is joined to the word after it, the last word to
            // the one before it.
            java.util.List<Integer> bounds = new java.util.ArrayList<>();
            for (int k = n; k > 0; k = from[k]) {
                bounds.add(0, k);
            }
            bounds.add(0, 0);
            boolean[] seam = new boolean[n + 1];
            for (int b = 1; b < bounds.size() - 1; b++) {
                seam[bounds.get(b)] = true;
            }
            for (int b = 0; b + 1 < bounds.size(); b++) {
                if (bounds.get(b + 1) - bounds.get(b) < PHONE_MIN_FRAGMENT) {
                    seam[b + 2 < bounds.size() ? bounds.get(b + 1) : bounds.get(b)] = false;
                }
            }
            int last = 0;
            for (int k = PHONE_MIN_FRAGMENT; k <= n - PHONE_MIN_FRAGMENT; k++) {
                if (seam[k] && k - last >= PHONE_MIN_FRAGMENT) {
                    cut[w + k] = true;
                    last = k;
                }
            }
        }
    }

    private static boolean small(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean capital(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /**
     * Whether a screen may break {@code text} before index {@code at}, where CodePieces cuts it: not inside a
     * number ({@code go1.26.|8}, {@code 1,|000}: a version or an amount read as one), nor after the {@code _}
     * or {@code -} that begins a name or a flag ({@code setGCPhase(_|GCmark)}, {@code -|benchtime}), which
     * left a line ending in a lone sign. Only the EPUB asks this; the PDF keeps CodePieces' cuts as they are.
     */
    static boolean breakable(CharSequence text, int at) {
        if (at < 2 || at >= text.length()) {
            return true;
        }
        char before = text.charAt(at - 1);
        if (CodePieces.numberDot(text.charAt(at - 2), before, text.charAt(at))
                || before == ',' && Character.isDigit(text.charAt(at - 2)) && Character.isDigit(text.charAt(at))) {
            return false;
        }
        return !((before == '_' || before == '-') && !Character.isLetterOrDigit(text.charAt(at - 2)));
    }

    /** Elements whose text {@link #prose} leaves alone: code (CodeWraps' own), table cells (xhtml.TableWords). */
    private static final java.util.Set<String> NOT_PROSE = java.util.Set.of("pre", "code", "kbd", "samp", "var", "tt",
            "td", "th", "script", "style", "svg", "math", "title", "head");

    /**
     * The chapter's XHTML with break opportunities, by the rule of inline code, in the long words of its prose:
     * a path, a file or an identifier written without backticks ({@code （runtime/signal_unix.go）},
     * {@code stopTheWorldWithSema}, {@code cpu.cfs_period_us}) moved to the next line of a phone whole and left
     * the justified line before it with gaps of two to eleven em (issue 17). A "/" alone between two code spans
     * ({@code context.Canceled/context.DeadlineExceeded}) may end a line too. Words without a Latin letter or
     * too short for CodePieces to cut, and text in code, cells, SVG and MathML, are left as they are.
     */
    static String prose(String xhtml) {
        StringBuilder out = new StringBuilder(xhtml.length() + 1024);
        int skip = 0;
        int i = 0;
        while (i < xhtml.length()) {
            int lt = xhtml.indexOf('<', i);
            int textEnd = lt < 0 ? xhtml.length() : lt;
            if (skip == 0 && textEnd > i) {
                words(xhtml, i, textEnd, out);
            } else {
                out.append(xhtml, i, textEnd);
            }
            if (lt < 0) {
                break;
            }
            if (xhtml.startsWith("<!--", lt) || xhtml.startsWith("<![CDATA[", lt)) {
                int close = xhtml.indexOf(xhtml.startsWith("<!--", lt) ? "-->" : "]]>", lt);
                int end = close < 0 ? xhtml.length() : close + 3;
                out.append(xhtml, lt, end);
                i = end;
                continue;
            }
            int gt = xhtml.indexOf('>', lt);
            if (gt < 0) {
                out.append(xhtml, lt, xhtml.length());
                break;
            }
            boolean closing = xhtml.charAt(lt + 1) == '/';
            int n = closing ? lt + 2 : lt + 1;
            int nameEnd = n;
            while (nameEnd < gt && !Character.isWhitespace(xhtml.charAt(nameEnd)) && xhtml.charAt(nameEnd) != '/') {
                nameEnd++;
            }
            String name = xhtml.substring(n, nameEnd);
            int colon = name.indexOf(':');
            if (colon >= 0) {
                name = name.substring(colon + 1);
            }
            if (NOT_PROSE.contains(name) && xhtml.charAt(gt - 1) != '/') {
                skip = closing ? Math.max(0, skip - 1) : skip + 1;
            }
            // A "/" alone between two code spans: a line may end after it.
            if (skip == 0 && xhtml.startsWith("</code>/<code", lt)) {
                out.append("</code>/<wbr/>");
                i = lt + 8;
                continue;
            }
            out.append(xhtml, lt, gt + 1);
            i = gt + 1;
        }
        return out.toString();
    }

    /** Text from {@code from} to {@code to}, its long Latin words given break opportunities. */
    private static void words(String x, int from, int to, StringBuilder out) {
        int i = from;
        while (i < to) {
            int w = i;
            while (w < to && !word(x.charAt(w))) {
                w++;
            }
            out.append(x, i, w);
            int e = w;
            boolean latin = false;
            while (e < to && word(x.charAt(e))) {
                char c = x.charAt(e);
                latin |= c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
                e++;
            }
            if (latin) {
                breaks(x, w, e, out, java.util.Set.of());
            } else {
                out.append(x, w, e);
            }
            i = e;
        }
    }

    /** A character of a Latin word, a path or an identifier: not a space, not CJK nor full-width. */
    private static boolean word(char c) {
        return c > ' ' && c < '\u2E80' && c != '\u00A0' && !Character.isSpaceChar(c);
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
        char beforePrev = 0;
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
                beforePrev = 0;
                continue;
            }
            // Never inside a number: a version (go1.26.8) or an amount reads as one.
            boolean number = CodePieces.numberDot(beforePrev, prev, text);
            if (prev != 0 && punctuation.indexOf(prev) >= 0 && !number && (Character.isLetterOrDigit(text) || text == '_'
                    || text == '"' || text == '\'' || text == '&')) {
                if (count == breaks.length) {
                    breaks = java.util.Arrays.copyOf(breaks, count * 2);
                }
                breaks[count++] = run.length();
            }
            run.append(x, i, next + 1);
            i = next;
            length++;
            beforePrev = prev;
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
