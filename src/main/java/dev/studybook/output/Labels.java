package dev.studybook.output;

import java.util.Locale;

/**
 * The words studybook writes on its own pages (contents, title page, the self-test and its answers, page references),
 * in the book's language; {@code page} and {@code questions} are formats with one {@code %d}.
 */
public record Labels(String contents, String bodymatter, String titlePage, String landmarks, String review,
        String handout, String cover, String quiz, String answers, String page, String questions) {

    private static final Labels CHINESE = new Labels("目录", "正文", "书名页", "导览", "速记", "讲义", "封面", "自测题",
            "参考答案", "第 %d 页", "共 %d 题");
    private static final Labels ENGLISH = new Labels("Contents", "Start of content", "Title page", "Landmarks", "Review",
            "Handout", "Cover", "Self-test", "Answers", "p. %d", "%d questions");

    /** The number of questions, e.g. "共 148 题". */
    public String questions(int n) {
        return String.format(Locale.ROOT, questions, n);
    }

    /** A page reference, e.g. "第 37 页". */
    public String page(int n) {
        return String.format(Locale.ROOT, page, n);
    }

    public static Labels of(String language) {
        String l = language.toLowerCase(Locale.ROOT);
        return l.startsWith("zh") ? CHINESE : ENGLISH;
    }
}
