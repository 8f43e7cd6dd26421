package dev.studybook.fonts;

/**
 * One font file of the book's type: its CSS family, weight and style, and whether it is embedded in the EPUB
 * (the PDF embeds every face).
 *
 * @param resource  where the TrueType file is read from: a classpath resource of the studybook jar
 * @param inEpub    false for faces only the PDF needs (the emoji fallback: readers have their own)
 */
public record FontFace(String family, int weight, boolean italic, String fileName, String resource, boolean inEpub) {
}
