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

    private final FSTextBreaker delegate;
    private String text = "";

    private NumberDots(FSTextBreaker delegate) {
        this.delegate = delegate;
    }

    /** The renderer's own breaker (URL-aware, US rules), wrapped; one per renderer: it holds the text it breaks. */
    static NumberDots lineBreaker() {
        return new NumberDots(new UrlAwareLineBreakIterator(BreakIterator.getLineInstance(Locale.US)));
    }

    @Override
    public void setText(String newText) {
        text = newText;
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

    /** Whether a break before {@code s.charAt(at)} would part a digit, a dot and a digit ("1." / "26"). */
    static boolean insideNumber(CharSequence s, int at) {
        return at >= 2 && at < s.length() && CodePieces.numberDot(s.charAt(at - 2), s.charAt(at - 1), s.charAt(at));
    }
}
