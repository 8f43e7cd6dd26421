package dev.studybook.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.config.Request;
import dev.studybook.testing.EpubCheckRunner;
import dev.studybook.testing.TestBooks;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** User stylesheets and inline styles lose every remote or file: reference, escapes included (issue 21). */
class CssReferencesTest {

    @TempDir
    Path tmp;

    @Test
    @Timeout(5)
    void remoteImportsFontsAndFileUrlsAreTakenOutAlsoWhenEscaped() {
        String css = "@import url(\"https://e.com/r.css\");\n@\\69mport 'http://e.com/x.css';\n"
                + "@font-face { font-family: R; src: url(https://e.com/f.woff2); }\n"
                + "@font-face { font-family: L; src: url(fonts/l.ttf); }\n"
                + ".a { color: red; background: u\\72l(\\68ttp://e.com/a.png); }\n"
                + ".b { background: url(file:///etc/passwd); margin: 0 }\n"
                + ".c { background: image-set('http://e.com/a.png' 1x); }\n"
                + ".d::before { content: \"Note: \"; background: url(data:image/png;base64,AAAA); }\n"
                + "@media print { .e { background: url(//e.com/p.png); color: black } }\n";
        CssReferences.Result r = CssReferences.sanitize(css);
        String out = r.css();
        assertEquals(8, r.removed(), out); // the remote @font-face counts twice: its src, then the rule left without one
        for (String gone : new String[] {"e.com", "passwd", "import", "font-family: R"}) {
            assertFalse(out.contains(gone), gone + " in:\n" + out);
        }
        for (String kept : new String[] {"font-family: L; src: url(fonts/l.ttf)", "color: red", "margin: 0",
                "content: \"Note: \"", "url(data:image/png;base64,AAAA)", "@media print { .e {", "color: black"}) {
            assertTrue(out.contains(kept), kept + " in:\n" + out);
        }
        assertEquals("color:red", CssReferences.declarations("background:image-set('http://e.com/a.png' 1x);color:red")
                .css().replace(" ", ""));
    }

    @Test
    @Timeout(120)
    void userCssWithRemoteReferencesIsSanitisedWithOneWarning() throws java.io.IOException {
        Path book = TestBooks.book("integrity/remote-css");
        TestBooks.Built built = TestBooks.build(Request.of(book, tmp.resolve("out"), "epub"));
        Path epub = built.output("epub");
        long warnings = built.diagnostics().warnings().stream().filter(w -> w.toString().contains("extra.css")).count();
        assertEquals(1, warnings, built.diagnostics().warnings().toString());
        EpubCheckRunner.Result check = EpubCheckRunner.check(epub);
        assertEquals(0, check.fatals() + check.errors(), check.messages().toString());
        StringBuilder all = new StringBuilder();
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(epub.toFile())) {
            for (var e : java.util.Collections.list(z.entries())) {
                if (e.getName().endsWith(".css") || e.getName().endsWith(".xhtml")) {
                    all.append(new String(z.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        assertFalse(all.toString().contains("example.com"), "no remote address left in the EPUB");
        assertFalse(all.toString().contains("/etc/passwd"));
    }
}
