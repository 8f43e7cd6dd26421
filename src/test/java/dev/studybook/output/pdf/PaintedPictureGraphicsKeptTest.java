package dev.studybook.output.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openhtmltopdf.extend.SVGDrawer;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGImage;
import com.openhtmltopdf.svgsupport.PDFTranscoder;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * Regression: every formula and SVG picture of the book kept, until the whole PDF was written, what Batik built to
 * paint it (the picture's SVG as Batik's DOM, each path's segments parsed, and its graphics tree), though Batik builds
 * them again whenever it paints the picture: datawhalechina/pumpkin-book's 2,847 formulas held 1.0 GB at the end of
 * its PDF, which then stopped with "out of memory" under the launcher's 768 MB heap.
 */
class PaintedPictureGraphicsKeptTest {

    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\" "
            + "viewBox=\"0 0 40 20\"><path d=\"M0 0Q20 20 40 0Z\"/><rect x=\"1\" y=\"1\" width=\"5\" height=\"5\"/></svg>";

    @Test
    void picturesHoldNoGraphicsTreeOnceThePdfIsWritten() throws Exception {
        List<SVGDrawer.SVGImage> built = new ArrayList<>();
        SvgTextDrawer drawer = new SvgTextDrawer(new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE,
                BatikSVGDrawer.SvgExternalResourceMode.SECURE), List.of());
        // The drawer as the renderer sees it, keeping each picture it builds.
        SVGDrawer recording = (SVGDrawer) Proxy.newProxyInstance(SVGDrawer.class.getClassLoader(),
                new Class<?>[] {SVGDrawer.class}, (proxy, method, args) -> {
                    Object result = method.invoke(drawer, args);
                    if (result instanceof SVGDrawer.SVGImage image) {
                        built.add(image);
                    }
                    return result;
                });
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        b.useSVGDrawer(recording);
        b.withW3cDocument(PdfLayout.parse("<html xmlns=\"" + PdfLayout.XHTML + "\"><head><title>t</title></head><body>"
                + "<p>one " + SVG + " two " + SVG + "</p><p>three " + SVG + "</p></body></html>"), "");
        b.toStream(new ByteArrayOutputStream());
        try (PdfBoxRenderer renderer = b.buildPdfRenderer()) {
            renderer.layout();
            renderer.createPDF();
            List<PDFTranscoder> transcoders = new ArrayList<>();
            for (SVGDrawer.SVGImage image : built) {
                transcoders.add(transcoder(image));
            }
            assertEquals(3, transcoders.size(), "three pictures laid out");
            for (PDFTranscoder t : transcoders) {
                assertFalse(t.hasGraphicsNode(), "a painted picture still holds Batik's graphics tree");
            }
        }
    }

    @Test
    void pictureLetGoIsPaintedAgainTheSame() throws Exception {
        // Painted twice by one renderer (a picture across a page break is painted on both pages): the second time
        // Batik builds it again from the picture's element, as it always did.
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        b.useSVGDrawer(new SvgTextDrawer(new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE,
                BatikSVGDrawer.SvgExternalResourceMode.SECURE), List.of()));
        String tall = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"1400\" viewBox=\"0 0 400 1400\">"
                + "<path d=\"M0 0H400V1400H0Z\"/></svg>";
        b.withW3cDocument(PdfLayout.parse("<html xmlns=\"" + PdfLayout.XHTML + "\"><head><title>t</title></head><body>"
                + tall + "</body></html>"), "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        b.toStream(out);
        b.run();
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            assertTrue(doc.getNumberOfPages() >= 2, "the picture runs onto a second page");
            PDFRenderer pages = new PDFRenderer(doc);
            for (int i = 0; i < 2; i++) {
                BufferedImage page = pages.renderImage(i, 0.25f);
                int dark = 0;
                for (int y = 0; y < page.getHeight(); y++) {
                    for (int x = 0; x < page.getWidth(); x++) {
                        if ((page.getRGB(x, y) & 0xff) < 64) {
                            dark++;
                        }
                    }
                }
                assertTrue(dark > page.getWidth() * page.getHeight() / 10, "page " + (i + 1) + " shows the picture: "
                        + dark + " dark pixels");
            }
        }
    }

    /** The Batik transcoder behind a picture the drawer built. */
    private static PDFTranscoder transcoder(SVGDrawer.SVGImage image) throws ReflectiveOperationException {
        Object inner = image;
        while (!(inner instanceof BatikSVGImage)) {
            Method accessor = inner.getClass().getRecordComponents()[0].getAccessor();
            accessor.setAccessible(true);
            inner = accessor.invoke(inner);
        }
        Field f = BatikSVGImage.class.getDeclaredField("pdfTranscoder");
        f.setAccessible(true);
        return (PDFTranscoder) f.get(inner);
    }
}
