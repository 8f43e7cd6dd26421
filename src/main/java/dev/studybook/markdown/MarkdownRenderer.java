package dev.studybook.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

/**
 * Converts one chapter's Markdown to HTML (not yet XHTML): the only place chapters are parsed. Blocks carry
 * {@code data-sb-line} attributes and raw HTML is preceded by {@code <!--sb-line:N-->} comments, so that
 * the XHTML stage can name source lines.
 */
public final class MarkdownRenderer {

    /** The attribute that carries a block's 1-based source line. */
    public static final String LINE_ATTRIBUTE = StudybookHtmlExtension.LINE_ATTRIBUTE;
    /** The attribute that marks TeX math ({@code inline} or {@code display}); the element's text is the TeX. */
    public static final String MATH_ATTRIBUTE = StudybookHtmlExtension.MATH_ATTRIBUTE;
    /** The attribute that marks a code block that may be drawn as a diagram; its value is the fence's language. */
    public static final String DIAGRAM_ATTRIBUTE = StudybookHtmlExtension.DIAGRAM_ATTRIBUTE;
    /** The prefix of the comment that carries the source line of raw HTML. */
    public static final String LINE_COMMENT = StudybookHtmlExtension.LINE_COMMENT;

    /**
     * The most headings one chapter may hold (MAX_CHAPTER_HEADINGS). Each is an entry of the PDF's contents and
     * bookmarks, a tagged structure element and a page reference: 10,000 cost about 20 s of CPU time, 100,000 in one
     * chapter several minutes and gigabytes.
     */
    public static final int MAX_HEADINGS = 10_000;
    /**
     * The most footnote references one chapter may hold (MAX_CHAPTER_FOOTNOTES): each is a link, a note and a link
     * back in both outputs; 10,000 cost about 20 s of CPU time, 100,000 in one chapter several minutes and gigabytes.
     */
    public static final int MAX_FOOTNOTES = 10_000;

    private MarkdownRenderer() {
    }

    /** A chapter holds more of something than studybook lays out in one chapter; {@code line} is the first one too many. */
    public static final class TooMany extends RuntimeException {
        private final int line;

        TooMany(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        /** The 1-based source line of the first heading or footnote beyond the limit. */
        public int line() {
            return line;
        }
    }

    /** The chapter as HTML with line markers; {@link TooMany} when it holds more headings or footnotes than the limits. */
    public static String toHtml(String markdown) {
        Document doc = Markdown.PARSER.parse(markdown);
        checkLimits(doc);
        return Markdown.RENDERER.render(doc);
    }

    /** Counted before rendering, so that a chapter far beyond a limit is refused in the time it takes to parse it. */
    private static void checkLimits(Document doc) {
        int headings = 0;
        int footnotes = 0;
        for (Node n : doc.getDescendants()) {
            if (n instanceof Heading && ++headings > MAX_HEADINGS) {
                throw new TooMany(Lines.startLine(doc, n) + 1, "the chapter has more than " + String.format(java.util.Locale.ROOT, "%,d", MAX_HEADINGS)
                        + " headings (MAX_CHAPTER_HEADINGS); this is heading " + String.format(java.util.Locale.ROOT, "%,d", headings));
            }
            if (n instanceof Footnote && ++footnotes > MAX_FOOTNOTES) {
                throw new TooMany(Lines.startLine(doc, n) + 1, "the chapter has more than " + String.format(java.util.Locale.ROOT, "%,d", MAX_FOOTNOTES)
                        + " footnote references (MAX_CHAPTER_FOOTNOTES); this is reference " + String.format(java.util.Locale.ROOT, "%,d", footnotes));
            }
        }
    }
}
