package dev.studybook.output.pdf;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import dev.studybook.fonts.EmbeddedFont;
import dev.studybook.fonts.FontSet;
import dev.studybook.model.Asset;
import dev.studybook.model.Book;
import dev.studybook.model.Chapter;
import dev.studybook.output.PageMap;
import dev.studybook.config.OptionSpec;
import dev.studybook.output.OutputContext;
import dev.studybook.output.Xml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Calendar;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import com.openhtmltopdf.pdfboxout.PagePosition;
import com.openhtmltopdf.layout.LayoutContext;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.PageBox;
import java.util.TimeZone;
import java.util.logging.Level;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * Lays the book out as a PDF with OpenHTMLtoPDF: the same chapter XHTML as the EPUB in one document, the
 * book's subset fonts embedded, images served from memory (nothing is fetched from disk or network), and a
 * fixed date and document id so that the same book gives the same bytes.
 */
final class PdfLayout {

    /** The scheme under which the renderer sees the book's images. */
    static final String SCHEME = "book";
    static final String XHTML = "http://www.w3.org/1999/xhtml";

    private PdfLayout() {
    }

    static {
        // OpenHTMLtoPDF logs through its own handler; studybook reports its warnings itself.
        XRLog.setLoggerImpl(new XRLogger() {
            @Override
            public void log(String where, Level level, String msg) {
            }

            @Override
            public void log(String where, Level level, String msg, Throwable th) {
            }

            @Override
            public void setLevel(String logger, Level level) {
            }

            @Override
            public boolean isLogLevelEnabled(Diagnostic diagnostic) {
                return false;
            }
        });
    }

    /** The option of the book's PDF that makes it a PDF for printing on both sides. */
    static final OptionSpec PRINT = OptionSpec.bool("print", false,
            "for printing on both sides: every chapter opens on a right-hand page (a blank page before it when needed)");

    /** The options every PDF output takes: the paper, and PDF/A. */
    static List<OptionSpec> options(boolean inherit) {
        OptionSpec paper = OptionSpec.choice("paper", "A4", "the paper size", Paper.names().toArray(String[]::new));
        OptionSpec pdfA = OptionSpec.bool("pdf-a", false, "make the PDF PDF/A-2b as well as PDF/UA-1");
        return inherit ? List.of(paper.inheriting("pdf.paper"), pdfA.inheriting("pdf.pdf-a"))
                : List.of(paper.flat("paper"), pdfA.flat("pdf-a"));
    }

    /**
     * Lays {@code book} out as a PDF of the given kind with the output's options and writes it to {@code out};
     * for a whole book, says where the pages begin.
     */
    static Optional<PageMap> write(Book book, OutputContext ctx, PrintDocument.Mode mode, OutputStream out) throws IOException {
        return write(book, ctx, mode, out, Optional.empty());
    }

