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
        assertEquals("<p>位于 <code>internal/<wbr/>runtime/<wbr/>maps/<wbr/>runtime.go</code>，<code>sync.<wbr/>Mutex</code> 与 "
                + "<code class=\"cs\">a.b c</code>、<code>running<wbr/>Panic<wbr/>Defers</code> 和 "
                + "<code>errors.<wbr/>New<wbr/>(<wbr/>&quot;context canceled&quot;)</code></p>"
                + "<table><thead><tr><th>x</th></tr></thead><tbody><tr><td><code>runningPanicDefers</code></td></tr></tbody></table>"
                + "<pre><code>see internal/runtime/maps</code></pre><p><code>Read<wbr/>Header<wbr/>Timeout</code></p>", CodeWraps.inline(x));
    }

    @Test
    void versionInLongInlineCodeGetsNoBreakAtItsDot() {
        // content/ had api/<wbr/>go1.<wbr/>26.<wbr/>txt: a phone could set "go1." at a line's end (the PDF's rule too).
        String x = "<p><code>api/go1.26.txt</code> 与 <code>requires go1.25 or later</code></p>";
        assertEquals("<p><code>api/<wbr/>go1.26.<wbr/>txt</code> 与 <code class=\"cw\">requires go1.25 or later</code></p>", CodeWraps.inline(x));
    }

    /** Issue 17: "go1.26.|8", "setGCPhase(_|GCmark)" and "-gcflags=all=-|d=" ended lines on a phone. */
    @Test
    void inlineCodeNeverBreaksInsideANumberNorAfterTheSignThatBeginsANameOrAFlag() {
        String x = "<p><code>golang.org/dl/go1.26.8</code> 与 <code>setGCPhase(_GCmark)</code>、"
                + "<code>-gcflags=all=-d=checkptr</code>、<code>runtime: 1,000,000 bytes</code></p>";
        assertEquals("<p><code>golang.<wbr/>org/<wbr/>dl/<wbr/>go1.26.8</code> 与 <code>set<wbr/>GCPhase<wbr/>(_GCmark)</code>、"
                + "<code>-gcflags=<wbr/>all=-d=checkptr</code>、<code>runtime: 1,000,000 bytes</code></p>", CodeWraps.inline(x));
    }

    @Test
    void codeBlocksNeverBreakInsideAVersionNumber() {
        String x = "<pre><code>toolchain=golang.org/toolchain@v0.0.1-go1.26.8.linux-amd64</code></pre>";
        assertEquals("<pre><code>toolchain=golang.<wbr/>org/toolchain@v0.0.1-go1.26.8.<wbr/>linux-amd64</code></pre>",
                CodeWraps.mark(x));
    }

    /**
     * Issue 17: a path or identifier in prose, without backticks ({@code （runtime/proc.go）},
     * {@code cpu.cfs_period_us}), moved to the next line of a phone whole, leaving blanks of up to 13 em before it.
     */
    @Test
    void longLatinWordsInProseBreakLikeInlineCodeAndCodeCellsAndShortWordsAreLeft() {
        String x = "<h2 id=\"runtime/proc.go\">见 runtime/proc.go</h2><p>（runtime/signal_unix.go）与 cpu.cfs_period_us、"
                + "stopTheWorldWithSema 和 goroutine，Go 1.26.8 与 go1.26.8，<a href=\"https://go.dev/doc/go1.26\">"
                + "https://go.dev/doc/go1.26</a>：<code>a/b/c/d/e/f</code>/<code>x.y</code> &amp;&amp; a&amp;b&lt;c/d/e/f/g"
                + "<!-- runtime/proc.go --></p><table><tr><td>runtime/proc.go</td></tr></table><pre>runtime/proc.go</pre>"
                + "<svg><text>runtime/proc.go</text></svg><p>internal/runtime/maps<br/>end</p>";
        assertEquals("<h2 id=\"runtime/proc.go\">见 runtime/<wbr/>proc.go</h2><p>（runtime/<wbr/>signal_<wbr/>unix.go）与 "
                + "cpu.<wbr/>cfs_<wbr/>period_us、stop<wbr/>The<wbr/>World<wbr/>With<wbr/>Sema 和 goroutine，Go 1.26.8 与 go1.26.8，"
                + "<a href=\"https://go.dev/doc/go1.26\">https://<wbr/>go.<wbr/>dev/<wbr/>doc/<wbr/>go1.26</a>："
                + "<code>a/b/c/d/e/f</code>/<wbr/><code>x.y</code> &amp;&amp; a&amp;b&lt;c/<wbr/>d/e/<wbr/>f/g"
                + "<!-- runtime/proc.go --></p><table><tr><td>runtime/proc.go</td></tr></table><pre>runtime/proc.go</pre>"
                + "<svg><text>runtime/proc.go</text></svg><p>internal/<wbr/>runtime/<wbr/>maps<br/>end</p>", CodeWraps.prose(x));
    }

    /**
     * Issue 17: inline code of 8 to 11 characters ({@code needWBsrc}, {@code fieldCache}, {@code sync.Mutex}) could
     * only move to the next line of a phone whole, and a 17-letter name broke only once ({@code rwmutex|MaxReaders}):
     * the justified line before it had blanks of two to six em. Shorter code and words without a seam stay whole.
     */
    @Test
    void inlineCodeOfMiddlingLengthBreaksAtItsSeamsOnAPhone() {
        String x = "<p><code>needWBsrc</code>、<code>fieldCache</code>、<code>readerCount.Add(-rwmutexMaxReaders)</code>、"
                + "<code>WithValue</code>、<code>new(T)</code>、<code>goroutine</code>、<code>mapaccess1</code></p>";
        assertEquals("<p><code>need<wbr/>WBsrc</code>、<code>field<wbr/>Cache</code>、<code>reader<wbr/>Count.<wbr/>Add<wbr/>(-"
                + "rwmutex<wbr/>Max<wbr/>Readers)</code>、<code>With<wbr/>Value</code>、<code>new(T)</code>、"
                + "<code>goroutine</code>、<code>mapaccess1</code></p>", CodeWraps.inline(x));
    }

    /**
     * Issue 17: all-lowercase runtime names ({@code panicmakeslicelen / panicmakeslicecap}) have no camelCase seam
     * and could only move to a phone's next line whole, leaving the line before them a blank of 11 em. They break
     * between words the chapter itself spells ({@code makeSlice}, "panic", "len"); a name not made of such words,
     * a short one and prose are left as they are.
     */
    @Test
    void longLowercaseNamesInInlineCodeBreakBetweenWordsOfTheChapter() {
        String x = "<p>panic 与 len：<code>makeSlice</code> 调用 <code>runtime.panicmakeslicelen</code>，"
                + "<code>qwertzuiopasdf</code>、<code>mallocgc</code> 与 panicmakeslicecap</p><pre><code>panicmakeslicecap</code></pre>";
        assertEquals("<p>panic 与 len：<code>make<wbr/>Slice</code> 调用 <code>runtime.<wbr/>panic<wbr/>make<wbr/>slice<wbr/>len</code>，"
                + "<code>qwertzuiopasdf</code>、<code>mallocgc</code> 与 panicmakeslicecap</p><pre><code>panicmakeslicecap</code></pre>",
                CodeWraps.inline(x));
    }

    @Test
    void theChaptersWordsAreItsSmallLetterRunsAndCapitalisedWordsOfTwoToNineLetters() {
        assertEquals(java.util.Set.of("panic", "make", "slice", "mark", "runtime", "to"),
                CodeWraps.vocabulary("<p class=\"xyzzyx\">panic &amp; <code>makeSlice</code> GCmark runtime a to panicmakeslice</p>"));
    }

    /**
     * Issue 17: 8- and 9-letter lowercase names ({@code closechan}) and names with a two-letter word
     * ({@code stringtoslicebyte}) could only move to a phone's next line whole, leaving blanks of 2.4 to 4.6 em on
     * the line before. They break between the book's words, a two-letter word joined to the word after it, a last
     * one to the word before it; a name the book spells as a word ({@code goroutine}), one ending in a two-letter
     * word ({@code mallocgc}) and the small letters of a capitalised word ({@code maybeTraceableChan}) stay whole.
     */
    @Test
    void shortLowercaseNamesAndNamesWithTwoLetterWordsBreakBetweenTheBooksWords() {
        java.util.Set<String> words = java.util.Set.of("close", "chan", "string", "to", "slice", "byte", "malloc", "gc",
                "goroutine", "go", "routine", "trace", "able", "no", "sync", "hash");
        String x = "<p><code>closechan</code>、<code>stringtoslicebyte</code>、<code>goroutine</code>、<code>mallocgc</code>、"
                + "<code>maybeTraceableChan</code>、<code>nosynchash</code></p>";
        assertEquals("<p><code>close<wbr/>chan</code>、<code>string<wbr/>toslice<wbr/>byte</code>、<code>goroutine</code>、"
                + "<code>mallocgc</code>、<code>maybe<wbr/>Traceable<wbr/>Chan</code>、<code>nosync<wbr/>hash</code></p>",
                CodeWraps.inline(x, words));
    }

    /**
     * Issue 17: inline code that is a message of words ({@code fatal error: concurrent map writes}) is marked so
     * that epub.css lets justification stretch its spaces; a call, an expression, a list, a command with flags and
     * code of fewer than three words are not, and an existing class is kept.
     */
    @Test
    void inlineCodeThatIsAMessageOfWordsIsMarkedAndOtherCodeIsNot() {
        String x = "<p><code>fatal error: concurrent map writes</code>、<code class=\"cs\">len out of range</code>、"
                + "<code>all goroutines are asleep - deadlock!</code>、<code>fatal error</code>、"
                + "<code>append([]byte(nil), make(</code>、<code>go test -bench .</code>、<code>a == b</code>、<code>x - y</code>、"
                + "<code>1, 2, 3</code></p>"
                + "<pre><code>one two three</code></pre>";
        String y = CodeWraps.inline(x, java.util.Set.of());
        assertEquals(java.util.List.of("<code class=\"cw\">fatal error: concurrent map writes</code>",
                "<code class=\"cw cs\">len out of range</code>", "<code class=\"cw\">all goroutines are asleep - deadlock!</code>"),
                java.util.regex.Pattern.compile("<code class=\"cw[^>]*>[^<]*</code>").matcher(y).results()
                        .map(java.util.regex.MatchResult::group).toList());
        assertEquals(3, y.split("class=\"cw", -1).length - 1, y);
    }

    /**
     * Issue 17: compiler and runtime messages quote a name, add a note in parentheses or name a function
     * ({@code "const" escapes to heap}, {@code channel element type too large (>64kB)}): kept out of justification,
     * a line made mostly of one had blanks of 3.5 and 4 em on a phone. They are marked as messages; a call with a
     * result list, a type assertion or words of one letter are not.
     */
    @Test
    void messagesWithQuotedNamesOrANoteInParenthesesAreMarkedAsMessages() {
        String x = "<p><code>&quot;const&quot; escapes to heap</code>、<code>channel element type too large (&gt;64kB)</code>、"
                + "<code>sync.Go requires go1.25 or later (file is go1.21)</code>、<code>... argument does not escape</code>、"
                + "<code>call to time.Since is not deferred</code>、<code>f(x) (int, error)</code>、"
                + "<code>x.(Point).X = 1 fails</code>、<code>(a b) c d</code></p>";
        String y = CodeWraps.inline(x, java.util.Set.of());
        assertEquals(java.util.List.of("&quot;const&quot; escapes to heap", "channel element type too large (&gt;64kB)",
                "sync.Go requires go1.25 or later (file is go1.21)", "... argument does not escape",
                "call to time.Since is not deferred"),
                java.util.regex.Pattern.compile("<code class=\"cw\">(.*?)</code>").matcher(y.replace("<wbr/>", "")).results()
                        .map(m -> m.group(1)).toList());
    }

    /**
     * Issue 17: a call whose arguments are one short piece ({@code cachedTypeFields(t)}, {@code SetInt(1)}) could
     * only move to a phone's next line whole, from its last camelCase seam: the line before it had blanks of 1.6
     * to 1.8 em. It may break before its {@code (} too; an empty list ({@code f()}), a short name ({@code f(x)})
     * and short code ({@code new(T)}) stay whole.
     */
    @Test
    void callsBreakBeforeTheirArgumentsButNotBeforeAnEmptyList() {
        String x = "<p><code>cachedTypeFields(t)</code>、<code>x.SetInt(1)</code>、<code>background()</code>、"
                + "<code>new(T)</code>、<code>abc.f(x, y)</code></p>";
        assertEquals("<p><code>cached<wbr/>Type<wbr/>Fields<wbr/>(t)</code>、<code>x.SetInt<wbr/>(1)</code>、"
                + "<code>background()</code>、<code>new(T)</code>、<code>abc.<wbr/>f(x, y)</code></p>",
                CodeWraps.inline(x, java.util.Set.of()));
    }
}
