package dev.studybook.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.DoNotDecorate;
import com.vladsch.flexmark.util.ast.DoNotLinkDecorate;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * flexmark's autolinks (bare URLs, www. addresses and e-mail addresses become links), without a cost that grows with
 * the square of a text's backslash escapes: its autolink pass unescapes each text through a segment builder that grows
 * by one slot at a time ({@code prevSize + prevSize >> 1} is {@code prevSize}), so 50,000 escapes in one paragraph
 * copied billions of array slots. A text with many escapes is handed to it in pieces cut after whitespace, which no
 * link crosses; a text that cannot hold a link is not handed to it at all.
 */
final class LinearAutolinks implements Parser.ParserExtension {

    /** The most backslash escapes and entities in one text flexmark's pass is given; a longer word is left unlinked. */
    static final int MAX_ESCAPES = 1_000;

    /**
     * The square of the escapes of every text handed to flexmark's pass, summed: the work its segment builder does,
     * for tests that check it grows linearly with the input.
     */
    static final AtomicLong ESCAPE_WORK = new AtomicLong();

    private LinearAutolinks() {
    }

    static LinearAutolinks create() {
        return new LinearAutolinks();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessorFactory(new Factory());
    }

    private static final class Factory extends NodePostProcessorFactory {
        Factory() {
            super(false);
            addNodes(Text.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            return new Pieces(new AutolinkNodePostProcessor(document));
        }
    }

    private static final class Pieces extends NodePostProcessor {
        private final AutolinkNodePostProcessor flexmark;

        Pieces(AutolinkNodePostProcessor flexmark) {
            this.flexmark = flexmark;
        }

        @Override
        public void process(NodeTracker state, Node node) {
            BasedSequence chars = node.getChars();
            int escapes = escapes(chars, 0, chars.length());
            if (escapes <= MAX_ESCAPES) {
                hand(state, node, escapes);
                return;
            }
            if (!mayHoldLink(chars) || node.getAncestorOfType(DoNotDecorate.class, DoNotLinkDecorate.class) != null) {
                return;
            }
            List<Text> pieces = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            int start = 0;
            int inPiece = 0;
            int word = 0;
            while (word < chars.length()) {
                int end = word;
                while (end < chars.length() && !Character.isWhitespace(chars.charAt(end))) {
                    end++;
                }
                while (end < chars.length() && Character.isWhitespace(chars.charAt(end))) {
                    end++;
                }
                int inWord = escapes(chars, word, end);
                if (word > start && inPiece + inWord > MAX_ESCAPES) {
                    pieces.add(new Text(chars.subSequence(start, word)));
                    counts.add(inPiece);
                    start = word;
                    inPiece = 0;
                }
                inPiece += inWord;
                word = end;
            }
            if (pieces.isEmpty()) {
                // One word with too many escapes: left as text.
                return;
            }
            pieces.add(new Text(chars.subSequence(start, chars.length())));
            counts.add(inPiece);
            for (Text piece : pieces) {
                node.insertBefore(piece);
                state.nodeAdded(piece);
            }
            node.unlink();
            state.nodeRemoved(node);
            for (int i = 0; i < pieces.size(); i++) {
                if (counts.get(i) <= MAX_ESCAPES) {
                    hand(state, pieces.get(i), counts.get(i));
                }
            }
        }

        private void hand(NodeTracker state, Node node, int escapes) {
            ESCAPE_WORK.addAndGet((long) escapes * escapes);
            flexmark.process(state, node);
        }
    }

    /** Backslash escapes and entities (what flexmark's unescaping replaces) in {@code s} from {@code from} to {@code to}. */
    static int escapes(CharSequence s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '&') {
                n++;
            } else if (c == '\\' && i + 1 < to && isAsciiPunctuation(s.charAt(i + 1))) {
                n++;
                i++;
            }
        }
        return n;
    }

    private static boolean isAsciiPunctuation(char c) {
        return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';
    }

    /**
     * Whether flexmark could find a link in the text: a URL and a scheme need ':', an e-mail address '@', a www.
     * address "www" (escapes do not hide letters); an entity could stand for any of them.
     */
    static boolean mayHoldLink(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':' || c == '@' || c == '&') {
                return true;
            }
            if ((c == 'w' || c == 'W') && i + 2 < s.length() && (s.charAt(i + 1) | 0x20) == 'w' && (s.charAt(i + 2) | 0x20) == 'w') {
                return true;
            }
        }
        return false;
    }
}
