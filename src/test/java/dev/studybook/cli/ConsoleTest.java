package dev.studybook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleTest {

    private static Diagnostics.Warning alt(String file, int line) {
        return new Diagnostics.Warning(SourceLocation.of(Path.of(file), line), Diagnostics.Kind.ALT_TEXT,
                "the image 'x" + line + ".png' has no alt text; describe it: ![what it shows](x" + line + ".png)");
    }

    @Test
    void hundredsOfWarningsOfOneShapeAreOneLineThatDoesNotBuryTheOthers() {
        List<Diagnostics.Warning> w = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            w.add(alt(i % 2 == 0 ? "a.md" : "b.md", i));
        }
        w.add(new Diagnostics.Warning(SourceLocation.of(Path.of("c.md"), 3), Diagnostics.Kind.LINK, "the link leads nowhere"));
        List<String> lines = Console.lines(w, false);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("warning: b.md:1: the image 'x1.png' has no alt text; describe it: ![what it shows](x1.png) (and 39 more like it in 2 files;"),
                lines.get(0));
        assertTrue(lines.get(1).contains("c.md:3: the link leads nowhere"), lines.get(1));
        assertEquals(41, Console.lines(w, true).size(), "--verbose lists each");
    }

    @Test
    void aFewWarningsOfOneShapeAreEachSaid() {
        List<String> lines = Console.lines(List.of(alt("a.md", 1), alt("a.md", 5), alt("b.md", 2)), false);
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).contains("a.md:5"), lines.get(1));
    }

    @Test
    void charactersWithoutAFontThatOccurOnceOrMoreWereNotAlike() {
        // getify/You-Dont-Know-JS: four Hebrew letters of one line printed four warnings, two occurring "once" and two
        // "2 times" (each shape at most 3, so each said); jwasham/coding-interview-university: 13 Bengali letters in one
        // line and the 14th, occurring twice, on a line of its own.
        List<Diagnostics.Warning> w = new ArrayList<>();
        String[] letters = {"ו", "ל", "ם", "ש"};
        for (int i = 0; i < letters.length; i++) {
            w.add(new Diagnostics.Warning(SourceLocation.of(Path.of("ch2.md"), 275), Diagnostics.Kind.GLYPH, "no font of the"
                    + " book has '" + letters[i] + "' (U+05D" + i + "), which occurs " + (i < 2 ? "once" : (i + " times"))
                    + ", first here; the PDF shows '#' in its place"));
        }
        List<String> lines = Console.lines(w, false);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith("(and 3 more like it in 1 file; studybook check or --verbose lists each)"), lines.get(0));
    }
}
