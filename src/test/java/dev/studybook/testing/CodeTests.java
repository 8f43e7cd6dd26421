package dev.studybook.testing;

import dev.studybook.codetest.Commands;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/** The languages CI requires (STUDYBOOK_REQUIRE=go in .ci/run): their tests fail instead of being skipped. */
public final class CodeTests {
    private CodeTests() {
    }

    public static Set<String> required() {
        String env = System.getenv("STUDYBOOK_REQUIRE");
        return env == null ? Set.of() : Arrays.stream(env.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    /** Skips the test when Go is missing, unless CI requires Go: then the test runs and fails. */
    public static void requireGo() {
        Assumptions.assumeTrue(Commands.onPath("go") || required().contains("go"),
                "go is not installed; set STUDYBOOK_REQUIRE=go to make this a failure");
    }
}
