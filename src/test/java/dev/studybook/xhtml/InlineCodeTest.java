package dev.studybook.xhtml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class InlineCodeTest {

    @Test
    void shortCodeWithASpaceIsOnePieceLongerCodeAndCodeBlocksAreNot() {
        Element body = Jsoup.parse("<p>字段 <code>state int32</code> 和 <code>sync.Mutex</code>、"
                + "<code>flow: {heap} for make([]byte, 65537)</code></p><pre><code>a b</code></pre>").body();
        InlineCode.mark(body);
        var codes = body.select("code");
        assertEquals("cs", codes.get(0).className());
        assertEquals("", codes.get(1).className(), "no space: nothing to stretch");
        assertEquals("", codes.get(2).className(), "longer than 24 characters: it must be able to wrap at its spaces");
        assertEquals("", codes.get(3).className(), "a code block is not inline code");
    }

    /** Issue 17: 305 spaces of such code were still stretched at 360 px, all of it beside punctuation. */
    @Test
    void codeBesidePunctuationIsMarkedForTheEpubToGlueAndTheTreeIsUnchanged() {
        String html = "<p><code>var a [N]byte</code>、<code>x := T{}</code> 和（<code>go vet</code> 与"
                + " <code>a b</code>）</p><p><a href=\"#x\">见 <code>a b</code></a>。</p>";
        Element body = Jsoup.parse(html).body();
        InlineCode.mark(body);
        var codes = body.select("code");
        assertEquals("cs ga", codes.get(0).className(), "a line may not begin with the 、 after it");
        assertEquals("cs", codes.get(1).className());
        assertEquals("cs gb", codes.get(2).className(), "nor end with the （ before it");
        assertEquals("cs ga", codes.get(3).className());
        assertEquals("", codes.get(4).className(), "last in a link: what follows is unknown, it stays stretchable");
        assertEquals(Jsoup.parse(html).body().html(), body.html().replaceAll(" class=\"[^\"]*\"", ""),
                "only classes: the PDF lays out the same tree");
    }
}
