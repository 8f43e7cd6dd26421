package dev.studybook.config;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of book.yaml as written, every one optional; the assembler fills in what is missing.
 *
 * @param file     the book.yaml it came from, when there was one
 * @param filename the base name of the output files (without extension)
 * @param index    the index page, relative to the content folder
 * @param tests    how {@code studybook test} checks each language's code blocks, from the {@code test:} key
 * @param settings the other top-level keys (build settings such as {@code formats}, {@code paper}), unchecked
 * @param sections the top-level keys whose value is a mapping (an output's options, e.g. {@code pdf:}), unchecked
 * @param sectionLines the line of each section's key
 * @param fonts    the author's own fonts
 * @param css      the author's own stylesheets, relative to the content folder, applied after studybook's
 * @param repository the book's GitHub repository as {@code owner/name} (from {@code repository:}, a slug or URL)
 * @param repositoryLine the line of book.yaml that names it
 * @param questions how conversion finds the book's questions, from the {@code questions:} key
 */
public record BookConfig(
        Optional<Path> file,
        Optional<String> title,
        Optional<String> subtitle,
        List<String> authors,
        Optional<String> language,
        Optional<String> identifier,
        Optional<String> description,
        Optional<LocalDate> date,
        Optional<String> cover,
        Optional<String> filename,
        Optional<String> index,
        Map<String, LanguageTest> tests,
        Map<String, RawValue> settings,
        Map<String, Map<String, RawValue>> sections,
        Map<String, Integer> sectionLines,
        List<FontConfig> fonts,
        List<String> css,
        Optional<String> repository,
        int repositoryLine,
        QuestionRules questions) {

    public BookConfig {
        authors = List.copyOf(authors);
        tests = Map.copyOf(tests);
        settings = Map.copyOf(settings);
        sections = Map.copyOf(sections);
        sectionLines = Map.copyOf(sectionLines);
        fonts = List.copyOf(fonts);
        css = List.copyOf(css);
        java.util.Objects.requireNonNull(questions, "questions");
    }

    /**
     * A font of the author's own, from the {@code fonts:} key: a TrueType file of the content folder and the CSS
     * family, weight and style it answers to.
     *
     * @param line the line of book.yaml that names it
     */
    public record FontConfig(String file, String family, int weight, boolean italic, int line) {
    }

    /** The same settings, read from {@code f}. */
    public BookConfig withFile(Path f) {
        return new BookConfig(Optional.of(f), title, subtitle, authors, language, identifier, description, date, cover,
                filename, index, tests, settings, sections, sectionLines, fonts, css, repository, repositoryLine, questions);
    }

    /** How code of {@code language} is tested: book.yaml's settings, else studybook's preset. */
    public Optional<LanguageTest> test(String language) {
        LanguageTest t = tests.get(language);
        return t != null ? Optional.of(t) : LanguageTest.preset(language);
    }

    /** The settings of a content folder without a book.yaml. */
    public static BookConfig empty() {
        return new BookConfig(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of(), Map.of(), Map.of(), Map.of(), List.of(), List.of(), Optional.empty(), 0, QuestionRules.DEFAULT);
    }
}
