package dev.studybook.fonts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.error.StudybookException;
import dev.studybook.testing.TestFonts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fonts are loaded once and each face subset to the book's characters, keeping every character's mapping. */
class FontSetTest {

    static FontSet bundled;

    @BeforeAll
    static void load() {
        bundled = FontSet.load(FontSet.DEFAULT_FACES);
    }

    @Test
    void subsetsKeepOnlyTheBooksCharactersWithTheirOwnCodes() throws IOException {
        List<EmbeddedFont> subsets = bundled.subset("一言高门示 abc");
        // Every face but the fallbacks: this text needs none of them.
        assertEquals(FontSet.DEFAULT_FACES.stream().filter(f -> !FontSet.FALLBACKS.contains(f.family())).count(),
                subsets.size());
        EmbeddedFont serif = subsets.stream().filter(f -> f.face().family().equals(FontSet.SERIF)).findFirst().orElseThrow();
        assertTrue(serif.data().length < 100_000, "subset: " + serif.data().length + " bytes");
        TrueTypeFont t = new TTFParser().parse(new RandomAccessReadBuffer(serif.data()));
        var cmap = t.getUnicodeCmapLookup();
        // 一 keeps its own code point: PDFBox maps a glyph to the first code of the cmap that names it, and the whole
        // font also maps it from the Kangxi radical ⼀ (U+2F00), which is what copying out of the PDF gave.
        assertTrue(cmap.getGlyphId('一') != 0);
        assertEquals(0, cmap.getGlyphId(0x2F00));
        assertEquals(0, cmap.getGlyphId('龍'), "characters the book does not use are left out");
    }

    @Test
    void noBundledFallbackFaceHasAGlyphForTheCharactersThatDoNotCallForThem() throws IOException {
        // A build reads the fallback faces only when a laid-out character is in no text face, leaving aside the
        // tabs and line feeds of code blocks: that is the same subsets only while no fallback face maps them.
        for (FontFace f : FontSet.DEFAULT_FACES) {
            if (!FontSet.FALLBACKS.contains(f.family())) {
                continue;
            }
            try (var in = FontSet.class.getResourceAsStream(f.resource())) {
                var cmap = new TTFParser().parse(new RandomAccessReadBuffer(in)).getUnicodeCmapLookup();
                for (char c : FontSet.NEVER_IN_FALLBACKS.toCharArray()) {
                    assertEquals(0, cmap.getGlyphId(c), f.fileName() + " maps U+" + Integer.toHexString(c));
                }
            }
        }
    }

    @Test
    void aFigureLabelDoesNotPullAFallbackFaceIntoTheLayout() {
        // content/'s stack figure has a ✗ label: a Symbols face given to the PDF for it made every heading's line
        // taller (OpenHTMLtoPDF takes the largest ascent of all faces), and the book's PDF moved by a page.
        List<String> forFigure = bundled.subset("中文 abc", "<text>✗ 悬空</text>").stream().map(f -> f.face().family())
                .toList();
        assertTrue(forFigure.stream().noneMatch(FontSet.FALLBACKS::contains), forFigure.toString());
        List<String> forText = bundled.subset("中文 abc ✗", "").stream().map(f -> f.face().family()).toList();
        assertTrue(forText.contains("Noto Sans Symbols 2"), forText.toString());
    }

    @Test
    void aFaceKeptWholeIsTheBundledFileByteForByte() throws IOException {
        // Bundled faces are parsed with only the subset's tables listed; a face with characters beyond the BMP (😀 in
        // Noto Emoji) is embedded whole, and must come out as the file itself, every table listed.
        EmbeddedFont emoji = bundled.subset("😀 abc").stream().filter(f -> f.face().family().equals(FontSet.EMOJI))
                .findFirst().orElseThrow();
        try (var in = FontSet.class.getResourceAsStream("/studybook/fonts/NotoEmoji-Regular.ttf")) {
            assertTrue(java.util.Arrays.equals(in.readAllBytes(), emoji.data()), "the whole face differs from its file");
        }
    }

