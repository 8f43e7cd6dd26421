package dev.studybook.output.pdf;

import dev.studybook.config.OptionSpec;
import dev.studybook.error.Diagnostics;
import dev.studybook.model.Book;
import dev.studybook.model.Chapter;
import dev.studybook.model.Part;
import dev.studybook.output.Output;
import dev.studybook.output.OutputContext;
import dev.studybook.output.OutputFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The review sheet, {@code <name>-review.pdf}: every chapter's {@code ## 速记} section (or a heading with the class
 * {@code review}) under the chapter's title, on a few compact pages. On with {@code --review} or {@code review: true}.
 */
public final class ReviewOutput implements Output {

    @Override
    public String name() {
        return "review";
    }

    @Override
    public String description() {
        return "a review sheet of every chapter's 速记 section";
    }

    @Override
    public Optional<String> switchKey() {
        return Optional.of("review");
    }

    @Override
    public List<OptionSpec> options() {
        return PdfLayout.options(true);
    }

    @Override
    public List<OutputFile> files(OutputContext ctx) {
        List<Chapter> sections = new ArrayList<>();
        for (Chapter c : ctx.book().chapters()) {
            c.review().ifPresent(body -> sections.add(new Chapter(c.id(), c.title(), 1, c.source(), body, List.of(),
                    Optional.empty(), c.images(), List.of())));
        }
        if (sections.isEmpty()) {
            ctx.diagnostics().warn(null, Diagnostics.Kind.STRUCTURE,
                    "no chapter has a '## 速记' section (or a heading with the class 'review'), so there is no review sheet");
            return List.of();
        }
        Book sheet = ctx.book().withParts(List.of(new Part("", sections)));
        return List.of(new OutputFile(ctx.baseName() + "-review.pdf", OutputFile.Pages.NONE,
                (out, pages) -> PdfLayout.write(sheet, ctx, PrintDocument.Mode.REVIEW, out)));
    }
}
