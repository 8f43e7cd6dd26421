package dev.studybook.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.Escaping;
import dev.studybook.highlight.Highlighter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * studybook's changes to flexmark's HTML: highlighted code blocks, no space for a line break between two
 * CJK characters, and source-line markers on blocks and raw HTML so later stages can name the line.
 */
final class StudybookHtmlExtension implements HtmlRenderer.HtmlRendererExtension {

    /** The attribute that carries a 1-based source line from flexmark to the XHTML cleaner. */
    static final String LINE_ATTRIBUTE = "data-sb-line";
    /** The attribute that marks TeX math for the converter: {@code inline} or {@code display}. */
    static final String MATH_ATTRIBUTE = "data-sb-math";
    /** The attribute that marks a code block the converter may draw as a diagram; its value is the language. */
    static final String DIAGRAM_ATTRIBUTE = "data-sb-diagram";
    /** Fence languages that are diagrams. */
    static final Set<String> DIAGRAMS = Set.of("plantuml", "puml", "uml", "dot", "graphviz", "mermaid");
    /** Raw HTML is preceded by a comment {@code <!--sb-line:N-->}. */
    static final String LINE_COMMENT = "sb-line:";

    static StudybookHtmlExtension create() {
        return new StudybookHtmlExtension();
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(Renderer::new);
        builder.attributeProviderFactory(new IndependentAttributeProviderFactory() {
            @Override
            public com.vladsch.flexmark.html.AttributeProvider apply(LinkResolverContext context) {
                return (node, part, attributes) -> {
                    if (node instanceof Paragraph || node instanceof Heading || node instanceof Image
                            || node instanceof ImageRef || node instanceof Link || node instanceof LinkRef
                            || node instanceof ListItem || node instanceof BlockQuote || node instanceof TableBlock
                            || node instanceof TableCell) {
                        int line = line(node);
                        if (line > 0) {
                            attributes.addValue(LINE_ATTRIBUTE, Integer.toString(line));
                        }
                    }
                };
            }
        });
    }

