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
        for (Handout h : handouts(ctx.book())) {
            Book handout = ctx.book().withParts(List.of(new Part("", h.chapters())));
            out.add(new OutputFile(h.fileName(""), OutputFile.Pages.NONE,
                    (stream, pages) -> PdfLayout.write(handout, ctx, PrintDocument.Mode.HANDOUT, stream)));
        }
        return out;
    }

    /** One handout: its number, and a top-level chapter with the chapters nested under it. */
    record Handout(int number, List<Chapter> chapters) {
        /** {@code handouts/03-string-concat<suffix>.pdf}. */
        String fileName(String suffix) {
            return String.format(Locale.ROOT, "handouts/%02d-%s%s.pdf", number, slug(chapters.get(0)), suffix);
        }
    }

    /** The book's handouts in order: each top-level chapter (and the first, whatever its depth) opens one. */
    static List<Handout> handouts(Book book) {
        List<Chapter> chapters = book.chapters();
        List<Handout> out = new ArrayList<>();
        for (int i = 0; i < chapters.size(); i++) {
            if (chapters.get(i).depth() != 1 && i > 0) {
                continue;
            }
            List<Chapter> group = new ArrayList<>();
            group.add(chapters.get(i));
            for (int j = i + 1; j < chapters.size() && chapters.get(j).depth() > 1; j++) {
                group.add(chapters.get(j));
            }
            out.add(new Handout(out.size() + 1, List.copyOf(group)));
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
