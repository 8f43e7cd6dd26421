package dev.studybook.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.config.Request;
import dev.studybook.testing.EpubCheckRunner;
import dev.studybook.testing.EpubContents;
import dev.studybook.testing.TestBooks;
import dev.studybook.testing.TrapServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pictures real books hold: WebP (some named .jpg), BMP, animated GIF, graphviz SVG, and pictures on the web. */
class PicturesTest {

    @TempDir
    Path tmp;

    /**
     * A data: address that is not base64 was decoded by URLDecoder, which fails on a "%" that starts no escape: an SVG
     * written inline with {@code width='100%'} was left out with a warning. Browsers keep such a "%" as written.
     */
    @Test
    void dataAddressSvgWithAPercentWidthWasLeftOut() throws IOException {
        Path book = Files.createDirectories(tmp.resolve("percent"));
        Files.writeString(book.resolve("README.md"), "# 书\n\n- [一](one.md)\n");
        Files.writeString(book.resolve("one.md"), "# 一\n\n<img alt=\"方块\" src=\"data:image/svg+xml,%3Csvg"
                + " xmlns='http://www.w3.org/2000/svg' width='100%' height='20' viewBox='0 0 10 10'%3E%3Crect width='10'"
                + " height='10'/%3E%3C/svg%3E\">\n");
        TestBooks.Built b = TestBooks.build(book, tmp.resolve("percent-out"), "epub");
        assertEquals(List.of(), b.diagnostics().warnings().stream().map(Object::toString).toList());
        EpubContents epub = EpubContents.read(b.output("epub"));
        assertEquals(1, epub.body(epub.chapterFiles().get(0)).select("img[alt=方块][src$=.svg]").size());
        assertTrue(EpubCheckRunner.check(b.output("epub")).clean());
    }

