package dev.studybook.robust;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.studybook.error.StudybookException;
import dev.studybook.testing.Snippets;
import dev.studybook.testing.XhtmlContentModel;
import java.util.List;

/**
 * Coverage-guided fuzzing of Markdown to XHTML: whatever the input, conversion ends in XHTML that is well-formed
 * XML and that EPUBCheck's content model accepts (its schema for EPUB 3 content documents, its URL rules), or in
 * studybook's own error, never in another exception.
 *
 * <p>{@code mvn verify} replays the committed corpus in {@code MarkdownFuzzTestInputs/}; to fuzz for real:
 * {@code JAZZER_FUZZ=1 mvn -q test -Dtest=MarkdownFuzzTest} (see README), and copy new findings there.
 */
class MarkdownFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void markdownBecomesWellFormedXhtml(FuzzedDataProvider data) {
        String markdown = data.consumeRemainingAsString();
        String xhtml;
        try {
            xhtml = Snippets.xhtml(markdown);
        } catch (StudybookException expected) {
            return;
        }
        Snippets.assertWellFormed(xhtml);
        List<String> problems = XhtmlContentModel.problems(xhtml);
        if (!problems.isEmpty()) {
            throw new AssertionError("EPUBCheck would refuse this chapter: " + problems + "\n" + xhtml);
        }
    }
}
