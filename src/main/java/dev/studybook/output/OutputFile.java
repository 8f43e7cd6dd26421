package dev.studybook.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * One file an output writes: its path relative to the output folder, and how. A file that lays out the book's
 * printed pages (the PDF) may hand back where they begin; a file that marks them (the EPUB's page-list) is
 * written after it and given that map.
 */
public record OutputFile(String path, Pages pages, Writer writer) {

    /** How a file relates to the printed pages of the whole book. */
    public enum Pages { NONE, LAYS_OUT, MARKS }

    /** Writes the file's bytes. */
    @FunctionalInterface
    public interface Writer {
        /** Writes to {@code out}; {@code pages} is given to a file that marks pages, and returned by one that lays them out. */
        Optional<PageMap> write(OutputStream out, Optional<PageMap> pages) throws IOException;
    }
}
