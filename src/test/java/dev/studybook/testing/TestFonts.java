package dev.studybook.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/** Small TrueType fonts made for tests from the bundled ones. */
public final class TestFonts {
    private TestFonts() {
    }

    /**
     * A TrueType font whose only character is {@code codePoint} (in the Basic Multilingual Plane), drawn with the
     * bundled monospace's 'A': a font that has a character no bundled font has.
     */
    public static byte[] withOnlyCharacter(int codePoint) {
        try (InputStream in = TestFonts.class.getResourceAsStream("/studybook/fonts/JetBrainsMono-Regular.ttf")) {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
            TTFSubsetter s = new TTFSubsetter(font, List.of("head", "hhea", "loca", "maxp", "glyf", "hmtx", "cmap",
                    "name", "OS/2", "post"));
            s.add('A');
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.writeToStream(out);
            byte[] bytes = out.toByteArray();
            remap(bytes, 'A', codePoint);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the format 4 cmap segment of {@code from} at {@code to} instead (same glyph). */
    private static void remap(byte[] font, int from, int to) {
        ByteBuffer b = ByteBuffer.wrap(font);
        int tables = b.getShort(4) & 0xFFFF;
        for (int i = 0; i < tables; i++) {
            int rec = 12 + 16 * i;
            String tag = new String(font, rec, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (!tag.equals("cmap")) {
                continue;
            }
            int cmap = b.getInt(rec + 8);
            int subtables = b.getShort(cmap + 2) & 0xFFFF;
            for (int j = 0; j < subtables; j++) {
                int sub = cmap + (b.getInt(cmap + 4 + 8 * j + 4));
                if ((b.getShort(sub) & 0xFFFF) != 4) {
                    continue;
                }
                int segments = (b.getShort(sub + 6) & 0xFFFF) / 2;
                int ends = sub + 14;
                int starts = ends + 2 * segments + 2;
                int deltas = starts + 2 * segments;
                for (int k = 0; k < segments; k++) {
                    if ((b.getShort(starts + 2 * k) & 0xFFFF) == from && (b.getShort(ends + 2 * k) & 0xFFFF) == from) {
                        int glyph = (from + b.getShort(deltas + 2 * k)) & 0xFFFF;
                        b.putShort(starts + 2 * k, (short) to);
                        b.putShort(ends + 2 * k, (short) to);
                        b.putShort(deltas + 2 * k, (short) (glyph - to));
                        return;
                    }
                }
            }
        }
        throw new IllegalStateException("no format 4 cmap segment for U+" + Integer.toHexString(from));
    }
}
