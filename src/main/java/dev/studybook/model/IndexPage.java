package dev.studybook.model;

import java.util.List;

/**
 * What an index page (README.md or SUMMARY.md) says, before any link is resolved: its title, its first
 * paragraph and, in order, its headings, links and separators.
 */
public record IndexPage(String title, String description, List<Item> items) {

    public IndexPage {
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        items = List.copyOf(items);
    }

    /** One thing on the index page, with its 1-based source line. */
    public sealed interface Item permits HeadingItem, LinkItem, LabelItem, SeparatorItem {
        int line();
    }

    /** A heading (not the page's title), which may start a part. */
    public record HeadingItem(int level, String text, int line) implements Item {
    }

    /**
     * A link, nested {@code depth} list levels deep (0 outside lists); {@code url} is as written,
     * {@code text} is the link text as plain text.
     */
    public record LinkItem(String text, String url, int depth, int line) implements Item {
    }

    /** A list item without a link (a GitBook group title such as "* 实践篇"), nested like a link would be. */
    public record LabelItem(String text, int depth, int line) implements Item {
    }

    /** A thematic break ({@code ---}), which mdBook uses between groups of chapters. */
    public record SeparatorItem(int line) implements Item {
    }
}
