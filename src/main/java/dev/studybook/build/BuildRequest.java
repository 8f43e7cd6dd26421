package dev.studybook.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What to build, as asked on the command line: the content folder, and the options that override book.yaml
 * (an empty option means "as book.yaml says, else the default").
 */
public record BuildRequest(Path contentDir, Optional<Path> index, Optional<Path> outDir, List<String> formats,
        Optional<String> paper, Optional<Boolean> split, Optional<Boolean> review, Optional<Boolean> pdfA,
        Optional<Boolean> embedFonts) {

    public BuildRequest {
        formats = List.copyOf(formats);
    }

    /** A plain build of {@code contentDir} into {@code outDir}, in the given formats (all when none). */
    public static BuildRequest of(Path contentDir, Path outDir, String... formats) {
        return new BuildRequest(contentDir, Optional.empty(), Optional.of(outDir), List.of(formats), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public BuildRequest withPaper(String p) {
        return new BuildRequest(contentDir, index, outDir, formats, Optional.of(p), split, review, pdfA, embedFonts);
    }

    public BuildRequest withSplit(boolean s) {
        return new BuildRequest(contentDir, index, outDir, formats, paper, Optional.of(s), review, pdfA, embedFonts);
    }

    public BuildRequest withReview(boolean r) {
        return new BuildRequest(contentDir, index, outDir, formats, paper, split, Optional.of(r), pdfA, embedFonts);
    }

    public BuildRequest withPdfA(boolean a) {
        return new BuildRequest(contentDir, index, outDir, formats, paper, split, review, Optional.of(a), embedFonts);
    }

    public BuildRequest withEmbedFonts(boolean e) {
        return new BuildRequest(contentDir, index, outDir, formats, paper, split, review, pdfA, Optional.of(e));
    }
}
