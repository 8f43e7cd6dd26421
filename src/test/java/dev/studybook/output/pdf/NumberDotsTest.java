package dev.studybook.output.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openhtmltopdf.extend.FSTextBreaker;
import com.openhtmltopdf.layout.UrlAwareLineBreakIterator;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The PDF's line breaker gives text without a slash to the JDK's breaker directly (OpenHTMLtoPDF's URL-aware one
 * searched the rest of the text for a slash at every break): its breaks stay those of the URL-aware breaker, less the
 * breaks inside a number, on text with and without slashes, one breaker reused from text to text as the renderer does.
 */
class NumberDotsTest {

    private static final List<String> TEXTS = List.of(
            "调度器负责唤醒等待中的协程，运行时会在系统调用返回后检查本地队列。",
            "see https://go.dev/doc/effective_go#slices and /usr/local/go/src/runtime/proc.go, then a/b/c",
            "Go 1.26.8 之后，go1.26.8）：版本号 v1.2 不再在点后断开",
            "http://example.com/a/b 与 ftp://host//x 都是地址；路径 ./cmd/ 与 // 注释",
            "",
            "/",
            "a://b",
            "sync.Pool 的 Get/Put 与 runtime/internal/atomic 的 Load/Store");

    @Test
    void breaksAreTheUrlAwareBreakersLessThoseInsideNumbers() {
        FSTextBreaker breaker = NumberDots.lineBreaker();
        FSTextBreaker reference = new UrlAwareLineBreakIterator(BreakIterator.getLineInstance(Locale.US));
        // Twice through: a text without a slash after one with, and the other way round.
        for (int round = 0; round < 2; round++) {
            for (String text : TEXTS) {
                List<Integer> expected = new ArrayList<>();
                reference.setText(text);
                for (int at = reference.next(); at != BreakIterator.DONE; at = reference.next()) {
                    if (!NumberDots.insideNumber(text, at)) {
                        expected.add(at);
                    }
                }
                breaker.setText(text);
                List<Integer> actual = new ArrayList<>();
                for (int at = breaker.next(); at != BreakIterator.DONE; at = breaker.next()) {
                    actual.add(at);
                }
                assertEquals(expected, actual, text);
            }
        }
    }

    @Test
    void aSlashStillOpensABreak() {
        // The URL-aware breaker's own break, before a path's slash, which the JDK's breaker does not give.
        String text = "https://go.dev/doc/effective_go";
        FSTextBreaker breaker = NumberDots.lineBreaker();
        breaker.setText(text);
        List<Integer> breaks = new ArrayList<>();
        for (int at = breaker.next(); at != BreakIterator.DONE; at = breaker.next()) {
            breaks.add(at);
        }
        assertTrue(breaks.contains(text.indexOf("/doc")), breaks.toString());
    }
}