    /** The same, for a document that refers to the book's pages ({@code pages}, the book's page map, when laid out). */
    static Optional<PageMap> write(Book book, OutputContext ctx, PrintDocument.Mode mode, OutputStream out,
            Optional<PageMap> pages) throws IOException {
        Paper paper = Paper.parse(ctx.options().text("paper")).orElseThrow();
        boolean print = mode == PrintDocument.Mode.BOOK && ctx.options().values().containsKey(PRINT.name())
                && ctx.options().bool(PRINT.name());
        if (mode == PrintDocument.Mode.BOOK) {
            List<List<Chapter>> groups = GroupedLayout.groups(book);
            if (!groups.isEmpty()) {
                try {
                    return GroupedLayout.write(book, ctx, paper, print, groups, out);
                } catch (GroupedLayout.Unstable e) {
                    // The contents page's length changed with its numbers: laid out whole, as a short book is.
                }
            }
        }
        TextWidths widths = new TextWidths(ctx.fonts());
        Set<String> blanks = Set.of();
        // What a page break left alone (LoneLines: a paragraph's one line, a table's header row), kept together next time.
        Set<Integer> kept = new java.util.TreeSet<>();
        // Pictures moved whole to a new page that fit the page before a little smaller (FittedPictures), so drawn.
        Map<Integer, FittedPictures.Size> fitted = new TreeMap<>();
        // The marks that lines left short need compressed, compressible next time (PunctuationSqueeze).
        Set<PunctuationSqueeze.Mark> squeezed = new java.util.TreeSet<>();
        if (print) {
            // Where each chapter would open without blank pages tells where blank pages go: one laying out more.
            // One document for every try: a layout leaves it as it was, and marks only add to it.
            Document first = document(book, ctx, mode, paper, widths, Set.of(), pages);
            for (int relayouts = 0; ; relayouts++) {
                LoneLines.mark(first, kept);
                FittedPictures.mark(first, fitted);
                PunctuationSqueeze.mark(first, squeezed, widths);
                // Its messages are the same as the second's: said once, for the second.
                PdfMessages unused = new PdfMessages(assets(book, ctx));
                try (PdfBoxRenderer renderer = PdfLayout.renderer(builder(first, book, ctx, unused), book, ctx)) {
                    var context = GroupedLayout.layOut(renderer);
                    if (relayouts < LoneLines.MAX_RELAYOUTS && (kept.addAll(lone(first, renderer))
                            | fit(first, renderer, context, assets(book, ctx), fitted)
                            | (squeezed.isEmpty() && squeezed.addAll(PunctuationSqueeze.found(first, renderer, widths,
                                    squeezed))))) {
                        continue;
                    }
                    GroupedLayout.layOutPages(renderer, context);
                    // Box positions are kept once the pages are drawn.
                    renderer.createPDFKeepOpen().close();
                    blanks = blankPagesBefore(renderer, book);
                    break;
                }
            }
        }
        // Built, parsed and fixed once: a layout that finds lone lines leaves the document as it was, and the next
        // one only adds their marks (content/: 0.35 s of CPU saved per layout done again).
        Document dom = document(book, ctx, mode, paper, widths, blanks, pages);
        for (int relayouts = print ? LoneLines.MAX_RELAYOUTS : 0; ; relayouts++) {
            Optional<Optional<PageMap>> written = write(dom, book, ctx, mode, out, paper, kept, fitted, squeezed, widths,
                    relayouts < LoneLines.MAX_RELAYOUTS);
            if (written.isPresent()) {
                return written.get();
            }
        }
    }

    /** Adds to {@code fitted} the pictures that {@code renderer}'s layout of {@code dom} fits (FittedPictures). */
    private static boolean fit(Document dom, PdfBoxRenderer renderer, LayoutContext context, Map<String, Asset> assets,
            Map<Integer, FittedPictures.Size> fitted) {
        return FittedPictures.add(dom, renderer.getRootBox(), renderer.getRootBox().getLayer().getPages(), context,
                assets, fitted);
    }

    /** What of {@code dom}, laid out by {@code renderer}, a page break leaves alone (see LoneLines). */
    private static Set<Integer> lone(Document dom, PdfBoxRenderer renderer) {
        return LoneLines.found(dom, renderer.getRootBox(), renderer.getRootBox().getLayer().getPages());
    }

