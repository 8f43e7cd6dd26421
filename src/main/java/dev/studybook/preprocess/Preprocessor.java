package dev.studybook.preprocess;

import dev.studybook.model.SourceText;

/**
 * One step that rewrites a chapter's Markdown before it is parsed, such as mdBook's {@code {{#include}}}: source
 * text in, source text out, every line keeping the place it was written so that messages still name it. A
 * preprocessor returns its input unchanged when it has nothing to do.
 */
public interface Preprocessor {

    /** The preprocessor's name, e.g. {@code mdbook-include}. */
    String name();

    SourceText run(SourceText text, PreprocessContext context);
}
