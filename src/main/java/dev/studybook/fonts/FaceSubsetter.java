package dev.studybook.fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * One embedded face read once and subset again to a few characters: the labels of one picture, whose SVG
 * carries its own copy of the glyphs it draws. Not thread-safe.
 */
public final class FaceSubsetter {
    private final EmbeddedFont font;
    private final TrueTypeFont ttf;
    private final CmapLookup cmap;

    /** Reads the face's bytes (already subset to the book). */
    public FaceSubsetter(EmbeddedFont font) {
        this.font = font;
        try {
            ttf = new TTFParser().parse(new RandomAccessReadBuffer(font.bytes()));
            cmap = ttf.getUnicodeCmapLookup();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the subset font " + font.face().fileName(), e);
        }
    }

    /** The face. */
    public FontFace face() {
        return font.face();
    }

    /** True when the face draws the character (FontBox's subsetter writes only the Basic Multilingual Plane). */
    public boolean has(int codePoint) {
        return codePoint <= 0xFFFF && cmap.getGlyphId(codePoint) != 0;
    }

    /**
     * A TrueType font of the characters of {@code codePoints} that this face has, its names tagged after its bytes
     * ({@code ABCDEF-NotoSansSC-Regular}): Calibre's PDF output merges fonts of one PostScript name, and two
     * pictures' subsets of a face number their glyphs differently, so a merged font drew the wrong characters.
     */
    public byte[] subset(int[] codePoints) {
        try {
            TTFSubsetter s = new TTFSubsetter(ttf, FontSet.SUBSET_TABLES);
            for (int cp : codePoints) {
                if (has(cp)) {
                    s.add(cp);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.writeToStream(out);
            byte[] sfnt = out.toByteArray();
            return SfntNames.tagged(sfnt, SfntNames.tag(sfnt));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot subset the font " + font.face().fileName(), e);
        }
    }
}
