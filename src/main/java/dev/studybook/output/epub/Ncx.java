package dev.studybook.output.epub;

import dev.studybook.model.Metadata;
import dev.studybook.output.Xml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Mends what epub4j's NCX gets wrong for EPUBCheck and older readers: the identifier is named
 * {@code dtb:UUID} instead of {@code dtb:uid}; each author gets a docAuthor reading "name, "; and nav points
 * that lead to the same place (a part and its first chapter) get different playOrder values.
 */
final class Ncx {
    private static final String NS = "http://www.daisy.org/z3986/2005/ncx/";

    private Ncx() {
    }

    static byte[] fix(byte[] ncx, Metadata meta) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(ncx));
            for (Element m : Xml.elements(doc, NS, "meta")) {
                if (m.getAttribute("name").equals("dtb:UUID")) {
                    m.setAttribute("name", "dtb:uid");
                }
            }
            NodeList authors = doc.getElementsByTagNameNS(NS, "docAuthor");
            Node after = doc.getElementsByTagNameNS(NS, "docTitle").item(0);
            for (int i = authors.getLength() - 1; i >= 0; i--) {
                authors.item(i).getParentNode().removeChild(authors.item(i));
            }
            if (!meta.authors().isEmpty() && after != null) {
                Element author = doc.createElementNS(NS, "docAuthor");
                Element text = doc.createElementNS(NS, "text");
                text.setTextContent(meta.authorLine());
                author.appendChild(text);
                after.getParentNode().insertBefore(author, after.getNextSibling());
            }
            // Same target, same playOrder; otherwise numbered in document order.
            Map<String, Integer> orderBySrc = new HashMap<>();
            int next = 0;
            for (Element p : Xml.elements(doc, NS, "navPoint")) {
                String src = content(p);
                Integer order = orderBySrc.get(src);
                if (order == null) {
                    order = ++next;
                    orderBySrc.put(src, order);
                }
                p.setAttribute("playOrder", Integer.toString(order));
            }
            Transformer t = TransformerFactory.newDefaultInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream(ncx.length);
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IOException("cannot write the NCX: " + e.getMessage(), e);
        }
    }

    private static String content(Element navPoint) {
        for (Node c = navPoint.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && "content".equals(e.getLocalName())) {
                return e.getAttribute("src");
            }
        }
        return "";
    }
}
