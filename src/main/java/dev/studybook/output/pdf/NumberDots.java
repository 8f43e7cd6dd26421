package dev.studybook.output.pdf;

import com.openhtmltopdf.extend.FSTextBreaker;
import com.openhtmltopdf.layout.UrlAwareLineBreakIterator;
import dev.studybook.output.CodePieces;
import java.text.BreakIterator;
import java.util.Locale;

/**
 * The renderer's line breaker without breaks after a dot between digits. The JDK's line BreakIterator (which
 * OpenHTMLtoPDF uses) keeps "1.26.8" whole but breaks a version glued to letters after its first dot: content/ set
 * "go1." at a line's end and "26.8）：" on the next (its page 45), as it would "v1." / "2".
 */
final class NumberDots implements FSTextBreaker {

    private final FSTextBreaker direct;
    private final FSTextBreaker urlAware;
    /** The breaker for the current text: the URL-aware one only for text with a slash (see setText). */
    private FSTextBreaker delegate;
    private String text = "";

    private NumberDots(BreakIterator plain) {
        this.direct = new Plain(plain);
        this.urlAware = new UrlAwareLineBreakIterator(plain);
        this.delegate = urlAware;
    }

    /** The renderer's own breaker (URL-aware, US rules), wrapped; one per renderer: it holds the text it breaks. */
    static NumberDots lineBreaker() {
        return new NumberDots(BreakIterator.getLineInstance(Locale.US));
    }

    /**
     * Text without a slash goes to the JDK's breaker directly: OpenHTMLtoPDF's URL-aware breaker adds a break only
     * before a slash and otherwise gives the JDK's breaks, but searches the rest of the text for a slash at every
     * break, for each paragraph's text run a cost of its length squared (5 % of the 1 MB book's PDF CPU time).
     */
    @Override
    public void setText(String newText) {
        text = newText;
        delegate = newText.indexOf('/') < 0 ? direct : urlAware;
        delegate.setText(newText);
    }

    @Override
    public int next() {
        int at = delegate.next();
        while (at != BreakIterator.DONE && insideNumber(text, at)) {
            at = delegate.next();
        }
        return at;
    }

    /** The JDK's breaker as the renderer's. */
    private record Plain(BreakIterator breaker) implements FSTextBreaker {
        @Override
        public int next() {
            return breaker.next();
        }

        @Override
        public void setText(String newText) {
            breaker.setText(newText);
        }
    }

    /** Whether a break before {@code s.charAt(at)} would part a digit, a dot and a digit ("1." / "26"). */
    static boolean insideNumber(CharSequence s, int at) {
        return at >= 2 && at < s.length() && CodePieces.numberDot(s.charAt(at - 2), s.charAt(at - 1), s.charAt(at));
    }
}
