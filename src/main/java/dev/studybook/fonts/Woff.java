package dev.studybook.fonts;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.Deflater;

/**
 * A TrueType font wrapped as WOFF 1.0 (each table zlib-compressed): the smallest font format every EPUB reader
 * and browser reads that Java can write without a Brotli encoder. Same bytes in, same bytes out.
 */
public final class Woff {
    private Woff() {
    }

    /** The WOFF file of a TrueType ({@code sfnt}) font. */
    public static byte[] of(byte[] sfnt) {
        ByteBuffer in = ByteBuffer.wrap(sfnt);
        int flavor = in.getInt(0);
        int count = in.getShort(4) & 0xffff;
        record Table(String tag, int checksum, byte[] original, byte[] stored) {
        }
        List<Table> tables = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int rec = 12 + 16 * i;
            String tag = new String(sfnt, rec, 4, StandardCharsets.ISO_8859_1);
            int offset = in.getInt(rec + 8);
            int length = in.getInt(rec + 12);
            byte[] original = java.util.Arrays.copyOfRange(sfnt, offset, offset + length);
            byte[] compressed = deflate(original);
            tables.add(new Table(tag, in.getInt(rec + 4), original, compressed.length < original.length ? compressed : original));
        }
        tables.sort(Comparator.comparing(Table::tag));
        int header = 44 + 20 * tables.size();
        int total = header;
        int sfntSize = 12 + 16 * tables.size();
        for (Table t : tables) {
            total += pad(t.stored().length);
            sfntSize += pad(t.original().length);
        }
        ByteBuffer out = ByteBuffer.allocate(total);
        out.putInt(0x774F4646).putInt(flavor).putInt(total).putShort((short) tables.size()).putShort((short) 0)
                .putInt(sfntSize).putShort((short) 1).putShort((short) 0)
                .putInt(0).putInt(0).putInt(0).putInt(0).putInt(0);
        int offset = header;
        for (Table t : tables) {
            out.put(t.tag().getBytes(StandardCharsets.ISO_8859_1)).putInt(offset).putInt(t.stored().length)
                    .putInt(t.original().length).putInt(t.checksum());
            offset += pad(t.stored().length);
        }
        for (Table t : tables) {
            out.put(t.stored());
            out.position(out.position() + pad(t.stored().length) - t.stored().length);
        }
        return out.array();
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }

    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            d.setInput(data);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
            byte[] buf = new byte[8192];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }
}
