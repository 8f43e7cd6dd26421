package dev.studybook.fonts;

import java.nio.file.Path;

/**
 * One font file of the book's type: its CSS family, weight and style, and whether it is embedded in the EPUB
 * (the PDF embeds every face).
 *
 * @param resource  where the TrueType file is read from: a classpath resource of the studybook jar, or null
 * @param file      or a file of the author's, already checked to lie in the content folder
 * @param inEpub    false for faces only the PDF needs (the emoji fallback: readers have their own)
 */
public record FontFace(String family, int weight, boolean italic, String fileName, String resource, Path file,
        boolean inEpub) {

    /** A face bundled with studybook. */
    public FontFace(String family, int weight, boolean italic, String fileName, String resource, boolean inEpub) {
        this(family, weight, italic, fileName, resource, null, inEpub);
    }

    // equals and hashCode written out, with the values the record's own would give: the generated ones are linked
    // on first use through java.lang.runtime.ObjectMethods, which spun 28 method-handle classes in every build.
    @Override
    public boolean equals(Object o) {
        return o instanceof FontFace f && weight == f.weight && italic == f.italic && inEpub == f.inEpub
                && java.util.Objects.equals(family, f.family) && java.util.Objects.equals(fileName, f.fileName)
                && java.util.Objects.equals(resource, f.resource) && java.util.Objects.equals(file, f.file);
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hashCode(family);
        h = 31 * h + Integer.hashCode(weight);
        h = 31 * h + Boolean.hashCode(italic);
        h = 31 * h + java.util.Objects.hashCode(fileName);
        h = 31 * h + java.util.Objects.hashCode(resource);
        h = 31 * h + java.util.Objects.hashCode(file);
        return 31 * h + Boolean.hashCode(inEpub);
    }
}
