package dev.studybook.robust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.cli.Main;
import dev.studybook.error.ExitCode;
import dev.studybook.error.StudybookException;
import dev.studybook.io.AtomicOutput;
import dev.studybook.testing.EpubCheckRunner;
import dev.studybook.testing.EpubContents;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import dev.studybook.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input: every case ends with one line that names the file (and line) and says what to do, the
 * documented exit code, no stack trace, and the previous good outputs left as they were.
 */
class BadInputTest {

    @TempDir
    Path tmp;

    Path book;
    Path out;
    byte[] goodEpub;

    record Run(int code, String out, String err) {
        String errorLine() {
            List<String> lines = err.strip().lines().filter(l -> l.startsWith("error: ")).toList();
            assertEquals(1, lines.size(), "one error line:\n" + err);
            return lines.get(0);
        }
    }

    static Run run(String... args) {
        Cli.Run r = Cli.run(args);
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose:\n" + r.err());
        return new Run(r.code(), r.out(), r.err());
    }

    /** A small good book, built once into {@code out}, so each case can check the output survives. */
    @BeforeEach
    void goodBuild() throws IOException {
        book = Files.createDirectories(tmp.resolve("book"));
        write("README.md", "# 书\n\n- [第一章](one.md)\n");
        write("one.md", "# 第一章\n\n正文。\n");
        out = tmp.resolve("out");
        assertEquals(0, run("build", "--content", book.toString(), "--out", out.toString(), "--format", "epub").code());
        goodEpub = Files.readAllBytes(out.resolve("book.epub"));
    }

