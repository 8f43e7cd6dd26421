package dev.studybook.output.epub;

import dev.studybook.model.ChapterBody;
import dev.studybook.output.PageMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a chapter's body for the EPUB: links to other chapters by their file, and an empty page-break marker at
 * the start of each block where a page of the PDF begins, so that readers of either edition can cite the same page.
 */
final class PageMarks implements ChapterBody.Writer {

    /** The page that begins at each block. */
    private final Map<Integer, Integer> pageAtBlock = new HashMap<>();

    PageMarks(List<PageMap.PageStart> starts) {
        for (PageMap.PageStart s : starts) {
            pageAtBlock.put(s.block(), s.page());
        }
    }

    /** The id of the marker of printed page {@code page}. */
    static String id(int page) {
        return "page-" + page;
    }

    @Override
    public String link(ChapterBody.ChapterLink link) {
        return ChapterBody.FILE_LINKS.link(link);
    }

    @Override
    public String blockStart(ChapterBody.BlockStart block) {
        Integer page = pageAtBlock.get(block.index());
        return page == null ? "" : "<span id=\"" + id(page) + "\" epub:type=\"pagebreak\" role=\"doc-pagebreak\" aria-label=\""
                + page + "\"></span>";
    }
}
