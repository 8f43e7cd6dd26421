package dev.studybook.output.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.config.Request;
import dev.studybook.testing.PdfContent;
import dev.studybook.testing.PdfText;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The self-test PDF: numbered questions with room to write, cloze gaps, answers at the end with the book's pages. */
class QuizOutputTest {

    @TempDir
    Path tmp;

    @Test
    void questionsThenAnswersWithTheBooksPages() throws IOException {
        TestBooks.Built built = TestBooks.build(Request.of(TestBooks.book("study/bold"), tmp, "pdf").withSwitch("quiz")
                .withSwitch("split"));
        Path quiz = tmp.resolve("bold-quiz.pdf");
        String text = PdfText.text(quiz).replaceAll("[ \\t]+", " ");
        int answers = text.indexOf("参考答案");
        assertTrue(text.startsWith("问答小书 · 自测题") && text.contains("共 7 题") && answers > 0, text);
        String questions = text.substring(0, answers);
        for (int n = 1; n <= 7; n++) {
            assertTrue(questions.contains(n + ". "), "question " + n + " is numbered: " + questions);
            assertTrue(text.indexOf(n + ". ", answers) > 0, "answer " + n + " is numbered");
        }
        // The cloze hides its terms among the questions and shows them among the answers.
        assertTrue(questions.contains("关闭 nil 通道会") && !questions.contains("panic"), questions);
        assertTrue(text.substring(answers).contains("关闭 nil 通道会 panic"), text.substring(answers));
        // Each answer names the page of the book's PDF where its question is.
        Matcher m = Pattern.compile("关闭一个 nil 通道会怎样？ → 第 (\\d+) 页").matcher(text);
        assertTrue(m.find(), text);
        assertTrue(PdfContent.pageText(built.output("pdf"), Integer.parseInt(m.group(1))).replaceAll("\\s+", "")
                .contains("关闭一个nil通道会怎样"));
        assertTrue(built.diagnostics().warnings().isEmpty(), built.diagnostics().warnings().toString());
        // With --split, one self-test per chapter, numbered from 1.
        String first = PdfText.text(tmp.resolve("handouts/01-channel-quiz.pdf"));
        String second = PdfText.text(tmp.resolve("handouts/02-slice-quiz.pdf"));
        assertTrue(first.contains("共 6 题") && second.contains("共 1 题") && second.contains("1. append"), second);
    }

    @Test
    void anEnglishBookSaysSelfTestAndWithoutThePdfNamesNoPages() throws IOException {
        TestBooks.Built built = TestBooks.build(Request.of(TestBooks.book("study/headings"), tmp, "quiz"));
        String text = PdfText.text(tmp.resolve("headings-quiz.pdf"));
        assertTrue(text.contains("Exercises book · Self-test") && text.contains("2 questions") && text.contains("Answers"), text);
        assertFalse(text.contains("p. "), text);
        assertTrue(built.diagnostics().warnings().stream().anyMatch(w -> w.message().contains("name no pages")));
    }

    @Test
    void aBookWithoutQuestionsGetsNoSelfTest() {
        TestBooks.Built built = TestBooks.build(Request.of(TestBooks.book("study/none"), tmp, "quiz"));
        assertTrue(built.result().outputs().isEmpty());
        assertFalse(Files.exists(tmp.resolve("none-quiz.pdf")));
        assertEquals(1, built.diagnostics().warnings().stream().filter(w -> w.message().startsWith("no chapter has questions"))
                .count());
    }
}
