package dev.studybook.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.config.OptionSpec;
import dev.studybook.config.Request;
import dev.studybook.error.Diagnostics;
import dev.studybook.error.StudybookException;
import dev.studybook.model.Chapter;
import dev.studybook.output.Output;
import dev.studybook.output.OutputContext;
import dev.studybook.output.OutputFile;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adding an output format is one class and one registry line: the settings, book.yaml and the build follow. */
class OutputsTest {

    @TempDir
    Path tmp;

    /** A throwaway format: a text file with each chapter's size, in characters or in headings. */
    static final class Sizes implements Output {
        @Override
        public String name() {
            return "sizes";
        }

        @Override
        public String description() {
            return "each chapter's size";
        }

        @Override
        public List<OptionSpec> options() {
            return List.of(OptionSpec.choice("unit", "chars", "what to count", "chars", "headings"));
        }

        @Override
        public List<OutputFile> files(OutputContext ctx) {
            return List.of(new OutputFile(ctx.baseName() + ".sizes.txt", OutputFile.Pages.NONE, (out, pages) -> {
                StringBuilder sb = new StringBuilder();
                for (Chapter c : ctx.book().chapters()) {
                    long n = ctx.options().text("unit").equals("chars") ? c.body().toString().length() : c.headings().size();
                    sb.append(c.title()).append('\t').append(n).append('\n');
                }
                out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                return Optional.empty();
            }));
        }
    }

    private Path book(String yaml) throws IOException {
        Path book = TestBooks.copy("build/basic", tmp.resolve("book"));
        Files.writeString(book.resolve("book.yaml"), Files.readString(book.resolve("book.yaml")) + yaml);
        return book;
    }

    @Test
    void aThrowawayFormatWithOneOptionIsOneClassAndOneRegistryLine() throws IOException {
        Outputs registry = Outputs.DEFAULT.with(new Sizes());
        Path book = book("formats: [sizes]\nsizes:\n  unit: headings\n");
        Diagnostics d = new Diagnostics();
        var r = Builder.build(Request.of(book, tmp.resolve("out")), d, BuildSession.once(Progress.NONE), registry);
        assertEquals(List.of("sizes"), r.outputs().stream().map(o -> o.format()).toList());
        String text = Files.readString(tmp.resolve("out/basic.sizes.txt"));
        assertTrue(text.lines().count() >= 3 && text.lines().allMatch(l -> l.matches(".+\t[1-9]\\d*")), text);

        // Its option is checked like any other: book.yaml:line and the values allowed.
        Path wrong = book("formats: [sizes]\nsizes:\n  unit: words\n");
        StudybookException e = assertThrows(StudybookException.class, () -> Builder.build(Request.of(wrong,
                tmp.resolve("out2")), new Diagnostics(), BuildSession.once(Progress.NONE), registry));
        assertTrue(e.oneLine().contains("book.yaml:") && e.oneLine().contains("'words' is not a value of 'sizes: unit'")
                && e.oneLine().contains("chars, headings"), e.oneLine());
        // And the command line sets it as sizes.unit.
        Builder.build(Request.of(book, tmp.resolve("out3")).withOption("sizes.unit", "chars"), new Diagnostics(),
                BuildSession.once(Progress.NONE), registry);
        assertTrue(Files.readString(tmp.resolve("out3/basic.sizes.txt")).lines().allMatch(l -> l.matches(".+\t\\d{3,}")));
    }

    @Test
    void withoutTheRegistryLineTheFormatIsUnknown() throws IOException {
        Path book = book("formats: [sizes]\n");
        StudybookException e = assertThrows(StudybookException.class, () -> TestBooks.build(Request.of(book, tmp.resolve("out"))));
        assertTrue(e.oneLine().contains("unknown format 'sizes'"), e.oneLine());
    }
}
