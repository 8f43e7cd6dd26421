package dev.studybook.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The build settings once the command line, book.yaml and the defaults are weighed, in that order: which outputs
 * to write and where, how deep tables of contents go, each output's options, how the index page is read, and
 * whether remote pictures are downloaded.
 *
 * @param skipMissing true to build without the chapters the index page lists that do not exist (one warning each)
 *                    instead of stopping ({@code --skip-missing}, book.yaml {@code missing: skip})
 * @param nested      whether chapters that are contents pages bring in the pages they list as sub-chapters: on,
 *                    off, or empty for "on for a README of links, off for mdBook, GitBook and docsify books"
 * @param fetchRemote true to download remote pictures into the cache ({@code --fetch-remote}, {@code remote: fetch})
 */
public record Settings(List<String> outputs, Path outDir, int tocDepth, Map<String, OptionValues> options,
        boolean skipMissing, Optional<Boolean> nested, boolean fetchRemote) {

    public Settings {
        outputs = List.copyOf(outputs);
        options = Map.copyOf(options);
        nested = nested == null ? Optional.empty() : nested;
    }

    public Settings(List<String> outputs, Path outDir, int tocDepth, Map<String, OptionValues> options) {
        this(outputs, outDir, tocDepth, options, false, Optional.empty(), false);
    }

    /** Settings that leave remote pictures on the web. */
    public Settings(List<String> outputs, Path outDir, int tocDepth, Map<String, OptionValues> options,
            boolean skipMissing, Optional<Boolean> nested) {
        this(outputs, outDir, tocDepth, options, skipMissing, nested, false);
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
