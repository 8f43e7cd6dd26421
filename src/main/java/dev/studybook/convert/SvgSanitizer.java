package dev.studybook.convert;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Makes an SVG file safe to put in a book: no DOCTYPE (read, never loaded, not written back), no external
 * entities, no scripts, no event handlers, no foreign objects, and no references to anything outside the file.
 */
final class SvgSanitizer {
    /** The JDK's limits on entity expansion (jdk.xml.* properties), far below its defaults: a picture needs few. */
    static final String ENTITY_EXPANSION_LIMIT = "jdk.xml.entityExpansionLimit";
    static final String TOTAL_ENTITY_SIZE_LIMIT = "jdk.xml.totalEntitySizeLimit";

    private SvgSanitizer() {
    }

    /** The cleaned SVG; throws {@link IllegalArgumentException} with a reason when it is not usable SVG. */
    static byte[] sanitize(byte[] svg) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            // Graphviz, Batik and Illustrator write a DOCTYPE: it is read but nothing it names is loaded (no
            // external DTD or entity), entities declared inside it expand within tight limits, and the DOCTYPE
            // itself is not written back.
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(true);
            f.setValidating(false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setAttribute(ENTITY_EXPANSION_LIMIT, "200");
            f.setAttribute(TOTAL_ENTITY_SIZE_LIMIT, "100000");
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            // Anything the parser still asked for would come from outside the file: it gets nothing.
            b.setEntityResolver((publicId, systemId) -> new org.xml.sax.InputSource(new java.io.StringReader("")));
            doc = b.parse(new ByteArrayInputStream(svg));
        } catch (Exception e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IllegalArgumentException(msg.contains("entity") || msg.contains("JAXP")
                    ? "its DOCTYPE declares entities that expand beyond what a picture needs" : "it is not well-formed XML: " + msg);
        }
        Element root = doc.getDocumentElement();
        if (!"svg".equals(root.getLocalName()) || !"http://www.w3.org/2000/svg".equals(root.getNamespaceURI())) {
            throw new IllegalArgumentException("its root element is not <svg xmlns=\"http://www.w3.org/2000/svg\">");
        }
        clean(root);
        try {
            Transformer t = TransformerFactory.newDefaultInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream(svg.length);
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalArgumentException("it cannot be written back: " + e.getMessage());
        }
    }

    /** True when the element's href (or xlink:href) is a reference inside the same file, "#id". */
    private static boolean localReference(Element el) {
        String href = el.getAttributeNS("http://www.w3.org/1999/xlink", "href");
        if (href.isEmpty()) {
            href = el.getAttribute("href");
        }
        return href.strip().startsWith("#");
    }

    private static void clean(Element el) {
        List<Node> remove = new ArrayList<>();
        NodeList children = el.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node c = children.item(i);
            if (c instanceof Element child) {
                String name = child.getLocalName() == null ? child.getNodeName() : child.getLocalName();
                String n = name.toLowerCase(Locale.ROOT);
                if (n.equals("script") || n.equals("foreignobject") || n.equals("iframe") || n.equals("handler")
                        || n.equals("listener")) {
                    remove.add(child);
                } else if ((n.equals("image") || n.equals("feimage") || n.equals("use")) && !localReference(child)) {
                    // A picture of something outside the file: never fetched, and without it the element is
                    // invalid (Batik refuses to draw the whole SVG).
                    remove.add(child);
                } else {
                    clean(child);
                }
            } else if (c.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE || c.getNodeType() == Node.ENTITY_REFERENCE_NODE) {
                remove.add(c);
            }
        }
        remove.forEach(el::removeChild);
        NamedNodeMap attrs = el.getAttributes();
        List<Attr> drop = new ArrayList<>();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            String local = a.getLocalName() == null ? a.getName() : a.getLocalName();
            String v = a.getValue().strip().toLowerCase(Locale.ROOT);
            boolean external = local.equals("href") && !v.startsWith("#");
            if (local.toLowerCase(Locale.ROOT).startsWith("on") || external || v.startsWith("javascript:")
                    || v.contains("url(http") || v.contains("url(//") || v.contains("url(file")) {
                drop.add(a);
            }
        }
        drop.forEach(el::removeAttributeNode);
        if ("style".equalsIgnoreCase(el.getLocalName())) {
            String css = el.getTextContent().toLowerCase(Locale.ROOT);
            if (css.contains("@import") || css.contains("url(")) {
                el.getParentNode().removeChild(el);
            }
        }
    }
}
