package dev.studybook.output.pdf;

import com.openhtmltopdf.css.constants.CSSName;
import com.openhtmltopdf.newtable.TableBox;
import com.openhtmltopdf.newtable.TableSectionBox;
import com.openhtmltopdf.render.BlockBox;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.LineBox;
import com.openhtmltopdf.render.PageBox;
import dev.studybook.output.Xml;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Finds, in a laid-out book, what a page break left alone: a paragraph's single line on one side of it (a widow or
 * an orphan), a table's header row at a page's foot with all its rows on the next page; and marks them in the next
 * layout's document so that they are not parted. OpenHTMLtoPDF honours
 * {@code orphans}/{@code widows} by asking its parent to move a paragraph to the next page, but a paragraph laid out
 * again as part of a run of blocks kept together (a heading or a "如下图：" paragraph with the figure after it,
 * moved to a new page) has that request ignored (BlockBoxing.relayoutRun): content/'s page 277 began with a
 * paragraph's last line, page 139 ended with one's first. A paragraph marked here gets
 * {@code page-break-inside: avoid}, which that path does honour. A table whose header row was left behind (content/'s
 * page 34) gets a larger {@code -fs-page-break-min-height}: it starts on the next page unless there is room for its
 * header and first rows. Both marks only act where a break would fall, so a mark that a layout after it makes
 * needless changes nothing. Paragraphs and tables are named by their position among the document's {@code p} and
 * {@code table} elements, so that a mark outlives the document it was found in.
 */
final class LoneLines {

    /** The class of a paragraph kept on one page. */
    static final String KEEP_LINES = "keep-lines";
    /** The class of a table that needs room for its header and first rows where it starts. */
    static final String KEEP_HEAD = "keep-head";

    /**
     * A widow is cured by moving its whole paragraph: only when at most this many lines go with it, else the page
     * it leaves would stand half empty.
     */
    static final int MAX_MOVED_LINES = 5;

    /** How many layouts after the first may be spent on marked paragraphs (each mark moves the pages after it). */
    static final int MAX_RELAYOUTS = 2;

    private LoneLines() {
    }

    /**
     * Marks the elements named in {@code kept}, those not marked yet: a paragraph by its position among the
     * document's {@code p} elements, a table by {@code -1 -} its position among the {@code table} elements.
     */
    static void mark(Document doc, Set<Integer> kept) {
        if (kept.isEmpty()) {
            return;
        }
        List<Element> ps = Xml.elements(doc, "*", "p");
        List<Element> tables = Xml.elements(doc, "*", "table");
        for (int i : kept) {
            List<Element> list = i >= 0 ? ps : tables;
            int at = i >= 0 ? i : -1 - i;
            if (at < list.size()) {
                Element e = list.get(at);
                String mark = i >= 0 ? KEEP_LINES : KEEP_HEAD;
                String classes = e.getAttribute("class");
                // Marked once: the same document is marked again before each layout.
                if (!(" " + classes + " ").contains(" " + mark + " ")) {
                    e.setAttribute("class", (classes + " " + mark).strip());
                }
            }
        }
    }

    /** What of {@code doc}, laid out from {@code root} onto {@code pages}, a page break left alone (see mark). */
    static Set<Integer> found(Document doc, Box root, List<PageBox> pages) {
        Map<Element, Integer> positions = new IdentityHashMap<>();
        List<Element> ps = Xml.elements(doc, "*", "p");
        for (int i = 0; i < ps.size(); i++) {
            positions.put(ps.get(i), i);
        }
        List<Element> tables = Xml.elements(doc, "*", "table");
        for (int i = 0; i < tables.size(); i++) {
            positions.put(tables.get(i), -1 - i);
        }
        Set<Integer> found = new TreeSet<>();
        walk(root, pages, positions, found);
        return found;
    }

    private static void walk(Box box, List<PageBox> pages, Map<Element, Integer> positions, Set<Integer> found) {
        if (box instanceof TableBox table) {
            Integer position = positions.get(table.getElement());
            if (position != null && position < 0 && headerLeftBehind(table, pages)) {
                found.add(position);
            }
        } else if (box instanceof BlockBox block && block.getChildrenContentType() == BlockBox.ContentType.INLINE) {
            Integer position = block.isAnonymous() ? null : positions.get(block.getElement());
            if (position != null && position >= 0 && splitBadly(block, pages)) {
                found.add(position);
            }
            return;
        }
        for (int i = 0; i < box.getChildCount(); i++) {
            walk(box.getChild(i), pages, positions, found);
        }
    }

    /** Whether the table's header rows lie on an earlier page than its first body row. */
    private static boolean headerLeftBehind(TableBox table, List<PageBox> pages) {
        int headPage = 0;
        for (int s = 0; s < table.getChildCount(); s++) {
            if (!(table.getChild(s) instanceof TableSectionBox section) || section.getChildCount() == 0) {
                continue;
            }
            int page = PdfLayout.pageOf(pages, section.getChild(0).getAbsY() + 1);
            if (section.isHeader()) {
                headPage = page;
            } else {
                return headPage > 0 && page > headPage;
            }
        }
        return false;
    }

    /** Whether the block's lines lie on more than one page with fewer than its orphans or widows on an end page. */
    private static boolean splitBadly(BlockBox block, List<PageBox> pages) {
        int firstPage = 0;
        int lastPage = 0;
        int onFirst = 0;
        int onLast = 0;
        for (int i = 0; i < block.getChildCount(); i++) {
            if (!(block.getChild(i) instanceof LineBox line) || !line.isContainsContent()) {
                continue;
            }
            int page = PdfLayout.pageOf(pages, line.getAbsY() + 1);
            if (firstPage == 0) {
                firstPage = page;
            }
            if (page == firstPage) {
                onFirst++;
            }
            if (page != lastPage) {
                lastPage = page;
                onLast = 0;
            }
            onLast++;
        }
        if (firstPage == 0 || firstPage == lastPage) {
            return false;
        }
        int orphans = (int) block.getStyle().asFloat(CSSName.ORPHANS);
        int widows = (int) block.getStyle().asFloat(CSSName.WIDOWS);
        return onFirst < orphans || onLast < widows && onFirst <= MAX_MOVED_LINES;
    }
}
