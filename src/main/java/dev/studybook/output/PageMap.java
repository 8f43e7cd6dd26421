package dev.studybook.output;

import dev.studybook.model.ChapterBody;
import java.util.List;
import java.util.Map;

/**
 * Where the PDF's pages begin, in terms both outputs share: for each chapter, the blocks (numbered in document
 * order by {@link #BLOCKS}) at which a new printed page starts, and that page's number. The EPUB marks those
 * places, so that readers of either edition can cite the same page.
 */
public record PageMap(Map<String, List<PageStart>> chapters) {

    /** The elements counted as blocks, in document order within a chapter's body. */
    public static final List<String> BLOCKS = ChapterBody.BLOCK_ELEMENTS;

    public PageMap {
        chapters = Map.copyOf(chapters);
    }

    /** The {@code block}-th block of a chapter (0-based) is the first to start on printed page {@code page}. */
    public record PageStart(int block, int page) {
    }

    public List<PageStart> of(String chapterId) {
        return chapters.getOrDefault(chapterId, List.of());
    }

    /**
     * The printed page on which the {@code block}-th block of a chapter starts: that of the last page start at or
     * before it. Empty when the map knows no page of the chapter.
     */
    public java.util.OptionalInt page(String chapterId, int block) {
        int page = -1;
        for (PageStart p : of(chapterId)) {
            if (p.block() > block) {
                break;
            }
            page = p.page();
        }
        return page < 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(page);
    }

    public int pageCount() {
        return chapters.values().stream().mapToInt(List::size).sum();
    }
}
