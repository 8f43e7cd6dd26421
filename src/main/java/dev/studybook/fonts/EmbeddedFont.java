package dev.studybook.fonts;

/**
 * A face ready to embed: its bytes (subset to the book's characters where that is possible), and how CSS
 * names it.
 *
 * @param subset true when {@code data} holds only the glyphs the book uses
 */
public record EmbeddedFont(FontFace face, byte[] data, boolean subset) {

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

    public int size() {
        return data.length;
    }
}
