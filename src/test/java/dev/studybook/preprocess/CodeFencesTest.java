package dev.studybook.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CodeFencesTest {

    /** The fence pattern as CodeFences had it before the quick look at a line's start. */
    private static final Pattern FENCE = Pattern.compile("^([ \\t]*(?:>[ \\t]?)*[ \\t]*)(`{3,}|~{3,})(.*)$");

    /** A line the quick look turns away is one the pattern would not have matched either. */
    @Test
    void mayBeFenceTurnsAwayOnlyLinesThatAreNoFence() {
        for (String line : List.of("", "text", "```go", "  ```", "> ```", ">>  ~~~", "\t> > ```js", " > x ```", "`` `",
                "    code", "> quote", ">", "  ", "# ```", "-```", "~~~ ~~~", "\u3000```")) {
            if (!CodeFences.mayBeFence(line)) {
                assertFalse(FENCE.matcher(line).matches(), line);
            }
        }
    }

    /** What is code in a chapter is the same with the quick look as with the pattern alone (CodeFences before it). */
    @Test
    void fencesOpenAndCloseAsBefore() {
        List<String> lines = List.of("text", "```go", "x := 1", "~~~", "```", "> ```", "> quoted code", "> ```", "~~~~",
                "```", "~~~~", "``` inline ` tick", "after", "  ````", "```", "````  ", "\t~~~ yaml", "a: 1", " ~~~", "end");
        CodeFences fences = new CodeFences();
        char[] fenceChar = {0};
        int[] fenceLength = {0};
        for (String l : lines) {
            assertEquals(patternOnly(l, fenceChar, fenceLength), fences.inCode(l), l);
        }
    }

    private static boolean patternOnly(String line, char[] fenceChar, int[] fenceLength) {
        var m = FENCE.matcher(line);
        if (fenceLength[0] > 0) {
            if (m.matches() && m.group(2).charAt(0) == fenceChar[0] && m.group(2).length() >= fenceLength[0]
                    && m.group(3).isBlank()) {
                fenceLength[0] = 0;
            }
            return true;
        }
        if (m.matches() && !(m.group(2).charAt(0) == '`' && m.group(3).indexOf('`') >= 0)) {
            fenceChar[0] = m.group(2).charAt(0);
            fenceLength[0] = m.group(2).length();
            return true;
        }
        return false;
    }
}
