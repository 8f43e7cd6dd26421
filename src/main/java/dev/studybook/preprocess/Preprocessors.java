package dev.studybook.preprocess;

import dev.studybook.model.SourceText;
import java.util.List;

/** The preprocessors every chapter goes through, in this order: adding one is a class and a line here. */
public final class Preprocessors {

    public static final List<Preprocessor> ALL = List.of(
            new MdBookIncludes());

    private Preprocessors() {
    }

    /** Runs every preprocessor over a chapter's text. */
    public static SourceText run(SourceText text, PreprocessContext context) {
        SourceText t = text;
        for (Preprocessor p : ALL) {
            t = p.run(t, context);
        }
        return t;
    }
}
