package dev.studybook.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.studybook.error.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** After preprocessing, every line of a chapter still names the file and line it was written on. */
class SourceTextTest {

    static final Path CHAPTER = Path.of("/book/one.md");
    static final Path LISTING = Path.of("/book/listings/a.go");

    @Test
    void aTextAsReadIsItsOwnFile() {
        SourceText t = SourceText.of(CHAPTER, "# 一\n\n正文\n");
        assertEquals(SourceLocation.of(CHAPTER, 3), t.locate(3));
        assertEquals(SourceLocation.of(CHAPTER), t.locate(0));
        assertEquals(List.of(new SourceText.Line("# 一", CHAPTER, 1), new SourceText.Line("", CHAPTER, 2),
                new SourceText.Line("正文", CHAPTER, 3)), t.lines());
    }

    @Test
    void aBuiltTextKnowsEachLinesOrigin() {
        SourceText t = SourceText.builder(CHAPTER).add("```go", CHAPTER, 5).add("package main", LISTING, 1)
                .add("func main() {}", LISTING, 3).add("```", CHAPTER, 5).build();
        assertEquals("```go\npackage main\nfunc main() {}\n```\n", t.text());
        assertEquals(SourceLocation.of(LISTING, 3), t.locate(3));
        assertEquals(SourceLocation.of(CHAPTER, 5), t.locate(4));
        assertEquals(SourceLocation.of(CHAPTER, 5), t.locate(99), "past the end: the last line's origin");
        assertEquals(CHAPTER, t.file());
    }
}
