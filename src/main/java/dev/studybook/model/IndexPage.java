package dev.studybook.model;

import java.util.List;
import java.util.Map;

/**
 * What an index page (README.md, SUMMARY.md, a docsify sidebar) says, before any link is resolved: its title, its
 * first paragraph, its front matter and, in order, its headings, links, group labels and separators.
 *
 * @param frontMatter the simple {@code key: value} lines of a YAML front matter block at its top
 * @param proseLines  how many non-blank lines hold something other than headings, separators and comments: what
 *                    tells a contents page (mostly links) from a chapter that has a few
 */
public record IndexPage(String title, String description, List<Item> items, Map<String, String> frontMatter,
        int proseLines) {

    public IndexPage {
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        items = List.copyOf(items);
        frontMatter = Map.copyOf(frontMatter);
    }

    public IndexPage(String title, String description, List<Item> items) {
        this(title, description, items, Map.of(), 0);
    }

    /** One thing on the index page, with its 1-based source line. */
    public sealed interface Item permits HeadingItem, LinkItem, LabelItem, SeparatorItem {
        int line();
    }

    /** A heading (not the page's title), which may start a part; {@code id} is its HTML id when it has one. */
    public record HeadingItem(int level, String text, int line, String id) implements Item {
        public HeadingItem(int level, String text, int line) {
            this(level, text, line, "");
        }
    }

    /**
     * A link, nested {@code depth} list levels deep (0 outside lists); {@code url} is as written, {@code text} is the
     * link text as plain text.
     *
     * @param heading   the level of the heading the link stands in, 0 when it is not in a heading
     * @param imageOnly true when the link shows only a picture (a badge, a logo)
     * @param before    the text before the link in its paragraph or list item ("1.1 ", "上一节："), as written
     * @param alone     true when the link is the only link of its paragraph or list item
     */
    public record LinkItem(String text, String url, int depth, int line, int heading, boolean imageOnly, String before,
            boolean alone) implements Item {

        public LinkItem(String text, String url, int depth, int line) {
            this(text, url, depth, line, 0, false, "", true);
        }
    }

    /** A list item without a link (a GitBook group title such as "* 实践篇"), nested like a link would be. */
    public record LabelItem(String text, int depth, int line) implements Item {
    }

    /** A thematic break ({@code ---}), which mdBook uses between groups of chapters. */
    public record SeparatorItem(int line) implements Item {
    }
}
