package dev.studybook.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What to build: the content folder, an index page that overrides the default, where to write, and which
 * formats (by name, e.g. "epub", "pdf").
 */
public record BuildRequest(Path contentDir, Optional<Path> index, Path outDir, List<String> formats) {

    public BuildRequest {
        formats = List.copyOf(formats);
    }
}
