package dev.studybook.xhtml;

/**
 * Breaks runs of text with no place to break a line: a word of a million letters kept the PDF's line breaker busy
 * for minutes, and no reader shows it usefully. After {@link #MAX_UNBROKEN_RUN} characters without a space, an
 * ideograph, a hyphen, a slash or a zero-width space, a zero-width space (U+200B) is put in, in both outputs alike;
 * code is broken too (no real code has such a token, and its lines would run off the page anyway). The walk over a
 * chapter's texts is {@link XmlText#cleanAndBreak}'s.
 */
final class LongWords {
    /** The longest run of characters laid out without a break opportunity; longer ones are broken by force. */
    static final int MAX_UNBROKEN_RUN = 2_000;
    private static final char BREAK = '\u200B';

    private LongWords() {
    }

    /** The text with a zero-width space after every {@link #MAX_UNBROKEN_RUN} characters without a break; the same object when none is needed. */
    static String broken(String s) {
        StringBuilder out = null;
        int run = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isIdeographic(cp) || cp == '-' || cp == '/' || cp == BREAK
                    || Character.isSpaceChar(cp)) {
                run = 0;
            } else if (++run > MAX_UNBROKEN_RUN) {
                if (out == null) {
                    out = new StringBuilder(s.length() + s.length() / MAX_UNBROKEN_RUN + 1).append(s, 0, i);
                }
                out.append(BREAK);
                run = 1;
            }
            if (out != null) {
                out.appendCodePoint(cp);
            }
            i += n;
        }
        return out == null ? s : out.toString();
    }
}
