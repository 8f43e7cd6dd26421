package dev.studybook.fonts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.fontbox.ttf.NamingTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

/**
 * Each picture's subset of a face has names of its own (Calibre's EPUB→PDF conversion merged the pictures' subsets
 * of one face by their shared PostScript name, and diagrams showed other characters: another subset's glyph numbers).
 */
class FaceSubsetterTest {

    @Test
    void twoPicturesSubsetsOfOneFaceHaveDifferentPostScriptNames() throws IOException {
        EmbeddedFont sans = FontSet.load(FontSet.DEFAULT_FACES).subset("调度器的三个角色 GMP abc").stream()
                .filter(f -> f.face().family().equals(FontSet.SANS) && f.face().weight() == 400).findFirst().orElseThrow();
        FaceSubsetter faces = new FaceSubsetter(sans);
        byte[] first = faces.subset("调度器 G".codePoints().toArray());
        byte[] second = faces.subset("三个角色 M".codePoints().toArray());
        NamingTable a = names(first);
        NamingTable b = names(second);
        NamingTable original = names(sans.data());
        assertTrue(a.getPostScriptName().matches("[A-Z]{6}-" + original.getPostScriptName()), a.getPostScriptName());
        assertTrue(b.getPostScriptName().matches("[A-Z]{6}-" + original.getPostScriptName()), b.getPostScriptName());
        assertNotEquals(a.getPostScriptName(), b.getPostScriptName());
        assertNotEquals(a.getFontFamily(), b.getFontFamily());
        String tag = a.getPostScriptName().substring(0, 6);
        assertEquals(tag + " " + original.getFontFamily(), a.getFontFamily());
        assertEquals(tag + " " + original.getName(4, 3, 1, 0x409), a.getName(4, 3, 1, 0x409));
        // No "+": the Chromium of Calibre 6.13 wrote such a PostScript name as an empty one, which it then merged.
        assertTrue(!b.getPostScriptName().contains("+"), b.getPostScriptName());
        // The file's checksum as the head table's checkSumAdjustment makes it, and the same bytes on every run.
        assertEquals(0xB1B0AFBA, checksum(first));
        assertArrayEquals(first, faces.subset("调度器 G".codePoints().toArray()));
    }

    private static NamingTable names(byte[] sfnt) throws IOException {
        return new TTFParser().parse(new RandomAccessReadBuffer(sfnt)).getNaming();
    }

    private static int checksum(byte[] sfnt) {
        ByteBuffer in = ByteBuffer.wrap(sfnt);
        int sum = 0;
        for (int i = 0; i + 4 <= sfnt.length; i += 4) {
            sum += in.getInt(i);
        }
        return sum;
    }
}