    /**
     * One layout of {@code dom}, the book's print document, with the {@code kept} paragraphs and tables marked
     * (LoneLines) and the {@code squeezed} marks compressible (PunctuationSqueeze), written to {@code out}; when
     * {@code mayRetry} and a page break leaves something else alone, or a line is left short that more compressed
     * marks would fill, nothing is written, it is added to {@code kept} or {@code squeezed}, and the answer is empty.
     */
    private static Optional<Optional<PageMap>> write(Document dom, Book book, OutputContext ctx, PrintDocument.Mode mode,
            OutputStream out, Paper paper, Set<Integer> kept, Map<Integer, FittedPictures.Size> fitted,
            Set<PunctuationSqueeze.Mark> squeezed, TextWidths widths, boolean mayRetry) throws IOException {
        LoneLines.mark(dom, kept);
        FittedPictures.mark(dom, fitted);
        PunctuationSqueeze.mark(dom, squeezed, widths);
        Map<String, BlockRef> blocks = mode == PrintDocument.Mode.BOOK ? numberBlocks(dom) : Map.of();
        PdfMessages messages = new PdfMessages(assets(book, ctx));
        try (PdfBoxRenderer renderer = PdfLayout.renderer(builder(dom, book, ctx, messages), book, ctx)) {
            // The pages' margin boxes only for a layout that is kept (GroupedLayout.layOut).
            var context = GroupedLayout.layOut(renderer);
            // Marks are chosen from the first layout that finds any: choosing again from the next one cost content/
            // a third layout (4 s of CPU) for 20 lines that its reflowed paragraphs left short.
            if (mayRetry && mode == PrintDocument.Mode.BOOK && (kept.addAll(lone(dom, renderer))
                    | fit(dom, renderer, context, assets(book, ctx), fitted)
                    | (squeezed.isEmpty() && squeezed.addAll(PunctuationSqueeze.found(dom, renderer, widths, squeezed))))) {
                return Optional.empty();
            }
            GroupedLayout.layOutPages(renderer, context);
            Justification.apply(renderer);
            PDDocument pdf = renderer.createPDFKeepOpen();
            messages.report(ctx.diagnostics());
            // Page positions are known once the pages are drawn.
            Optional<PageMap> laidOut = blocks.isEmpty() ? Optional.empty() : Optional.of(pageMap(renderer, blocks));
            fixDatesAndId(pdf, book, ctx);
            pdf.save(out);
            pdf.close();
            return Optional.of(laidOut);
        }
    }

    /** The print document as the renderer reads it, with studybook's fixes for line breaking and reading order. */
    static Document document(Book book, OutputContext ctx, PrintDocument.Mode mode, Paper paper, TextWidths widths,
            Set<String> blanks, Optional<PageMap> pages) throws IOException {
        return fixed(PrintDocument.build(book, ctx.styles(), ctx.labels(), paper, ctx.tocDepth(), mode, ctx.cover(),
                pages.orElse(null), blanks), widths, dom -> { });
    }

    /**
     * {@code xhtml} parsed, with studybook's fixes; {@code links} first sees the document, before links to places it
     * does not hold become text.
     */
    static Document fixed(String xhtml, TextWidths widths, java.util.function.Consumer<Document> links) throws IOException {
        Document dom = parse(xhtml);
        links.accept(dom);
        unlinkAbsentTargets(dom);
        LooseInlines.apply(dom);
        RtlListMarkers.apply(dom);
        PageBreaks.apply(dom);
        CodeLines.apply(dom);
        CodeBreaks.apply(dom);
        PunctuationGlue.apply(dom, widths);
        ReadingOrder.apply(dom);
        LongTexts.apply(dom);
        SiblingRuns.apply(dom);
        return dom;
    }

    /**
     * The chapters that would open on a left-hand (even) page, counting the blank pages put before earlier
     * chapters: each gets a blank page before it.
     */
    private static Set<String> blankPagesBefore(PdfBoxRenderer renderer, Book book) {
        List<PageBox> pageBoxes = renderer.getRootBox().getLayer().getPages();
        Map<String, Integer> start = new HashMap<>();
        Set<String> ids = new java.util.HashSet<>();
        book.chapters().forEach(c -> ids.add(c.id()));
        for (PagePosition<?> p : renderer.findPagePositionsByID(Pattern.compile(".+"))) {
            if (ids.contains(p.getId()) && p.getElement() instanceof Box box) {
                int page = pageOf(pageBoxes, box.getAbsY() + 1);
                if (page > 0) {
                    start.merge(p.getId(), page, Math::min);
                }
            }
        }
        Set<String> blanks = new java.util.LinkedHashSet<>();
        int inserted = 0;
        for (Chapter c : book.chapters()) {
            Integer page = start.get(c.id());
            if (page == null || !PrintDocument.opensPage(c)) {
                continue;
            }
            if ((page + inserted) % 2 == 0) {
                blanks.add(c.id());
                inserted++;
            }
        }
        return blanks;
    }

