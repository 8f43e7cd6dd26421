package dev.studybook.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The build settings once the command line, book.yaml and the defaults are weighed, in that order: which outputs
 * to write and where, how deep tables of contents go, each output's options, and whether remote pictures are
 * downloaded.
 */
public record Settings(List<String> outputs, Path outDir, int tocDepth, Map<String, OptionValues> options,
        boolean fetchRemote) {

    public Settings {
        outputs = List.copyOf(outputs);
        options = Map.copyOf(options);
    }

    /** Settings that leave remote pictures on the web. */
    public Settings(List<String> outputs, Path outDir, int tocDepth, Map<String, OptionValues> options) {
        this(outputs, outDir, tocDepth, options, false);
    }

    /** The options of an output. */
    public OptionValues options(String output) {
        OptionValues v = options.get(output);
        if (v == null) {
            throw new IllegalArgumentException("no output named '" + output + "'");
        }
        return v;
    }
}
