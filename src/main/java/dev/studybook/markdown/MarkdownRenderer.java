package dev.studybook.markdown;

import com.vladsch.flexmark.util.ast.Document;

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

    private MarkdownRenderer() {
    }

    /** The chapter as HTML with line markers. */
    public static String toHtml(String markdown) {
        Document doc = Markdown.PARSER.parse(markdown);
        return Markdown.RENDERER.render(doc);
    }
}
