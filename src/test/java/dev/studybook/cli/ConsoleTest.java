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
                "the image 'x.png' has no alt text");
    }

    @Test
    void hundredsOfImagesWithoutAltTextAreOneLineThatDoesNotBuryTheOtherWarnings() {
        List<Diagnostics.Warning> w = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            w.add(alt(i % 2 == 0 ? "a.md" : "b.md", i));
        }
        w.add(new Diagnostics.Warning(SourceLocation.of(Path.of("c.md"), 3), Diagnostics.Kind.LINK, "the link leads nowhere"));
        List<String> lines = Console.lines(w, false);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("warning: 40 images in 2 files have no alt text (the first: a.md:2)")
                || lines.get(0).startsWith("warning: 40 images in 2 files have no alt text (the first: b.md:1)"), lines.get(0));
        assertTrue(lines.get(1).contains("c.md:3: the link leads nowhere"), lines.get(1));
        assertEquals(41, Console.lines(w, true).size(), "--verbose lists each");
    }

    @Test
    void aFewImagesWithoutAltTextAreEachNamed() {
        List<String> lines = Console.lines(List.of(alt("a.md", 1), alt("a.md", 5), alt("b.md", 2)), false);
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).contains("a.md:5"), lines.get(1));
    }
}
