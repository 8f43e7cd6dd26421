package dev.studybook.output.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.UserAgentCallback;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.resource.XMLResource;
import dev.studybook.model.Asset;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The renderer parsed each SVG picture again in every layout (content/'s 41 diagrams, twice: 3–4 % of its PDF's CPU
 * time); SvgDocuments hands out copies of the first parse instead. A use changes its document (the renderer copies the
 * image's class onto it, Batik writes its size), so every later use, in the same layout or the next one, must get the
 * picture as the library parses it, unchanged by earlier uses.
 */
class SvgDocumentsTest {

    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 20 10\">"
            + "<!-- a comment --><style>.a { fill: #123456; }</style>\n  <rect class=\"a\" width=\"5\" height=\"5\"/>"
            + "<text x=\"1\" y=\"9\" font-size=\"4\">图 1</text></svg>";

    private static PdfBoxRenderer renderer(Asset picture) throws IOException {
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        b.withW3cDocument(PdfLayout.parse("<html xmlns=\"" + PdfLayout.XHTML
                + "\"><head><title>t</title></head><body><p>x</p></body></html>"), PdfLayout.SCHEME + ":///");
        b.useProtocolsStreamImplementation(url -> PdfLayout.href(url).equals(picture.href()) ? new FSStream() {
            @Override
            public InputStream getStream() {
                return new ByteArrayInputStream(picture.data());
            }

            @Override
            public Reader getReader() {
                return new InputStreamReader(getStream(), StandardCharsets.UTF_8);
            }
        } : null, PdfLayout.SCHEME);
        b.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith(PdfLayout.SCHEME + ":"),
                ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        return b.buildPdfRenderer();
    }

    private static String xml(Document doc) throws Exception {
        StringWriter out = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
        return out.toString();
    }

    @Test
    void everyUseGetsThePictureAsTheLibraryParsesIt() throws Exception {
        Asset picture = new Asset("images/fig.svg", "image/svg+xml", Path.of("images/fig.svg"),
                SVG.getBytes(StandardCharsets.UTF_8));
        String asParsed;
        try (PdfBoxRenderer library = renderer(picture)) {
            asParsed = xml(library.getSharedContext().getUserAgentCallback()
                    .getXMLResource(picture.href(), ExternalResourceType.XML_SVG).getDocument());
        }
        // Two layouts, as a book's PDF does: the second renderer gets copies of what the first one parsed.
        Document previous = null;
        for (int layout = 0; layout < 2; layout++) {
            try (PdfBoxRenderer renderer = SvgDocuments.install(renderer(picture), Map.of(picture.href(), picture))) {
                UserAgentCallback uac = renderer.getSharedContext().getUserAgentCallback();
                for (int use = 0; use < 2; use++) {
                    XMLResource r = uac.getXMLResource(picture.href(), ExternalResourceType.XML_SVG);
                    assertNotNull(r);
                    Document doc = r.getDocument();
                    assertNotSame(previous, doc);
                    assertEquals(asParsed, xml(doc), "layout " + layout + ", use " + use);
                    Element root = doc.getDocumentElement();
                    assertFalse(root.hasAttribute("width"));
                    // What the renderer and Batik do to the document they are given.
                    root.setAttribute("class", "figure-" + use);
                    root.setAttribute("width", "160");
                    root.setAttribute("height", "80");
                    previous = doc;
                }
            }
        }
    }
}
