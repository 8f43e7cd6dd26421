package dev.studybook.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a line may break inside inline code, one rule for the PDF (output.pdf.CodeBreaks, spans) and the EPUB
 * (output.epub.CodeWraps, {@code <wbr/>}): after a space or punctuation, and inside long words at their camelCase
 * and digit boundaries. Unbreakable, {@code runtime/metrics} or {@code runningPanicDefers} left the justified
 * line before it short, or with very wide gaps (issue 17).
 */
public final class CodePieces {

    /** Code shorter than this stays whole. */
    static final int MIN_LENGTH = 12;
    /** Pieces shorter than this are joined to the next one: no line ends in "a." */
    static final int MIN_PIECE = 3;
    /** After these characters a line of code may break. */
    static final String BREAK_AFTER = "./_-,:;=([{&|)]}*";
    /** A word of letters and digits at least this long may also break inside, at its camelCase and digit boundaries. */
    static final int LONG_WORD = 12;
    /** A break inside a word leaves at least this many of its characters on either side: no "is" or "ID" alone. */
    static final int MIN_FRAGMENT = 4;

    private CodePieces() {
    }

    /** The text cut after its spaces and punctuation; one piece when it is short or has none. */
    public static List<String> pieces(String s) {
        return pieces(s, MIN_LENGTH, LONG_WORD, MIN_FRAGMENT);
    }

    /**
     * The text cut as {@link #pieces(String)} does, with code from {@code minLength} characters on cut, words from
     * {@code longWord} letters on cut at their seams, and at least {@code minFragment} of a word's characters on
     * either side of such a cut: a phone's line holds about 36 code characters, half of a printed page's.
     */
    public static List<String> pieces(String s, int minLength, int longWord, int minFragment) {
        List<String> out = new ArrayList<>();
        if (s.length() < minLength) {
            out.add(s);
            return out;
        }
        int start = 0;
        for (int i = 0; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            // A break after a space or the punctuation, never inside a run of it ("::", "&&", "..."), nor before a
            // space. Cut at its spaces too, code glued to the punctuation after it (PunctuationGlue) is only its
            // last word: "concurrent map writes。" was one box that no line could break into.
            boolean after = c == ' ' || BREAK_AFTER.indexOf(c) >= 0 && BREAK_AFTER.indexOf(s.charAt(i + 1)) < 0
                    && !(i > 0 && numberDot(s.charAt(i - 1), c, s.charAt(i + 1)));
            if (after && s.charAt(i + 1) != ' '
                    && i + 1 - start >= MIN_PIECE && s.length() - (i + 1) >= MIN_PIECE) {
                out.add(s.substring(start, i + 1));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        List<String> finer = new ArrayList<>();
        for (String piece : out) {
            finer.addAll(inWords(piece, longWord, minFragment));
        }
        return finer;
    }

    /**
     * Whether {@code dot} is a dot between digits: a version or a decimal ({@code go1.26.8}, {@code 0.75}) is never
     * parted at its dot, on paper or on a phone, in prose, inline code or code blocks (the one rule all of them ask).
     */
    public static boolean numberDot(char before, char dot, char after) {
        return dot == '.' && digit(before) && digit(after);
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * A piece cut inside its long words (runningPanicDefers, isAsyncSafePoint, utf8Len16): before a capital that
     * follows a small letter, and between a letter and a digit. Unbreakable, such a word left the line before it
     * short by most of its width.
     */
    static List<String> inWords(String piece) {
        return inWords(piece, LONG_WORD, MIN_FRAGMENT);
    }

    private static List<String> inWords(String piece, int longWord, int minFragment) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < piece.length()) {
            if (!Character.isLetterOrDigit(piece.charAt(i))) {
                i++;
                continue;
            }
            int w = i;
            while (i < piece.length() && Character.isLetterOrDigit(piece.charAt(i))) {
                i++;
            }
            if (i - w < longWord) {
                continue;
            }
            int last = w;
            for (int k = w + minFragment; k <= i - minFragment; k++) {
                char a = piece.charAt(k - 1);
                char b = piece.charAt(k);
                boolean camel = Character.isLowerCase(a) && Character.isUpperCase(b);
                boolean digit = Character.isDigit(a) != Character.isDigit(b);
                if ((camel || digit) && k - last >= minFragment && k - start >= MIN_PIECE) {
                    out.add(piece.substring(start, k));
                    start = k;
                    last = k;
                }
            }
        }
        out.add(piece.substring(start));
        return out;
    }
}
