package dev.studybook.convert;

import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;

/**
 * What one build does with pictures on the web: downloads them (when asked) or leaves them out and counts them,
 * so that the book gets one warning saying how many were left out and how to include them, rather than one per
 * picture.
 */
final class RemoteImages {
    private final RemotePictures pictures;
    private int leftOut;
    private SourceLocation first;
    private int firstChapter;

    private RemoteImages(RemotePictures pictures) {
        this.pictures = pictures;
    }

    /** Remote pictures are shown as their alt text and address. */
    static RemoteImages leave() {
        return new RemoteImages(null);
    }

    /** Remote pictures are downloaded with {@code pictures}. */
    static RemoteImages fetch(RemotePictures pictures) {
        return new RemoteImages(pictures);
    }

    boolean fetching() {
        return pictures != null;
    }

    RemotePictures pictures() {
        return pictures;
    }

    /** A picture left on the web, at {@code at} of the chapter numbered {@code chapter} (0-based). */
    synchronized void leftOut(int chapter, SourceLocation at) {
        leftOut++;
        // Chapters are converted in parallel: the first in book order is kept, whichever thread comes first.
        if (first == null || chapter < firstChapter || (chapter == firstChapter && at.line() < first.line())) {
            first = at;
            firstChapter = chapter;
        }
    }

    /** The one warning about pictures left out, if any were. */
    synchronized void report(Diagnostics diagnostics) {
        if (leftOut == 0) {
            return;
        }
        diagnostics.warn(first, Diagnostics.Kind.REMOTE, (leftOut == 1 ? "1 remote picture (on the web) was" : leftOut
                + " remote pictures (on the web) were") + " left out, this one first; the book shows their alt text and"
                + " address. To include them, build with --fetch-remote or put 'remote: fetch' in book.yaml: they are"
                + " downloaded once into " + RemotePictures.cacheFolder() + " (set STUDYBOOK_CACHE to change it)");
    }
}
