package dev.studybook.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.io.BookFiles;
import dev.studybook.testing.Cli;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing outside the book is read or written, and only regular files are read: book.yaml and the index page as
 * symbolic links to files outside, {@code filename} leaving the output folder, {@code init} through symbolic links,
 * and named pipes, sockets and folders where a file is expected (issue 21). FIFOs and links are made at test time,
 * since git cannot hold FIFOs.
 */
class ConfinementTest {

    @TempDir
    Path tmp;

    Path book;
    Path out;
    Path secret;

    @BeforeEach
    void setUp() throws IOException {
        book = TestBooks.copy("integrity/tiny", tmp.resolve("book"));
        out = tmp.resolve("out");
        secret = tmp.resolve("outside.md");
        Files.writeString(secret, "title: 外面的秘密\n\n# 外面的秘密\n\n- [第一章](one.md)\n", StandardCharsets.UTF_8);
    }

    Cli.Run build(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("build", "--content", book.toString(), "--out",
                out.toString(), "--format", "epub"));
        args.addAll(List.of(extra));
        Cli.Run r = Cli.run(args.toArray(String[]::new));
        assertFalse(r.err().contains("\tat "), "no stack trace:\n" + r.err());
        return r;
    }

    static void assertError(Cli.Run r, String... parts) {
        assertEquals(1, r.code(), r.err());
        for (String p : parts) {
            assertTrue(r.err().contains(p), "'" + p + "' in:\n" + r.err());
        }
    }

    static void mkfifo(Path p) throws IOException, InterruptedException {
        Process pr = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertTrue(pr.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, pr.exitValue());
    }

    @Test
    @Timeout(60)
    void bookYamlLinkedOutsideTheBookIsRefused() throws IOException {
        Files.delete(book.resolve("book.yaml"));
        Files.createSymbolicLink(book.resolve("book.yaml"), secret);
        Cli.Run r = build();
        assertError(r, "book.yaml: the book.yaml leads outside the content folder", secret.toString());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    @Timeout(60)
    void indexPageLinkedOutsideTheBookIsRefused() throws IOException {
        Files.delete(book.resolve("README.md"));
        Files.createSymbolicLink(book.resolve("README.md"), secret);
        assertError(build(), "README.md: the index page README.md leads outside the content folder");
        Files.delete(book.resolve("README.md"));
        Files.createSymbolicLink(book.resolve("SUMMARY.md"), Path.of("/etc/passwd"));
        assertError(build(), "SUMMARY.md: the index page SUMMARY.md leads outside");
    }

    @Test
    @Timeout(60)
    void filenameWithSeparatorsOrDotsIsRefused() throws IOException {
        Path other = Files.createDirectories(tmp.resolve("other"));
        for (String name : List.of("../x", "../other/book", other.resolve("book").toString(), "..", "a\\\\b")) {
            Files.writeString(book.resolve("book.yaml"), "title: 小书\nlanguage: zh-CN\nfilename: \"" + name + "\"\n",
                    StandardCharsets.UTF_8);
            assertError(build(), "book.yaml:3: 'filename' must be a plain file name");
        }
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("book", "other", "outside.md"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (Stream<Path> s = Files.list(other)) {
            assertEquals(0, s.count(), "nothing written into another book");
        }
        Files.writeString(book.resolve("book.yaml"), "title: 小书\nlanguage: zh-CN\nfilename: my-book\n", StandardCharsets.UTF_8);
        assertEquals(0, build().code());
        assertTrue(Files.isRegularFile(out.resolve("my-book.epub")));
    }

    @Test
    @Timeout(60)
    void initNeverWritesThroughADanglingReadmeLink() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("new"));
        Path target = tmp.resolve("elsewhere.md");
        Files.createSymbolicLink(dir.resolve("README.md"), target);
        Cli.Run r = Cli.run("init", dir.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("README.md: this is a symbolic link"), r.err());
        assertFalse(Files.exists(target), "nothing created outside DIR");
        assertFalse(Files.exists(dir.resolve("book.yaml")), "nothing created at all");
    }

    @Test
    @Timeout(60)
    void initNeverWritesThroughAnImagesFolderLink() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("new"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(dir.resolve("images"), elsewhere);
        Cli.Run r = Cli.run("init", dir.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("images: this is a symbolic link"), r.err());
        try (Stream<Path> s = Files.list(elsewhere)) {
            assertEquals(0, s.count(), "nothing created outside DIR");
        }
    }

    @Test
    @Timeout(60)
    void chapterThatIsAFifoIsAnErrorAtOnce() throws Exception {
        Files.delete(book.resolve("one.md"));
        mkfifo(book.resolve("one.md"));
        assertError(build(), "one.md: the chapter is a named pipe (FIFO), not a regular file");
    }

    @Test
    @Timeout(60)
    void indexPageAndBookYamlThatAreFifosAreErrors() throws Exception {
        Files.delete(book.resolve("book.yaml"));
        mkfifo(book.resolve("book.yaml"));
        assertError(build(), "book.yaml: the book.yaml is a named pipe (FIFO)");
        Files.delete(book.resolve("book.yaml"));
        Files.delete(book.resolve("README.md"));
        mkfifo(book.resolve("README.md"));
        assertError(build(), "README.md: the index page is a named pipe (FIFO)");
    }

    @Test
    @Timeout(60)
    void pictureThatIsAFifoIsAnErrorNamingTheChapterLine() throws Exception {
        Files.delete(book.resolve("images/dot.svg"));
        mkfifo(book.resolve("images/dot.svg"));
        assertError(build(), "one.md:5: the image 'images/dot.svg' is a named pipe (FIFO)");
    }

    @Test
    @Timeout(60)
    void stylesheetAndFontThatAreFifosAreErrors() throws Exception {
        mkfifo(book.resolve("extra.css"));
        Files.writeString(book.resolve("book.yaml"), "title: 小书\nlanguage: zh-CN\ncss: extra.css\n", StandardCharsets.UTF_8);
        assertError(build(), "book.yaml: the stylesheet 'extra.css' is a named pipe (FIFO)");
        mkfifo(book.resolve("f.ttf"));
        Files.writeString(book.resolve("book.yaml"), "title: 小书\nlanguage: zh-CN\nfonts:\n  - file: f.ttf\n    family: F\n",
                StandardCharsets.UTF_8);
        assertError(build(), "book.yaml:4: the font 'f.ttf' is a named pipe (FIFO)");
    }

    @Test
    @Timeout(30)
    void devicesSocketsAndFoldersAreNotRegularFiles() throws IOException {
        assertEquals(Optional.of("a device"), BookFiles.notRegular(Path.of("/dev/null")));
        assertEquals(Optional.of("a folder"), BookFiles.notRegular(tmp));
        assertEquals(Optional.empty(), BookFiles.notRegular(book.resolve("one.md")));
        assertEquals(Optional.empty(), BookFiles.notRegular(book.resolve("nothing.md")));
        Files.delete(book.resolve("one.md"));
        Path socket = book.resolve("one.md");
        try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.bind(UnixDomainSocketAddress.of(socket));
            assertEquals(Optional.of("a socket"), BookFiles.notRegular(socket));
            assertError(build(), "one.md: the chapter is a socket");
        }
    }
}