    @Test
    void drawioLightDarkColoursAndSwitchFallbackNoLongerWarnOrShowTextIsNotSvg() throws IOException {
        // 0xAX/linux-insides: draw.io writes light-dark(…, …) colours on every shape and label (296 PDF warnings
        // "<unknown>: The attribute "style" represents an invalid CSS declaration", 108 more for fill="light-dark(…)"),
        // each label as a foreign object followed in a <switch> by SVG text or a PNG of the label ("refers to things
        // outside it, which were removed: <foreignobject>" for 12 pictures, the PNGs of two removed), and a <switch>
        // whose requiredFeatures Batik does not know, so every picture in the PDF said "Text is not SVG - cannot
        // display".
        TestBooks.Built b = TestBooks.build(TestBooks.book("pictures/drawio-light-dark-and-switch"), tmp, "epub", "pdf");
        assertEquals(List.of(), b.diagnostics().warnings().stream().map(Object::toString).toList());
        EpubContents epub = EpubContents.read(b.output("epub"));
        String svg = epub.text("images/stack.svg");
        assertFalse(svg.contains("light-dark") || svg.contains("requiredFeatures") || svg.contains("foreignObject"), svg);
        assertTrue(svg.contains("style=\"fill: rgb(253, 246, 227); stroke: rgb(147, 161, 161)\"")
                && svg.contains("<text fill=\"#000000\" font-family=\"Helvetica\" font-size=\"12px\" text-anchor=\"middle\""
                        + " x=\"110\" y=\"64\">Stack</text>")
                && svg.contains("<image height=\"10\" width=\"36\" x=\"92\" xlink:href=\"data:image/png;base64,"), svg);
        assertTrue(EpubCheckRunner.check(b.output("epub")).clean());
        try (PDDocument pdf = Loader.loadPDF(b.output("pdf").toFile())) {
            List<String> sizes = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                insideForms(page.getResources(), sizes);
            }
            assertTrue(sizes.contains("36x10"), "the label's PNG in the PDF: " + sizes);
        }
    }

    @Test
    void pictureLinkedToItsOwnFileWarnedThatTheFileIsNotPartOfTheBook() throws IOException {
        // squidfunk/mkdocs-material: 27 screenshots linked to themselves ([![Name]][Name], a web site's "click to
        // enlarge") each warned "the link to 'assets/screenshots/….png' leads to a file that is not part of the book",
        // though the book shows it. A link from a picture to another file still warns, and adds no file to the book.
        TestBooks.Built b = TestBooks.build(TestBooks.book("pictures/linked-to-itself"), tmp, "epub");
        List<String> w = b.diagnostics().warnings().stream().map(Object::toString).toList();
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("tabs.md:6: the link to 'screenshots/tabs-dark.png' leads to a file that is not part"), w.toString());
        EpubContents epub = EpubContents.read(b.output("epub"));
        String x = epub.text(epub.chapterFiles().get(0));
        assertTrue(x.contains("full size: <img src=\"images/screenshots-tabs.png\" alt=\"Tabs\" />\nand <img"
                + " src=\"images/screenshots-tabs.png\" alt=\"Tabs, inline\" />."), x);
        assertFalse(x.contains("<a "), x);
        assertEquals(List.of("images/screenshots-tabs.png"), epub.manifest().stream().map(i -> i.href())
                .filter(h -> h.startsWith("images/")).toList());
        assertTrue(EpubCheckRunner.check(b.output("epub")).clean());
    }

    @Test
    void webpBmpGifAndDoctypeSvgReachBothOutputsInFormatsReadersTake() throws IOException {
        TestBooks.Built b = TestBooks.build(TestBooks.book("pictures/formats"), tmp, "epub", "pdf");
        assertEquals(List.of(), b.diagnostics().warnings().stream().map(Object::toString).toList());
        EpubContents epub = EpubContents.read(b.output("epub"));
        List<String> images = epub.manifest().stream().filter(i -> i.href().startsWith("images/"))
                .map(i -> i.href() + " " + i.mediaType()).sorted().toList();
        assertEquals(List.of("images/anim.gif image/gif", "images/drawing.png image/png", "images/glass.png image/png",
                "images/graph.png image/png", "images/graph.svg image/svg+xml", "images/paint.png image/png",
                "images/photo.jpg image/jpeg"), images);
        // The lossy WebP photo became a JPEG, the lossless and transparent ones PNGs, each of the same size.
        for (String href : List.of("images/photo.jpg", "images/drawing.png", "images/glass.png", "images/paint.png")) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(epub.bytes(href)));
            assertEquals(48, img.getWidth(), href);
            assertEquals(32, img.getHeight(), href);
        }
        assertTrue(ImageIO.read(new ByteArrayInputStream(epub.bytes("images/glass.png"))).getColorModel().hasAlpha());
        String svg = epub.text("images/graph.svg");
        assertFalse(svg.contains("DOCTYPE") || svg.contains("svg11.dtd"), svg);
        assertTrue(svg.contains("甲"), svg);
        assertTrue(EpubCheckRunner.check(b.output("epub")).clean());

        // The PDF draws every raster picture; of the animated GIF, its first (blue) frame.
        try (PDDocument pdf = Loader.loadPDF(b.output("pdf").toFile())) {
            List<PDImageXObject> drawn = drawn(pdf);
            List<String> sizes = drawn.stream().map(i -> i.getWidth() + "x" + i.getHeight()).sorted().toList();
            assertTrue(sizes.containsAll(List.of("40x20", "48x32")) && sizes.stream().filter("48x32"::equals).count() >= 4,
                    sizes.toString());
            BufferedImage gif = drawn.stream().filter(i -> i.getWidth() == 40).findFirst().orElseThrow().getImage();
            assertEquals(0x0000ff, gif.getRGB(5, 5) & 0xffffff, "the GIF's first frame is blue");
        }
    }

    @Test
    void jpegWithAnInvalidColourProfileIsShownNotLeftOutAsDamaged() throws IOException {
        // chai2010/advanced-go-programming-book: a photo whose ICC profile the decoder ignores ("Embedded color profile
        // is invalid; ignored") was left out as damaged, though every pixel decodes and browsers show it.
        TestBooks.Built b = TestBooks.build(TestBooks.book("pictures/bad-profile"), tmp, "epub", "pdf");
        assertEquals(List.of(), b.diagnostics().warnings().stream().map(Object::toString).toList());
        EpubContents epub = EpubContents.read(b.output("epub"));
        assertTrue(epub.entryNames().stream().anyMatch(n -> n.endsWith("images/bad-profile.jpg")), epub.entryNames().toString());
        assertTrue(EpubCheckRunner.check(b.output("epub")).clean());
        try (PDDocument pdf = Loader.loadPDF(b.output("pdf").toFile())) {
            List<String> sizes = drawn(pdf).stream().map(i -> i.getWidth() + "x" + i.getHeight()).toList();
            assertTrue(sizes.contains("120x60"), sizes.toString());
        }
    }

    @Test
    void pngWiderThanAnyPageIsNarrowedForThePdfOnlySoThatThePdfFinishes() throws IOException {
        // datawhalechina/easy-rl: 60 PNGs of up to 6717 × 3414 pixels; PDFBox compressed every pixel of each again
        // and the PDF did not finish in ten minutes. The EPUB has its own, narrower limit.
        TestBooks.Built b = TestBooks.build(TestBooks.book("pictures/wide-png"), tmp, "epub", "pdf");
        assertEquals(List.of(), b.diagnostics().warnings().stream().map(Object::toString).toList());
        EpubContents epub = EpubContents.read(b.output("epub"));
        assertEquals(1280, ImageIO.read(new ByteArrayInputStream(epub.bytes("images/stripes.png"))).getWidth());
        try (PDDocument pdf = Loader.loadPDF(b.output("pdf").toFile())) {
            List<PDImageXObject> drawn = drawn(pdf);
            // The picture (the other one drawn is the cover's).
            List<String> sizes = drawn.stream().map(i -> i.getWidth() + "x" + i.getHeight()).toList();
            assertTrue(sizes.contains("2000x100") && drawn.stream().allMatch(i -> i.getWidth() <= 2000), sizes.toString());
            BufferedImage img = drawn.stream().filter(i -> i.getWidth() == 2000).findFirst().orElseThrow().getImage();
            // 100-pixel stripes of the original are 77 pixels wide now: red at the start, blue in the second stripe.
            assertEquals(0xc81e1e, img.getRGB(20, 50) & 0xffffff);
            assertEquals(0x1e1ec8, img.getRGB(115, 50) & 0xffffff);
        }
    }

    @Test
    void easyRlsEpubHeldWidePicturesAtFullSizeAndWas146MegabytesNowTheyAreNarrowedInTheirOwnFormat() throws IOException {
        // datawhalechina/easy-rl: PNGs of up to 6717 pixels went into the EPUB as they were (146 MB; Send to Kindle
        // takes 50 MB by e-mail). A wide PNG or JPEG is now 1280 pixels wide and stays a PNG or a JPEG; a GIF (it may
        // move), an SVG, a narrow picture and a JPEG its Exif turns (a new file would lose the turn) are untouched.
        Path book = TestBooks.book("pictures/wide-in-epub");
        TestBooks.Built b = TestBooks.build(book, tmp.resolve("one"), "epub");
        assertEquals(List.of(), b.diagnostics().warnings().stream().map(Object::toString).toList());
        EpubContents epub = EpubContents.read(b.output("epub"));
        byte[] photo = epub.bytes("images/photo.jpg");
        assertEquals(0xFF, photo[0] & 0xff);
        assertEquals(0xD8, photo[1] & 0xff);
        BufferedImage jpeg = ImageIO.read(new ByteArrayInputStream(photo));
        assertEquals(1280, jpeg.getWidth());
        assertEquals(80, jpeg.getHeight());
        // 100-pixel stripes are 40 pixels wide now: red in the first, blue in the second (JPEG: near the colour).
        assertNear(0xc81e1e, jpeg.getRGB(15, 40));
        assertNear(0x1e1ec8, jpeg.getRGB(60, 40));
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(epub.bytes("images/clear.png")));
        assertEquals(1280, png.getWidth());
        assertEquals(64, png.getHeight());
        assertTrue(png.getColorModel().hasAlpha());
        assertEquals(0, png.getRGB(15, 50) >>> 24, "the clear half stays clear");
        assertEquals(0xffc81e1e, png.getRGB(15, 10));
        for (String kept : List.of("small.png", "turned.jpg", "moving.gif")) {
            assertArrayEquals(Files.readAllBytes(book.resolve("images").resolve(kept)), epub.bytes("images/" + kept), kept);
        }
        // The drawn cover keeps the 1600 × 2560 pixels stores ask for.
        assertEquals(1600, ImageIO.read(new ByteArrayInputStream(epub.bytes("cover.png"))).getWidth());
        // The SVG is cleaned as every SVG is, and keeps its 3000-unit width.
        assertTrue(new String(epub.bytes("images/box.svg"), StandardCharsets.UTF_8).contains("width=\"3000\""));
        EpubCheckRunner.Result check = EpubCheckRunner.check(b.output("epub"));
        assertTrue(check.clean(), check.toString());
        TestBooks.Built again = TestBooks.build(book, tmp.resolve("two"), "epub");
        assertArrayEquals(Files.readAllBytes(b.output("epub")), Files.readAllBytes(again.output("epub")));
    }

    @Test
    void graphvizTransparentPaintPrintedBatikStackTracesAndFilledTheEpubsFallbackBlack() throws IOException {
        // rust-lang/book's figures (Graphviz) paint with stroke="transparent": Batik printed a DOMException's stack
        // trace and "ERROR: null" on the terminal for each, and drew fill="transparent" with the initial fill, black.
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream before = System.err;
        TestBooks.Built b;
        System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            b = TestBooks.build(TestBooks.book("pictures/svg-transparent-paint"), tmp, "epub", "pdf");
        } finally {
            System.setErr(before);
        }
        // (The test JVM itself may print an agent's INFO line meanwhile: only Batik's output is looked for.)
        String printed = err.toString(StandardCharsets.UTF_8);
        assertFalse(printed.contains("Exception") || printed.contains("ERROR") || printed.contains("transparent"), printed);
        assertEquals(List.of(), b.diagnostics().warnings().stream().map(Object::toString).toList());
        EpubContents epub = EpubContents.read(b.output("epub"));
        String png = epub.entryNames().stream().filter(n -> n.endsWith("boxes.png")).findFirst().orElseThrow();
        BufferedImage drawn = ImageIO.read(new ByteArrayInputStream(epub.bytes(png.substring(png.indexOf("images/")))));
        int w = drawn.getWidth();
        int h = drawn.getHeight();
        // The middle of each box (attribute and style) is paper; their outlines are drawn.
        assertEquals(0xffffff, drawn.getRGB(w / 4, h / 2) & 0xffffff, "inside the left box");
        assertEquals(0xffffff, drawn.getRGB(3 * w / 4, h / 2) & 0xffffff, "inside the right box");
        assertTrue((drawn.getRGB(w * 10 / 200, h / 2) & 0xff) < 0x80, "the left box's outline");
        // The SVG most readers show paints the same with 'none', which every SVG reader knows.
        String svg = epub.text(png.substring(png.indexOf("images/")).replace(".png", ".svg"));
        assertFalse(svg.contains("transparent"), svg);
        // The PDF's picture (Batik again): no filled box, only outlines and text on the figure's page.
        try (PDDocument doc = Loader.loadPDF(b.output("pdf").toFile())) {
            org.apache.pdfbox.text.PDFTextStripper text = new org.apache.pdfbox.text.PDFTextStripper();
            int at = -1;
            for (int i = 1; i <= doc.getNumberOfPages() && at < 0; i++) {
                text.setStartPage(i);
                text.setEndPage(i);
                if (text.getText(doc).contains("This paragraph follows the figure")) {
                    at = i - 1;
                }
            }
            BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(at, 72);
            assertTrue(darkRows(page) < 4, "rows of a filled box on the PDF's page: " + darkRows(page));
        }
    }

    /** Rows of the image with 30 dark pixels in a row: a filled shape, never an outline or a line of text. */
    private static int darkRows(BufferedImage image) {
        int rows = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            int run = 0;
            boolean counted = false;
            for (int x = 0; x < image.getWidth() && !counted; x++) {
                run = (image.getRGB(x, y) & 0xff) < 0x40 ? run + 1 : 0;
                counted = run >= 30;
            }
            rows += counted ? 1 : 0;
        }
        return rows;
    }

    private static void assertNear(int rgb, int actual) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int want = rgb >> shift & 0xff;
            int got = actual >> shift & 0xff;
            assertTrue(Math.abs(want - got) <= 12, String.format("%06x near %06x", actual & 0xffffff, rgb));
        }
    }

    @Test
    void picturesWithoutAltTextAreWarnedAtTheirPlaceNotAlsoByThePdfLibrarysCountWithoutOne() throws IOException {
        // astaxie/build-web-application-with-golang: "the image ... has no alt text" (file:line) and then
        // "PDF: No alt attribute provided for image/replaced in PDF/UA document. (89 times in the book)".
        TestBooks.Built b = TestBooks.build(TestBooks.book("pictures/without-alt"), tmp, "pdf");
        List<String> w = b.diagnostics().warnings().stream().map(Object::toString).toList();
        assertEquals(2, w.size(), w.toString());
        assertTrue(w.get(0).contains("one.md:5:") && w.get(0).contains("has no alt text"), w.get(0));
        assertTrue(w.get(1).contains("one.md:7:") && w.get(1).contains("has no alt text"), w.get(1));
    }

    @Test
    void withoutFetchRemoteNothingIsFetchedAndOneWarningCountsThePictures() throws IOException {
        try (TrapServer server = TrapServer.start()) {
            Path book = remoteBook(server);
            TestBooks.Built b = TestBooks.build(book, tmp.resolve("out"), "epub");
            assertEquals(List.of(), server.requests());
            List<String> w = b.diagnostics().warnings().stream().map(Object::toString).toList();
            assertEquals(1, w.size(), w.toString());
            assertTrue(w.get(0).contains("web.md:5:") && w.get(0).contains("4 remote pictures")
                    && w.get(0).contains("--fetch-remote") && w.get(0).contains("remote: fetch"), w.get(0));
        }
    }

    @Test
    void fetchRemoteDownloadsPicturesOnceIntoTheCacheAndGivesTheSameBytesAgain() throws IOException {
        byte[] webp = Files.readAllBytes(TestBooks.book("pictures/formats").resolve("images/drawing.webp"));
        Path cache = tmp.resolve("cache");
        String was = System.getProperty("studybook.test.fetchFromLoopback");
        System.setProperty("studybook.test.fetchFromLoopback", "true");
        System.setProperty("studybook.cache", cache.toString());
        try (TrapServer server = TrapServer.start()) {
            server.serve("/b.webp", "image/webp", webp).redirect("/moved.webp", server.base() + "/b.webp")
                    .serve("/page.html", "text/html", "<html>not a picture</html>".getBytes(StandardCharsets.UTF_8));
            Path book = remoteBook(server);
            Request request = Request.of(book, tmp.resolve("out1"), "epub", "pdf").withSwitch("fetch-remote");
            TestBooks.Built first = TestBooks.build(request);
            List<String> w = first.diagnostics().warnings().stream().map(Object::toString).toList();
            assertEquals(1, w.size(), w.toString());
            assertTrue(w.get(0).contains("web.md:17:") && w.get(0).contains("page.html")
                    && w.get(0).contains("not a PNG, JPEG, GIF, WebP, BMP or SVG picture"), w.get(0));
            // Each address once, however often the book shows it; the code span's address never.
            assertEquals(List.of("GET /a.png", "GET /moved.webp", "GET /b.webp", "GET /page.html"),
                    server.requests().stream().sorted((x, y) -> order(x) - order(y)).toList());
            EpubContents epub = EpubContents.read(first.output("epub"));
            List<String> images = epub.manifest().stream().filter(i -> i.href().startsWith("images/"))
                    .map(i -> i.mediaType()).sorted().toList();
            assertEquals(List.of("image/png", "image/png"), images, "the PNG once, the WebP as PNG");
            assertTrue(EpubCheckRunner.check(first.output("epub")).clean());
            try (var files = Files.list(cache)) {
                assertEquals(2, files.count(), "the two pictures are cached, the web page is not");
            }

            // A second build takes them from the cache and writes the same bytes.
            int before = server.requests().size();
            TestBooks.Built second = TestBooks.build(Request.of(book, tmp.resolve("out2"), "epub", "pdf")
                    .withSwitch("fetch-remote"));
            assertEquals(before + 1, server.requests().size(), "only the web page is asked for again");
            assertArrayEquals(Files.readAllBytes(first.output("epub")), Files.readAllBytes(second.output("epub")));
            assertArrayEquals(Files.readAllBytes(first.output("pdf")), Files.readAllBytes(second.output("pdf")));
        } finally {
            if (was == null) {
                System.clearProperty("studybook.test.fetchFromLoopback");
            } else {
                System.setProperty("studybook.test.fetchFromLoopback", was);
            }
            System.clearProperty("studybook.cache");
        }
    }

    @Test
    void loopbackAndPrivateAddressesAreRefusedUnlessATestAllowsLoopback() throws IOException {
        System.setProperty("studybook.cache", tmp.resolve("cache").toString());
        try (TrapServer server = TrapServer.start()) {
            Path book = remoteBook(server);
            Files.writeString(book.resolve("book.yaml"), "remote: fetch\n");
            TestBooks.Built b = TestBooks.build(book, tmp.resolve("out"), "epub");
            assertEquals(List.of(), server.requests());
            List<String> w = b.diagnostics().warnings().stream().map(Object::toString).toList();
            assertTrue(w.size() >= 3 && w.stream().allMatch(x -> x.contains("private, loopback or link-local")), w.toString());
        } finally {
            System.clearProperty("studybook.cache");
        }
    }

    @Test
    void aWrongRemoteValueInBookYamlNamesTheLine() throws IOException {
        Path book = TestBooks.copy("pictures/remote", tmp.resolve("book"));
        Files.writeString(book.resolve("book.yaml"), "title: 书\nremote: download\n");
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.studybook.error.StudybookException.class,
                () -> TestBooks.build(book, tmp.resolve("out"), "epub"));
        assertTrue(e.oneLine().contains("book.yaml:2") && e.oneLine().contains("'remote' must be 'fetch' or 'leave'"),
                e.oneLine());
    }

    private static int order(String request) {
        return List.of("GET /a.png", "GET /moved.webp", "GET /b.webp", "GET /page.html").indexOf(request);
    }

    private Path remoteBook(TrapServer server) throws IOException {
        Path book = TestBooks.copy("pictures/remote", tmp.resolve("book"));
        Path md = book.resolve("web.md");
        Files.writeString(md, Files.readString(md).replace("http://picture-server.test", server.base()));
        return book;
    }

    /** The pictures the PDF's pages draw, page by page. */
    private static List<PDImageXObject> drawn(PDDocument pdf) throws IOException {
        List<PDImageXObject> out = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (COSName n : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(n) instanceof PDImageXObject img) {
                    out.add(img);
                }
            }
        }
        return out;
    }

    /** The sizes of the pictures resources hold, with those of the forms they hold (Batik draws an SVG as a form). */
    private static void insideForms(org.apache.pdfbox.pdmodel.PDResources resources, List<String> sizes) throws IOException {
        for (COSName n : resources.getXObjectNames()) {
            var x = resources.getXObject(n);
            if (x instanceof PDImageXObject img) {
                sizes.add(img.getWidth() + "x" + img.getHeight());
            } else if (x instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form && form.getResources() != null) {
                insideForms(form.getResources(), sizes);
            }
        }
    }
}