    @Test
    void theDirectoryParsedListsOnlyTheSubsetTables() throws IOException {
        byte[] file;
        try (var in = FontSet.class.getResourceAsStream("/studybook/fonts/NotoSansSC-Regular.ttf")) {
            file = in.readAllBytes();
        }
        int tables = (file[4] & 0xff) << 8 | (file[5] & 0xff);
        byte[] header = FontSet.withSubsetTablesOnly(java.util.Arrays.copyOf(file, 12 + 16 * tables));
        System.arraycopy(header, 0, file, 0, header.length);
        TrueTypeFont t = new TTFParser().parse(new RandomAccessReadBuffer(file));
        assertEquals(new java.util.TreeSet<>(List.of("OS/2", "cmap", "gasp", "glyf", "head", "hhea", "hmtx", "loca",
                "maxp", "name", "post", "prep")), new java.util.TreeSet<>(t.getTableMap().keySet()));
        assertTrue(t.getUnicodeCmapLookup().getGlyphId('中') != 0);
    }

    @Test
    void aSubsetIsWhatFontBoxMakesFromTheWholeFile() throws IOException {
        // Bundled faces are parsed with their glyf table listed as empty (FontBox copied it twice for nothing): the
        // subsetter reads the glyphs from the file, so every subset must still hold every character asked for with
        // the same outlines, composite glyphs (é, ǖ in JetBrains Mono) and their parts included, byte for byte.
        String text = "一言高门示，。中文排版 abc é ǖ Ω → ①";
        int[] codePoints = text.codePoints().distinct().sorted().toArray();
        for (EmbeddedFont f : bundled.subset(text)) {
            byte[] file;
            try (var in = FontSet.class.getResourceAsStream(f.face().resource())) {
                file = in.readAllBytes();
            }
            TrueTypeFont whole = new TTFParser().parse(new RandomAccessReadBuffer(file));
            var cmap = whole.getUnicodeCmapLookup();
            org.apache.fontbox.ttf.TTFSubsetter s = new org.apache.fontbox.ttf.TTFSubsetter(whole, FontSet.SUBSET_TABLES);
            int mapped = 0;
            for (int cp : codePoints) {
                if (cmap.getGlyphId(cp) != 0) {
                    s.add(cp);
                    mapped++;
                }
            }
            java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
            s.writeToStream(expected);
            assertTrue(mapped > 0, f.face().fileName() + " has none of the characters");
            assertTrue(java.util.Arrays.equals(expected.toByteArray(), f.data()), f.face().fileName() + " differs");
            var subsetCmap = new TTFParser().parse(new RandomAccessReadBuffer(f.data())).getUnicodeCmapLookup();
            for (int cp : codePoints) {
                assertEquals(cmap.getGlyphId(cp) != 0, subsetCmap.getGlyphId(cp) != 0,
                        f.face().fileName() + " U+" + Integer.toHexString(cp));
            }
        }
    }

    @Test
    void coverageAndGenericFamilies() {
        assertTrue(bundled.covers('中') && bundled.covers('A') && bundled.covers(0x1F600));
        assertFalse(bundled.covers(0xA001));
        assertEquals(FontSet.SANS, FontSet.family("Sans-Serif"));
        assertEquals(FontSet.MONO, FontSet.family("monospace"));
        assertEquals("LXGW WenKai", FontSet.family("LXGW WenKai"));
    }

    @Test
    void theBooksOwnFaceAddsItsCharacters(@TempDir Path tmp) throws IOException {
        Path yi = Files.write(tmp.resolve("yi.ttf"), TestFonts.withOnlyCharacter(0xA000));
        FontSet all = bundled.with(FontSet.load(List.of(new FontFace("Yi Test", 400, false, "yi.ttf", null, yi, true))));
        assertTrue(all.covers(0xA000) && !bundled.covers(0xA000));
    }

    @Test
    void aCffFontIsRefusedWithWhatToDo(@TempDir Path tmp) throws IOException {
        Path otf = Files.write(tmp.resolve("cjk.otf"), "OTTO\0\0\0\0rest".getBytes(StandardCharsets.ISO_8859_1));
        StudybookException e = assertThrows(StudybookException.class,
                () -> FontSet.load(List.of(new FontFace("CJK", 400, false, "cjk.ttf", null, otf, true))));
        assertTrue(e.oneLine().contains("cjk.otf: this font has PostScript (CFF) outlines") && e.oneLine().contains("TrueType (glyf)"),
                e.oneLine());
    }
}
