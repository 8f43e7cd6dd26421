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
}
