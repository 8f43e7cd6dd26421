package dev.studybook.output.pdf;

import dev.studybook.fonts.EmbeddedFont;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.fontbox.ttf.model.ScriptFeature;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * A face's bytes for the PDF without its glyph substitution table (GSUB) when none of its substitutions can apply to
 * the document's text. PDFBox applies a face's GSUB to every run of text it draws with it, and for each run builds a
 * regular expression of all the glyph sequences the table substitutes: for the emoji face (embedded whole, its
 * GSUB of 3,976 ZWJ, flag, keycap and skin-tone sequences) that was 3 % of the 1 MB book's PDF, to draw emoji that
 * are single characters and are never substituted. A substitution needs every glyph of its sequence drawn; when
 * the text has no character of some glyph of each sequence, the table changes nothing, and PDFBox draws the same
 * glyphs without it (it embeds no GSUB in its subsets).
 */
final class IdleSubstitutions {

    /**
     * Characters the renderer draws that are not in the document's text: generated content (page numbers, leaders,
     * footnote brackets) and list markers.
     */
    static final String GENERATED;

    static {
        StringBuilder sb = new StringBuilder();
        for (char c = 0x20; c < 0x7F; c++) {
            sb.append(c);
        }
        GENERATED = sb.append("\u00a0\u2022\u25e6\u25aa\u25a0\u25cb\u25cf").toString();
    }

    /** What a face's GSUB substitutes, by font (held as long as the build holds the font). */
    private static final Map<EmbeddedFont, Sequences> SEQUENCES = Collections.synchronizedMap(new WeakHashMap<>());
    /** A face's bytes with its GSUB unlisted, made once. */
    private static final Map<EmbeddedFont, byte[]> WITHOUT = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * The glyph sequences a face's GSUB substitutes (in the script PDFBox picks, every feature it lists), and the
     * characters that map to their glyphs.
     */
    private record Sequences(List<int[]> sequences, Map<Integer, Integer> glyphOf, BitSet mapped) {
        static final Sequences NONE = new Sequences(List.of(), Map.of(), new BitSet());
    }

    private IdleSubstitutions() {
    }

    /**
     * {@code font}'s bytes without its GSUB when no substitution of it can apply to {@code dom}'s text and the
     * generated characters; null when the face has no GSUB or a substitution may apply (the font as it is).
     */
    static byte[] without(EmbeddedFont font, Document dom) {
        Sequences s = SEQUENCES.computeIfAbsent(font, IdleSubstitutions::sequences);
        if (s.sequences().isEmpty()) {
            return null;
        }
        // The document's characters, read once however often it is laid out: a layout done again (LoneLines,
        // PunctuationSqueeze) adds classes and spans, never a character.
        BitSet chars = CHARACTERS.computeIfAbsent(dom, IdleSubstitutions::characters);
        BitSet drawn = new BitSet();
        drawn.set(0); // a character the face lacks is drawn as glyph 0
        BitSet both = (BitSet) chars.clone();
        both.and(s.mapped());
        both.stream().forEach(cp -> drawn.set(s.glyphOf().get(cp)));
        for (int[] seq : s.sequences()) {
            boolean all = true;
            for (int g : seq) {
                if (!drawn.get(g)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return null;
            }
        }
        return WITHOUT.computeIfAbsent(font, f -> unlisted(f.data(), "GSUB"));
    }

    /** The characters of each document asked about and the generated ones, by document (held while it is). */
    private static final Map<Document, BitSet> CHARACTERS = Collections.synchronizedMap(new WeakHashMap<>());

    /** The code points of {@code dom}'s text and of {@link #GENERATED}. */
    private static BitSet characters(Document dom) {
        BitSet chars = new BitSet();
        add(chars, GENERATED);
        for (Node n = dom.getDocumentElement(); n != null; n = next(n, dom.getDocumentElement())) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                add(chars, n.getNodeValue());
            }
        }
        return chars;
    }

    private static void add(BitSet chars, String t) {
        for (int i = 0, n = t.length(); i < n; ) {
            int cp = t.codePointAt(i);
            i += Character.charCount(cp);
            chars.set(cp);
        }
    }

    /** The node after {@code n} in document order within {@code root}, or null. */
    private static Node next(Node n, Node root) {
        if (n.getFirstChild() != null) {
            return n.getFirstChild();
        }
        for (Node at = n; at != null && at != root; at = at.getParentNode()) {
            if (at.getNextSibling() != null) {
                return at.getNextSibling();
            }
        }
        return null;
    }

    private static Sequences sequences(EmbeddedFont font) {
        byte[] bytes = font.data();
        if (!hasTable(bytes, "GSUB")) {
            return Sequences.NONE;
        }
        try (TrueTypeFont ttf = new TTFParser(true).parse(new RandomAccessReadBuffer(bytes))) {
            GsubData gsub = ttf.getGsubData();
            if (gsub == GsubData.NO_DATA_FOUND) {
                return Sequences.NONE;
            }
            List<int[]> sequences = new ArrayList<>();
            BitSet glyphs = new BitSet();
            for (String feature : gsub.getSupportedFeatures()) {
                ScriptFeature f = gsub.getFeature(feature);
                for (List<Integer> seq : f.getAllGlyphIdsForSubstitution()) {
                    sequences.add(seq.stream().mapToInt(Integer::intValue).toArray());
                    seq.forEach(glyphs::set);
                }
            }
            if (sequences.isEmpty()) {
                return Sequences.NONE;
            }
            CmapLookup cmap = ttf.getUnicodeCmapLookup(false);
            Map<Integer, Integer> glyphOf = new HashMap<>();
            if (cmap != null) {
                glyphs.stream().forEach(g -> {
                    List<Integer> cps = cmap.getCharCodes(g);
                    if (cps != null) {
                        cps.forEach(cp -> glyphOf.put(cp, g));
                    }
                });
            }
            BitSet mapped = new BitSet();
            glyphOf.keySet().forEach(mapped::set);
            return new Sequences(List.copyOf(sequences), Map.copyOf(glyphOf), mapped);
        } catch (IOException | RuntimeException e) {
            // A table FontBox cannot read: the face is given as it is, and PDFBox does what it did.
            return Sequences.NONE;
        }
    }

    /** Whether the font's table directory lists {@code tag}. */
    static boolean hasTable(byte[] font, String tag) {
        return tableRecord(font, tag) >= 0;
    }

    /**
     * The font with the table {@code tag} unlisted: its directory entry renamed to the same tag in lower case, a tag
     * no font reader looks for, so that the table's bytes, offsets and checksums all stay as they were.
     */
    static byte[] unlisted(byte[] font, String tag) {
        int at = tableRecord(font, tag);
        if (at < 0) {
            return font;
        }
        byte[] out = font.clone();
        byte[] lower = tag.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(lower, 0, out, at, 4);
        return out;
    }

    private static int tableRecord(byte[] font, String tag) {
        if (font.length < 12) {
            return -1;
        }
        ByteBuffer buf = ByteBuffer.wrap(font);
        int tables = buf.getShort(4) & 0xffff;
        byte[] want = tag.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < tables; i++) {
            int rec = 12 + 16 * i;
            if (rec + 16 > font.length) {
                return -1;
            }
            if (java.util.Arrays.equals(font, rec, rec + 4, want, 0, 4)) {
                return rec;
            }
        }
        return -1;
    }
}
