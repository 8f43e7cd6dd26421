package dev.studybook.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.error.ExitCode;
import dev.studybook.error.StudybookException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every setting's precedence, decided in one place: command line, then book.yaml's section, flat key, default. */
class SettingsResolverTest {

    @TempDir
    Path dir;

    /** Two outputs like the real ones: one with options read from a flat key too, one inheriting them. */
    static final List<OutputSpec> OUTPUTS = List.of(
            new OutputSpec("pdf", "a PDF", true, Optional.empty(), List.of(
                    OptionSpec.choice("paper", "A4", "paper", "A4", "A5", "B5", "Letter").flat("paper"),
                    OptionSpec.bool("pdf-a", false, "PDF/A").flat("pdf-a"))),
            new OutputSpec("epub", "an EPUB", true, Optional.empty(), List.of(
                    OptionSpec.bool("embed-fonts", true, "fonts").flat("embed-fonts"))),
            new OutputSpec("handouts", "handouts", false, Optional.of("split"), List.of(
                    OptionSpec.choice("paper", "A4", "paper", "A4", "A5", "B5", "Letter").inheriting("pdf.paper"))));

    private Settings resolve(String yaml, Request request) throws IOException {
        Files.writeString(dir.resolve("book.yaml"), yaml, StandardCharsets.UTF_8);
        return SettingsResolver.resolve(BookConfigReader.read(dir), request, OUTPUTS);
    }

    private Request plain() {
        return Request.read(dir, Optional.empty());
    }

    @Test
    void defaultsWithoutBookYaml() {
        Settings s = SettingsResolver.resolve(BookConfig.empty(), plain(), OUTPUTS);
        assertEquals(List.of("pdf", "epub"), s.outputs());
        assertEquals("A4", s.options("pdf").text("paper"));
        assertTrue(s.options("epub").bool("embed-fonts"));
        assertEquals(2, s.tocDepth());
        assertEquals(Path.of("dist").toAbsolutePath(), s.outDir());
    }

    @Test
    void commandLineWinsOverSectionWhichWinsOverFlatKeyWhichWinsOverDefault() throws IOException {
        assertEquals("B5", resolve("paper: B5\n", plain()).options("pdf").text("paper"));
        assertEquals("A5", resolve("paper: B5\npdf:\n  paper: a5\n", plain()).options("pdf").text("paper"),
                "the section wins, and values are spelt as the option spells them");
        assertEquals("Letter", resolve("paper: B5\npdf:\n  paper: A5\n", plain().withOption("pdf.paper", "letter"))
                .options("pdf").text("paper"));
    }

    @Test
    void anOptionMayTakeAnotherOutputsValueByDefault() throws IOException {
        assertEquals("A5", resolve("pdf:\n  paper: A5\n", plain()).options("handouts").text("paper"));
        assertEquals("B5", resolve("pdf:\n  paper: A5\nhandouts:\n  paper: B5\n", plain()).options("handouts").text("paper"));
    }

    @Test
    void switchesAddOutputsFromTheCommandLineOrBookYaml() throws IOException {
        assertEquals(List.of("pdf", "epub", "handouts"), resolve("split: true\n", plain()).outputs());
        assertEquals(List.of("epub", "handouts"), resolve("formats: [epub]\n", plain().withSwitch("split")).outputs());
        assertEquals(List.of("pdf"), resolve("formats: epub\n", new Request(dir, Optional.empty(), Optional.empty(),
                List.of("PDF"), java.util.Set.of(), java.util.Map.of())).outputs(), "--format wins over book.yaml");
    }

    @Test
    void formatsHtmlInBookYamlIsAnErrorNamingBookYamlAndItsLine() throws IOException {
        // The bug: 'formats: [html]' in book.yaml exited 2, "the command line is wrong", without naming book.yaml.
        StudybookException e = assertThrows(StudybookException.class, () -> resolve("title: T\nformats: [epub, html]\n", plain()));
        assertEquals(ExitCode.CONTENT, e.exitCode());
        assertTrue(e.oneLine().contains("book.yaml:2: unknown format 'html'") && e.oneLine().contains("pdf, epub, handouts"),
                e.oneLine());
    }

    @Test
    void aWrongValueNamesItsLineAndTheAllowedValues() throws IOException {
        StudybookException paper = assertThrows(StudybookException.class, () -> resolve("title: T\n\npdf:\n  paper: A3\n", plain()));
        assertTrue(paper.oneLine().contains("book.yaml:4: 'A3' is not a value of 'pdf: paper'")
                && paper.oneLine().contains("A4, A5, B5, Letter"), paper.oneLine());
        StudybookException flat = assertThrows(StudybookException.class, () -> resolve("embed-fonts: maybe\n", plain()));
        assertTrue(flat.oneLine().contains("book.yaml:1:") && flat.oneLine().contains("true, false"), flat.oneLine());
        StudybookException depth = assertThrows(StudybookException.class, () -> resolve("toc-depth: 9\n", plain()));
        assertTrue(depth.oneLine().contains("book.yaml:1: 'toc-depth' must be a number from 1 to 6"), depth.oneLine());
    }

