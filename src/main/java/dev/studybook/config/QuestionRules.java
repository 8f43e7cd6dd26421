package dev.studybook.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How conversion finds a book's questions, from book.yaml's {@code questions:} key: the titles of the headings whose
 * sections hold questions and answers, the pattern a question's text must match, and the titles of the sections
 * whose bullets become cards.
 *
 * @param sections titles of question sections, matched without regard to case or a trailing colon
 * @param pattern  when present, the bold paragraphs, sub-headings and list items of a question section whose text
 *                 it finds are the questions; when empty, sub-headings always are, and bold paragraphs and list items
 *                 are when they start with {@code 问：}/{@code Q:} or end with {@code ？}/{@code ?}
 * @param review   titles of the sections whose bullets become cards; empty for the book's review section, the one
 *                 the review sheet shows ({@code 速记}, or a heading with the class {@code review})
 */
public record QuestionRules(List<String> sections, Optional<Pattern> pattern, Optional<List<String>> review) {

    /** The question sections studybook knows without being told. */
    public static final List<String> DEFAULT_SECTIONS = List.of("面试追问", "追问", "练习", "Questions", "Exercises");

    public static final QuestionRules DEFAULT = new QuestionRules(DEFAULT_SECTIONS, Optional.empty(), Optional.empty());

    public QuestionRules {
        sections = List.copyOf(sections);
        review = review.map(List::copyOf);
    }

    /** True when a heading with this text opens a question section. */
    public boolean isQuestionSection(String heading) {
        return matches(sections, heading);
    }

    /** True when a heading with this text opens a section of cards named in book.yaml. */
    public boolean isReviewSection(String heading) {
        return review.isPresent() && matches(review.get(), heading);
    }

    private static boolean matches(List<String> titles, String heading) {
        String h = normalise(heading);
        return titles.stream().anyMatch(t -> normalise(t).equals(h));
    }

    private static String normalise(String s) {
        return s.strip().replaceFirst("[:：]$", "").strip().toLowerCase(Locale.ROOT);
    }
}
