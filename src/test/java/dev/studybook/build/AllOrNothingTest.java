package dev.studybook.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.config.Request;
import dev.studybook.error.Diagnostics;
import dev.studybook.error.ExitCode;
import dev.studybook.error.StudybookException;
import dev.studybook.output.Output;
import dev.studybook.output.OutputContext;
import dev.studybook.output.OutputFile;
import dev.studybook.testing.Cli;
import dev.studybook.testing.EpubCheckRunner;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every output of a build replaces the earlier ones only when all are complete (issue 21): a failure after the
 * PDF is written leaves the old EPUB and PDF as they were, and two builds writing one folder at once leave valid
 * files, never a corrupt or partial one.
 */
class AllOrNothingTest {

    @TempDir
    Path tmp;

    /** An output written after the PDF (it marks its pages), which fails half way, as a full disk would. */
    static final class FailingOutput implements Output {
        @Override
        public String name() {
            return "failing";
        }

        @Override
        public String description() {
            return "fails after the PDF is written";
        }

        @Override
        public List<OutputFile> files(OutputContext context) {
            return List.of(new OutputFile(context.baseName() + ".failing", OutputFile.Pages.MARKS, (out, pages) -> {
                assertTrue(pages.isPresent(), "written after the PDF laid out its pages");
                out.write("half".getBytes(StandardCharsets.UTF_8));
                throw new IOException("No space left on device (injected)");
            }));
        }
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    @Timeout(120)
    void failedBuildAfterTheFirstOutputLeavesEveryEarlierOutput() throws IOException {
        Path book = TestBooks.copy("integrity/tiny", tmp.resolve("book"));
        Path out = tmp.resolve("out");
        TestBooks.build(book, out, "epub", "pdf");
        List<String> before = names(out);
        assertEquals(2, before.size(), before.toString());
        byte[] epub = Files.readAllBytes(out.resolve(before.get(0)));
        byte[] pdf = Files.readAllBytes(out.resolve(before.get(1)));
        Files.writeString(book.resolve("one.md"), "# 第一章\n\n改过的正文。\n", StandardCharsets.UTF_8);
        Outputs outputs = Outputs.DEFAULT.with(new FailingOutput());
        Request request = new Request(book, Optional.empty(), Optional.of(out), List.of("epub", "pdf", "failing"), Set.of(),
                java.util.Map.of());
        StudybookException e = assertThrows(StudybookException.class, () -> Builder.build(request, new Diagnostics(),
                BuildSession.once(Progress.NONE), outputs));
        assertEquals(ExitCode.OUTPUT, e.exitCode());
        assertTrue(e.getMessage().contains("No space left on device (injected)"), e.getMessage());
        assertEquals(before, names(out), "no new file, no partial file");
        assertArrayEquals(epub, Files.readAllBytes(out.resolve(before.get(0))), "the EPUB as it was");
        assertArrayEquals(pdf, Files.readAllBytes(out.resolve(before.get(1))), "the PDF as it was");
    }

    @Test
    @Timeout(180)
    void twoBuildsWritingTheSameOutAtOnceLeaveValidFiles() throws Exception {
        Path a = TestBooks.copy("integrity/tiny", tmp.resolve("a"));
        Path b = TestBooks.copy("integrity/tiny", tmp.resolve("b"));
        Files.writeString(b.resolve("one.md"), "# 第一章\n\n另一本书的正文，长一些。".repeat(50) + "\n", StandardCharsets.UTF_8);
        for (Path book : List.of(a, b)) {
            Files.writeString(book.resolve("book.yaml"), "title: 小书\nlanguage: zh-CN\nfilename: same\n", StandardCharsets.UTF_8);
        }
        Path out = tmp.resolve("out");
        for (int round = 0; round < 2; round++) {
            List<CompletableFuture<Cli.Run>> runs = new ArrayList<>();
            for (Path book : List.of(a, b)) {
                runs.add(CompletableFuture.supplyAsync(() -> Cli.run("build", "--content", book.toString(), "--out",
                        out.toString(), "--format", "epub,pdf")));
            }
            for (CompletableFuture<Cli.Run> r : runs) {
                Cli.Run run = r.get();
                assertEquals(0, run.code(), run.err());
            }
            List<String> files = names(out);
            assertEquals(2, files.size(), "no partial file: " + files);
            Path epub = out.resolve(files.get(0));
            EpubCheckRunner.Result check = EpubCheckRunner.check(epub);
            assertEquals(0, check.fatals() + check.errors(), check.messages().toString());
            byte[] pdf = Files.readAllBytes(out.resolve(files.get(1)));
            String tail = new String(pdf, pdf.length - 16, 16, StandardCharsets.ISO_8859_1);
            assertTrue(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-") && tail.contains("%%EOF"),
                    "a whole PDF");
        }
    }
}
