package dev.studybook.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output appears whole or not at all; a failed write leaves the previous file and no partial one. */
class AtomicOutputTest {

    @TempDir
    Path tmp;

    @Test
    void aFailedWriteLeavesThePreviousFile() throws IOException {
        Path target = tmp.resolve("out/book.epub");
        AtomicOutput.write(target, out -> out.write("good".getBytes()));
        assertEquals("good", Files.readString(target));
        assertThrows(RuntimeException.class, () -> AtomicOutput.write(target, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("good", Files.readString(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(List.of("book.epub"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void stagingThatFailsNamesTheTargetAndLeavesNoPartFile() throws IOException {
        // stage() returned null on a full disk: the build then failed with an internal error, the .part file left.
        Path target = tmp.resolve("out/book.pdf");
        Files.createDirectories(target.getParent());
        dev.studybook.error.StudybookException e = assertThrows(dev.studybook.error.StudybookException.class,
                () -> AtomicOutput.stage(target, out -> {
                    out.write("half".getBytes());
                    throw new IOException("No space left on device");
                }));
        assertEquals(dev.studybook.error.ExitCode.OUTPUT, e.exitCode());
        assertEquals(true, e.getMessage().contains("No space left on device"), e.getMessage());
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(List.of(), files.toList());
        }
    }
}
