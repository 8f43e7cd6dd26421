package dev.studybook.output.pdf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.fonts.EmbeddedFont;
import dev.studybook.fonts.FontSet;
import java.io.IOException;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * PDFBox compiled a regular expression of the emoji face's 3,976 substituted sequences for every emoji it drew (3 % of
 * the 1 MB book's PDF): the face goes to the PDF without its GSUB when no sequence can be drawn whole, and with it
 * when the text holds one (a ZWJ family, a keycap), so that those are still drawn as one glyph.
 */
class IdleSubstitutionsTest {

    private static EmbeddedFont emoji;
    private static EmbeddedFont serif;

    @BeforeAll
    static void fonts() {
        List<EmbeddedFont> fonts = FontSet.load(FontSet.DEFAULT_FACES)
                .subset("答案 🎉 ✅ 👨\u200d👩\u200d👧 #\ufe0f\u20e3 🇨🇳");
        emoji = fonts.stream().filter(f -> f.face().family().equals(FontSet.EMOJI)).findFirst().orElseThrow();
        serif = fonts.stream().filter(f -> f.face().family().equals(FontSet.SERIF)).findFirst().orElseThrow();
    }

    private static Document page(String body) throws IOException {
        return PdfLayout.parse("<html xmlns=\"" + PdfLayout.XHTML + "\"><head><title>t</title></head><body>" + body
                + "</body></html>");
    }

    private static boolean readsGsub(byte[] font) throws IOException {
        try (TrueTypeFont ttf = new TTFParser(true).parse(new RandomAccessReadBuffer(font))) {
            return ttf.getGsubData() != GsubData.NO_DATA_FOUND;
        }
    }

    @Test
    void singleEmojiDrawTheEmojiFaceWithoutItsSubstitutions() throws IOException {
        assertTrue(readsGsub(emoji.data()), "the bundled emoji face has a GSUB");
        byte[] without = IdleSubstitutions.without(emoji, page("<p>答案 🎉 ✅ 123 #</p>"));
        assertNotNull(without);
        assertFalse(IdleSubstitutions.hasTable(without, "GSUB"));
        assertFalse(readsGsub(without));
        // Only the directory entry is renamed: every glyph, and so every glyph id, is where it was.
        assertTrue(without.length == emoji.data().length);
        assertSame(without, IdleSubstitutions.without(emoji, page("<p>🎉</p>")), "made once per font");
    }

    @Test
    void zwjFamilyKeepsTheSubstitutions() throws IOException {
        assertNull(IdleSubstitutions.without(emoji, page("<p>一家 👨\u200d👩\u200d👧</p>")));
    }

    @Test
    void keycapKeepsTheSubstitutions() throws IOException {
        assertNull(IdleSubstitutions.without(emoji, page("<p>按 #\ufe0f\u20e3 键</p>")));
    }

    @Test
    void flagKeepsTheSubstitutions() throws IOException {
        assertNull(IdleSubstitutions.without(emoji, page("<p>🇨🇳</p>")));
    }

    @Test
    void sequenceSplitOverTheDocumentStillKeepsThem() throws IOException {
        // Whether a sequence can be drawn whole is judged on the characters, not on where they stand.
        assertNull(IdleSubstitutions.without(emoji, page("<p>👨 \u200d</p><p>👩 👧</p>")));
    }

    @Test
    void subsetFaceHasNoSubstitutionsToDrop() throws IOException {
        assertFalse(IdleSubstitutions.hasTable(serif.data(), "GSUB"));
        assertNull(IdleSubstitutions.without(serif, page("<p>答案</p>")));
    }
}
