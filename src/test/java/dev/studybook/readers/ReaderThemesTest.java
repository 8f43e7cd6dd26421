package dev.studybook.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.ReadingSystems;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The EPUB in a real rendering engine (headless Chromium, the engine of Calibre's viewer, of epub.js readers and
 * of most Android readers) on a 360 px phone screen, under the themes readers put on a book: Calibre's Black and
 * Sepia dark (which set the page's text colour and links, and do not report prefers-color-scheme), a night theme
 * of an epub.js reader that does report it, and plain white. Text in code, tables and the title page keeps a
 * contrast of 4.5:1 against what is painted behind it; no word of a table cell is split across lines; nothing
 * is wider than the screen.
 */
class ReaderThemesTest {

    /** A reader theme: the CSS it injects, the colour of the page behind the document, whether it reports dark. */
    enum Theme {
        CALIBRE_BLACK("html, body { color: #ffffff; background-color: transparent; }"
                + " html > body :link, html > body :link * { color: #4f81bd !important; }", "0,0,0", false),
        CALIBRE_SEPIA_DARK("html, body { color: #F6F3E9; background-color: transparent; }"
                + " html > body :link, html > body :link * { color: #4f81bd !important; }", "57,50,43", false),
        EPUBJS_NIGHT("body { color: #e6e6e6; background: #121212; }", "18,18,18", true),
        WHITE("html, body { color: #000000; background-color: transparent; }", "255,255,255", false);

        final String css;
        final String canvas;
        final boolean dark;

        Theme(String css, String canvas, boolean dark) {
            this.css = css;
            this.canvas = canvas;
            this.dark = dark;
        }
    }

    /** A phone's screen width in CSS pixels. */
    static final int PHONE = 360;

    @TempDir
    static Path dir;
    static Path chromium;
    static Path oebps;

    @BeforeAll
    static void build() throws IOException {
        Optional<Path> c = ReadingSystems.chromium();
        Assumptions.assumeTrue(c.isPresent(),
                "Chromium is not installed: reader themes not checked (apt-get install chromium, or set STUDYBOOK_CHROMIUM)");
        chromium = c.get();
        Path epub = TestBooks.build(TestBooks.book("readers/night"), dir.resolve("out"), "epub").output("epub");
        oebps = unzip(epub, dir.resolve("epub")).resolve("OEBPS");
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void codeTablesAndTitleKeepTheirContrastAndTableWordsStayWholeOnAPhone(Theme theme) throws IOException {
        String js = new String(ReaderThemesTest.class.getResourceAsStream("/readers/measure.js").readAllBytes(),
                StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        for (String doc : List.of("ch01.xhtml", "titlepage.xhtml")) {
            String x = Files.readString(oebps.resolve(doc));
            x = x.replace("</head>", "<style>" + theme.css + "</style><script>window.CANVAS=[" + theme.canvas
                    + ",1]; window.THEME_LINKS=" + theme.css.contains(":link") + ";</script></head>");
            x = x.replace("</body>", "<script>//<![CDATA[\n" + js + "\n//]]></script></body>");
            String name = theme.name().toLowerCase() + "-" + doc;
            Files.writeString(oebps.resolve(name), x);
            Path page = oebps.resolve(name + ".html");
            Files.writeString(page, phoneFrame(name));
            String dom = ReadingSystems.dumpDom(chromium, page.toUri().toString(), PHONE, 640, theme.dark);
            Matcher m = Pattern.compile("<pre id=\"studybook-report\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
            assertTrue(m.find(), "the measuring script ran in " + doc);
            String report = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
            Matcher checked = Pattern.compile("checked (\\d+) text runs").matcher(report);
            assertTrue(checked.find() && Integer.parseInt(checked.group(1)) > (doc.startsWith("ch") ? 40 : 2),
                    "text was measured in " + doc + ": " + report);
            assertTrue(!doc.startsWith("ch") || Pattern.compile("checked [1-9]\\d* code spaces").matcher(report).find(),
                    "spaces of short inline code were measured in " + doc + ": " + report);
            report.lines().filter(l -> !l.startsWith("checked ")).forEach(l -> problems.add(doc + ": " + l));
        }
        assertEquals(List.of(), problems, theme + " on a 360 px screen");
    }

    /**
     * A page holding the document in a frame of a phone's size: headless Chromium does not make its window
     * narrower than 500 px, a frame is its document's viewport (media queries see 360 px), and the measuring
     * script in it posts its report to this page, whose document Chromium dumps.
     */
    static String phoneFrame(String document) {
        return "<!DOCTYPE html><html><body style=\"margin:0\"><iframe src=\"" + document + "\" style=\"width:" + PHONE
                + "px;height:640px;border:0\"></iframe><script>addEventListener('message', e => { const p ="
                + " document.createElement('pre'); p.id = 'studybook-report'; p.textContent = e.data;"
                + " document.body.appendChild(p); });</script></body></html>";
    }

    static Path unzip(Path zip, Path to) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path p = to.resolve(e.getName()).normalize();
                if (!p.startsWith(to)) {
                    throw new IOException("entry outside the folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(p);
                } else {
                    Files.createDirectories(p.getParent());
                    Files.copy(in, p);
                }
            }
        }
        return to;
    }
}
