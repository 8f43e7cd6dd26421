package dev.studybook.config;

import java.util.List;
import java.util.Optional;

/**
 * The build options book.yaml may set (the command line wins over each): output formats and folder, paper,
 * handouts, review sheet, PDF/A, embedded fonts and table-of-contents depth.
 *
 * @param out a folder relative to the content folder
 */
public record BuildSettings(List<String> formats, Optional<String> out, Optional<String> paper, Optional<Boolean> split,
        Optional<Boolean> review, Optional<Boolean> pdfA, Optional<Boolean> embedFonts, Optional<Integer> tocDepth) {

    public static final BuildSettings NONE = new BuildSettings(List.of(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public BuildSettings {
        formats = List.copyOf(formats);
    }
}
