package dev.studybook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.EpubCheckRunner;
import dev.studybook.testing.EpubContents;
import dev.studybook.testing.PdfText;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import dev.studybook.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The author's workflow, command by command, through picocli as a user runs it. */
class WorkflowTest {

    @TempDir
    Path tmp;

    static Cli.Run run(String... args) {
        return Cli.run(args);
    }

    @Test
    void initThenBuildThenCheckPassesOnTheNewBook() throws IOException {
        Path book = tmp.resolve("mybook");
        Cli.Run init = run("init", book.toString());
        assertEquals(0, init.code(), init.err());
        assertTrue(init.out().contains("created a book in"), init.out());
        for (String f : List.of("book.yaml", "README.md", "01-start.md", "02-pictures-and-code.md", "images/flow.svg")) {
            assertTrue(Files.isRegularFile(book.resolve(f)), f);
        }
        Cli.Run build = run("build", "--content", book.toString(), "--out", book.resolve("dist").toString());
        assertEquals(0, build.code(), build.err());
        assertEquals("", build.err(), "the new book builds without a warning");
        // Named after the book's folder: the title has no ASCII words.
        assertTrue(EpubCheckRunner.check(book.resolve("dist/mybook.epub")).clean());
        Cli.Run check = run("check", "--content", book.toString());
        assertEquals(0, check.code(), check.out());
        assertEquals("0 errors, 0 warnings", check.out().strip());
        Cli.Run again = run("init", book.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("book.yaml: this file exists already; init never overwrites"), again.err());
    }

    @Test
    void checkFindsEveryKindOfProblemWithFileAndLineAndExitsOneOnErrors() throws IOException {
        Path book = Files.createDirectories(tmp.resolve("book"));
        Files.writeString(book.resolve("README.md"), "# 书\n\n- [一](one.md)\n- [一](two.md)\n");
        Files.writeString(book.resolve("one.md"), "# 一\n\n[坏链接](nowhere.md) 与 [坏锚点](two.md#没有这一节)\n\n"
                + "![缺图](missing.png)\n\n象形 \uD80C\uDC00\n\n```progexec\nrun it\n```\n");
        Files.writeString(book.resolve("two.md"), "# 二\n\n正文。\n");
        Files.writeString(book.resolve("orphan.md"), "# 没人链接\n");
        Cli.Run r = run("check", "--content", book.toString());
        assertEquals(1, r.code(), r.out());
        List<String> lines = r.out().strip().lines().toList();
        String all = String.join("\n", lines);
        assertTrue(all.contains("README.md:4: warning: another chapter (line 3) has the same title '一'"), all);
        assertTrue(all.contains("one.md:3: error: the link target 'nowhere.md' does not exist"), all);
        assertTrue(all.contains("one.md:3: error: the link to '#没有这一节' names no heading"), all);
        assertTrue(all.contains("one.md:5: error: image not found"), all);
        assertTrue(all.contains("one.md:7: error: no font of the book has"), all);
        assertTrue(all.contains("one.md:9: warning: the code block's language 'progexec'"), all);
        assertTrue(all.contains("orphan.md: warning: no index page links to this file"), all);
        assertEquals("4 errors, 3 warnings", lines.get(lines.size() - 1));
        Cli.Run json = run("check", "--content", book.toString(), "--format", "json");
        assertEquals(1, json.code());
        assertTrue(json.out().startsWith("{\n  \"errors\": 4,\n  \"warnings\": 3,\n  \"findings\": ["), json.out());
        assertTrue(json.out().contains("\"line\": 5, \"severity\": \"error\", \"kind\": \"image\""), json.out());
    }

    @Test
    void everyCommandHasHelpWithExamplesAndCompletionIsGenerated() {
        for (String c : List.of("build", "check", "test", "init", "watch")) {
            Cli.Run h = run(c, "--help");
            assertEquals(0, h.code(), c);
            assertTrue(h.out().contains("Examples:"), c + ":\n" + h.out());
        }
        Cli.Run main = run("--help");
        assertTrue(main.out().contains("Exit codes:") && main.out().contains("  1  the book's content has an error"), main.out());
        Cli.Run completion = run("generate-completion");
        assertEquals(0, completion.code());
        assertTrue(completion.out().contains("complete -F") && completion.out().contains("studybook"), completion.out());
    }

    @Test
    void authorsFontsAndStylesheetsFromBookYamlReachBothOutputs() throws IOException {
        Path book = tmp.resolve("book");
        assertEquals(0, run("init", book.toString()).code());
        Files.createDirectories(book.resolve("fonts"));
        try (InputStream in = WorkflowTest.class.getResourceAsStream("/studybook/fonts/JetBrainsMono-Bold.ttf")) {
            Files.write(book.resolve("fonts/My Mono.ttf"), in.readAllBytes());
        }
        Files.writeString(book.resolve("extra.css"), "code, pre { font-family: \"Author Mono\", \"Noto Sans SC\", monospace; }\n");
        Files.writeString(book.resolve("book.yaml"), Files.readString(book.resolve("book.yaml"))
                + "fonts:\n  - file: fonts/My Mono.ttf\n    family: Author Mono\n    weight: 400\ncss: extra.css\n");
        Cli.Run r = run("build", "--content", book.toString(), "--out", book.resolve("dist").toString());
        assertEquals(0, r.code(), r.err());
        EpubContents epub = EpubContents.read(book.resolve("dist/book.epub"));
        assertTrue(epub.entryNames().contains("OEBPS/fonts/user-1-My-Mono.ttf"), epub.entryNames().toString());
        assertTrue(epub.text("styles/fonts.css").contains("font-family: \"Author Mono\""));
        assertTrue(epub.text("styles/extra-1.css").contains("Author Mono"));
        assertTrue(epub.text(epub.chapterFiles().get(0)).contains("href=\"styles/extra-1.css\""));
        assertTrue(EpubCheckRunner.check(book.resolve("dist/book.epub")).clean());
        assertTrue(PdfText.fonts(book.resolve("dist/book.pdf")).stream().anyMatch(f -> f.contains("JetBrainsMono-Bold")),
                "the author's font is used and embedded in the PDF");
    }

    @Test
    void aCffFontGetsAClearMessage() throws IOException {
        Path book = tmp.resolve("book");
        assertEquals(0, run("init", book.toString()).code());
        Files.write(book.resolve("cff.otf"), "OTTO\0\0\0\0rest of a CFF font".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(book.resolve("book.yaml"), Files.readString(book.resolve("book.yaml"))
                + "fonts:\n  - file: cff.otf\n    family: Some CJK\n");
        Cli.Run r = run("build", "--content", book.toString(), "--out", book.resolve("dist").toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("cff.otf: this font has PostScript (CFF) outlines, which the PDF library cannot embed")
                && r.err().contains("TrueType (glyf)"), r.err());
    }
}
