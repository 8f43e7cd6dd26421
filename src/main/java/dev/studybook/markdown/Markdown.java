package dev.studybook.markdown;

import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.emoji.EmojiExtension;
import com.vladsch.flexmark.ext.emoji.EmojiImageType;
import com.vladsch.flexmark.ext.emoji.EmojiShortcutType;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.ParserEmulationProfile;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;

/** The one flexmark configuration of studybook: CommonMark with the GitHub extensions, emoji shortcodes and CJK-friendly emphasis. */
final class Markdown {

    static final DataHolder OPTIONS = options();
    static final Parser PARSER = Parser.builder(OPTIONS).build();
    static final HtmlRenderer RENDERER = HtmlRenderer.builder(OPTIONS).build();
    /**
     * Index pages are read with GitHub's document list rules, as GitBook and HonKit read SUMMARY.md: any deeper
     * indentation nests, so "  1. [3.1](a.md)" under "1. [3](b.md)" is a sub-chapter.
     */
    static final Parser INDEX_PARSER = Parser.builder(indexOptions()).build();

    private Markdown() {
    }

    private static DataHolder indexOptions() {
        MutableDataSet o = new MutableDataSet(OPTIONS);
        o.setFrom(ParserEmulationProfile.GITHUB_DOC);
        return o.toImmutable();
    }

    private static DataHolder options() {
        MutableDataSet o = new MutableDataSet();
        o.set(Parser.EXTENSIONS, List.of(
                TablesExtension.create(),
                DefinitionExtension.create(),
                StrikethroughExtension.create(),
                TaskListExtension.create(),
                LinearAutolinks.create(),
                PictureReferenceLinks.create(),
                FootnoteExtension.create(),
                MathExtension.create(),
                EmojiExtension.create(),
                CjkEmphasis.create(),
                StudybookHtmlExtension.create(),
                LinearParsing.create()));
        // :+1: and :smile: as the characters themselves (GitHub's names first), never as pictures fetched from a site.
        o.set(EmojiExtension.USE_IMAGE_TYPE, EmojiImageType.UNICODE_ONLY);
        o.set(EmojiExtension.USE_SHORTCUT_TYPE, EmojiShortcutType.ANY_GITHUB_PREFERRED);
        // GitHub-flavoured tables: a header row, as many columns as the separator row says.
        // Definition lists as Hugo (Goldmark), kramdown and PHP Markdown Extra write them: ": " only; a line of prose
        // that starts with "~ " (about, roughly) stays prose.
        o.set(DefinitionExtension.TILDE_MARKER, false);
        o.set(TablesExtension.COLUMN_SPANS, false);
        o.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        o.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        o.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        // Real books link to "<Chapter 1.md>" and even "Chapter 1.md": both are links.
        o.set(Parser.SPACE_IN_LINK_URLS, true);
        // Every block and link is marked with its source line: without the line table flexmark finds a line
        // by counting from the top of the file each time, which made a chapter's rendering quadratic.
        o.set(Parser.TRACK_DOCUMENT_LINES, true);
        // Ids are made once, book-wide, after the HTML is cleaned.
        o.set(HtmlRenderer.GENERATE_HEADER_ID, false);
        o.set(HtmlRenderer.RENDER_HEADER_ID, false);
        o.set(HtmlRenderer.SOFT_BREAK, "\n");
        // Attributes embedded in the tree ({#id .class}) are not a syntax studybook reads; their provider searches the
        // rendered node's children for each tag, so the footnotes at a document's end cost the square of their count
        // (100,000 footnotes: minutes).
        o.set(HtmlRenderer.EMBEDDED_ATTRIBUTE_PROVIDER, false);
        o.set(HtmlRenderer.FENCED_CODE_NO_LANGUAGE_CLASS, "");
        return o.toImmutable();
    }
}
