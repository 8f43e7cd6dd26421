package dev.studybook.output.pdf;

import static dev.studybook.output.Xml.text;

import dev.studybook.model.Book;
import dev.studybook.model.Chapter;
import dev.studybook.model.ChapterBody;
import dev.studybook.model.Question;
import dev.studybook.output.Labels;
import dev.studybook.output.PageMap;
import java.util.OptionalInt;

/**
 * The body of a self-test: each chapter's questions numbered, with ruled lines to write on (a question gets five, a
 * review card two, a cloze none: its blanks are gaps in the line), then every answer under the same number with the
 * page of the book's PDF where it is explained.
 */
final class QuizDocument {

    /** Lines to write on, by kind of question. */
    private static final int QUESTION_LINES = 5;
    private static final int FACT_LINES = 2;

    private QuizDocument() {
    }

    /** Appends the questions and the answers; {@code pages} is the book's page map, or null when it was not laid out. */
    static void body(StringBuilder sb, Book book, Labels labels, PageMap pages) {
        int total = book.chapters().stream().mapToInt(c -> c.questions().size()).sum();
        sb.append("<h1 class=\"quiz-title\">").append(text(book.metadata().title())).append(" · ").append(text(labels.quiz()))
                .append("</h1>\n<p class=\"quiz-count\">").append(text(labels.questions(total))).append("</p>\n");
        int n = 0;
        for (Chapter c : book.chapters()) {
            if (c.questions().isEmpty()) {
                continue;
            }
            sb.append("<section class=\"quiz-chapter\" id=\"").append(c.id()).append("\">\n<h2>").append(text(title(c)))
                    .append("</h2>\n");
            String section = "";
            for (Question q : c.questions()) {
                n++;
                String path = String.join(" › ", q.path());
                if (!path.equals(section)) {
                    sb.append("<p class=\"quiz-section\">").append(text(path)).append("</p>\n");
                    section = path;
                }
                sb.append("<div class=\"quiz-q quiz-").append(q.kind().name().toLowerCase(java.util.Locale.ROOT))
                        .append("\" id=\"q").append(n).append("\">\n<p class=\"quiz-prompt\"><span class=\"quiz-n\">")
                        .append(n).append(".</span> ").append(prompt(q, false)).append("</p>\n");
                int lines = switch (q.kind()) {
                    case QUESTION -> QUESTION_LINES;
                    case FACT -> FACT_LINES;
                    case CLOZE -> 0;
                };
                for (int i = 0; i < lines; i++) {
                    sb.append("<div class=\"quiz-line\"></div>");
                }
                sb.append("\n</div>\n");
            }
            sb.append("</section>\n");
        }
        sb.append("<section class=\"quiz-answers\" id=\"answers\">\n<h1>").append(text(labels.answers())).append("</h1>\n");
        n = 0;
        for (Chapter c : book.chapters()) {
            if (c.questions().isEmpty()) {
                continue;
            }
            sb.append("<h2>").append(text(title(c))).append("</h2>\n");
            for (Question q : c.questions()) {
                n++;
                sb.append("<div class=\"quiz-a\" id=\"a").append(n).append("\">\n<p class=\"quiz-a-head\"><span class=\"quiz-n\">")
                        .append(n).append(".</span> ").append(prompt(q, true));
                OptionalInt page = pages == null ? OptionalInt.empty() : pages.page(c.id(), q.block());
                if (page.isPresent()) {
                    sb.append(" <span class=\"quiz-page\">→ ").append(text(labels.page(page.getAsInt()))).append("</span>");
                }
                sb.append("</p>\n");
                String answer = q.answer().xhtml(PrintDocument.IN_DOCUMENT).strip();
                if (!answer.isEmpty()) {
                    sb.append("<div class=\"quiz-a-body\">").append(answer).append("</div>\n");
                }
                sb.append("</div>\n");
            }
        }
        sb.append("</section>\n");
    }

    /** "03 Go 字符串拼接…": the chapter's number in the book (from its id) and its title. */
    static String title(Chapter c) {
        String digits = c.id().replaceAll("\\D", "");
        return (digits.isEmpty() ? "" : digits + " ") + c.title();
    }

    /** A question's prompt: a cloze's blanks as gaps to fill in, or, in the answers, filled in and marked. */
    private static String prompt(Question q, boolean answered) {
        return q.prompt().xhtml(new ChapterBody.Writer() {
            @Override
            public String link(ChapterBody.ChapterLink link) {
                return PrintDocument.IN_DOCUMENT.link(link);
            }

            @Override
            public String blank(ChapterBody.Blank blank) {
                if (answered) {
                    return blank.end() ? "</span>" : "<span class=\"quiz-filled\">";
                }
                // The term keeps its width but is not drawn: the gap is as long as the answer.
                return blank.end() ? "</span></span>" : "<span class=\"quiz-blank\"><span class=\"quiz-hidden\">";
            }
        }).strip();
    }
}
