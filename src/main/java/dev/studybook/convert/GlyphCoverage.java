package dev.studybook.convert;

import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import dev.studybook.model.SourceText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The characters of a book that no font of the book has (in the PDF they would print as '#'), gathered over
 * every chapter and reported once per character: how often it occurs and where first, by file and line.
 */
final class GlyphCoverage {
    /** At most this many distinct characters are reported; one line says how many more there are. */
    static final int MAX_REPORTS = 50;

    private final IntPredicate covered;
    private final Map<Integer, Missing> missing = new HashMap<>();

    /** One character no font has: its count and its first place in book order. */
    private static final class Missing {
        final int codePoint;
        int count;
        int chapter;
        int line;
        SourceLocation first;

        Missing(int codePoint) {
            this.codePoint = codePoint;
        }
    }

    GlyphCoverage(IntPredicate covered) {
        this.covered = covered;
    }

    /** Looks at one chapter's text (the chapter numbered {@code chapter}, 0-based; chapters may come in any order). */
    void check(int chapter, SourceText source) {
        String text = source.text();
        Map<Integer, int[]> here = new HashMap<>();
        // Characters found in a font, each asked of the fonts once per chapter instead of at every occurrence.
        java.util.BitSet found = new java.util.BitSet();
        int line = 1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                line++;
                continue;
            }
            if (cp < 0x7F || invisible(cp)) {
                continue;
            }
            if (found.get(cp)) {
                continue;
            }
            int[] seen = here.get(cp);
            if (seen != null) {
                seen[0]++;
            } else if (covered.test(cp)) {
                found.set(cp);
            } else {
                here.put(cp, new int[] {1, line});
            }
        }
        if (here.isEmpty()) {
            return;
        }
        synchronized (missing) {
            here.forEach((cp, v) -> {
                Missing m = missing.computeIfAbsent(cp, Missing::new);
                m.count += v[0];
                if (m.first == null || chapter < m.chapter || (chapter == m.chapter && v[1] < m.line)) {
                    m.chapter = chapter;
                    m.line = v[1];
                    m.first = source.locate(v[1]);
                }
            });
        }
    }

    /** One warning per character no font has, in the order they first occur in the book. */
    void report(Diagnostics diagnostics) {
        List<Missing> all;
        synchronized (missing) {
            all = new ArrayList<>(missing.values());
        }
        all.sort(Comparator.<Missing>comparingInt(m -> m.chapter).thenComparingInt(m -> m.line)
                .thenComparingInt(m -> m.codePoint));
        for (int i = 0; i < all.size() && i < MAX_REPORTS; i++) {
            Missing m = all.get(i);
            diagnostics.warn(m.first, Diagnostics.Kind.GLYPH, String.format(
                    "no font of the book has '%s' (U+%04X), which occurs %s, first here; the PDF shows '#' in its place:"
                            + " replace the character or add a font that has it",
                    new String(Character.toChars(m.codePoint)), m.codePoint, m.count == 1 ? "once" : m.count + " times"));
        }
        if (all.size() > MAX_REPORTS) {
            Missing m = all.get(MAX_REPORTS);
            diagnostics.warn(m.first, Diagnostics.Kind.GLYPH, (all.size() - MAX_REPORTS)
                    + " more characters that no font of the book has follow, this one first");
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
