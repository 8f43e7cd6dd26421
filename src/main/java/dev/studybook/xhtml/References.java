package dev.studybook.xhtml;

import dev.studybook.error.Diagnostics;

/**
 * What a chapter's links and images point at. The XHTML stage asks; the converter, which knows the content
 * folder and the other chapters, answers (and warns where something cannot be used).
 */
public interface References {

    /** Where a link leads. */
    sealed interface LinkDestination permits External, SameChapter, OtherChapter, Unlinked {
    }

    /** A URL outside the book, kept as it is. */
    record External(String url) implements LinkDestination {
    }

    /** A fragment of the same chapter, e.g. {@code #速记}. */
    record SameChapter(String fragment) implements LinkDestination {
    }

    /** Another chapter, by its id (e.g. {@code ch03}), optionally at a fragment. */
    record OtherChapter(String chapterId, String fragment) implements LinkDestination {
    }

    /** Nothing the book can lead to: the link is replaced by its text. */
    record Unlinked() implements LinkDestination {
    }

    /** What an image shows. */
    sealed interface ImageSource permits LocalImage, RemoteImage, MissingImage {
    }

    /** An image file of the book, at {@code href} inside it (e.g. {@code images/01-map.svg}). */
    record LocalImage(String href) implements ImageSource {
    }

    /** An image on the web: never fetched; its alt text and URL are shown instead. */
    record RemoteImage(String url) implements ImageSource {
    }

    /** An image that cannot be shown; its alt text is shown instead. */
    record MissingImage() implements ImageSource {
    }

    /**
     * A picture studybook drew itself (a formula, a diagram): its href inside the book and its size in em,
     * with the depth it reaches below the text's baseline.
     */
    record Drawn(String href, double widthEm, double heightEm, double depthEm, String alt) {
        public Drawn(String href, double widthEm, double heightEm, double depthEm) {
            this(href, widthEm, heightEm, depthEm, "");
        }
    }

    LinkDestination link(String href, int line);

    /** TeX typeset as a picture, or empty (with a warning) when it cannot be: the TeX is then shown as written. */
    default java.util.Optional<Drawn> math(String tex, boolean display, int line) {
        return java.util.Optional.empty();
    }

    /**
     * A diagram's source ({@code plantuml}, {@code dot}, {@code mermaid}…) drawn as a picture, or empty when it
     * cannot be drawn: the source then stays a code block (the converter says why).
     */
    default java.util.Optional<Drawn> diagram(String language, String source, int line) {
        return java.util.Optional.empty();
    }

    ImageSource image(String src, int line);

    /**
     * True when the link {@code href} leads to the image file the book already shows at {@code src} (its href in the
     * book); nothing is read or added to the book.
     */
    default boolean shownPicture(String href, String src, int line) {
        return false;
    }

    /**
     * The word that stands for a picture the book cannot show ("[图片：alt]"), in the book's language: an English
     * book said "[图片：The full NLP pipeline…]" for each picture left on the web.
     */
    default String pictureWord() {
        return "图片";
    }

    /** A warning about the chapter at a line, for problems the XHTML stage finds itself. */
    void warn(int line, Diagnostics.Kind kind, String message);
}
