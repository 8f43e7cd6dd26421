package dev.studybook.pdf;

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
import dev.studybook.render.RenderContext;
import dev.studybook.render.Renderer;
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
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Lays the book out as a PDF with OpenHTMLtoPDF: the same chapter XHTML as the EPUB in one document, the
 * book's subset fonts embedded, images served from memory (nothing is fetched from disk or network), and a
 * fixed date and document id so that the same book gives the same bytes.
 */
public final class PdfRenderer implements Renderer {

    /** The scheme under which the renderer sees the book's images. */
    static final String SCHEME = "book";

    private final PrintDocument.Mode mode;

    /** The whole book: title page, contents, chapters. */
    public PdfRenderer() {
        this(PrintDocument.Mode.BOOK);
    }

    private PdfRenderer(PrintDocument.Mode mode) {
        this.mode = mode;
    }

    /** A handout: a title line and the book's chapters (usually one, with its sub-chapters), page numbers. */
    public static PdfRenderer handout() {
        return new PdfRenderer(PrintDocument.Mode.HANDOUT);
    }

    /** A review sheet: the book's chapters are review sections, gathered compactly under their titles. */
    public static PdfRenderer review() {
        return new PdfRenderer(PrintDocument.Mode.REVIEW);
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

    @Override
    public String name() {
        return "pdf";
    }

    @Override
    public String extension() {
        return "pdf";
    }

    @Override
    public void render(RenderContext ctx, OutputStream out) throws IOException {
        Book book = ctx.book();
        String xhtml = PrintDocument.build(book, ctx.styles(), ctx.labels(), ctx.options(), mode);
        Document dom = parse(xhtml);
        relinkChapters(dom, book);
        PunctuationGlue.apply(dom);

        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        b.withW3cDocument(dom, SCHEME + ":///");
        b.withProducer("studybook");
        // Tagged PDF/UA always: reading order, alt texts, language; PDF/A-2b on request, with an sRGB intent.
        b.usePdfUaAccessibility(true);
        if (ctx.options().pdfA()) {
            b.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_B);
            b.useColorProfile(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
        }
        for (EmbeddedFont f : ctx.fonts()) {
            boolean emoji = f.face().family().contains("Emoji");
            EnumSet<FSFontUseCase> uses = emoji ? EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.FALLBACK_FINAL)
                    : EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.SVG);
            var supplier = FontSet.stream(f);
            b.useFont(supplier::get, f.face().family(), f.face().weight(),
                    f.face().italic() ? FontStyle.ITALIC : FontStyle.NORMAL, true, uses);
        }
        b.useSVGDrawer(new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE,
                BatikSVGDrawer.SvgExternalResourceMode.SECURE));
        Map<String, Asset> assets = new HashMap<>();
        for (Asset a : book.assets()) {
            assets.put(a.href(), a);
        }
        b.useProtocolsStreamImplementation(new AssetStreams(assets), SCHEME);
        FSStreamFactory refuse = url -> null;
        b.useHttpStreamImplementation(refuse);
        b.useProtocolsStreamImplementation(refuse, "file", "jar", "ftp", "http", "https", "data");
        b.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith(SCHEME + ":"),
                ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        b.withDiagnosticConsumer(d -> {
            if (d.getLevel().intValue() >= Level.WARNING.intValue()) {
                ctx.diagnostics().warn(null, "PDF: " + message(d));
            }
        });
        try (PdfBoxRenderer renderer = b.buildPdfRenderer()) {
            renderer.layout();
            PDDocument pdf = renderer.createPDFKeepOpen();
            fixDatesAndId(pdf, ctx);
            pdf.save(out);
            pdf.close();
        }
    }

    private static String message(Diagnostic d) {
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

    /** In one document, a link to {@code ch03.xhtml#x} is a link to {@code #x}, and {@code ch03.xhtml} to {@code #ch03}. */
    private static void relinkChapters(Document dom, Book book) {
        Map<String, String> files = new HashMap<>();
        for (Chapter c : book.chapters()) {
            files.put(c.fileName(), c.id());
        }
        NodeList anchors = dom.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "a");
        for (int i = 0; i < anchors.getLength(); i++) {
            Element a = (Element) anchors.item(i);
            String href = a.getAttribute("href");
            int hash = href.indexOf('#');
            String file = hash < 0 ? href : href.substring(0, hash);
            String id = files.get(file);
            if (id != null) {
                a.setAttribute("href", hash < 0 ? "#" + id : href.substring(hash));
            }
        }
    }

    private static Document parse(String xhtml) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xhtml)));
        } catch (Exception e) {
            throw new IOException("the print document is not well-formed XHTML: " + e.getMessage(), e);
        }
    }

    /** Creation and modification dates from the build's fixed timestamp; the document id from the book. */
    private static void fixDatesAndId(PDDocument pdf, RenderContext ctx) throws IOException {
        Calendar cal = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        cal.setTimeInMillis(ctx.timestamp().toEpochMilli());
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setCreationDate(cal);
        info.setModificationDate(cal);
        info.setCreator("studybook");
        byte[] first = digest(ctx.book().metadata().identifier());
        byte[] second = digest(ctx.book().metadata().identifier() + "\n" + ctx.book().visibleText());
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

    /** Serves the book's images to the renderer from memory. */
    private record AssetStreams(Map<String, Asset> assets) implements FSStreamFactory {
        @Override
        public FSStream getUrl(String url) {
            String href = url.startsWith(SCHEME + ":") ? url.substring(SCHEME.length() + 1) : url;
            href = href.replaceFirst("^/+", "");
            Asset a = assets.get(href);
            if (a == null) {
                return null;
            }
            byte[] data = a.data();
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
