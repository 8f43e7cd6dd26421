package dev.studybook.output;

import dev.studybook.model.Chapter;
import dev.studybook.model.Heading;
import java.util.ArrayList;
import java.util.List;

/** A chapter's headings from level 2 down to a depth, nested, for tables of contents and bookmarks. */
public record Sections(Heading heading, List<Sections> children) {

    public Sections {
        children = List.copyOf(children);
    }

    /**
     * The sections of a chapter for a table of contents {@code tocDepth} deep: depth 1 lists chapters only,
     * depth 2 adds their level-2 headings, depth 3 the level-3 headings under those, and so on.
     */
    public static List<Sections> of(Chapter chapter, int tocDepth) {
        List<Heading> hs = chapter.headings().stream().filter(h -> h.level() >= 2 && h.level() <= tocDepth).toList();
        return build(hs, 0, hs.size());
    }

    private static List<Sections> build(List<Heading> hs, int from, int to) {
        List<Sections> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            Heading h = hs.get(i);
            int j = i + 1;
            while (j < to && hs.get(j).level() > h.level()) {
                j++;
            }
            out.add(new Sections(h, build(hs, i + 1, j)));
            i = j;
        }
        return out;
    }
}
