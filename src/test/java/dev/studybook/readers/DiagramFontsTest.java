package dev.studybook.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.ReadingSystems;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Inflater;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The book's fonts inside its SVG pictures (issue 17: diagram labels fell back to the system's fonts in Calibre's
 * viewer, boxes for Chinese where the system has no CJK font): a reader shows an SVG as an image, which cannot see
 * the EPUB's fonts, so each picture carries WOFF subsets of the faces its labels name, with a glyph for every
 * character of its labels, and Chromium (the engine of Calibre's viewer) loads them.
 */
class DiagramFontsTest {

    @TempDir
    static Path dir;
    static String svg;

    @BeforeAll
    static void build() throws IOException {
        Path epub = TestBooks.build(TestBooks.book("readers/svg-fonts"), dir.resolve("out"), "epub").output("epub");
        svg = Files.readString(ReaderThemesTest.unzip(epub, dir.resolve("epub")).resolve("OEBPS/images/labels.svg"));
    }

    /** family/weight → the characters its faces in the picture draw. */
    private static Map<String, StringBuilder> faces() throws IOException {
        Map<String, StringBuilder> drawn = new TreeMap<>();
        Matcher m = Pattern.compile("@font-face\\{font-family:\"([^\"]+)\";font-weight:(\\d+);src:url\\(data:font/woff;base64,"
                + "([A-Za-z0-9+/=]+)\\) format\\(\"woff\"\\)(?:;unicode-range:([^}]+))?\\}").matcher(svg);
        while (m.find()) {
            CmapLookup cmap = new TTFParser().parse(new RandomAccessReadBuffer(sfnt(Base64.getDecoder().decode(m.group(3)))))
                    .getUnicodeCmapLookup();
            StringBuilder chars = drawn.computeIfAbsent(m.group(1) + "/" + m.group(2), k -> new StringBuilder());
            for (int cp = 0x20; cp < 0x10000; cp++) {
                if (cmap.getGlyphId(cp) != 0) {
                    chars.appendCodePoint(cp);
                }
            }
        }
        return drawn;
    }

    @Test
    void everyLabelCharacterHasAGlyphOfTheFaceItsTextNames() throws IOException {
        Map<String, StringBuilder> drawn = faces();
        List<String> missing = new ArrayList<>();
        check("Noto Sans SC/700", "调度器的三个角色", drawn, missing);
        check("Noto Sans SC/400", "G是协程，M是线程P持有本地运行队列", drawn, missing);
        // Chinese in a code label comes from the Hei face under the monospace's name, as book.css's list does.
        check("JetBrains Mono/400", "runtime.schedule()//调度", drawn, missing);
        check("JetBrains Mono/700", "findRunnable", drawn, missing);
        assertEquals(List.of(), missing, "faces in the picture: " + drawn.keySet());
        assertTrue(!drawn.get("Noto Sans SC/400").toString().contains("调"),
                "each face holds only what it draws in this picture: " + drawn.get("Noto Sans SC/400"));
        assertTrue(svg.contains("<title>调度器的三个角色：G、M 与 P</title>"), "the picture's title stays text");
    }

    private static void check(String face, String text, Map<String, StringBuilder> drawn, List<String> missing) {
        String have = drawn.getOrDefault(face, new StringBuilder()).toString();
        text.codePoints().filter(cp -> have.indexOf(cp) < 0).forEach(cp -> missing.add(face + " lacks " + Character.toString(cp)));
    }

    @Test
    void chromiumLoadsThePicturesFonts() throws IOException {
        Optional<Path> chromium = ReadingSystems.chromium();
        Assumptions.assumeTrue(chromium.isPresent(), "Chromium is not installed: the picture's fonts not loaded");
        // The picture inline in a page: its style is the page's, and the page can ask whether each face loaded.
        Path page = dir.resolve("svg.html");
        Files.writeString(page, "<!DOCTYPE html><html><body>" + svg.replaceFirst("^<\\?xml[^>]*\\?>", "")
                + "<script>Promise.all([...document.fonts].map(f => f.load().catch(() => f))).then(fs => {"
                + " const p = document.createElement('pre'); p.id = 'studybook-report';"
                + " p.textContent = fs.map(f => f.family + '/' + f.weight + ' ' + f.status).join('\\n');"
                + " document.body.appendChild(p); });</script></body></html>", StandardCharsets.UTF_8);
        String dom = ReadingSystems.dumpDom(chromium.get(), page.toUri().toString(), 600, 400, false);
        Matcher m = Pattern.compile("<pre id=\"studybook-report\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertTrue(m.find(), "the page's script ran");
        List<String> faces = m.group(1).lines().toList();
        assertTrue(faces.size() >= 4, "faces: " + faces);
        assertEquals(List.of(), faces.stream().filter(f -> !f.endsWith(" loaded")).toList(), "faces: " + faces);
    }

    /** The TrueType font inside a WOFF 1.0 file. */
    static byte[] sfnt(byte[] woff) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(woff);
        assertEquals(0x774F4646, in.getInt(0), "WOFF signature");
        int n = in.getShort(12) & 0xffff;
        ByteBuffer out = ByteBuffer.allocate(in.getInt(16));
        out.putInt(in.getInt(4)).putShort((short) n).putShort((short) 0).putShort((short) 0).putShort((short) 0);
        int offset = 12 + 16 * n;
        for (int i = 0; i < n; i++) {
            int rec = 44 + 20 * i;
            int at = in.getInt(rec + 4);
            int stored = in.getInt(rec + 8);
            int length = in.getInt(rec + 12);
            byte[] table = new byte[length];
            if (stored == length) {
                System.arraycopy(woff, at, table, 0, length);
            } else {
                Inflater inf = new Inflater();
                inf.setInput(woff, at, stored);
                try {
                    inf.inflate(table);
                } catch (java.util.zip.DataFormatException e) {
                    throw new IOException(e);
                } finally {
                    inf.end();
                }
            }
            out.put(12 + 16 * i, woff, rec, 4).putInt(12 + 16 * i + 4, in.getInt(rec + 16))
                    .putInt(12 + 16 * i + 8, offset).putInt(12 + 16 * i + 12, length);
            out.put(offset, table);
            offset += (length + 3) & ~3;
        }
        return out.array();
    }
}
