package dev.studybook.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Xml.elements lists what the DOM's getElementsByTagNameNS lists, in the same order, from one walk of its own. */
class XmlElementsTest {

    private static final String XHTML = """
            <html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head>
            <body><p id="a">one <code>x</code></p><div><p id="b">two</p><table><tr><td><p id="c">in a cell</p></td></tr>
            </table><svg xmlns="http://www.w3.org/2000/svg"><text>label</text><p id="svg-p"/></svg></div>
            <p id="d"><img src="x.png" alt=""/></p><!-- a comment --><p id="e"/></body></html>
            """;

    private static Document parse() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(XHTML)));
    }

    private static List<Element> live(Document doc, String ns, String name) {
        NodeList list = doc.getElementsByTagNameNS(ns, name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    @Test
    void sameElementsInTheSameOrderAsTheDomLists() throws Exception {
        Document doc = parse();
        for (String[] q : new String[][] {{"*", "p"}, {"*", "*"}, {"*", "img"}, {"*", "table"},
                {"http://www.w3.org/1999/xhtml", "p"}, {"http://www.w3.org/2000/svg", "*"}, {"*", "nothing"}}) {
            assertEquals(live(doc, q[0], q[1]), Xml.elements(doc, q[0], q[1]), q[0] + " " + q[1]);
        }
        List<String> ids = Xml.elements(doc, "*", "p").stream().map(e -> e.getAttribute("id")).toList();
        assertEquals(List.of("a", "b", "c", "svg-p", "d", "e"), ids);
    }

    @Test
    void aChangedDocumentIsListedAsItIsNow() throws Exception {
        Document doc = parse();
        Element first = Xml.elements(doc, "*", "p").get(0);
        first.getParentNode().removeChild(first);
        assertEquals(List.of("b", "c", "svg-p", "d", "e"),
                Xml.elements(doc, "*", "p").stream().map(e -> e.getAttribute("id")).toList());
    }
}
