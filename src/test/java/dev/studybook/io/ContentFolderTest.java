package dev.studybook.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The only place book files are read from: every path is checked to stay inside, symbolic links included. */
class ContentFolderTest {

    @TempDir
    Path tmp;

    @Test
    void pathsThatLeaveTheFolderAreRefused() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("book"));
        Files.createDirectories(root.resolve("part"));
        Files.writeString(tmp.resolve("secret.txt"), "outside");
        ContentFolder c = new ContentFolder(root);
        assertEquals(Optional.of(root.resolve("images/a.png")), c.resolve(root.resolve("part"), "../images/a.png"));
        assertEquals(Optional.of(root.resolve("x.md")), c.resolve(root.resolve("part"), "/x.md"), "'/' is the folder's root");
        assertEquals(Optional.of(root.resolve("part/w.md")), c.resolve(root.resolve("part"), "w.md"));
        assertEquals(Optional.empty(), c.resolve(root.resolve("part"), "../../secret.txt"));
        assertEquals(Optional.empty(), c.resolve(root, "..\\secret.txt"), "Windows back-slashes too");
        assertEquals("part/w.md", c.relative(root.resolve("part/w.md")));
    }

    @Test
    void aSymbolicLinkPointingOutIsOutside() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("book"));
        Path secret = Files.writeString(tmp.resolve("secret.md"), "outside");
        Path link = Files.createSymbolicLink(root.resolve("notes.md"), secret);
        ContentFolder c = new ContentFolder(root);
        assertFalse(c.contains(link));
        assertTrue(c.contains(root.resolve("not-yet-written.md")));
    }
}
