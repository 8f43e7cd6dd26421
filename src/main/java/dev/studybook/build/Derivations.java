package dev.studybook.build;

import dev.studybook.model.Book;
import dev.studybook.model.Chapter;
import dev.studybook.model.Part;
import dev.studybook.xhtml.ReviewSections;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Books made from a book: one handout per chapter, and the review sheet of all chapters. */
final class Derivations {
    private Derivations() {
    }

    /** A handout: a top-level chapter with its sub-chapters, and the file name it is written to. */
    record Handout(String fileName, Book book) {
    }

    static List<Handout> handouts(Book book) {
        List<Handout> out = new ArrayList<>();
        List<Chapter> chapters = book.chapters();
        int n = 0;
        for (int i = 0; i < chapters.size(); i++) {
            if (chapters.get(i).depth() != 1 && i > 0) {
                continue;
            }
            List<Chapter> group = new ArrayList<>();
            group.add(chapters.get(i));
            for (int j = i + 1; j < chapters.size() && chapters.get(j).depth() > 1; j++) {
                group.add(chapters.get(j));
            }
            n++;
            String name = String.format(Locale.ROOT, "%02d-%s.pdf", n, slug(chapters.get(i)));
            out.add(new Handout(name, book.withParts(List.of(new Part("", group)))));
        }
        return out;
    }

    /** The review sheet: each chapter with a review section, its body replaced by that section. */
    static Optional<Book> review(Book book) {
        List<Chapter> sections = new ArrayList<>();
        for (Chapter c : book.chapters()) {
            ReviewSections.extract(c.body()).ifPresent(body ->
                    sections.add(new Chapter(c.id(), c.title(), 1, c.source(), body, List.of())));
        }
        if (sections.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(book.withParts(List.of(new Part("", sections))));
    }

    /** "01-map.md" gives "map"; a name without ASCII words gives the title's, else "chapter". */
    static String slug(Chapter c) {
        String stem = c.source().getFileName().toString().replaceFirst("\\.[^.]+$", "");
        for (String candidate : List.of(stem, c.title())) {
            String s = candidate.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^[-0-9]+|-+$", "");
            if (s.length() >= 2) {
                return s.length() > 40 ? s.substring(0, 40).replaceAll("-+$", "") : s;
            }
        }
        return "chapter";
    }
}
