package dev.studybook.preprocess;

import dev.studybook.model.SourceText;
import java.util.List;

/** The preprocessors every chapter goes through, in this order: adding one is a class and a line here. */
public final class Preprocessors {

    /**
     * Front matter first (it must be at the top of the file as written); then the includes (javascript.info's tasks,
     * mdBook's helpers, Obsidian's note embeds), so that what they bring in is processed like the rest; then the
     * syntaxes that become blocks.
     */
    public static final List<Preprocessor> ALL = List.of(
            new FrontMatter(),
            new JavascriptInfo(),
            new MdBookIncludes(),
            new ObsidianSyntax(),
            new GitBookTags(),
            new HugoShortcodes(),
            new MystSyntax(),
            new MkDocsBlocks(),
            new SvelteBlocks(),
            new MdxSyntax(),
            new HeadingAttributes(),
            new Containers(),
            new GitHubAlerts(),
            new TocMarker());

    private Preprocessors() {
    }

    /** Runs every preprocessor over a chapter's text. */
    public static SourceText run(SourceText text, PreprocessContext context) {
        SourceText t = text;
        for (Preprocessor p : ALL) {
            SourceText next = p.run(t, context);
            // A preprocessor that rewrites lines builds a new text; what the front matter said stays with it.
            if (next != t && next.frontMatter().isEmpty() && !t.frontMatter().isEmpty()) {
                next = next.withFrontMatter(t.frontMatter());
            }
            t = next;
        }
        return t;
    }
}