    @Test
    void unknownKeysAndOptionsAreErrorsThatListWhatIsKnown() throws IOException {
        StudybookException key = assertThrows(StudybookException.class, () -> resolve("titel: T\n", plain()));
        assertTrue(key.oneLine().contains("book.yaml:1: unknown key 'titel'") && key.oneLine().contains("title"), key.oneLine());
        StudybookException option = assertThrows(StudybookException.class, () -> resolve("pdf:\n  margin: 2cm\n", plain()));
        assertTrue(option.oneLine().contains("book.yaml:2: the pdf output has no option 'margin'")
                && option.oneLine().contains("paper (A4, A5, B5, Letter)"), option.oneLine());
        StudybookException notAMapping = assertThrows(StudybookException.class, () -> resolve("pdf: A5\n", plain()));
        assertTrue(notAMapping.oneLine().contains("book.yaml:1: 'pdf' must be a mapping"), notAMapping.oneLine());
    }

    @Test
    void aWrongCommandLineValueIsAUsageError() {
        StudybookException e = assertThrows(StudybookException.class,
                () -> SettingsResolver.resolve(BookConfig.empty(), plain().withOption("pdf.paper", "A3"), OUTPUTS));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.oneLine().contains("A4, A5, B5, Letter"), e.oneLine());
        assertEquals(ExitCode.USAGE, assertThrows(StudybookException.class, () -> SettingsResolver.resolve(BookConfig.empty(),
                new Request(dir, Optional.empty(), Optional.empty(), List.of("html"), java.util.Set.of(), java.util.Map.of()),
                OUTPUTS)).exitCode());
    }

    @Test
    void outIsRelativeToTheContentFolderInBookYamlAndTheCommandLineWins() throws IOException {
        assertEquals(dir.resolve("build/out").toAbsolutePath().normalize(), resolve("out: build/out\n", plain()).outDir());
        assertEquals(dir.resolve("x").toAbsolutePath(), resolve("out: build/out\n", Request.of(dir, dir.resolve("x"))).outDir());
    }

    @Test
    void aSwitchOnTheCommandLineSetsTheFlatKeyOfTheSameName() throws IOException {
        List<OutputSpec> outputs = List.of(new OutputSpec("quiz", "a self-test", false, Optional.of("quiz"),
                List.of(OptionSpec.bool("split", false, "per chapter").flat("split"))));
        Files.writeString(dir.resolve("book.yaml"), "quiz:\n  split: false\n", StandardCharsets.UTF_8);
        BookConfig config = BookConfigReader.read(dir);
        assertEquals(false, SettingsResolver.resolve(config, plain(), outputs).options("quiz").bool("split"));
        assertEquals(true, SettingsResolver.resolve(config, plain().withSwitch("split"), outputs).options("quiz").bool("split"),
                "--split wins over book.yaml");
    }

    @Test
    void questionRulesFromBookYamlAndTheirMistakesByLine() throws IOException {
        Files.writeString(dir.resolve("book.yaml"), "title: T\nquestions:\n  sections: [思考题, Quiz]\n  pattern: '^Q\\d+'\n"
                + "  review: []\n", StandardCharsets.UTF_8);
        QuestionRules rules = BookConfigReader.read(dir).questions();
        assertEquals(List.of("思考题", "Quiz"), rules.sections());
        assertTrue(rules.isQuestionSection("quiz：") && !rules.isQuestionSection("面试追问"));
        assertEquals("^Q\\d+", rules.pattern().orElseThrow().pattern());
        assertEquals(Optional.of(List.of()), rules.review());
        assertEquals(QuestionRules.DEFAULT, BookConfig.empty().questions());
        for (String[] bad : new String[][] {
                {"questions:\n  pattern: '(Q'\n", "book.yaml:2: 'pattern' is not a valid regular expression"},
                {"questions:\n  pattern: 'Q?'\n", "book.yaml:2: 'pattern' matches empty text"},
                {"questions:\n  sectons: [a]\n", "book.yaml:2: unknown questions setting 'sectons'"},
                {"questions: 面试追问\n", "book.yaml:1: 'questions' must be a mapping"},
                {"questions:\n  sections: ['']\n", "book.yaml:2: 'sections' names an empty heading title"}}) {
            Files.writeString(dir.resolve("book.yaml"), bad[0], StandardCharsets.UTF_8);
            StudybookException e = assertThrows(StudybookException.class, () -> BookConfigReader.read(dir));
            assertTrue(e.oneLine().contains(bad[1]), e.oneLine());
            assertEquals(ExitCode.CONTENT, e.exitCode());
        }
    }
}
