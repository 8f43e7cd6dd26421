package dev.studybook.preprocess;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of a {@code <script>} or {@code <style>} block, as CommonMark reads them (an HTML block of type 1): from a
 * line that starts with the opening tag to the first line that holds its closing tag. Their text is JavaScript or
 * CSS, not Markdown: VitePress pages open with {@code <script setup>} and an {@code import} line that MDX would take
 * for its own.
 */
final class RawTextBlocks {

    private static final Pattern OPENING = Pattern.compile("^ {0,3}<(script|style)(?=[\\s>]|$)",
            Pattern.CASE_INSENSITIVE);

    private String closing;

    /** Reads the next line and tells whether it belongs to a script or style block (its first and last line too). */
    boolean inBlock(String line) {
        if (closing != null) {
            if (line.toLowerCase(Locale.ROOT).contains(closing)) {
                closing = null;
            }
            return true;
        }
        Matcher m = line.indexOf('<') >= 0 ? OPENING.matcher(line) : null;
        if (m == null || !m.lookingAt()) {
            return false;
        }
        String end = "</" + m.group(1).toLowerCase(Locale.ROOT) + ">";
        if (!line.toLowerCase(Locale.ROOT).contains(end)) {
            closing = end;
        }
        return true;
    }
}
