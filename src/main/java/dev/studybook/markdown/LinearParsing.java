package dev.studybook.markdown;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.CommonmarkInlineParser;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two of flexmark's paths made linear in the length of a paragraph. (1) Its heading parser asks for the whole
 * paragraph so far on every line, before looking at the line: a paragraph of n lines (50,000 link reference
 * definitions in a row) cost n² segments; here it is asked only about lines that can be headings (a line starting
 * with '#', or a setext underline of '=' or '-'), every other line is answered "no heading" at once, as flexmark
 * would answer it. (2) Its inline parser reads each regular-expression match through {@code Matcher.toMatchResult()},
 * which on Java 17 copies the whole rest of the paragraph: n reference definitions, links, images, autolinks, code
 * spans, entities or HTML tags in one paragraph cost n² characters; here the match is read from the matcher itself.
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
        builder.customInlineParserFactory(Inlines::new);
        // flexmark reads link reference definitions ("[x]: url") with a paragraph pre-processor that it adds only
        // when its own inline parser factory is in use (DocumentParser.calculateParagraphPreProcessors): with the one
        // above every definition was lost, unless it is added here. Its table pre-processor asks to run after it.
        if (Parser.REFERENCE_PARAGRAPH_PRE_PROCESSOR.get(builder)) {
            builder.paragraphPreProcessorFactory(new ReferencePreProcessorFactory());
        }
    }

    /** flexmark's CommonMark inline parser, reading matches without copying the rest of the paragraph. */
    private static final class Inlines extends CommonmarkInlineParser {
        Inlines(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
                List<InlineParserExtensionFactory> extensions) {
            super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors, extensions);
        }

        /** flexmark's {@code match}: the same search from the current index, the same result and index. */
        @Override
        public BasedSequence match(Pattern re) {
            Matcher m = find(re);
            if (m == null) {
                return null;
            }
            return input.subSequence(m.start(), m.end());
        }

        /** flexmark's {@code matchWithGroups}: groups that took no part in the match are null. */
        @Override
        public BasedSequence[] matchWithGroups(Pattern re) {
            Matcher m = find(re);
            if (m == null) {
                return null;
            }
            BasedSequence[] groups = new BasedSequence[m.groupCount() + 1];
            groups[0] = input.subSequence(m.start(), m.end());
            for (int i = 1; i < groups.length; i++) {
                groups[i] = m.start(i) < 0 ? null : input.subSequence(m.start(i), m.end(i));
            }
            return groups;
        }

        /** The matcher after a successful search from the index to the input's end (the index moved to its end), or null. */
        private Matcher find(Pattern re) {
            if (index >= input.length()) {
                return null;
            }
            Matcher m = re.matcher(input);
            m.region(index, input.length());
            if (!m.find()) {
                return null;
            }
            index = m.end();
            return m;
        }
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
