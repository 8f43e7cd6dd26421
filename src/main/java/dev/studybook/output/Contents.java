package dev.studybook.output;

import dev.studybook.model.Book;
import dev.studybook.model.Chapter;
import dev.studybook.model.ChapterBody;
import dev.studybook.model.Heading;
import dev.studybook.model.Part;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a book's table of contents, as every output lists it (the PDF's contents page and bookmarks, the
 * EPUB's navigation document and NCX): a titled part, a chapter (its sub-chapters nested by depth), or a section
 * of a chapter down to the depth asked for. An entry leads to {@link #target()}.
 *
 * @param children a chapter's sections come before its sub-chapters
 */
public record Contents(Kind kind, String label, ChapterBody.ChapterLink target, List<Contents> children) {

    /** What an entry is. */
    public enum Kind { PART, CHAPTER, SECTION }

    public Contents {
        children = List.copyOf(children);
    }

    /**
     * The table of contents of {@code book} to {@code depth}: 1 lists chapters only, 2 adds their level-2
     * headings, 3 the level-3 headings under those, and so on. Chapters outside a titled part are top-level entries.
     */
    public static List<Contents> of(Book book, int depth) {
        List<Contents> out = new ArrayList<>();
        for (Part part : book.parts()) {
            List<Contents> chapters = chapters(part.chapters(), 0, part.chapters().size(), depth);
            if (part.hasTitle() && !part.chapters().isEmpty()) {
                out.add(new Contents(Kind.PART, part.title(), new ChapterBody.ChapterLink(part.chapters().get(0).id(), ""),
                        chapters));
            } else {
                out.addAll(chapters);
            }
        }
        return out;
    }

    private static List<Contents> chapters(List<Chapter> chapters, int from, int to, int depth) {
        List<Contents> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            Chapter c = chapters.get(i);
            int j = i + 1;
            while (j < to && chapters.get(j).depth() > c.depth()) {
                j++;
            }
            List<Contents> children = new ArrayList<>(sections(c, depth));
            children.addAll(chapters(chapters, i + 1, j, depth));
            out.add(new Contents(Kind.CHAPTER, c.title(), new ChapterBody.ChapterLink(c.id(), ""), children));
            i = j;
        }
        return out;
    }

    private static List<Contents> sections(Chapter c, int depth) {
        List<Heading> hs = c.headings().stream().filter(h -> h.level() >= 2 && h.level() <= depth).toList();
        return sections(c, hs, 0, hs.size());
    }

    private static List<Contents> sections(Chapter c, List<Heading> hs, int from, int to) {
        List<Contents> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            Heading h = hs.get(i);
            int j = i + 1;
            while (j < to && hs.get(j).level() > h.level()) {
                j++;
            }
            out.add(new Contents(Kind.SECTION, h.text(), new ChapterBody.ChapterLink(c.id(), h.id()),
                    sections(c, hs, i + 1, j)));
            i = j;
        }
        return out;
    }
}
