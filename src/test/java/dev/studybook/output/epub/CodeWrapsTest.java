package dev.studybook.output.epub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CodeWrapsTest {

    @Test
    void longCodeWordsGetBreaksAfterPunctuationAndEverythingElseIsKept() {
        String x = "<p>a <code>x.y(z)</code></p>\n<pre class=\"code\"><code>http.Handle(&quot;/p&quot;,http.HandlerFunc(<span class=\"nf\">pprof</span>.Index)) f(x)\n"
                + "short.call(a)</code></pre>\n<h2 id=\"实战避坑\">实战避坑</h2><prefix/><pre>a.b</pre><p>end</p>";
        assertEquals("<p>a <code>x.y(z)</code></p>\n<pre class=\"code\"><code>http.<wbr/>Handle(<wbr/>&quot;/p&quot;,<wbr/>http.<wbr/>"
                + "HandlerFunc(<span class=\"nf\"><wbr/>pprof</span>.<wbr/>Index)) f(x)\nshort.call(a)</code></pre>\n"
                + "<h2 id=\"实战避坑\">实战避坑</h2><prefix/><pre>a.b</pre><p>end</p>", CodeWraps.mark(x));
    }

    @Test
    void markedInlineCodeAndItsPunctuationBecomeOnePiece() {
        String x = "<p>字段（<code class=\"cs gb ga\">state int32</code>）与 <code class=\"cs ga\">a b</code>、"
                + "<code class=\"cs\">c d</code>，（<span epub:type=\"pagebreak\" id=\"p1\"/><code class=\"cs gb\">e f</code></p>";
        assertEquals("<p>字段<span class=\"cg\">（<code class=\"cs gb ga\">state int32</code>）</span>与 <span class=\"cg\">"
                + "<code class=\"cs ga\">a b</code>、</span><code class=\"cs\">c d</code>，（<span epub:type=\"pagebreak\" id=\"p1\"/>"
                + "<code class=\"cs gb\">e f</code></p>", CodeGlue.wrap(x));
    }

    @Test
    void longInlineCodeBreaksWhereThePdfsDoesShortCodeCellsAndCodeBlocksAreLeft() {
        String x = "<p>位于 <code>internal/runtime/maps/runtime.go</code>，<code>sync.Mutex</code> 与 <code class=\"cs\">a.b c</code>、"
                + "<code>runningPanicDefers</code> 和 <code>errors.New(&quot;context canceled&quot;)</code></p>"
                + "<table><thead><tr><th>x</th></tr></thead><tbody><tr><td><code>runningPanicDefers</code></td></tr></tbody></table>"
                + "<pre><code>see internal/runtime/maps</code></pre><p><code>ReadHeaderTimeout</code></p>";
        assertEquals("<p>位于 <code>internal/<wbr/>runtime/<wbr/>maps/<wbr/>runtime.go</code>，<code>sync.Mutex</code> 与 "
                + "<code class=\"cs\">a.b c</code>、<code>running<wbr/>Panic<wbr/>Defers</code> 和 "
                + "<code>errors.<wbr/>New(<wbr/>&quot;context canceled&quot;)</code></p>"
                + "<table><thead><tr><th>x</th></tr></thead><tbody><tr><td><code>runningPanicDefers</code></td></tr></tbody></table>"
                + "<pre><code>see internal/runtime/maps</code></pre><p><code>Read<wbr/>Header<wbr/>Timeout</code></p>", CodeWraps.inline(x));
    }

    @Test
    void versionInLongInlineCodeGetsNoBreakAtItsDot() {
        // content/ had api/<wbr/>go1.<wbr/>26.<wbr/>txt: a phone could set "go1." at a line's end (the PDF's rule too).
        String x = "<p><code>api/go1.26.txt</code> 与 <code>requires go1.25 or later</code></p>";
        assertEquals("<p><code>api/<wbr/>go1.26.<wbr/>txt</code> 与 <code>requires go1.25 or later</code></p>", CodeWraps.inline(x));
    }
}
