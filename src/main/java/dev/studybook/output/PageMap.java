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

    public int pageCount() {
        return chapters.values().stream().mapToInt(List::size).sum();
    }
}
