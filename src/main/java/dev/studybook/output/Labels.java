package dev.studybook.output;

import java.util.Locale;

/** The words studybook writes on its own pages (contents, title page), in the book's language. */
public record Labels(String contents, String bodymatter, String titlePage, String landmarks, String review,
        String handout, String cover) {

    private static final Labels CHINESE = new Labels("目录", "正文", "书名页", "导览", "速记", "讲义", "封面");
    private static final Labels ENGLISH = new Labels("Contents", "Start of content", "Title page", "Landmarks", "Review",
            "Handout", "Cover");

    public static Labels of(String language) {
        String l = language.toLowerCase(Locale.ROOT);
        return l.startsWith("zh") ? CHINESE : ENGLISH;
    }
}
