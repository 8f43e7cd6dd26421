package dev.studybook.robust;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.studybook.build.Outputs;
import dev.studybook.config.BookConfig;
import dev.studybook.config.BookConfigReader;
import dev.studybook.config.Request;
import dev.studybook.config.SettingsResolver;
import dev.studybook.error.ExitCode;
import dev.studybook.error.StudybookException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of book.yaml (issue 21): whatever its bytes, reading it and resolving the settings ends in
 * settings or in studybook's own error naming book.yaml (exit 1 or 2), never in an internal error or another
 * exception. {@code mvn verify} replays the seeds in {@code BookYamlFuzzTestInputs/}; to fuzz for real:
 * {@code JAZZER_FUZZ=1 mvn -q test -Dtest=BookYamlFuzzTest}.
 */
class BookYamlFuzzTest {

    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("studybook-yaml-fuzz");
            DIR.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void bookYamlNeverEndsInAnInternalError(FuzzedDataProvider data) throws IOException {
        byte[] bytes = data.consumeRemainingAsBytes();
        Path yaml = DIR.resolve("book.yaml");
        Files.write(yaml, bytes);
        try {
            BookConfig config = BookConfigReader.read(DIR);
            SettingsResolver.resolve(config, Request.of(DIR, DIR.resolve("out")), Outputs.DEFAULT.specs());
        } catch (StudybookException e) {
            if (e.exitCode() == ExitCode.INTERNAL || e.location().isEmpty() && e.exitCode() == ExitCode.CONTENT) {
                throw new AssertionError("an error that does not name book.yaml: " + e.oneLine(), e);
            }
        }
    }
}
