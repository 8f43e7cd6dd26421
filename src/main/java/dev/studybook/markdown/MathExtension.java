package dev.studybook.markdown;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.BitSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * TeX math as pandoc and markdown-it's dollar-math read it: {@code $…$} and {@code \(…\)} inline,
 * {@code $$…$$} and {@code \[…\]} displayed (on lines of their own, or inline). An opening {@code $} must be
 * followed by a non-space, a closing one preceded by a non-space and not followed by a digit, so prices
 * ({@code $5 and $10}) and shell variables ({@code $HOME}) stay text; {@code \$} is a dollar. Code spans and code
 * blocks are parsed first, so math inside code stays code.
 */
final class MathExtension implements Parser.ParserExtension {

    static MathExtension create() {
        return new MathExtension();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customInlineParserExtensionFactory(new InlineFactory());
        builder.customBlockParserFactory(new BlockFactory());
    }

    /** Math within a paragraph. */
    static final class MathInline extends Node {
        final String tex;
        final boolean display;

        MathInline(BasedSequence chars, String tex, boolean display) {
            super(chars);
            this.tex = tex;
            this.display = display;
        }

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    /** Displayed math on lines of its own; {@code closed} is false when a blank line came before the closing mark. */
    static final class MathBlock extends Block {
        String tex = "";
        boolean closed;
        String opening = "";

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    private static final class InlineFactory implements InlineParserExtensionFactory {
        @Override
        public CharSequence getCharacters() {
            return "$\\";
        }

        @Override
        public InlineParserExtension apply(LightInlineParser p) {
            return new InlineMath();
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    }

    /** Characters looked at while searching for inline math's closing mark, for tests that check the work grows linearly. */
    static final AtomicLong SCANNED = new AtomicLong();

    private static final class InlineMath implements InlineParserExtension {
        /** Searches for "\\)", "\\]", "$$" and a single "$" that reached the paragraph's end, by closing mark. */
        private final Misses parenMisses = new Misses();
        private final Misses bracketMisses = new Misses();
        private final Misses displayMisses = new Misses();
        private final Misses inlineMisses = new Misses();

        @Override
        public void finalizeDocument(InlineParser inlineParser) {
        }

        @Override
        public void finalizeBlock(InlineParser inlineParser) {
        }

        @Override
        public boolean parse(LightInlineParser p) {
            BasedSequence input = p.getInput();
            int i = p.getIndex();
            int n = input.length();
            char c = input.charAt(i);
            int start;
            int end;
            boolean display;
            if (c == '\\') {
                if (i + 1 >= n || (input.charAt(i + 1) != '(' && input.charAt(i + 1) != '[')) {
                    return false;
                }
                display = input.charAt(i + 1) == '[';
                String close = display ? "\\]" : "\\)";
                start = i + 2;
                end = indexOf(input, close, start, display ? bracketMisses : parenMisses);
                if (end < 0 || !looksLikeTex(input.subSequence(start, end).toString())) {
                    return false;
                }
                add(p, input, i, end + 2, start, end, display);
                return true;
            }
            if (i > 0 && input.charAt(i - 1) == '$') {
                return false;
            }
            if (i + 1 < n && input.charAt(i + 1) == '$') {
                start = i + 2;
                end = indexOf(input, "$$", start, displayMisses);
                if (end < 0 || input.subSequence(start, end).isBlank()) {
                    return false;
                }
                add(p, input, i, end + 2, start, end, true);
                return true;
            }
            start = i + 1;
            if (start >= n || Character.isWhitespace(input.charAt(start))) {
                return false;
            }
            if (inlineMisses.known(input, start)) {
                return false;
            }
            BitSet skipped = new BitSet();
            for (int j = start; j < n; j++) {
                char x = input.charAt(j);
                if (x == '\\') {
                    j++;
                    skipped.set(j - start);
                    continue;
                }
                if (x == '$' && j > start && !Character.isWhitespace(input.charAt(j - 1))
                        && (j + 1 >= n || !Character.isDigit(input.charAt(j + 1)))) {
                    SCANNED.addAndGet(j - start);
                    add(p, input, i, j + 1, start, j, false);
                    return true;
                }
            }
            SCANNED.addAndGet(n - start);
            inlineMisses.record(input, start, skipped);
            return false;
        }

        private static void add(LightInlineParser p, BasedSequence input, int from, int to, int start, int end,
                boolean display) {
            p.flushTextNode();
            p.getBlock().appendChild(new MathInline(input.subSequence(from, to), input.subSequence(start, end).toString(),
                    display));
            p.setIndex(to);
        }

        /** Where {@code what} starts at or after {@code from}, a backslash escaping the next character, or -1. */
        private static int indexOf(BasedSequence s, String what, int from, Misses misses) {
            if (misses.known(s, from)) {
                return -1;
            }
            BitSet skipped = new BitSet();
            for (int j = from; j + what.length() <= s.length(); j++) {
                if (s.charAt(j) == '\\' && what.charAt(0) != '\\') {
                    j++;
                    skipped.set(j - from);
                    continue;
                }
                if (s.subSequence(j, j + what.length()).matchChars(what)) {
                    SCANNED.addAndGet(j - from);
                    return j;
                }
            }
            SCANNED.addAndGet(s.length() - from);
            misses.record(s, from, skipped);
            return -1;
        }
    }

    /**
     * The last search for a closing mark that reached the end of a paragraph without finding it: a later search of the
     * same paragraph from a position that search looked at (not one a backslash made it skip) goes the same way and
     * fails too, so it is answered at once. Searching again each time made n unclosed {@code $} in one paragraph cost
     * n² characters.
     */
    private static final class Misses {
        private BasedSequence input;
        private int from = -1;
        /** Positions the search skipped, counted from {@link #from}. */
        private BitSet skipped = new BitSet();

        boolean known(BasedSequence s, int start) {
            return s == input && start >= from && !skipped.get(start - from);
        }

        void record(BasedSequence s, int start, BitSet skippedPositions) {
            input = s;
            from = start;
            skipped = skippedPositions;
        }
    }

    /**
     * True when text between {@code \(…\)} or {@code \[…\]} reads as TeX: Markdown authors also write
     * {@code \[1\]}, {@code \[注\]} or {@code \[TOC\]} to keep brackets from becoming a link, and those stay text. TeX
     * has a command, an operator or a brace, or is a single letter.
     */
    static boolean looksLikeTex(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return false;
        }
        if (t.length() == 1 && Character.isLetter(t.charAt(0)) && t.charAt(0) < 0x80) {
            return true;
        }
        for (int i = 0; i < t.length(); i++) {
            if ("\\^_={}+-*/<>|".indexOf(t.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static final class BlockFactory implements CustomBlockParserFactory {
        @Override
        public BlockParserFactory apply(DataHolder options) {
            return new AbstractBlockParserFactory(options) {
                @Override
                public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
                    if (state.getIndent() >= 4) {
                        return BlockStart.none();
                    }
                    BasedSequence line = state.getLine();
                    String rest = line.subSequence(state.getNextNonSpaceIndex()).toString().strip();
                    String open;
                    String close;
                    if (rest.startsWith("$$")) {
                        open = "$$";
                        close = "$$";
                    } else if (rest.startsWith("\\[")) {
                        open = "\\[";
                        close = "\\]";
                    } else {
                        return BlockStart.none();
                    }
                    String after = rest.substring(open.length());
                    int closeAt = after.indexOf(close);
                    if (closeAt >= 0 && closeAt + close.length() != after.length()) {
                        // "$$a$$ and more": inline math in a paragraph.
                        return BlockStart.none();
                    }
                    MathBlockParser parser = new MathBlockParser(open, close);
                    parser.block.setChars(line);
                    if (closeAt >= 0) {
                        String tex = after.substring(0, closeAt);
                        if (tex.isBlank() || (open.equals("\\[") && !looksLikeTex(tex))) {
                            return BlockStart.none();
                        }
                        parser.text.append(after, 0, closeAt);
                        parser.block.closed = true;
                        parser.done = true;
                    } else if (!after.isBlank()) {
                        parser.text.append(after).append('\n');
                    }
                    return BlockStart.of(parser).atIndex(line.length());
                }
            };
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    }

    private static final class MathBlockParser extends AbstractBlockParser {
        final MathBlock block = new MathBlock();
        final String close;
        final StringBuilder text = new StringBuilder();
        boolean done;

        MathBlockParser(String open, String close) {
            this.close = close;
            block.opening = open;
        }

        @Override
        public Block getBlock() {
            return block;
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            if (done || state.isBlank()) {
                return BlockContinue.none();
            }
            String line = state.getLine().toString().stripTrailing();
            if (line.endsWith(close)) {
                text.append(line, 0, line.length() - close.length());
                block.closed = true;
                done = true;
                return BlockContinue.finished();
            }
            text.append(line).append('\n');
            return BlockContinue.atIndex(state.getLineEndIndex());
        }

        @Override
        public void addLine(ParserState state, BasedSequence line) {
        }

        @Override
        public void closeBlock(ParserState state) {
            block.tex = text.toString().strip();
        }
    }
}
