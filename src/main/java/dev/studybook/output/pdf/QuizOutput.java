package dev.studybook.output.pdf;

import dev.studybook.config.OptionSpec;
import dev.studybook.error.Diagnostics;
import dev.studybook.model.Book;
import dev.studybook.model.Part;
import dev.studybook.output.Labels;
import dev.studybook.output.Output;
import dev.studybook.output.OutputContext;
import dev.studybook.output.OutputFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The self-test, {@code <name>-quiz.pdf}: the book's questions numbered, with room to write, and the answers at the
 * end with the page of the book's PDF that explains each. With {@code --split} (or {@code split: true}) also one per
 * chapter, {@code handouts/NN-name-quiz.pdf}. On with {@code --quiz} or {@code quiz: true}. It is written after the
 * book's PDF, whose page map it is given.
 */
public final class QuizOutput implements Output {

    @Override
    public String name() {
        return "quiz";
    }

    @Override
    public String description() {
        return "a printable self-test of the book's questions";
    }

    @Override
    public Optional<String> switchKey() {
        return Optional.of("quiz");
    }

    @Override
    public List<OptionSpec> options() {
        List<OptionSpec> o = new ArrayList<>(PdfLayout.options(true));
        o.add(OptionSpec.bool("split", false, "also write one self-test per chapter to handouts/").flat("split"));
        return o;
    }

    @Override
    public String characters(Labels labels) {
        return labels.quiz() + labels.answers() + labels.page(0) + labels.questions(0) + "0123456789.›→";
    }

    @Override
    public List<OutputFile> files(OutputContext ctx) {
        Book book = ctx.book();
        if (book.chapters().stream().allMatch(c -> c.questions().isEmpty())) {
            ctx.diagnostics().warn(null, Diagnostics.Kind.STRUCTURE, "no chapter has questions, so there is no self-test:"
                    + " studybook takes them from sections headed 面试追问, 追问, 练习, Questions or Exercises and from"
                    + " '## 速记' bullets; name your own sections in book.yaml ('questions: {sections: [...]}')");
            return List.of();
        }
        List<OutputFile> out = new ArrayList<>();
        Book whole = book.withParts(List.of(new Part("", book.chapters())));
        out.add(new OutputFile(ctx.baseName() + "-quiz.pdf", OutputFile.Pages.MARKS, (stream, pages) -> {
            if (pages.isEmpty()) {
                ctx.diagnostics().warn(null, Diagnostics.Kind.OUTPUT, "the self-test's answers name no pages of the book:"
                        + " build the PDF in the same run (--format pdf,... or formats: [pdf, ...])");
            }
            return PdfLayout.write(whole, ctx, PrintDocument.Mode.QUIZ, stream, pages);
        }));
        if (ctx.options().bool("split")) {
            for (HandoutsOutput.Handout h : HandoutsOutput.handouts(book)) {
                if (h.chapters().stream().allMatch(c -> c.questions().isEmpty())) {
                    continue;
                }
                // The same number and name as the chapter's handout.
                Book one = book.withParts(List.of(new Part("", h.chapters())));
                out.add(new OutputFile(h.fileName("-quiz"), OutputFile.Pages.MARKS,
                        (stream, pages) -> PdfLayout.write(one, ctx, PrintDocument.Mode.QUIZ, stream, pages)));
            }
        }
        return out;
    }
}
