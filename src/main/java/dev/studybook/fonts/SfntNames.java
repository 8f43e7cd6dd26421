package dev.studybook.fonts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Renames a TrueType font after a tag, as PDF subsets are ({@code ABCDEF-NotoSansSC-Regular}), so that two subsets
 * of one face with different glyph numbers no longer share a PostScript name that a converter may merge them by.
 */
public final class SfntNames {
    /** Family, full name, PostScript name, typographic family: the names a font is found or merged by. */
    private static final int[] RENAMED = {1, 4, 6, 16};

    private SfntNames() {
    }

    /**
     * Six capital letters from a hash of the font's bytes: the same subset gets the same tag on every run, and
     * subsets that differ in any glyph or character get different tags (but for a 26^6 chance).
     */
    public static String tag(byte[] sfnt) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(sfnt);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        long n = ByteBuffer.wrap(hash).getLong() >>> 1;
        char[] tag = new char[6];
        for (int i = 0; i < tag.length; i++) {
            tag[i] = (char) ('A' + n % 26);
            n /= 26;
        }
        return new String(tag);
    }

    /**
     * The font with the tag before its PostScript name ({@code ABCDEF-NotoSansSC-Regular}) and its family and full
     * names ({@code ABCDEF Noto Sans SC}); the same font when it has no name table. Not PDF's {@code +}: the
     * Chromium inside Calibre 6.13 embeds a font whose PostScript name holds a {@code +} with an empty name (BaseFont
     * {@code FAAAAA+}, its own tag only), and Calibre's merge_fonts then joined picture fonts of different faces that
     * had the same tag in different chunks of the book.
     */
    public static byte[] tagged(byte[] sfnt, String tag) {
        ByteBuffer in = ByteBuffer.wrap(sfnt);
        int count = in.getShort(4) & 0xffff;
        List<Table> tables = new ArrayList<>();
        boolean named = false;
        for (int i = 0; i < count; i++) {
            int rec = 12 + 16 * i;
            String table = new String(sfnt, rec, 4, StandardCharsets.ISO_8859_1);
            int offset = in.getInt(rec + 8);
            byte[] data = Arrays.copyOfRange(sfnt, offset, offset + in.getInt(rec + 12));
            if (table.equals("name")) {
                data = names(data, tag);
                named = true;
            }
            tables.add(new Table(table, data));
        }
        if (!named) {
            return sfnt;
        }
        return write(Arrays.copyOfRange(sfnt, 0, 12), tables);
    }

    private record Table(String tag, byte[] data) {
    }

    private record Name(int platform, int encoding, int language, int id, byte[] text) {
    }

    /** A format 0 name table with the tag before the renamed names; language-tag records (format 1) are dropped. */
    private static byte[] names(byte[] table, String tag) {
        ByteBuffer in = ByteBuffer.wrap(table);
        int count = in.getShort(2) & 0xffff;
        int strings = in.getShort(4) & 0xffff;
        List<Name> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int rec = 6 + 12 * i;
            int platform = in.getShort(rec) & 0xffff;
            int encoding = in.getShort(rec + 2) & 0xffff;
            int language = in.getShort(rec + 4) & 0xffff;
            int id = in.getShort(rec + 6) & 0xffff;
            int length = in.getShort(rec + 8) & 0xffff;
            int offset = strings + (in.getShort(rec + 10) & 0xffff);
            if (language >= 0x8000 || offset + length > table.length) {
                continue;
            }
            byte[] text = Arrays.copyOfRange(table, offset, offset + length);
            byte[] before = Arrays.stream(RENAMED).anyMatch(r -> r == id)
                    ? encoded(tag + (id == 6 ? "-" : " "), platform) : null;
            if (before != null) {
                byte[] joined = Arrays.copyOf(before, before.length + text.length);
                System.arraycopy(text, 0, joined, before.length, text.length);
                text = joined;
            }
            names.add(new Name(platform, encoding, language, id, text));
        }
        names.sort(Comparator.comparingInt(Name::platform).thenComparingInt(Name::encoding)
                .thenComparingInt(Name::language).thenComparingInt(Name::id));
        int stringOffset = 6 + 12 * names.size();
        ByteBuffer out = ByteBuffer.allocate(stringOffset + names.stream().mapToInt(n -> n.text().length).sum());
        out.putShort((short) 0).putShort((short) names.size()).putShort((short) stringOffset);
        int at = 0;
        for (Name n : names) {
            out.putShort((short) n.platform()).putShort((short) n.encoding()).putShort((short) n.language())
                    .putShort((short) n.id()).putShort((short) n.text().length).putShort((short) at);
            at += n.text().length;
        }
        for (Name n : names) {
            out.put(n.text());
        }
        return out.array();
    }

    /**
     * The ASCII prefix as the platform stores text: UTF-16BE for Unicode and Windows, one byte a character for
     * Macintosh Roman; null for other platforms, whose names stay as they are.
     */
    private static byte[] encoded(String prefix, int platform) {
        return switch (platform) {
            case 0, 3 -> prefix.getBytes(StandardCharsets.UTF_16BE);
            case 1 -> prefix.getBytes(StandardCharsets.US_ASCII);
            default -> null;
        };
    }

    /** The font file: tables in tag order, each 4-byte aligned, with new checksums and head's checkSumAdjustment. */
    private static byte[] write(byte[] header, List<Table> tables) {
        tables.sort(Comparator.comparing(Table::tag));
        int size = 12 + 16 * tables.size();
        for (Table t : tables) {
            size += pad(t.data().length);
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(header);
        int offset = 12 + 16 * tables.size();
        int headAt = -1;
        for (Table t : tables) {
            byte[] data = t.data();
            if (t.tag().equals("head") && data.length >= 12) {
                // The table's checksum counts checkSumAdjustment as zero.
                data = data.clone();
                ByteBuffer.wrap(data).putInt(8, 0);
                headAt = offset;
            }
            out.put(t.tag().getBytes(StandardCharsets.ISO_8859_1)).putInt(checksum(data)).putInt(offset)
                    .putInt(data.length);
            out.put(offset, data);
            offset += pad(data.length);
        }
        byte[] font = out.array();
        if (headAt >= 0) {
            ByteBuffer.wrap(font).putInt(headAt + 8, 0xB1B0AFBA - checksum(font));
        }
        return font;
    }

    private static int checksum(byte[] data) {
        int sum = 0;
        for (int i = 0; i < data.length; i += 4) {
            int word = 0;
            for (int j = 0; j < 4; j++) {
                word = (word << 8) | (i + j < data.length ? data[i + j] & 0xff : 0);
            }
            sum += word;
        }
        return sum;
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }
}
