package dev.studybook.output.pdf;

import dev.studybook.config.OptionSpec;
import dev.studybook.model.Book;
import dev.studybook.model.Chapter;
import dev.studybook.model.Part;
import dev.studybook.output.Output;
import dev.studybook.output.OutputContext;
import dev.studybook.output.OutputFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One PDF handout per top-level chapter (with its sub-chapters), in {@code handouts/NN-name.pdf}: a title line,
 * the chapter, running headers and page numbers. On with {@code --split} or {@code split: true}.
 */
public final class HandoutsOutput implements Output {

    @Override
    public String name() {
        return "handouts";
    }

    @Override
    public String description() {
        return "one PDF handout per chapter";
    }

    @Override
    public Optional<String> switchKey() {
        return Optional.of("split");
    }

    @Override
    public List<OptionSpec> options() {
        return PdfLayout.options(true);
    }

    @Override
    public List<OutputFile> files(OutputContext ctx) {
        List<OutputFile> out = new ArrayList<>();
        List<Chapter> chapters = ctx.book().chapters();
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
            String name = String.format(Locale.ROOT, "handouts/%02d-%s.pdf", n, slug(chapters.get(i)));
            Book handout = ctx.book().withParts(List.of(new Part("", group)));
            out.add(new OutputFile(name, OutputFile.Pages.NONE,
                    (stream, pages) -> PdfLayout.write(handout, ctx, PrintDocument.Mode.HANDOUT, stream)));
        }
        return out;
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
