package dev.studybook.markdown;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.delimiter.AsteriskDelimiterProcessor;
import com.vladsch.flexmark.parser.core.delimiter.UnderscoreDelimiterProcessor;
import com.vladsch.flexmark.util.data.MutableDataHolder;

/**
 * Emphasis next to Chinese, Japanese and Korean text as Chinese editors show it (Typora; markdown-it with
 * markdown-it-cjk-friendly): CommonMark's flanking rules refuse {@code 这是**（注）**内容} and
 * {@code **注意：**这里} because punctuation sits inside the delimiter with a letter outside. As in the
 * CJK-friendly specification, a CJK character beside a delimiter run counts like whitespace on that side for the
 * punctuation rule; everything else is CommonMark's rule, so text without CJK parses exactly as before.
 */
final class CjkEmphasis implements Parser.ParserExtension {

    static CjkEmphasis create() {
        return new CjkEmphasis();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
        // The built-in processors are replaced by the ones below (two processors for one character conflict).
        options.set(Parser.ASTERISK_DELIMITER_PROCESSOR, false);
        options.set(Parser.UNDERSCORE_DELIMITER_PROCESSOR, false);
    }

    @Override
    public void extend(Parser.Builder builder) {
        boolean strongWrapsEmphasis = Parser.STRONG_WRAPS_EMPHASIS.get(builder);
        builder.customDelimiterProcessor(new Asterisk(strongWrapsEmphasis));
        builder.customDelimiterProcessor(new Underscore(strongWrapsEmphasis));
    }

    /** Left-flanking with CJK: not followed by whitespace; not followed by punctuation unless preceded by whitespace, punctuation or CJK. */
    static boolean leftFlanking(String before, String after, boolean beforePunct, boolean afterPunct, boolean beforeSpace,
            boolean afterSpace) {
        return !afterSpace && (!afterPunct || beforeSpace || beforePunct || cjk(before));
    }

    /** Right-flanking with CJK: the mirror image. */
    static boolean rightFlanking(String before, String after, boolean beforePunct, boolean afterPunct, boolean beforeSpace,
            boolean afterSpace) {
        return !beforeSpace && (!beforePunct || afterSpace || afterPunct || cjk(after));
    }

    /** True for a CJK character: Han, kana, CJK punctuation and full-width forms (see {@link Cjk}), and Hangul. */
    static boolean cjk(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        int cp = s.codePointAt(0);
        if (Cjk.isWide(cp)) {
            return true;
        }
        Character.UnicodeScript script = cp >= 0x1100 ? Character.UnicodeScript.of(cp) : Character.UnicodeScript.COMMON;
        return script == Character.UnicodeScript.HANGUL;
    }

    private static final class Asterisk extends AsteriskDelimiterProcessor {
        Asterisk(boolean strongWrapsEmphasis) {
            super(strongWrapsEmphasis);
        }

        @Override
        public boolean canBeOpener(String before, String after, boolean leftFlanking, boolean rightFlanking,
                boolean beforeIsPunctuation, boolean afterIsPunctuation, boolean beforeIsWhitespace, boolean afterIsWhitespace) {
            boolean left = leftFlanking(before, after, beforeIsPunctuation, afterIsPunctuation, beforeIsWhitespace, afterIsWhitespace);
            boolean right = rightFlanking(before, after, beforeIsPunctuation, afterIsPunctuation, beforeIsWhitespace, afterIsWhitespace);
            return super.canBeOpener(before, after, left, right, beforeIsPunctuation, afterIsPunctuation, beforeIsWhitespace,
                    afterIsWhitespace);
        }

        @Override
        public boolean canBeCloser(String before, String after, boolean leftFlanking, boolean rightFlanking,
                boolean beforeIsPunctuation, boolean afterIsPunctuation, boolean beforeIsWhitespace, boolean afterIsWhitespace) {
            boolean left = leftFlanking(before, after, beforeIsPunctuation, afterIsPunctuation, beforeIsWhitespace, afterIsWhitespace);
            boolean right = rightFlanking(before, after, beforeIsPunctuation, afterIsPunctuation, beforeIsWhitespace, afterIsWhitespace);
            return super.canBeCloser(before, after, left, right, beforeIsPunctuation, afterIsPunctuation, beforeIsWhitespace,
                    afterIsWhitespace);
        }
    }

    private static final class Underscore extends UnderscoreDelimiterProcessor {
        Underscore(boolean strongWrapsEmphasis) {
            super(strongWrapsEmphasis);
        }

        @Override
        public boolean canBeOpener(String before, String after, boolean leftFlanking, boolean rightFlanking,
                boolean beforeIsPunctuation, boolean afterIsPunctuation, boolean beforeIsWhitespace, boolean afterIsWhitespace) {
            boolean left = leftFlanking(before, after, beforeIsPunctuation, afterIsPunctuation, beforeIsWhitespace, afterIsWhitespace);
            boolean right = rightFlanking(before, after, beforeIsPunctuation, afterIsPunctuation, beforeIsWhitespace, afterIsWhitespace);
            return super.canBeOpener(before, after, left, right, beforeIsPunctuation, afterIsPunctuation, beforeIsWhitespace,
                    afterIsWhitespace);
        }

        @Override
        public boolean canBeCloser(String before, String after, boolean leftFlanking, boolean rightFlanking,
                boolean beforeIsPunctuation, boolean afterIsPunctuation, boolean beforeIsWhitespace, boolean afterIsWhitespace) {
            boolean left = leftFlanking(before, after, beforeIsPunctuation, afterIsPunctuation, beforeIsWhitespace, afterIsWhitespace);
            boolean right = rightFlanking(before, after, beforeIsPunctuation, afterIsPunctuation, beforeIsWhitespace, afterIsWhitespace);
            return super.canBeCloser(before, after, left, right, beforeIsPunctuation, afterIsPunctuation, beforeIsWhitespace,
                    afterIsWhitespace);
        }
    }
}
