package dev.studybook.preprocess;

import dev.studybook.testing.CodeTests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.codetest.CodeTestReport;
import dev.studybook.codetest.CodeTester;
import dev.studybook.error.Diagnostics;
import dev.studybook.load.LoadedBook;
import dev.studybook.model.SourceText;
import dev.studybook.testing.TestBooks;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** mdBook's {@code {{#include}}} helpers, expanded before the Markdown is parsed, every line keeping where it came from. */
class MdBookIncludesTest {

    static final Path BOOK = TestBooks.book("preprocess/mdbook-include/src");

    private static List<SourceText.Line> lines(SourceText.Line... l) {
        return List.of(l);
    }

    @Test
    void rangesAndAnchorsSelectLinesAsMdBookDoes() {
        Path f = Path.of("f.rs");
        List<SourceText.Line> file = List.of(new SourceText.Line("a", f, 1), new SourceText.Line("// ANCHOR: x", f, 2),
                new SourceText.Line("b", f, 3), new SourceText.Line("// ANCHOR_END: x", f, 4), new SourceText.Line("c", f, 5));
        assertEquals(List.of("a"), texts(MdBookIncludes.select(file, "1", false)));
        assertEquals(List.of("// ANCHOR: x", "b"), texts(MdBookIncludes.select(file, "2:3", false)));
        assertEquals(List.of("// ANCHOR_END: x", "c"), texts(MdBookIncludes.select(file, "4:", false)));
        assertEquals(List.of("a", "// ANCHOR: x"), texts(MdBookIncludes.select(file, ":2", false)));
        assertEquals(List.of("b"), texts(MdBookIncludes.select(file, "x", false)));
        assertEquals(List.of(), texts(MdBookIncludes.select(file, "nowhere", false)));
        assertEquals(List.of("# a", "b", "# c"), texts(MdBookIncludes.select(file, "x", true)));
        assertEquals(List.of("# a", "// ANCHOR: x", "b", "# // ANCHOR_END: x", "# c"), texts(MdBookIncludes.select(file, "2:3", true)));
        assertEquals(3, MdBookIncludes.select(file, "x", false).get(0).line(), "an included line keeps its own line number");
    }

    private static List<String> texts(List<SourceText.Line> lines) {
        return lines.stream().map(SourceText.Line::text).toList();
    }

    @Test
    void aBookOfIncludesIsExpandedAndEveryLineStillNamesItsFile() {
        Diagnostics d = new Diagnostics();
        LoadedBook book = TestBooks.load(BOOK, d);
        SourceText text = book.chapters().get(0).text();
        String md = text.text();
        assertTrue(md.contains("```go\npackage main\n\nimport \"fmt\"\n"), md);
        assertTrue(md.contains("```go\nfunc greet() string {\n\treturn \"你好，include\"\n}\n```"), "the anchor's lines only:\n" + md);
        assertTrue(md.contains("```text\nimport \"fmt\"\n\npackage main\n```"), "lines 3-4, then line 1:\n" + md);
        assertTrue(md.contains("  ```text\n  第一行\n  第二行\n  ```"), "indented inside the list item:\n" + md);
        assertTrue(md.contains("# use std::fmt;\npub fn add(a: i32, b: i32) -> i32 {"), md);
        assertTrue(md.contains("写成 {{#include listings/hello.go}} 的地方原样保留"), "an escaped helper loses its backslash:\n" + md);
        assertTrue(md.contains("所在的文件夹：第二行"), "nested includes resolve from the included file:\n" + md);
        assertTrue(md.contains("{{#include listings/missing.go}}") && md.contains("{{#include ../../outside.txt}}"),
                "what cannot be read stays as written");

        int greet = lineOf(md, "func greet() string {");
        assertEquals(BOOK.resolve("listings/hello.go").toAbsolutePath().normalize(), text.locate(greet).file());
        assertEquals(6, text.locate(greet).line());
        int prose = lineOf(md, "整个文件：");
        assertEquals(BOOK.resolve("includes.md").toAbsolutePath().normalize(), text.locate(prose).file());
        assertEquals(3, text.locate(prose).line());

        List<String> warnings = d.warnings().stream().map(Object::toString).toList();
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("includes.md:44: the included file 'listings/missing.go' does not exist"), warnings.get(0));
        assertTrue(warnings.get(1).contains("includes.md:46: the included file '../../outside.txt' lies outside the book's folder"),
                warnings.get(1));
    }

    private static int lineOf(String text, String line) {
        List<String> lines = text.lines().toList();
        return lines.indexOf(line) + 1;
    }

    @Test
    void includedCodeIsTestedByStudybookTest() {
        // The bug: `studybook test` read the chapter files itself, so an included program was never built or run.
        CodeTests.requireGo();
        CodeTestReport r = CodeTester.run(TestBooks.load(BOOK, new Diagnostics()), Set.of(), 2);
        assertEquals(List.of(), r.failures().stream().map(Object::toString).toList());
        assertEquals(1, r.compared(), "the included program's output is compared with the one shown");
    }
}
