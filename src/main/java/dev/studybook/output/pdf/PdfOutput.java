package dev.studybook.output.pdf;

import dev.studybook.config.OptionSpec;
import dev.studybook.output.Output;
import dev.studybook.output.OutputContext;
import dev.studybook.output.OutputFile;
import java.util.List;

/** The PDF of the whole book: cover, title page, contents with page numbers, every chapter. */
public final class PdfOutput implements Output {

    @Override
    public String name() {
        return "pdf";
    }

    @Override
    public String description() {
        return "PDF for printing";
    }

    @Override
    public boolean byDefault() {
        return true;
    }

    @Override
    public List<OptionSpec> options() {
        List<OptionSpec> options = new java.util.ArrayList<>(PdfLayout.options(false));
        options.add(PdfLayout.PRINT);
        return options;
    }

    @Override
    public List<OutputFile> files(OutputContext ctx) {
        return List.of(new OutputFile(ctx.baseName() + ".pdf", OutputFile.Pages.LAYS_OUT,
                (out, pages) -> PdfLayout.write(ctx.book(), ctx, PrintDocument.Mode.BOOK, out)));
    }
}
