package dev.studybook.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a book says about itself: title, authors, language, identifier and the rest of book.yaml. */
public record Metadata(
        String title,
        String subtitle,
        List<String> authors,
        String language,
        String identifier,
        String description,
        Optional<LocalDate> date,
        Optional<String> cover) {

    public Metadata {
        Objects.requireNonNull(title, "title");
        subtitle = subtitle == null ? "" : subtitle;
        authors = List.copyOf(authors);
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(identifier, "identifier");
        description = description == null ? "" : description;
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(cover, "cover");
    }

    /**
     * The authors joined for display, e.g. on a title page: with "、" in Chinese and Japanese, else ", " (an English
     * book's title page and cover read "Taylor Cramer、Nicholas Cameron").
     */
    public String authorLine() {
        String l = language.toLowerCase(java.util.Locale.ROOT);
        return String.join(l.isEmpty() || l.startsWith("zh") || l.startsWith("ja") ? "、" : ", ", authors);
    }
}
