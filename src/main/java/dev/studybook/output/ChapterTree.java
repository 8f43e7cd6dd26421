package dev.studybook.output;

import dev.studybook.model.Chapter;
import java.util.ArrayList;
import java.util.List;

/** Chapters of a part nested by their depth (sub-chapters under their chapter), for tables of contents. */
public record ChapterTree(Chapter chapter, List<ChapterTree> children) {

    public ChapterTree {
        children = List.copyOf(children);
    }

    /** The chapters of one part as a forest, in reading order. */
    public static List<ChapterTree> of(List<Chapter> chapters) {
        return build(chapters, 0, chapters.size(), chapters.isEmpty() ? 1 : chapters.get(0).depth());
    }

    private static List<ChapterTree> build(List<Chapter> chapters, int from, int to, int depth) {
        List<ChapterTree> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            Chapter c = chapters.get(i);
            int j = i + 1;
            while (j < to && chapters.get(j).depth() > c.depth()) {
                j++;
            }
            out.add(new ChapterTree(c, build(chapters, i + 1, j, c.depth() + 1)));
            i = j;
        }
        return out;
    }
}