    /**
     * The 1-based source line of a node, or 0 for a node the renderer made that is not in the document (flexmark
     * asks its document for line numbers).
     */
    static int line(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof com.vladsch.flexmark.util.ast.Document d) {
                return Lines.startLine(d, node) + 1;
            }
        }
        return 0;
    }

    /** The node renderers studybook replaces. */
    static final class Renderer implements NodeRenderer {
        /** Bare opening tags of each block, found once per block (this renderer serves one document). */
        private final Map<Node, Set<Node>> bareTags = new IdentityHashMap<>();

        Renderer(DataHolder options) {
        }

        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(
                    new NodeRenderingHandler<>(FencedCodeBlock.class, this::fenced),
                    new NodeRenderingHandler<>(IndentedCodeBlock.class, this::indented),
                    new NodeRenderingHandler<>(SoftLineBreak.class, this::softBreak),
                    new NodeRenderingHandler<>(HtmlBlock.class, this::htmlBlock),
                    new NodeRenderingHandler<>(HtmlCommentBlock.class, (n, c, h) -> { }),
                    new NodeRenderingHandler<>(HtmlInline.class, this::htmlInline),
                    new NodeRenderingHandler<>(HtmlInlineComment.class, (n, c, h) -> { }),
                    new NodeRenderingHandler<>(MathExtension.MathInline.class, this::mathInline),
                    new NodeRenderingHandler<>(MathExtension.MathBlock.class, this::mathBlock));
        }

        /** Math is passed on as its TeX source, marked for the converter, which typesets it. */
        private void mathInline(MathExtension.MathInline node, NodeRendererContext ctx, HtmlWriter html) {
            html.raw("<span class=\"math\" " + MATH_ATTRIBUTE + "=\"" + (node.display ? "display" : "inline") + "\" "
                    + LINE_ATTRIBUTE + "=\"" + line(node) + "\">" + Escaping.escapeHtml(node.tex, false) + "</span>");
        }

        private void mathBlock(MathExtension.MathBlock node, NodeRendererContext ctx, HtmlWriter html) {
            html.line();
            if (node.closed) {
                html.raw("<div class=\"math-display\" " + MATH_ATTRIBUTE + "=\"display\" " + LINE_ATTRIBUTE + "=\""
                        + line(node) + "\">" + Escaping.escapeHtml(node.tex, false) + "</div>");
            } else {
                // No closing mark before a blank line: not math, the author's text as written.
                html.raw("<p " + LINE_ATTRIBUTE + "=\"" + line(node) + "\">" + Escaping.escapeHtml(node.opening + "\n"
                        + node.tex, false) + "</p>");
            }
            html.line();
        }

        private void fenced(FencedCodeBlock node, NodeRendererContext ctx, HtmlWriter html) {
            String language = FenceInfo.language(node.getInfo().unescape());
            String code = node.getContentChars().normalizeEOL();
            if (language.equals("math") && !code.isBlank()) {
                html.line();
                html.raw("<div class=\"math-display\" " + MATH_ATTRIBUTE + "=\"display\" " + LINE_ATTRIBUTE + "=\""
                        + line(node) + "\">" + Escaping.escapeHtml(code.strip(), false) + "</div>");
                html.line();
                return;
            }
            if (RustHiddenLines.applies(language)) {
                code = RustHiddenLines.shown(code);
            }
            String title = FenceInfo.title(node.getInfo().unescape());
            if (!title.isEmpty()) {
                // The file a listing belongs to, as the sites show it above the code.
                html.line();
                html.raw("<p class=\"code-title\" " + LINE_ATTRIBUTE + "=\"" + line(node) + "\">"
                        + Escaping.escapeHtml(title, false) + "</p>");
                html.line();
            }
            code(node, language, code, html);
        }

        private void indented(IndentedCodeBlock node, NodeRendererContext ctx, HtmlWriter html) {
            String code = node.getContentChars().trimTailBlankLines().normalizeEndWithEOL();
            code(node, "", code, html);
        }

        private void code(Node node, String language, String code, HtmlWriter html) {
            if (code.endsWith("\n")) {
                code = code.substring(0, code.length() - 1);
            }
            code = expandTabs(code, TAB_WIDTH);
            String lang = Highlighter.language(language).orElse("");
            String cls = language.isEmpty() ? "" : FenceInfo.cssToken(language);
            html.line();
            // Preformatted: the writer must keep each line's leading spaces.
            html.openPre();
            html.raw("<pre class=\"code" + (cls.isEmpty() ? "" : " lang-" + cls) + "\" " + LINE_ATTRIBUTE + "=\""
                    + line(node) + "\"" + (cls.isEmpty() ? "" : " data-lang=\"" + cls + "\"")
                    + (DIAGRAMS.contains(language) ? " " + DIAGRAM_ATTRIBUTE + "=\"" + language + "\"" : "")
                    + "><code>");
            html.raw(Highlighter.toXhtml(code, lang));
            html.raw("</code></pre>");
            html.closePre();
            html.line();
        }

        private void softBreak(SoftLineBreak node, NodeRendererContext ctx, HtmlWriter html) {
            int before = VisibleText.lastCodePointBefore(node);
            int after = VisibleText.firstCodePointAfter(node);
            if (Cjk.isWide(before) && Cjk.isWide(after)) {
                return;
            }
            html.raw("\n");
        }

        private void htmlBlock(HtmlBlock node, NodeRendererContext ctx, HtmlWriter html) {
            html.line();
            html.raw("<!--" + LINE_COMMENT + line(node) + "-->");
            html.raw(node.getChars().normalizeEOL());
            html.line();
        }

        private void htmlInline(HtmlInline node, NodeRendererContext ctx, HtmlWriter html) {
            html.raw("<!--" + LINE_COMMENT + line(node) + "-->");
            String tag = node.getChars().toString();
            Node block = block(node);
            if (block != null && bareTags.computeIfAbsent(block, StudybookHtmlExtension::bareTags).contains(node)) {
                // "# <a> 元素", "使用 <div> 布局": a tag name written as a word. As markup, a browser would stretch
                // it over the rest of the page (an unclosed <a> is reopened after every block).
                html.text(tag);
                return;
            }
            html.raw(node.getChars().normalizeEOL());
        }
    }

    /** Nodes walked to find bare opening tags, for tests that check that the walk grows linearly. */
    static final java.util.concurrent.atomic.AtomicLong BARE_TAG_WALK = new java.util.concurrent.atomic.AtomicLong();

    /** An opening tag without attributes: {@code <div>}. */
    private static final java.util.regex.Pattern BARE_TAG = java.util.regex.Pattern.compile("<([A-Za-z][A-Za-z0-9-]*)>");
    /** Elements that have no end tag. */
    private static final Set<String> VOID = Set.of("br", "img", "hr", "wbr", "input", "col", "area", "base", "embed",
            "link", "meta", "param", "source", "track", "p", "li");

    /**
     * The inline HTML of a block (paragraph, heading) that is an opening tag without attributes that nothing after it
     * in the same block closes (a closing tag starting with {@code </name}): a tag name in prose, not markup. One
     * walk from the block's end, keeping the closing tags seen so far in order: asking each tag about the rest of the
     * block cost the square of the tags in it.
     */
    static Set<Node> bareTags(Node block) {
        List<Node> nodes = new ArrayList<>();
        block.getDescendants().forEach(nodes::add);
        BARE_TAG_WALK.addAndGet(nodes.size());
        Set<Node> bare = Collections.newSetFromMap(new IdentityHashMap<>());
        TreeSet<String> closingLater = new TreeSet<>();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            if (!(nodes.get(i) instanceof HtmlInline h)) {
                continue;
            }
            String text = h.getChars().toString();
            var m = BARE_TAG.matcher(text);
            if (m.matches() && !VOID.contains(m.group(1).toLowerCase(java.util.Locale.ROOT))) {
                String close = "</" + m.group(1).toLowerCase(java.util.Locale.ROOT);
                // The first closing tag in order at or after "</name" starts with it if any does.
                String next = closingLater.ceiling(close);
                if (next == null || !next.startsWith(close)) {
                    bare.add(h);
                }
            }
            if (text.startsWith("</")) {
                closingLater.add(text.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return bare;
    }

    /** The nearest block holding a node, or null. */
    private static Node block(Node node) {
        Node block = node.getParent();
        while (block != null && !(block instanceof com.vladsch.flexmark.util.ast.Block)) {
            block = block.getParent();
        }
        return block;
    }

    /** Tabs in code become spaces to the next multiple of this column: readers and the PDF disagree on tab width. */
    static final int TAB_WIDTH = 4;

    static String expandTabs(String code, int width) {
        if (code.indexOf('\t') < 0) {
            return code;
        }
        StringBuilder sb = new StringBuilder(code.length() + 16);
        int column = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\t') {
                int n = width - column % width;
                sb.append(" ".repeat(n));
                column += n;
            } else {
                sb.append(c);
                column = c == '\n' ? 0 : column + 1;
            }
        }
        return sb.toString();
    }

    /** The first and last characters a reader sees on either side of a node, looking through inline markup. */
    static final class VisibleText {
        private VisibleText() {
        }

        static int lastCodePointBefore(Node node) {
            for (Node n = node.getPrevious(); n != null; n = n.getPrevious()) {
                int c = last(n);
                if (c >= 0) {
                    return c;
                }
            }
            return -1;
        }

        static int firstCodePointAfter(Node node) {
            for (Node n = node.getNext(); n != null; n = n.getNext()) {
                int c = first(n);
                if (c >= 0) {
                    return c;
                }
            }
            return -1;
        }

        private static int last(Node n) {
            if (n instanceof Text || n instanceof Code) {
                String s = (n instanceof Code code ? code.getText() : n.getChars()).toString().stripTrailing();
                return s.isEmpty() ? -1 : s.codePointBefore(s.length());
            }
            for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) {
                int v = last(c);
                if (v >= 0) {
                    return v;
                }
            }
            return -1;
        }

        private static int first(Node n) {
            if (n instanceof Text || n instanceof Code) {
                String s = (n instanceof Code code ? code.getText() : n.getChars()).toString().stripLeading();
                return s.isEmpty() ? -1 : s.codePointAt(0);
            }
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                int v = first(c);
                if (v >= 0) {
                    return v;
                }
            }
            return -1;
        }
    }
}
