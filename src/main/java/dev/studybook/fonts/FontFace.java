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
}
