package dev.studybook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.studybook.error.Diagnostics;
import dev.studybook.io.ContentFolder;
import dev.studybook.model.ChapterSource;
import dev.studybook.model.SourceText;
import dev.studybook.preprocess.PreprocessContext;
import dev.studybook.preprocess.Preprocessors;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chapters are preprocessed on all cores (BookLoader.preprocess): the texts are those of one chapter after another,
 * and a warning said once for the book names its first place in book order, however the threads ran.
 */
class ParallelPreprocessingTest {

    @TempDir
    Path tmp;

    /** A book of 24 chapters; the later ones are short, so that they are done before the first, which is long. */
    private Path book() throws IOException {
        Path dir = tmp.resolve("book");
        Files.createDirectories(dir);
        StringBuilder index = new StringBuilder("# Parallel\n\n");
        for (int i = 1; i <= 24; i++) {
            String name = String.format("ch%02d.md", i);
            index.append("- [Chapter ").append(i).append("](").append(name).append(")\n");
            StringBuilder text = new StringBuilder("# Chapter " + i + "\n\n");
            int filler = i == 1 ? 20_000 : 3;
            for (int k = 0; k < filler; k++) {
                text.append("Some prose, line ").append(k).append(".\n");
            }
            // The end tag alone in even chapters, the opening tag first in odd ones: the count depends on the order.
            text.append(i % 2 == 0 ? "{% endsecret %}\n\n" : "{% secret %}\nhidden\n{% endsecret %}\n\n");
            text.append("::: mystery").append("\nboxed ").append(i).append("\n:::\n\n");
            text.append("## Options {#options-").append(i).append("}\n\n```md\n::: kept as written\n```\n");
            Files.writeString(dir.resolve(name), text.toString(), StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("README.md"), index.toString(), StandardCharsets.UTF_8);
        return dir;
    }

    @Test
    void warningsSaidOnceNameTheFirstPlaceInBookOrderAndTextsAreAsOneByOne() throws IOException {
        Path dir = book();
        List<String> first = null;
        List<String> texts = null;
        for (int run = 0; run < 5; run++) {
            Diagnostics d = new Diagnostics();
            LoadedBook loaded = TestBooks.load(dir, d);
            List<String> warnings = d.warnings().stream().map(Object::toString)
                    .filter(w -> w.contains("mystery") || w.contains("secret")).toList();
            List<String> got = loaded.chapters().stream().map(c -> c.text().text()).toList();
            if (first == null) {
                first = warnings;
                texts = got;
            }
            assertEquals(first, warnings);
            assertEquals(texts, got);
        }
        assertEquals(2, first.size(), first.toString());
        assertEquals(true, first.stream().anyMatch(w -> w.contains("ch01.md:") && w.contains("'::: mystery'")
                && w.contains("(23 more in the book)")), first.toString());
        // Chapter 1 opens {% secret %} before its end tag; even chapters' lone end tags count, odd ones' do not.
        assertEquals(true, first.stream().anyMatch(w -> w.contains("ch01.md:") && w.contains("'{% secret %}'")
                && w.contains("(11 more in the book)")), first.toString());

        // The same texts as the preprocessors give one chapter after another.
        Diagnostics d = new Diagnostics();
        LoadedBook loaded = TestBooks.load(dir, d);
        PreprocessContext serial = new PreprocessContext(new ContentFolder(dir.toAbsolutePath().normalize(),
                dir.toAbsolutePath().normalize()), new Diagnostics(), "en");
        List<String> oneByOne = new ArrayList<>();
        for (ChapterSource c : loaded.chapters()) {
            String raw = Files.readString(c.entry().file(), StandardCharsets.UTF_8);
            oneByOne.add(Preprocessors.run(SourceText.of(c.entry().file(), raw), serial).text());
        }
        assertEquals(oneByOne, texts);
    }
}
