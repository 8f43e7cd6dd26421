package dev.studybook.output.pdf;

import com.openhtmltopdf.extend.UserAgentCallback;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.resource.CSSResource;
import com.openhtmltopdf.resource.ImageResource;
import com.openhtmltopdf.resource.XMLResource;
import dev.studybook.model.Asset;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * The renderer's user agent, handing out each SVG picture of the book ({@code <img src="….svg">}) as a copy of the
 * document the library parsed from it the first time, instead of parsing it again in every layout.
 *
 * <p>OpenHTMLtoPDF parses an SVG picture each time a layout meets it, through a new SAX parser and an identity
 * transformer (with their factories looked up and configured each time): content/'s 41 diagrams, laid out twice,
 * cost 3–4 % of its PDF's CPU time. The picture's document is changed by its use (the renderer copies the image's
 * class onto it, Batik writes its size on it), so each use gets a deep copy of the document as parsed, taken before
 * any change. Only what the library itself loaded is kept, and every other request goes to it as before.
 */
final class SvgDocuments implements UserAgentCallback {

    /** Each picture's document as parsed, by the book's asset (the book's own pictures stay the same in a build). */
    private static final Map<Asset, Document> PARSED = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Constructor<XMLResource> RESOURCE = resourceConstructor();
    private static final Method SET_DOCUMENT = setDocumentMethod();

    private final UserAgentCallback library;
    private final Map<String, Asset> assets;

    private SvgDocuments(UserAgentCallback library, Map<String, Asset> assets) {
        this.library = library;
        this.assets = assets;
    }

    /** Makes {@code renderer} read the SVG pictures of {@code assets} (by href) through a new instance. */
    static PdfBoxRenderer install(PdfBoxRenderer renderer, Map<String, Asset> assets) {
        if (RESOURCE != null && SET_DOCUMENT != null) {
            SharedContext shared = renderer.getSharedContext();
            shared.setUserAgentCallback(new SvgDocuments(shared.getUserAgentCallback(), assets));
        }
        return renderer;
    }

    @Override
    public XMLResource getXMLResource(String uri, ExternalResourceType type) {
        String resolved = type == ExternalResourceType.XML_SVG ? library.resolveURI(uri) : null;
        Asset asset = resolved == null ? null : assets.get(PdfLayout.href(resolved));
        if (asset == null) {
            return library.getXMLResource(uri, type);
        }
        Document parsed = PARSED.get(asset);
        if (parsed == null) {
            XMLResource loaded = library.getXMLResource(uri, type);
            if (loaded != null && loaded.getDocument() != null) {
                PARSED.put(asset, (Document) loaded.getDocument().cloneNode(true));
            }
            return loaded;
        }
        Document copy;
        // Reading a DOM is not safe on two threads at once (its node lists keep caches); groups are laid out on two.
        synchronized (parsed) {
            copy = (Document) parsed.cloneNode(true);
        }
        try {
            XMLResource resource = RESOURCE.newInstance(new InputSource(new StringReader("")));
            SET_DOCUMENT.invoke(resource, copy);
            return resource;
        } catch (ReflectiveOperationException e) {
            return library.getXMLResource(uri, type);
        }
    }

    @Override
    public CSSResource getCSSResource(String uri, ExternalResourceType type) {
        return library.getCSSResource(uri, type);
    }

    @Override
    public ImageResource getImageResource(String uri, ExternalResourceType type) {
        return library.getImageResource(uri, type);
    }

    @Override
    public byte[] getBinaryResource(String uri, ExternalResourceType type) {
        return library.getBinaryResource(uri, type);
    }

    @Override
    public boolean isVisited(String uri) {
        return library.isVisited(uri);
    }

    @Override
    public void setBaseURL(String url) {
        library.setBaseURL(url);
    }

    @Override
    public String getBaseURL() {
        return library.getBaseURL();
    }

    @Override
    public String resolveURI(String uri) {
        return library.resolveURI(uri);
    }

    @Override
    public String resolveUri(String baseUri, String uri) {
        return library.resolveUri(baseUri, uri);
    }

    /** The library's resource holding a given document: it makes them only by parsing. Null if it has no such. */
    private static Constructor<XMLResource> resourceConstructor() {
        try {
            Constructor<XMLResource> c = XMLResource.class.getDeclaredConstructor(InputSource.class);
            c.setAccessible(true);
            return c;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Method setDocumentMethod() {
        try {
            Method m = XMLResource.class.getDeclaredMethod("setDocument", Document.class);
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
