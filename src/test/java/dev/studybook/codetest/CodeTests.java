package dev.studybook.codetest;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The languages CI requires (STUDYBOOK_REQUIRE=go in .ci/run): their tests fail instead of being skipped. */
final class CodeTests {
    private CodeTests() {
    }

    static Set<String> required() {
        String env = System.getenv("STUDYBOOK_REQUIRE");
        return env == null ? Set.of() : Arrays.stream(env.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }
}
