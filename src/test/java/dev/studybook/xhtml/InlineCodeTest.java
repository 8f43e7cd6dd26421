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
    void codeBesidePunctuationIsOnePieceWithThatPunctuation() {
        Element body = Jsoup.parse("<p><code>var a [N]byte</code>、<code>x := T{}</code> 和（<code>go vet</code> 与"
                + " <code>a b</code>）</p><p><a href=\"#x\">见 <code>a b</code></a>。</p>").body();
        InlineCode.mark(body);
        var codes = body.select("code");
        assertEquals("<span class=\"cg\"><code class=\"cs\">var a [N]byte</code>、</span>", codes.get(0).parent().outerHtml(),
                "a line may not begin with the 、 after it: it goes with the code");
        assertEquals("cs", codes.get(1).className());
        assertEquals("p", codes.get(1).parent().normalName());
        assertEquals("<span class=\"cg\">（<code class=\"cs\">go vet</code></span>", codes.get(2).parent().outerHtml(),
                "nor end with the （ before it");
        assertEquals("<span class=\"cg\"><code class=\"cs\">a b</code>）</span>", codes.get(3).parent().outerHtml());
        assertEquals("", codes.get(4).className(), "last in a link: what follows is unknown, it stays stretchable");
        assertEquals("<code>var a [N]byte</code>、<code>x := T{}</code> 和（<code>go vet</code> 与 <code>a b</code>）",
                body.child(0).html().replaceAll("</?span[^>]*>", "").replaceAll(" class=\"cs\"", ""), "the text is unchanged");
    }
}
