package dev.studybook.markdown;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * flexmark's heading parser made linear in the length of a paragraph: it asks for the whole
 * paragraph so far on every line, before looking at the line: a paragraph of n lines (50,000 link reference
 * definitions in a row) cost n² segments; here it is asked only about lines that can be headings (a line starting
 * with '#', or a setext underline of '=' or '-'), every other line is answered "no heading" at once, as flexmark
 * would answer it. (Its inline parser still copies the whole paragraph for each regular-expression match, through
 * {@code Matcher.toMatchResult()} on Java 17: replacing the inline parser lost reference definitions, so that path
 * is left as it is.)
 */
final class LinearParsing implements Parser.ParserExtension {

    /** Lines handed on to flexmark's heading parser, for tests that check the work grows linearly. */
    static final AtomicLong DELEGATED = new AtomicLong();

    private LinearParsing() {
    }

    static LinearParsing create() {
        return new LinearParsing();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
        // flexmark's own heading parser is replaced by the one below, which wraps it.
        options.set(Parser.HEADING_PARSER, false);
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new Factory());
    }

    /** True when the line, from its first non-space character, may start an ATX heading or be a setext underline. */
    static boolean mayBeHeading(BasedSequence line, int from) {
        if (from >= line.length()) {
            return false;
        }
        char first = line.charAt(from);
        if (first == '#') {
            return true;
        }
        if (first != '=' && first != '-') {
            return false;
        }
        int i = from;
        while (i < line.length() && line.charAt(i) == first) {
            i++;
        }
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '\r'
                || line.charAt(i) == '\n')) {
            i++;
        }
        return i == line.length();
    }

    private static final class Factory implements CustomBlockParserFactory {
        private final HeadingParser.Factory flexmark = new HeadingParser.Factory();

        @Override
        public Set<Class<?>> getAfterDependents() {
            return flexmark.getAfterDependents();
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return flexmark.getBeforeDependents();
        }

        @Override
        public boolean affectsGlobalScope() {
            return flexmark.affectsGlobalScope();
        }

        @Override
        public SpecialLeadInHandler getLeadInHandler(DataHolder options) {
            return flexmark.getLeadInHandler(options);
        }

        @Override
        public BlockParserFactory apply(DataHolder options) {
            BlockParserFactory headings = flexmark.apply(options);
            return new BlockParserFactory() {
                @Override
                public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
                    if (!mayBeHeading(state.getLine(), state.getNextNonSpaceIndex())) {
                        return BlockStart.none();
                    }
                    DELEGATED.incrementAndGet();
                    return headings.tryStart(state, matched);
                }
            };
        }
    }
}
