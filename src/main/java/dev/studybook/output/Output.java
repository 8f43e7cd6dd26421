package dev.studybook.output;

import dev.studybook.config.OptionSpec;
import dev.studybook.config.OutputSpec;
import dev.studybook.fonts.EmbeddedFont;
import dev.studybook.model.Book;
import java.util.List;
import java.util.Optional;

/**
 * Something a build writes from a converted book — the EPUB, the PDF, the handouts, the review sheet: one file or
 * a folder of them. An output names its options, which book.yaml sets in a section of the output's name
 * ({@code pdf: {paper: A5}}) and the command line as {@code output.option}. Adding an output is a class and a
 * line in the build's list of outputs.
 */
public interface Output {

    /** The output's name: on the command line ({@code --format}), in book.yaml ({@code formats}, its section). */
    String name();

    /** A few words saying what it is, for help and messages. */
    String description();

    /** The options it takes. */
    default List<OptionSpec> options() {
        return List.of();
    }

    /** True when a build writes it unless told otherwise (the EPUB and the PDF). */
    default boolean byDefault() {
        return false;
    }

    /** The switch that adds it to the outputs ({@code --split}, {@code split: true}), if it has one. */
    default Optional<String> switchKey() {
        return Optional.empty();
    }

    /** What the settings need to know of it. */
    default OutputSpec spec() {
        return new OutputSpec(name(), description(), byDefault(), switchKey(), options());
    }

    /**
     * Starts, in the background, work that needs only the converted book and its fonts, so that it overlaps what
     * the build does before writing. Nothing by default.
     */
    default void prepare(Book book, List<EmbeddedFont> fonts) {
    }

    /**
     * Characters the output draws beyond the book's own text and the labels every build draws (its own labels), so
     * that the fonts keep them; none by default.
     */
    default String characters(Labels labels) {
        return "";
    }

    /** The files to write, each with how it is written; none when there is nothing to write (with a warning). */
    List<OutputFile> files(OutputContext context);
}
