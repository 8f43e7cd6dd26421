package dev.studybook.preprocess;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows fenced code blocks line by line, as CommonMark opens and closes them, so that a preprocessor leaves
 * what is inside code as written: a {@code ::: tip} or {@code {% raw %}} shown in a listing is part of the listing.
 */
final class CodeFences {

    /** A fence: indentation (and quote markers), then three or more backticks or tildes, then the info string. */
    private static final Pattern FENCE = Pattern.compile("^([ \\t]*(?:>[ \\t]?)*[ \\t]*)(`{3,}|~{3,})(.*)$");

    private char fenceChar;
    private int fenceLength;

    /**
     * Reads the next line and tells whether it belongs to a code block: an opening or closing fence, or a line
     * between them.
     */
    boolean inCode(String line) {
        Matcher m = mayBeFence(line) ? FENCE.matcher(line) : null;
        boolean fence = m != null && m.matches();
        if (fenceLength > 0) {
            if (fence && m.group(2).charAt(0) == fenceChar && m.group(2).length() >= fenceLength
                    && m.group(3).isBlank()) {
                fenceLength = 0;
            }
            return true;
        }
        if (fence && !(m.group(2).charAt(0) == '`' && m.group(3).indexOf('`') >= 0)) {
            fenceChar = m.group(2).charAt(0);
            fenceLength = m.group(2).length();
            return true;
        }
        return false;
    }

    /**
     * False when the line cannot be a fence: its first character other than a space, a tab or a quote marker is not a
     * backtick or a tilde. Most lines are prose or code, and a look at their start costs less than the pattern.
     */
    static boolean mayBeFence(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '`' || c == '~') {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '>') {
                return false;
            }
        }
        return false;
    }

    /** True while a fence is open. */
    boolean open() {
        return fenceLength > 0;
    }

    /**
     * The ranges of a line that are inline code ({@code `...`}), as pairs of start and end indexes, so that a tag
     * written inside backticks is left alone.
     */
    static boolean[] inlineCode(String line) {
        boolean[] code = new boolean[line.length()];
        int i = 0;
        while (i < line.length()) {
            if (line.charAt(i) != '`' || (i > 0 && line.charAt(i - 1) == '\\')) {
                i++;
                continue;
            }
            int run = 0;
            while (i + run < line.length() && line.charAt(i + run) == '`') {
                run++;
            }
            String ticks = "`".repeat(run);
            int close = line.indexOf(ticks, i + run);
            while (close >= 0 && close + run < line.length() && line.charAt(close + run) == '`') {
                close = line.indexOf(ticks, close + run + 1);
            }
            if (close < 0) {
                i += run;
                continue;
            }
            for (int k = i; k < close + run; k++) {
                code[k] = true;
            }
            i = close + run;
        }
        return code;
    }
}
