package dev.studybook.codetest;

import dev.studybook.testing.CodeTests;
import dev.studybook.testing.TestBooks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.load.OutlineReader;
import dev.studybook.error.Diagnostics;
import dev.studybook.load.LoadedBook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeTesterTest {

    @TempDir
    Path tmp;


    private LoadedBook book(String chapter) throws IOException {
        Path book = Files.createDirectories(tmp.resolve("book"));
        Files.writeString(book.resolve("README.md"), "# T\n\n[一](one.md)\n", StandardCharsets.UTF_8);
        Files.writeString(book.resolve("one.md"), chapter, StandardCharsets.UTF_8);
        return TestBooks.load(book, new Diagnostics());
    }

    @Test
    void programsAreBuiltVettedRunAndComparedAndFailuresNameTheirLine() throws IOException {
        CodeTests.requireGo();
        String md = """
                # 一

                ```go
                package main

                import "fmt"

                func main() { fmt.Println("你好") }
                ```

                输出：

                ```text
                你好
                ```

                ```go
                package main

                import "fmt"

                func main() { fmt.Println(1 + 1) }
                ```

                输出：

                ```text
                3
                ```

                ```go
                package main

                import "fmt"

                func main() { fmt.Printf("%d\\n", "x") }
                ```

                ```go
                package main

                func main() { select {} }
                ```

                ```go
                x := map[string]int{}
                x["a"]++
                ```

                ```go
                func (  {
                ```

                ```go ignore
                this is not go
                ```

                ```rust
                fn main() {}
                ```
                """;
        CodeTestReport r = CodeTester.run(book(md), Set.of(), 2);
        assertEquals(4, r.programs());
        assertEquals(2, r.compared());
        assertEquals(2, r.fragments());
        assertEquals(1, r.ignored());
        assertEquals(Map.of("rust", 1), r.untested());
        List<String> f = r.failures().stream().map(Object::toString).toList();
        assertEquals(3, f.size(), f.toString());
        assertTrue(f.get(0).contains("one.md:17:") && f.get(0).contains("output line 1 is\n    2") && f.get(0).contains("\n    3"), f.get(0));
        assertTrue(f.get(1).contains("one.md:31:") && f.get(1).contains("go vet main.go"), f.get(1));
        assertTrue(f.get(2).contains("one.md:50:") && f.get(2).contains("does not pass"), f.get(2));
    }

    @Test
    void aMissingToolchainIsSkippedUnlessRequired() throws IOException {
        Path book = Files.createDirectories(tmp.resolve("book"));
        Files.writeString(book.resolve("book.yaml"), "test:\n  zz:\n    build: no-such-compiler-xyz main.zz\n",
                StandardCharsets.UTF_8);
        Files.writeString(book.resolve("README.md"), "# T\n\n[一](one.md)\n", StandardCharsets.UTF_8);
        Files.writeString(book.resolve("one.md"), "# 一\n\n```zz\ncode\n```\n", StandardCharsets.UTF_8);
        LoadedBook o = TestBooks.load(book, new Diagnostics());
        CodeTestReport skipped = CodeTester.run(o, Set.of(), 1);
        assertTrue(skipped.passed());
        assertEquals(List.of("zz (no-such-compiler-xyz not found on PATH)"), skipped.skipped());
        CodeTestReport required = CodeTester.run(o, Set.of("zz"), 1);
        assertEquals(1, required.failures().size());
        assertTrue(required.failures().get(0).toString().contains("one.md:3:"), required.failures().toString());
    }
}