    void write(String name, String text) throws IOException {
        Path p = book.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    Run build() {
        return run("build", "--content", book.toString(), "--out", out.toString(), "--format", "epub");
    }

    void assertUntouched() throws IOException {
        assertArrayEquals(goodEpub, Files.readAllBytes(out.resolve("book.epub")), "the previous EPUB is untouched");
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("book.epub"), files.map(p -> p.getFileName().toString()).toList(), "no partial file");
        }
    }

    void assertFails(ExitCode code, String... parts) throws IOException {
        Run r = build();
        assertEquals(code.code(), r.code(), r.err());
        String line = r.errorLine();
        for (String p : parts) {
            assertTrue(line.contains(p), "'" + p + "' in: " + line);
        }
        assertTrue(line.contains("(") && line.endsWith(")"), "says what to do: " + line);
        assertUntouched();
    }

    @Test
    void noIndexPageAndNoMarkdownPage() throws IOException {
        // A folder of pages without an index is a book in its pages' order (FolderPages); with no page at all, an error.
        Files.delete(book.resolve("README.md"));
        Files.delete(book.resolve("one.md"));
        assertFails(ExitCode.CONTENT, "book: no index page");
    }

    @Test
    void anIndexWithoutChapterLinks() throws IOException {
        write("README.md", "# 书\n\n只有文字，没有链接。\n");
        assertFails(ExitCode.CONTENT, "README.md: the index page links to no Markdown chapter");
    }

    @Test
    void aMissingChapter() throws IOException {
        write("README.md", "# 书\n\n- [第一章](one.md)\n- [第二章](two.md)\n");
        assertFails(ExitCode.CONTENT, "README.md:4: chapter file not found: ", "two.md");
    }

    @Test
    void aChapterThatIsAFolder() throws IOException {
        Files.createDirectories(book.resolve("dir.md"));
        write("README.md", "# 书\n\n- [第一章](one.md)\n- [附录](dir.md)\n");
        assertFails(ExitCode.CONTENT, "README.md:4: ", "names a folder");
    }

    @Test
    void aBinaryChapter() throws IOException {
        Files.write(book.resolve("one.md"), new byte[] {'#', ' ', 'x', '\n', 'a', '\n', 0, 1, 2, 3});
        assertFails(ExitCode.CONTENT, "one.md:3: the chapter looks binary");
    }

    @Test
    void aChapterThatIsNotUtf8NamesTheLineOfTheFirstBadByte() throws IOException {
        byte[] gbk = "# 第一章\n\n正文\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[gbk.length + 6];
        System.arraycopy(gbk, 0, bad, 0, gbk.length);
        bad[gbk.length] = 'x';
        bad[gbk.length + 1] = '\n';
        bad[gbk.length + 2] = (byte) 0xD6; // "中" in GBK
        bad[gbk.length + 3] = (byte) 0xD0;
        bad[gbk.length + 4] = '\n';
        bad[gbk.length + 5] = 'y';
        Files.write(book.resolve("one.md"), bad);
        assertFails(ExitCode.CONTENT, "one.md:5: the chapter is not valid UTF-8", "iconv");
    }

    @Test
    void aChapterLinkOrSymbolicLinkLeavingTheContentFolderIsRefused() throws IOException {
        Path outside = Files.writeString(tmp.resolve("secret.md"), "# 秘密\n\n不应被读到的文字。\n");
        write("README.md", "# 书\n\n- [第一章](one.md)\n- [外面](../secret.md)\n");
        assertFails(ExitCode.CONTENT, "README.md:4: the link '../secret.md' leads outside the content folder");
        Files.createSymbolicLink(book.resolve("link.md"), outside);
        write("README.md", "# 书\n\n- [第一章](one.md)\n- [链接](link.md)\n");
        assertFails(ExitCode.CONTENT, "README.md:4: the link 'link.md' leads outside the content folder");
    }

    @Test
    void imagesLeavingTheContentFolderAreRefusedWithAWarningAndNeverRead() throws IOException {
        Files.writeString(tmp.resolve("outside.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"9\" height=\"9\">"
                + "<title>SECRET-OUTSIDE</title></svg>");
        Files.createSymbolicLink(book.resolve("sym.svg"), tmp.resolve("outside.svg"));
        write("one.md", "# 第一章\n\n![上级](../outside.svg)\n\n![绝对](/etc/hostname)\n\n![链接](sym.svg)\n\n"
                + "![很深](../../../../../../../../etc/passwd)\n");
        Run r = build();
        assertEquals(0, r.code(), r.err());
        List<String> warnings = r.err().lines().filter(l -> l.startsWith("warning: ")).toList();
        assertEquals(4, warnings.size(), r.err());
        assertTrue(warnings.get(0).contains("one.md:3:") && warnings.get(0).contains("outside the content folder"), r.err());
        assertTrue(warnings.get(1).contains("one.md:5:") && warnings.get(1).contains("image not found"), r.err());
        assertTrue(warnings.get(2).contains("one.md:7:") && warnings.get(2).contains("outside the content folder"), r.err());
        EpubContents epub = EpubContents.read(out.resolve("book.epub"));
        assertTrue(epub.entryNames().stream().noneMatch(n -> n.contains("images/")), epub.entryNames().toString());
        assertFalse(new String(Files.readAllBytes(out.resolve("book.epub")), StandardCharsets.ISO_8859_1).contains("SECRET-OUTSIDE"));
    }

    @Test
    void entitiesDoctypesAndScriptsInRawHtmlAndSvgAreNeverResolvedOrKept() throws IOException {
        write("evil.svg", "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><text>&xxe;</text></svg>\n");
        write("script.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" onload=\"alert(1)\">"
                + "<title>图</title><script>alert(2)</script><rect width=\"5\" height=\"5\" onclick=\"x()\"/></svg>\n");
        write("one.md", "# 第一章\n\n<!DOCTYPE html [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n\n段落 &xxe; 结束。\n\n"
                + "![邪恶](evil.svg)\n\n![脚本](script.svg)\n");
        Run r = build();
        assertEquals(0, r.code(), r.err());
        // The DOCTYPE is read but its external entity never loaded, and it is not written back.
        EpubContents epub = EpubContents.read(out.resolve("book.epub"));
        String evil = epub.text("images/evil.svg");
        assertFalse(evil.contains("DOCTYPE") || evil.contains("ENTITY") || evil.contains("passwd"), evil);
        String all = new String(Files.readAllBytes(out.resolve("book.epub")), StandardCharsets.ISO_8859_1);
        assertFalse(all.contains("root:x:0:0"), "/etc/passwd never read");
        String svg = epub.text("images/script.svg");
        assertFalse(svg.contains("script") || svg.contains("onload") || svg.contains("onclick"), svg);
        assertTrue(epub.body(epub.chapterFiles().get(0)).text().contains("段落 &xxe; 结束。"), "an unknown entity stays text");
        assertTrue(EpubCheckRunner.check(out.resolve("book.epub")).clean());
    }

    @Test
    void anImageWithAbsurdDimensionsIsLeftOut() throws IOException {
        // A valid PNG header that claims 100000 × 100000 pixels (decoding it would need 40 GB).
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 1, (byte) 0x86,
            (byte) 0xA0, 0, 1, (byte) 0x86, (byte) 0xA0, 8, 2, 0, 0, 0, 0, 0, 0, 0};
        Files.write(book.resolve("huge.png"), png);
        write("one.md", "# 第一章\n\n![巨图](huge.png)\n");
        Run r = run("build", "--content", book.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("one.md:3: the image 'huge.png' is left out: it is 100000 × 100000 pixels, more than"
                + " 20000 pixels a side (PICTURE_MAX_SIDE)"), r.err());
    }

    @Test
    void aHundredMegabyteChapterIsAClearError() throws IOException {
        byte[] line = "很长的章节里重复的一行文字。\n".getBytes(StandardCharsets.UTF_8);
        try (OutputStream o = Files.newOutputStream(book.resolve("one.md"))) {
            for (long n = 0; n < 100L * 1024 * 1024; n += line.length) {
                o.write(line);
            }
        }
        assertFails(ExitCode.CONTENT, "one.md: the chapter is 100 MB", "split it into several chapters");
    }

    @Test
    void tenThousandNestedListsAndQuotesBuildAValidBook() throws IOException {
        StringBuilder quotes = new StringBuilder("# 第一章\n\n");
        quotes.append(">".repeat(10_000)).append(" 最深处的引用\n\n");
        // "- - - x" nests a list in each item: ten thousand levels on one line.
        String lists = "- ".repeat(10_000) + "最深处的列表项\n";
        write("one.md", quotes + lists);
        Run r = run("build", "--content", book.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("nested more than"), r.err());
        assertTrue(EpubCheckRunner.check(out.resolve("book.epub")).clean());
        EpubContents epub = EpubContents.read(out.resolve("book.epub"));
        String text = epub.body(epub.chapterFiles().get(0)).text();
        assertTrue(text.contains("最深处的引用") && text.contains("最深处的列表项"), "nothing is lost");
        assertTrue(Files.size(out.resolve("book.pdf")) > 0);
    }

    @Test
    void anOutputFolderThatCannotBeCreated() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Run r = run("build", "--content", book.toString(), "--out", file.resolve("dist").toString(), "--format", "epub");
        assertEquals(ExitCode.OUTPUT.code(), r.code(), r.err());
        assertTrue(r.errorLine().contains("a-file/dist: cannot create the output folder"), r.err());
    }

    @Test
    void aFullDiskLeavesThePreviousFileAndNoPartialFile() throws IOException {
        Path target = out.resolve("book.epub");
        StudybookException e = assertThrows(StudybookException.class, () -> AtomicOutput.write(target, o -> {
            o.write(new byte[4096]);
            throw new IOException("No space left on device");
        }));
        assertEquals(ExitCode.OUTPUT, e.exitCode());
        assertTrue(e.oneLine().contains("book.epub: cannot write the output: No space left on device"), e.oneLine());
        assertUntouched();
    }

    /**
     * datawhalechina/pumpkin-book's PDF (2,847 formulas) ran out of the launcher's heap: the user saw Batik's stack
     * trace under "Exception in thread", because making studybook's message needed memory too. Now one line says what
     * happened and what to do, the exit code is 70, and the previous outputs stay.
     */
    @Test
    void outOfMemoryIsOneLineThatSaysWhatToDoAndLeavesThePreviousOutputs() throws Exception {
        Path dist = tmp.resolve("dist");
        assertEquals(0, run("build", "--content", TestBooks.book("build/basic").toString(), "--out", dist.toString()).code());
        byte[] epub = Files.readAllBytes(dist.resolve("basic.epub"));
        Path content = TestBooks.copy("build/basic", tmp.resolve("big"));
        // Far more than 48 MB of heap holds: fonts alone are larger.
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
                "-cp", System.getProperty("java.class.path"), "dev.studybook.cli.Main", "build", "--content",
                content.toString(), "--out", dist.toString(), "--format", "epub").redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(ExitCode.INTERNAL.code(), p.exitValue(), said);
        assertTrue(said.contains("error: out of memory (Java heap") && said.contains("STUDYBOOK_JAVA_OPTS=-Xmx2g"), said);
        assertFalse(said.contains("Exception in thread") || said.contains("\tat "), said);
        assertArrayEquals(epub, Files.readAllBytes(dist.resolve("basic.epub")));
    }

    @Test
    void ctrlCLeavesThePreviousOutputsAndNoPartialFile() throws Exception {
        // The real book takes seconds to build: interrupt it while the outputs are being written.
        Path dist = tmp.resolve("dist");
        assertEquals(0, run("build", "--content", TestBooks.book("build/basic").toString(), "--out", dist.toString()).code());
        byte[] epub = Files.readAllBytes(dist.resolve("basic.epub"));
        byte[] pdf = Files.readAllBytes(dist.resolve("basic.pdf"));
        Path content = TestBooks.copy("build/basic", tmp.resolve("big"));
        // Make it slow: many copies of a long chapter.
        StringBuilder index = new StringBuilder("# 测试之书\n\n");
        String chapter = Files.readString(content.resolve("02-tables.md")).repeat(20);
        for (int i = 0; i < 30; i++) {
            Files.writeString(content.resolve("c" + i + ".md"), chapter);
            index.append("- [第 ").append(i).append(" 章](c").append(i).append(".md)\n");
        }
        Files.writeString(content.resolve("README.md"), index);
        java.nio.file.WatchService ws = dist.getFileSystem().newWatchService();
        dist.register(ws, java.nio.file.StandardWatchEventKinds.ENTRY_CREATE);
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "dev.studybook.cli.Main", "build", "--content",
                content.toString(), "--out", dist.toString()));
        if (sigintIgnored()) {
            // Tests run as a background job (`mvn verify &`) start with Ctrl-C ignored, and a child keeps that: the
            // build then never saw the signal and ran to its end (exit 0). A user's build in a terminal has the
            // default; give the child that.
            command.addAll(0, List.of("env", "--default-signal=INT"));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        // Once a partial output appears (told by the file system, not found by polling), interrupt as Ctrl-C would.
        assertTrue(partialOutputAppears(ws, 120), "the build got as far as writing");
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(ExitCode.INTERRUPTED.code(), p.exitValue());
        assertArrayEquals(epub, Files.readAllBytes(dist.resolve("basic.epub")));
        assertArrayEquals(pdf, Files.readAllBytes(dist.resolve("basic.pdf")));
        try (Stream<Path> files = Files.list(dist)) {
            assertEquals(List.of("basic.epub", "basic.pdf"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    /** Whether this process ignores SIGINT (Linux: bit 1 of SigIgn in /proc/self/status); false where it cannot tell. */
    private static boolean sigintIgnored() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & 0b10) != 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: nothing to tell.
        }
        return false;
    }

    /** Waits for a file ending in '.part' to be created in the watched folder, at most {@code seconds}. */
    private static boolean partialOutputAppears(java.nio.file.WatchService ws, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (long left; (left = deadline - System.nanoTime()) > 0; ) {
            java.nio.file.WatchKey key = ws.poll(left, TimeUnit.NANOSECONDS);
            if (key == null) {
                return false;
            }
            for (java.nio.file.WatchEvent<?> e : key.pollEvents()) {
                if (e.context() != null && e.context().toString().endsWith(".part")) {
                    return true;
                }
            }
            key.reset();
        }
        return false;
    }
}
