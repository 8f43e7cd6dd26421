package dev.studybook.convert;

import dev.studybook.error.Diagnostics;
import dev.studybook.model.SourceText;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Reports, by file and line, the characters of a chapter that no font of the book has: in the PDF they
 * would print as '#'.
 */
final class GlyphCoverage {
    /** At most this many characters are reported per chapter; one per distinct character. */
    static final int MAX_REPORTS = 20;

    private GlyphCoverage() {
    }

    static void check(SourceText source, IntPredicate covered, Diagnostics diagnostics) {
        String text = source.text();
        int line = 1;
        int reported = 0;
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                line++;
                continue;
            }
            if (invisible(cp) || covered.test(cp) || !seen.add(cp)) {
                continue;
            }
            if (reported++ == MAX_REPORTS) {
                diagnostics.warn(source.locate(line), Diagnostics.Kind.GLYPH, "more characters without a font follow; only the first "
                        + MAX_REPORTS + " are listed");
                return;
            }
            diagnostics.warn(source.locate(line), Diagnostics.Kind.GLYPH, String.format(
                    "no font of the book has '%s' (U+%04X); the PDF would show '#' in its place: replace the character or add a font that has it",
                    new String(Character.toChars(cp)), cp));
        }
    }

    /** Characters that draw nothing by themselves: spaces, controls, joiners, variation selectors, tags. */
    static boolean invisible(int cp) {
        return Character.isWhitespace(cp) || Character.isISOControl(cp) || cp == 0xA0 || cp == 0xAD
                || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0000 && cp <= 0xE01EF) || cp == 0x3000
                || Character.getType(cp) == Character.SURROGATE || Character.getType(cp) == Character.PRIVATE_USE
                || (cp >= 0x1F3FB && cp <= 0x1F3FF);
    }
}
