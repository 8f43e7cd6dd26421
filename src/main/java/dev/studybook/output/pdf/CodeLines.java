package dev.studybook.output.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * Sets each line of a code block as a block of its own. A line too long for the page wraps with a hanging
 * indent, its continuation four columns deeper than the line's own indentation, so that it cannot be taken for
 * a line of its own; a page break falls between lines only, never leaving the box's padding alone at a page's
 * foot or head (the padding belongs to the first and last lines, the grey background and rule to every line, none
 * to the block); the first and last two lines of a long block
 * stay together. Highlighting spans that cross a line end are cut in two; no character is added or removed.
 */
final class CodeLines {

    /** The class of a line. */
    static final String LINE = "cl";
    /** The class of the first or last lines of a block, kept on one page. */
    static final String GROUP = "cl-group";
    /** Columns by which a wrapped line's continuation is indented beyond the line's own indentation. */
    static final int HANGING = 4;
    /** The advance of a monospace column, in em. */
    static final double COLUMN_EM = 0.6;
    /**
     * The box's left padding, in em: the lines carry the box's background, border and padding (pdf.css), the
     * block itself none, so that a block whose first lines go to the next page leaves no empty grey box behind.
     */
    static final double PADDING_EM = 0.8;
    /** Lines kept together at either end of a block (orphans and widows). */
    static final int KEEP = 2;

    private CodeLines() {
    }

    static void apply(Document doc) {
        List<Element> pres = new ArrayList<>();
        collect(doc.getDocumentElement(), pres);
        for (Element pre : pres) {
            split(doc, pre);
        }
    }

    private static void split(Document doc, Element pre) {
        // The code element that holds the text, if any: lines go inside it, so that it stays one code element.
        Element holder = pre;
        if (onlyElementChild(pre) instanceof Element c && "code".equals(c.getLocalName())) {
            holder = c;
        }
        List<Element> lines = new ArrayList<>();
        Element line = newLine(doc, holder);
        lines.add(line);
        List<Node> children = new ArrayList<>();
        for (Node c = holder.getFirstChild(); c != null; c = c.getNextSibling()) {
            children.add(c);
        }
        for (Node c : children) {
            holder.removeChild(c);
            line = append(doc, holder, c, line, new ArrayList<>(), lines);
        }
        // The text's final line end leaves an empty last line: it is the end of the block, not a line of it.
        if (lines.size() > 1 && lines.get(lines.size() - 1).getTextContent().isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        for (int i = 0; i < lines.size(); i++) {
            Element l = lines.get(i);
            String text = l.getTextContent();
            int indent = 0;
            while (indent < text.length() && text.charAt(indent) == ' ') {
                indent++;
            }
            l.setAttribute("style", style(indent));
            String cls = LINE + (i == 0 ? " cl-first" : "") + (i == lines.size() - 1 ? " cl-last" : "")
                    + (text.isEmpty() ? " cl-empty" : "");
            l.setAttribute("class", cls);
        }
        int n = lines.size();
        if (n <= 2 * KEEP) {
            holder.appendChild(group(doc, holder, lines));
            return;
        }
        Element head = group(doc, holder, lines.subList(0, KEEP));
        Element tail = group(doc, holder, lines.subList(n - KEEP, n));
        holder.appendChild(head);
        for (Element l : lines.subList(KEEP, n - KEEP)) {
            holder.appendChild(l);
        }
        holder.appendChild(tail);
    }

    /**
     * The style of a line indented {@code indent} columns, made once per indentation: formatting it for each line
     * was 2 % of the CPU time of the 1 MB book's PDF (12,000 code lines, a few dozen indentations).
     */
    private static String style(int indent) {
        if (indent < STYLES.length()) {
            String known = STYLES.get(indent);
            if (known != null) {
                return known;
            }
        }
        double hang = (indent + HANGING) * COLUMN_EM;
        String made = String.format(Locale.ROOT, "padding-left:%.2fem;text-indent:-%.2fem", PADDING_EM + hang, hang);
        if (indent < STYLES.length()) {
            STYLES.set(indent, made);
        }
        return made;
    }

    /** The styles made so far, by indentation (shared by the threads that lay out groups of chapters). */
    private static final java.util.concurrent.atomic.AtomicReferenceArray<String> STYLES =
            new java.util.concurrent.atomic.AtomicReferenceArray<>(64);

    /** Puts the lines in a block that is not split across pages. */
    private static Element group(Document doc, Element holder, List<Element> lines) {
        Element g = doc.createElementNS(holder.getNamespaceURI(), "span");
        g.setAttribute("class", GROUP);
        for (Element l : lines) {
            g.appendChild(l);
        }
        return g;
    }

    /**
     * Appends {@code node} (with the inline elements {@code open} it sits in, outermost first) to the current line,
     * starting new lines at each line end of its text; returns the line that is current afterwards.
     */
    private static Element append(Document doc, Element holder, Node node, Element line, List<Element> open,
            List<Element> lines) {
        if (node instanceof Text t) {
            String s = t.getData();
            int start = 0;
            int nl;
            while ((nl = s.indexOf('\n', start)) >= 0) {
                put(doc, line, open, s.substring(start, nl));
                line = newLine(doc, holder);
                lines.add(line);
                start = nl + 1;
            }
            put(doc, line, open, s.substring(start));
            return line;
        }
        if (node instanceof Element e) {
            if (!e.getTextContent().contains("\n")) {
                target(doc, line, open).appendChild(e);
                return line;
            }
            List<Element> inner = new ArrayList<>(open);
            inner.add(e);
            List<Node> children = new ArrayList<>();
            for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                children.add(c);
            }
            for (Node c : children) {
                line = append(doc, holder, c, line, inner, lines);
            }
        }
        return line;
    }

    private static void put(Document doc, Element line, List<Element> open, String s) {
        if (!s.isEmpty()) {
            target(doc, line, open).appendChild(doc.createTextNode(s));
        }
    }

    /** The element of the current line that stands for the innermost open element, made when missing. */
    private static Element target(Document doc, Element line, List<Element> open) {
        Element at = line;
        for (Element o : open) {
            Element last = at.getLastChild() instanceof Element l && l.getUserData(ORIGINAL) == o ? l : null;
            if (last == null) {
                last = (Element) o.cloneNode(false);
                last.removeAttribute("id");
                last.setUserData(ORIGINAL, o, null);
                at.appendChild(last);
            }
            at = last;
        }
        return at;
    }

    private static final String ORIGINAL = "studybook.original";

    private static Element newLine(Document doc, Element holder) {
        return doc.createElementNS(holder.getNamespaceURI(), "span");
    }

    private static Node onlyElementChild(Element el) {
        Node only = null;
        for (Node c = el.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element) {
                if (only != null) {
                    return null;
                }
                only = c;
            } else if (c instanceof Text t && !t.getData().isBlank()) {
                return null;
            }
        }
        return only;
    }

    private static void collect(Element el, List<Element> out) {
        for (Node c = el.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                if ("pre".equals(e.getLocalName())) {
                    out.add(e);
                } else if (!"head".equals(e.getLocalName())) {
                    collect(e, out);
                }
            }
        }
    }
}
