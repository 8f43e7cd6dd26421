package dev.studybook.preprocess;

import dev.studybook.model.SourceText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Svelte's logic blocks on lines of their own, as Hugging Face's doc-builder pages write them around text for one
 * framework or another ({@code {#if fw === 'pt'}} … {@code {:else}} … {@code {/if}}): the first branch is kept, the
 * one the site shows first, and the others are left out. Read as Markdown, huggingface/course printed the markers
 * and both frameworks' code and prose one after the other (84 such blocks in its English chapters).
 */
final class SvelteBlocks implements Preprocessor {

    /** What stands before a marker: indentation, and the {@code >} of a quotation it is in. */
    private static final String PREFIX = "^([ \\t]*(?:>[ \\t]?)*)[ \\t]*";
    private static final Pattern IF = Pattern.compile(PREFIX + "\\{#if\\s[^{}]*\\}[ \\t]*$");
    private static final Pattern ELSE = Pattern.compile(PREFIX + "\\{:else(?:\\s+if\\s[^{}]*)?\\}[ \\t]*$");
    private static final Pattern END = Pattern.compile(PREFIX + "\\{/if\\}[ \\t]*$");

    @Override
    public String name() {
        return "svelte-blocks";
    }

    @Override
    public SourceText run(SourceText text, PreprocessContext context) {
        String t = text.text();
        if (!t.contains("{/if}") || !t.contains("{#if")) {
            return text;
        }
        CodeFences fences = new CodeFences();
        List<SourceText.Line> out = new ArrayList<>();
        // One entry per open block: whether the branch being read is kept.
        Deque<Boolean> open = new ArrayDeque<>();
        boolean changed = false;
        for (SourceText.Line l : text.lines()) {
            String s = l.text();
            boolean keep = !open.contains(false);
            // A block's markers inside a left-out branch still count, so that nesting is followed; a fence there
            // is not read as one (the branch is not Markdown the book shows).
            if (keep && fences.inCode(s)) {
                out.add(l);
                continue;
            }
            if (IF.matcher(s).matches()) {
                open.push(true);
                changed = true;
            } else if (!open.isEmpty() && ELSE.matcher(s).matches()) {
                open.pop();
                open.push(false);
            } else if (!open.isEmpty() && END.matcher(s).matches()) {
                open.pop();
            } else if (keep) {
                out.add(l);
                continue;
            } else {
                continue;
            }
            // The marker's line stays, empty (in a quotation, its '>' alone), so that a branch's first line starts a
            // block of its own and a quotation goes on.
            out.add(new SourceText.Line(s.replaceFirst("^([ \\t]*(?:>[ \\t]?)*).*$", "$1").stripTrailing(), l.file(),
                    l.line()));
        }
        if (!changed) {
            return text;
        }
        SourceText.Builder b = SourceText.builder(text.file());
        out.forEach(b::add);
        return b.build();
    }
}
