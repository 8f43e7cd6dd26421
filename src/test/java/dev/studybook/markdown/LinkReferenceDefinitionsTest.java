package dev.studybook.markdown;

import static dev.studybook.testing.Snippets.xhtml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Link reference definitions ("[x]: url") read by studybook's inline parser, which replaces flexmark's to stay linear
 * (issue 21): a first replacement lost every definition, because flexmark adds its definition reader only beside its
 * own inline parser.
 */
class LinkReferenceDefinitionsTest {

    /** Definitions of every kind: titles in three quotes, angle brackets, titles over two lines, text after them. */
    static final List<String> SNIPPETS = List.of(
            "[a] and [b][] and [c][C] and [链接]\n\n[a]: https://e.com/a\n[b]: https://e.com/b \"B title\"\n"
                    + "[C]: <https://e.com/with space> 'single'\n[链接]: https://e.com/zh (parens)\n",
            "[multi]\n\n[multi]: https://e.com/m\n  \"a title\n  over two lines\"\n",
            "[x]: https://e.com/x\n[y]: https://e.com/y\nText after the definitions, with [x] and [y].\n",
            "[FOO] [Foo] [foo] [ΑΓΩ]\n\n[foo]: https://e.com/foo\n[αγω]: https://e.com/greek\n",
            "[dup]\n\n[dup]: https://e.com/first\n[dup]: https://e.com/second\n",
            "[bad]: <no end\n[ok]: https://e.com/ok \"t\" trailing\n\n[ok]\n",
            "[t]: https://e.com/t\n| a | b |\n| --- | --- |\n| [t] | 2 |\n",
            "> [q]: https://e.com/q\n>\n> [q]\n\n- [l]: https://e.com/l\n\n  [l]\n",
            "   [indented]: https://e.com/i\n\n[indented] ![img]\n\n[img]: images/x.png \"Picture\"\n");

    @Test
    void everyDefinitionRendersAsFlexmarksOwnInlineParserRendersIt() {
        MutableDataSet options = new MutableDataSet(Markdown.OPTIONS);
        List<?> extensions = Parser.EXTENSIONS.get(Markdown.OPTIONS).stream()
                .filter(e -> !(e instanceof LinearParsing)).toList();
        options.set(Parser.EXTENSIONS, List.copyOf(extensions.stream().map(e -> (com.vladsch.flexmark.util.misc.Extension) e)
                .toList()));
        Parser flexmark = Parser.builder(options).build();
        for (String s : SNIPPETS) {
            assertEquals(Markdown.RENDERER.render(flexmark.parse(s)), MarkdownRenderer.toHtml(s), s);
        }
    }

    @Test
    void pictureReferenceInsideAReferenceLinkShowedBracketsAndTheLabel() {
        // A README's badge [![Build][badge]][ci] and squidfunk/mkdocs-material's screenshots [![Name]][Name] showed
        // "[picture]ci": flexmark took the brackets around the picture for text and [ci] for a link of its own.
        String x = xhtml("Badge: [![Build][badge]][ci] and [![Shot]][Shot].\n\nEscaped: \\[![Build][badge]][ci]\n\n"
                + "[badge]: https://e.com/badge.svg\n[ci]: https://e.com/ci\n[Shot]: https://e.com/shot.png\n");
        // (Pictures on the web are shown as their alt text and address.)
        assertTrue(x.contains("Badge: <a href=\"https://e.com/ci\" class=\"external\"><span class=\"image-missing\">[图片：Build]"
                + " https://e.com/badge.svg</span></a> and <a href=\"https://e.com/shot.png\" class=\"external\"><span"
                + " class=\"image-missing\">[图片：Shot] https://e.com/shot.png</span></a>."), x);
        // An escaped bracket is text, as CommonMark reads it.
        assertTrue(x.contains("Escaped: [<span class=\"image-missing\">") && x.contains("</span>]<a href=\"https://e.com/ci\""
                + " class=\"external\">ci</a>"), x);
    }

    @Test
    void linksFindTheirDefinitionsWithTitlesAngleBracketsAndFoldedCase() {
        String x = xhtml(SNIPPETS.get(0));
        assertTrue(x.contains("href=\"https://e.com/a\""), x);
        assertTrue(x.contains("href=\"https://e.com/b\"") && x.contains("title=\"B title\""), x);
        assertTrue(x.contains("https://e.com/with%20space") && x.contains("title=\"single\""), x);
        assertTrue(x.contains("href=\"https://e.com/zh\""), x);
        assertFalse(x.contains("]:"), x);
        String folded = xhtml(SNIPPETS.get(3));
        assertEquals(3, folded.split("href=\"https://e.com/foo\"", -1).length - 1, folded);
        assertTrue(folded.contains("href=\"https://e.com/greek\""), folded);
    }

    @Test
    void aTitleOverTwoLinesAndTextAfterTheDefinitionsStay() {
        String x = xhtml(SNIPPETS.get(1));
        assertTrue(x.contains("title=\"a title\nover two lines\""), x);
        String after = xhtml(SNIPPETS.get(2));
        assertTrue(after.contains("Text after the definitions") && after.contains("href=\"https://e.com/x\"")
                && after.contains("href=\"https://e.com/y\""), after);
        assertFalse(after.contains("]:"), after);
    }

    @Test
    void aTableRightAfterADefinitionIsStillATable() {
        String x = xhtml(SNIPPETS.get(6));
        assertTrue(x.contains("<table>") && x.contains("href=\"https://e.com/t\""), x);
    }
}
