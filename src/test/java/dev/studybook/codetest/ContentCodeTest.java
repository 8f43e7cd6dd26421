package dev.studybook.codetest;

import dev.studybook.testing.CodeTests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.load.OutlineReader;
import dev.studybook.error.Diagnostics;
import dev.studybook.testing.TestBooks;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every Go block of the book in content/ compiles, passes go vet, and prints what the book says it prints. */
@Tag("content")
class ContentCodeTest {

    @Test
    void theBooksCodeIsVerified() {
        CodeTests.requireGo();
        CodeTestReport r = CodeTester.run(TestBooks.load(TestBooks.content(), new Diagnostics()),
                CodeTests.required(), Runtime.getRuntime().availableProcessors());
        assertEquals(List.of(), r.failures().stream().map(Object::toString).toList());
        assertEquals(List.of(), r.skipped());
        assertTrue(r.programs() >= 40 && r.compared() >= 24, "programs " + r.programs() + ", compared " + r.compared());
    }
}
