package dev.studybook.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Messages name file:line and say what to do; warnings from parallel stages print in a stable order. */
class DiagnosticsTest {

    @Test
    void warningsAreSortedByFileLineAndMessageWhateverTheThreadOrder() {
        Diagnostics d = new Diagnostics();
        CompletableFuture.allOf(IntStream.range(0, 50).mapToObj(i -> CompletableFuture.runAsync(() ->
                d.warn(SourceLocation.of(Path.of("b.md"), 50 - i), Diagnostics.Kind.LINK, "w" + i))).toArray(CompletableFuture[]::new)).join();
        d.warn(SourceLocation.of(Path.of("a.md"), 9), Diagnostics.Kind.IMAGE, "first");
        d.warn(null, Diagnostics.Kind.RENDER, "no place");
        List<Diagnostics.Warning> w = d.warnings();
        assertEquals(52, w.size());
        assertEquals("no place", w.get(0).toString());
        assertTrue(w.get(1).toString().endsWith("a.md:9: first"), w.get(1).toString());
        assertEquals(1, w.get(2).location().line());
        assertEquals(50, w.get(51).location().line());
    }

    @Test
    void checkCountsOnlyKindsThatSpoilTheBookAsErrors() {
        assertTrue(Diagnostics.Kind.LINK.isError() && Diagnostics.Kind.GLYPH.isError() && Diagnostics.Kind.INCLUDE.isError());
        assertFalse(Diagnostics.Kind.ALT_TEXT.isError() || Diagnostics.Kind.UNLINKED_FILE.isError());
    }

    @Test
    void anErrorIsOneLineWithPlaceMessageAndHint() {
        StudybookException e = StudybookException.content(SourceLocation.of(Path.of("content/README.md"), 12),
                "chapter file not found: content/04-gmp.md", "fix the link on the index page or add the file");
        assertEquals("content/README.md:12: chapter file not found: content/04-gmp.md (fix the link on the index page or add the file)",
                e.oneLine());
        assertEquals(ExitCode.CONTENT, e.exitCode());
        assertEquals("internal", new StudybookException(ExitCode.INTERNAL, null, "internal", null).oneLine());
    }

    @Test
    void aPlaceBelowTheWorkingFolderIsShownRelativeToIt() {
        Path here = Path.of("").toAbsolutePath();
        assertEquals("x/y.md:3", SourceLocation.of(here.resolve("x/y.md"), 3).toString());
        assertEquals("/elsewhere/y.md", SourceLocation.of(Path.of("/elsewhere/y.md")).toString());
        assertThrows(IllegalArgumentException.class, () -> SourceLocation.of(Path.of("a"), -1));
    }
}
