package dev.studybook.testing;

import dev.studybook.markdown.MarkdownRenderer;
import dev.studybook.xhtml.BookLinker;
import dev.studybook.xhtml.CleanChapter;
import dev.studybook.xhtml.References;
import dev.studybook.xhtml.XhtmlCleaner;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.xml.sax.InputSource;

/** Converts a Markdown snippet as one chapter, with links and images answered simply, for unit tests. */
public final class Snippets {
    private Snippets() {
    }

    /** Warnings the snippet's conversion gave, "line: message". */
    public static final class Warnings extends ArrayList<String> {
    }

    /** A chapter of n paragraphs with one footnote reference each ("Text[^k].", from line 3), then the n notes. */
    public static String footnotes(int n) {
        StringBuilder s = new StringBuilder("# Notes\n\n");
        for (int k = 0; k < n; k++) {
            s.append("Text[^").append(k).append("].\n\n");
        }
        for (int k = 0; k < n; k++) {
            s.append("[^").append(k).append("]: Note ").append(k).append(".\n");
        }
        return s.toString();
    }

    /** A chapter titled "Same" with n sections all headed "## Same" (section k's heading on line 3 + 4 * k). */
    public static String sameHeadings(int n) {
        return "# Same\n\n" + "## Same\n\ntext\n\n".repeat(n);
    }

    public static String xhtml(String markdown) {
        return xhtml(markdown, new Warnings());
    }

    public static String xhtml(String markdown, Warnings warnings) {
        CleanChapter c = XhtmlCleaner.clean(MarkdownRenderer.toHtml(markdown), references(warnings));
        List<BookLinker.LinkedChapter> linked = BookLinker.link(List.of(c), List.of("ch01"), Set.of(),
                (i, line, m) -> warnings.add(line + ": " + m));
        return linked.get(0).body().xhtml(dev.studybook.model.ChapterBody.FILE_LINKS);
    }

    /** Links and images answered simply: #x in the chapter, other.md as ch02, http as external, images/ as local. */
    public static References references(Warnings warnings) {
        return new References() {
            @Override
            public LinkDestination link(String href, int line) {
                if (href.startsWith("#")) {
                    return new SameChapter(href.substring(1));
                }
                if (href.startsWith("http")) {
                    return new External(href);
                }
                if (href.startsWith("other.md")) {
                    int h = href.indexOf('#');
                    return new OtherChapter("ch02", h < 0 ? "" : href.substring(h + 1));
                }
                warnings.add(line + ": link " + href);
                return new Unlinked();
            }

            @Override
            public ImageSource image(String src, int line) {
                if (src.startsWith("http")) {
                    return new RemoteImage(src);
                }
                if (src.startsWith("missing")) {
                    warnings.add(line + ": image " + src);
                    return new MissingImage();
                }
                // As the asset registry does: an ASCII name inside the book.
                return new LocalImage("images/" + (src.matches("[A-Za-z0-9._-]+") ? src
                        : "img-" + Integer.toHexString(src.hashCode()) + ".png"));
            }

            @Override
            public void warn(int line, dev.studybook.error.Diagnostics.Kind kind, String message) {
                warnings.add(line + ": " + message);
            }
        };
    }

    /** Throws unless the fragment is well-formed XML (wrapped in one XHTML element). */
    public static void assertWellFormed(String xhtml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            b.parse(new InputSource(new StringReader("<div xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\">" + xhtml + "</div>")));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XHTML: " + e.getMessage() + "\n" + xhtml, e);
        }
    }
}
