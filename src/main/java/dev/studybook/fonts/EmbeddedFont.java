package dev.studybook.fonts;

/**
 * A face ready to embed: its bytes (subset to the book's characters where that is possible), and how CSS
 * names it.
 */
public record EmbeddedFont(FontFace face, byte[] data) {

    public EmbeddedFont {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The bytes without a copy, for renderers that only read them. */
    byte[] bytes() {
        return data;
    }
}
