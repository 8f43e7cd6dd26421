package dev.studybook.build;

import dev.studybook.config.OutputSpec;
import dev.studybook.output.Output;
import dev.studybook.output.anki.AnkiOutput;
import dev.studybook.output.epub.EpubOutput;
import dev.studybook.output.pdf.HandoutsOutput;
import dev.studybook.output.pdf.PdfOutput;
import dev.studybook.output.pdf.QuizOutput;
import dev.studybook.output.pdf.ReviewOutput;
import java.util.List;
import java.util.Optional;

/** The outputs a build can write, in the order they are listed: adding one is an output class and a line here. */
public record Outputs(List<Output> all) {

    public static final Outputs DEFAULT = new Outputs(List.of(
            new EpubOutput(),
            new PdfOutput(),
            new HandoutsOutput(),
            new ReviewOutput(),
            new QuizOutput(),
            new AnkiOutput()));

    public Outputs {
        all = List.copyOf(all);
    }

    public Optional<Output> byName(String name) {
        return all.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** What the settings need to know of each output. */
    public List<OutputSpec> specs() {
        return all.stream().map(Output::spec).toList();
    }

    /** The same outputs and one more, for a test that adds a format. */
    public Outputs with(Output extra) {
        List<Output> more = new java.util.ArrayList<>(all);
        more.add(extra);
        return new Outputs(more);
    }
}
