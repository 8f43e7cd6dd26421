package dev.studybook.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.ReadingSystems;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code blocks on a 360 px phone screen in headless Chromium (issue 17: {@code globalD/epth}, wrapped rows flush
 * with the line they continue): a code line wraps at a space or after its own punctuation, never inside a name
 * that would fit a line, and each wrapped row hangs deeper than the row it continues.
 */
class CodeWrapTest {

    @TempDir
    static Path dir;

    @Test
    void codeLinesWrapBetweenNamesWithAHangingIndentOnAPhone() throws IOException {
        Optional<Path> chromium = ReadingSystems.chromium();
        Assumptions.assumeTrue(chromium.isPresent(),
                "Chromium is not installed: code wrapping not checked (apt-get install chromium, or set STUDYBOOK_CHROMIUM)");
        Path epub = TestBooks.build(TestBooks.book("readers/night"), dir.resolve("out"), "epub").output("epub");
        Path oebps = ReaderThemesTest.unzip(epub, dir.resolve("epub")).resolve("OEBPS");
        String js = new String(CodeWrapTest.class.getResourceAsStream("/readers/code-wrap.js").readAllBytes(),
                StandardCharsets.UTF_8);
        String x = Files.readString(oebps.resolve("ch01.xhtml"));
        Files.writeString(oebps.resolve("wrap-ch01.xhtml"),
                x.replace("</body>", "<script>//<![CDATA[\n" + js + "\n//]]></script></body>"));
        Path page = oebps.resolve("wrap-ch01.xhtml.html");
        Files.writeString(page, ReaderThemesTest.phoneFrame("wrap-ch01.xhtml"));
        String dom = ReadingSystems.dumpDom(chromium.get(), page.toUri().toString(), ReaderThemesTest.PHONE, 640, false);
        Matcher m = Pattern.compile("<pre id=\"studybook-report\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertTrue(m.find(), "the measuring script ran");
        String report = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
        Matcher checked = Pattern.compile("checked (\\d+) code lines, (\\d+) wrapped").matcher(report);
        assertTrue(checked.find() && Integer.parseInt(checked.group(2)) >= 3, "long code lines wrapped: " + report);
        assertEquals(List.of(), report.lines().filter(l -> !l.startsWith("checked ")).toList(), report);
    }
}