    /**
     * The renderer's settings for {@code dom}; the library's messages go to {@code messages}, because it repeats
     * a message for every box it meets (a picture it cannot read, hundreds of times): gathered, and said once
     * each with a count and the pictures named.
     */
    static PdfRendererBuilder builder(Document dom, Book book, OutputContext ctx, PdfMessages messages) {
        boolean pdfA = ctx.options().bool("pdf-a");
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        b.usePDDocument(new PageIndexedDocument());
        b.withW3cDocument(dom, SCHEME + ":///");
        b.withProducer("studybook");
        b.useUnicodeLineBreaker(NumberDots.lineBreaker());
        // Tagged PDF/UA always: reading order, alt texts, language; PDF/A-2b on request, with an sRGB intent.
        b.usePdfUaAccessibility(true);
        if (pdfA) {
            b.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_B);
            b.useColorProfile(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
        }
        for (EmbeddedFont f : ctx.fonts()) {
            boolean emoji = f.face().family().equals(FontSet.EMOJI);
            boolean fallback = FontSet.FALLBACKS.contains(f.face().family()) && f.face().file() == null;
            EnumSet<FSFontUseCase> uses = emoji ? EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.FALLBACK_FINAL)
                    : fallback ? EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.SVG, FSFontUseCase.FALLBACK_FINAL)
                    : EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.SVG);
            var supplier = FontSet.stream(f);
            // Only a face the figures never use may go without its GSUB: Batik draws their text with its own shaping.
            byte[] idle = uses.contains(FSFontUseCase.SVG) ? null : IdleSubstitutions.without(f, dom);
            if (idle != null) {
                supplier = () -> new ByteArrayInputStream(idle);
            }
            b.useFont(supplier::get, f.face().family(), f.face().weight(),
                    f.face().italic() ? FontStyle.ITALIC : FontStyle.NORMAL, true, uses);
        }
        // data: only: the sanitiser keeps a picture's embedded PNG, JPEG and GIF (draw.io's labels), checked, and
        // removes every other reference.
        b.useSVGDrawer(new SvgTextDrawer(new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE, Set.of("data")),
                ctx.fonts().stream().map(EmbeddedFont::face).toList()));
        Map<String, Asset> assets = assets(book, ctx);
        b.useProtocolsStreamImplementation(new AssetStreams(assets), SCHEME);
        FSStreamFactory refuse = url -> null;
        b.useHttpStreamImplementation(refuse);
        b.useProtocolsStreamImplementation(refuse, "file", "jar", "ftp", "http", "https", "data");
        b.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith(SCHEME + ":"),
                ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        b.withDiagnosticConsumer(messages::add);
        return b;
    }

    /**
     * The renderer {@code b} builds, measuring text with {@link CharWidths} and reading the book's SVG pictures
     * through {@link SvgDocuments}: the same output as the library's own, with less work.
     */
    static PdfBoxRenderer renderer(PdfRendererBuilder b, Book book, OutputContext ctx) {
        PdfBoxRenderer renderer = b.buildPdfRenderer();
        CharWidths.install(renderer, new WideFaces(ctx.fonts()));
        SvgDocuments.install(renderer, assets(book, ctx));
        return renderer;
    }

    /** The href of the book's asset at {@code url}, an address the renderer resolved ({@value #SCHEME}:///…). */
    static String href(String url) {
        String href = url.startsWith(SCHEME + ":") ? url.substring(SCHEME.length() + 1) : url;
        return href.replaceFirst("^/+", "");
    }

    /** The book's pictures and its cover by the href the print document gives them. */
    static Map<String, Asset> assets(Book book, OutputContext ctx) {
        Map<String, Asset> assets = new HashMap<>();
        for (Asset a : book.assets()) {
            assets.put(a.href(), a);
        }
        assets.put(ctx.cover().href(), ctx.cover());
        return assets;
    }

    /** A block of a chapter: its chapter's id and its place among the chapter's blocks. */
    record BlockRef(String chapter, int index) {
    }

    /**
     * Numbers the blocks of each chapter in document order, the way the EPUB counts them, and gives those
     * without an id one, so that the laid-out pages can be asked where each block went.
     */
    static Map<String, BlockRef> numberBlocks(Document dom) {
        Set<String> names = Set.copyOf(PageMap.BLOCKS);
        Map<String, BlockRef> out = new HashMap<>();
        for (Element section : Xml.elements(dom, XHTML, "section")) {
            if (!section.getAttribute("class").startsWith("chapter")) {
                continue;
            }
            String chapter = section.getAttribute("id");
            int[] n = {0};
            walk(section, el -> {
                if (names.contains(el.getLocalName())) {
                    String id = el.getAttribute("id");
                    if (id.isEmpty()) {
                        id = "sbp-" + chapter + "-" + n[0];
                        el.setAttribute("id", id);
                    }
                    out.put(id, new BlockRef(chapter, n[0]));
                    n[0]++;
                }
            });
        }
        return out;
    }

    private static void walk(Element el, java.util.function.Consumer<Element> visit) {
        for (org.w3c.dom.Node c = el.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                visit.accept(e);
                walk(e, visit);
            }
        }
    }

    /** For every page, the first block that starts on it. */
    static PageMap pageMap(PdfBoxRenderer renderer, Map<String, BlockRef> blocks) {
        // A block starts on the page that holds the top of its box (the renderer's own page numbers name the
        // page a block ends on when it crosses pages).
        List<PageBox> pageBoxes = renderer.getRootBox().getLayer().getPages();
        Map<String, Integer> startPage = new HashMap<>();
        for (PagePosition<?> p : renderer.findPagePositionsByID(Pattern.compile(".+"))) {
            if (blocks.containsKey(p.getId()) && p.getElement() instanceof Box box) {
                int page = pageOf(pageBoxes, box.getAbsY() + 1);
                if (page > 0) {
                    startPage.merge(p.getId(), page, Math::min);
                }
            }
        }
        Map<Integer, BlockRef> firstOnPage = new TreeMap<>();
        startPage.forEach((id, page) -> firstOnPage.merge(page, blocks.get(id), (x, y) -> order(x, y) <= 0 ? x : y));
        Map<String, List<PageMap.PageStart>> byChapter = new LinkedHashMap<>();
        firstOnPage.forEach((page, b) -> byChapter.computeIfAbsent(b.chapter(), k -> new ArrayList<>())
                .add(new PageMap.PageStart(b.index(), page)));
        return new PageMap(byChapter);
    }

    /** The 1-based number of the page whose area holds document position {@code y}, or 0. */
    static int pageOf(List<PageBox> pages, int y) {
        // The pages follow one another down the document: search, not scan (a 5,000-page book has 300,000 blocks).
        int lo = 0;
        int hi = pages.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            PageBox p = pages.get(mid);
            if (y < p.getTop()) {
                hi = mid - 1;
            } else if (y >= p.getBottom()) {
                lo = mid + 1;
            } else {
                return mid + 1;
            }
        }
        return 0;
    }

    /** Document order of two blocks: chapters by id (ch01 &lt; ch02, zero-padded), then by index. */
    private static int order(BlockRef x, BlockRef y) {
        int c = x.chapter().compareTo(y.chapter());
        return c != 0 ? c : Integer.compare(x.index(), y.index());
    }

    static String message(Diagnostic d) {
        String m = d.getFormattedMessage();
        if (m == null) {
            m = String.valueOf(d.getLogMessageId());
        }
        if (d.hasError()) {
            Throwable t = d.getError();
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            m += " (" + t + ")";
        }
        return m;
    }

    /**
     * A link to a place this document does not hold (a handout's or the self-test's link to another chapter) becomes
     * text: the PDF library would drop it anyway, with a warning per link that nobody can act on.
     */
    static void unlinkAbsentTargets(Document dom) {
        Set<String> ids = new java.util.HashSet<>();
        for (Element e : Xml.elements(dom, "*", "*")) {
            String id = e.getAttribute("id");
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        for (Element a : Xml.elements(dom, XHTML, "a")) {
            String href = a.getAttribute("href");
            if (href.startsWith("#") && !ids.contains(href.substring(1))) {
                a.removeAttribute("href");
                dom.renameNode(a, XHTML, "span");
            }
        }
    }

    static Document parse(String xhtml) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            // Layout visits every node: a DOM built at once is smaller and faster than one expanded on demand.
            f.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xhtml)));
        } catch (Exception e) {
            throw new IOException("the print document is not well-formed XHTML: " + e.getMessage(), e);
        }
    }

    /** Creation and modification dates from the build's fixed timestamp; the document id from the book. */
    static void fixDatesAndId(PDDocument pdf, Book book, OutputContext ctx) throws IOException {
        Calendar cal = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        cal.setTimeInMillis(ctx.timestamp().toEpochMilli());
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setCreationDate(cal);
        info.setModificationDate(cal);
        info.setCreator("studybook");
        byte[] first = digest(book.metadata().identifier());
        byte[] second = digest(book.metadata().identifier() + "\n" + book.visibleText());
        COSArray id = new COSArray();
        id.add(new COSString(first));
        id.add(new COSString(second));
        pdf.getDocument().getTrailer().setItem(COSName.ID, id);
    }

    private static byte[] digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[16];
            System.arraycopy(d, 0, out, 0, 16);
            return out;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A GIF's first frame as PNG: PDFBox draws a two-colour GIF as black and white (or not at all), whatever
     * its palette; the EPUB keeps the GIF, animation and all.
     */
    static byte[] firstFrame(byte[] gif) {
        try {
            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new ByteArrayInputStream(gif));
            if (img == null) {
                return gif;
            }
            java.awt.image.BufferedImage argb = new java.awt.image.BufferedImage(img.getWidth(), img.getHeight(),
                    java.awt.image.BufferedImage.TYPE_INT_ARGB);
            java.awt.Graphics2D g = argb.createGraphics();
            g.drawImage(img, 0, 0, null);
            g.dispose();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(argb, "png", out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            return gif;
        }
    }

    /**
     * The widest a PNG is drawn into the PDF, in pixels: more than 300 dpi across an A4 page's text. Wider pictures
     * are narrowed first: PDFBox compresses every pixel of a PNG again, and datawhalechina/easy-rl's 60 pictures
     * of up to 6717 × 3414 pixels kept its PDF from finishing in ten minutes. The page shows them at the same size
     * (they are wider than the page either way and fitted to it).
     */
    static final int MAX_PNG_WIDTH = 2000;

    /** A PNG at most {@link #MAX_PNG_WIDTH} pixels wide, its proportions and transparency kept. */
    static byte[] narrowed(byte[] png) {
        return dev.studybook.raster.Narrowing.png(png, MAX_PNG_WIDTH);
    }

    /** Serves the book's images to the renderer from memory. */
    private record AssetStreams(Map<String, Asset> assets) implements FSStreamFactory {
        /**
         * The bytes each picture is drawn from, by the book's asset: made once a build, however often a renderer
         * asks and however many renderers a build lays out (up to three layouts, and one per group of chapters),
         * since narrowing a 6717-pixel PNG takes a fifth of a second.
         */
        private static final Map<Asset, byte[]> DRAWN =
                java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

        @Override
        public FSStream getUrl(String url) {
            Asset a = assets.get(href(url));
            if (a == null) {
                return null;
            }
            byte[] data = a.mediaType().equals("image/gif") || a.mediaType().equals("image/png")
                    ? DRAWN.computeIfAbsent(a, k -> k.mediaType().equals("image/gif") ? firstFrame(k.data())
                            : narrowed(k.data()))
                    : a.data();
            return new FSStream() {
                @Override
                public InputStream getStream() {
                    return new ByteArrayInputStream(data);
                }

                @Override
                public Reader getReader() {
                    return new InputStreamReader(new ByteArrayInputStream(data), StandardCharsets.UTF_8);
                }
            };
        }
    }
}
