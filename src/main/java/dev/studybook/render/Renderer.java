package dev.studybook.render;

import java.io.IOException;
import java.io.OutputStream;

/** An output format: given a converted book, its fonts and styles, writes one file. */
public interface Renderer {

    /** The format's name on the command line, e.g. {@code epub}. */
    String name();

    /** The output file's extension, without the dot. */
    String extension();

    /** Writes the output for {@code context} to {@code out}. */
    void render(RenderContext context, OutputStream out) throws IOException;
}
