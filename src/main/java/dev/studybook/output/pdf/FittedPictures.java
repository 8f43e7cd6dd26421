package dev.studybook.output.pdf;

import com.openhtmltopdf.layout.LayoutContext;
import com.openhtmltopdf.render.BlockBox;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.InlineLayoutBox;
import com.openhtmltopdf.render.LineBox;
import com.openhtmltopdf.render.PageBox;
import dev.studybook.model.Asset;
import dev.studybook.output.Xml;
import dev.studybook.raster.DiagramText;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Finds, in a laid-out book, a picture that a page break moved whole to the next page, leaving the page before it
 * more than {@link #MIN_EMPTY_LINES} lines empty although a little smaller it would have fitted there; and draws it
 * that much smaller in the next layout, as a typesetter would. content/'s page 560 ended half empty: chapter 20's
 * diagram of sync.Pool went to page 561 whole. A picture is made no smaller than {@link #MIN_SCALE} of its size, and
 * a diagram's smallest text no smaller than {@link DiagramText#MIN_READABLE_PX}. Only the first such picture of a
 * chapter is taken from one layout: fitting it moves every page after it, so where the next one falls is known only
 * from the next layout. Pictures are named by their position among the document's {@code img} elements, so that a
 * size outlives the document it was found in.
 */
final class FittedPictures {

    /** The smallest part of its size a picture is drawn at to fit the rest of a page. */
    static final double MIN_SCALE = 0.7;
    /** A page is left as it is when it ends at most this many lines (of the picture's paragraph) early. */
    static final int MIN_EMPTY_LINES = 6;
    /** Lines of room kept besides the picture: the margins around it and rounding in the next layout. */
    static final double SLACK_LINES = 1;

    /** A picture's size in the next layout, in tenths of a CSS pixel. */
    record Size(int widthTenths, int heightTenths) {
    }

    private FittedPictures() {
    }

    /** Gives each picture named in {@code sizes} its size (see found), by its position among {@code img} elements. */
    static void mark(Document doc, Map<Integer, Size> sizes) {
        if (sizes.isEmpty()) {
            return;
        }
        List<Element> imgs = Xml.elements(doc, "*", "img");
        for (Map.Entry<Integer, Size> e : sizes.entrySet()) {
            if (e.getKey() >= imgs.size()) {
                continue;
            }
            Element img = imgs.get(e.getKey());
            String fitted = String.format(Locale.ROOT, "width: %.1fpx; height: %.1fpx; max-width: none; max-height: none",
                    e.getValue().widthTenths() / 10.0, e.getValue().heightTenths() / 10.0);
            String style = img.getAttribute("style");
            // Marked once: the same document is marked again before each layout.
            if (!style.endsWith(fitted)) {
                img.setAttribute("style", style.isBlank() ? fitted : style.strip().replaceFirst(";?$", "; ") + fitted);
            }
        }
    }

    /** Adds to {@code sized} the pictures {@link #found} finds; whether it found any. */
    static boolean add(Document doc, Box root, List<PageBox> pages, LayoutContext c, Map<String, Asset> assets,
            Map<Integer, Size> sized) {
        Map<Integer, Size> found = found(doc, root, pages, c, assets, sized);
        sized.putAll(found);
        return !found.isEmpty();
    }

    /**
     * The pictures of {@code doc}, laid out from {@code root} onto {@code pages}, that a page break moved whole to a
     * new page and that would fit the page before at no less than {@link #MIN_SCALE} of their size, with that size;
     * those already in {@code sized} are left out. {@code assets} gives a picture's bytes by its {@code src}.
     */
    static Map<Integer, Size> found(Document doc, Box root, List<PageBox> pages, LayoutContext c,
            Map<String, Asset> assets, Map<Integer, Size> sized) {
        Map<Element, Integer> positions = new IdentityHashMap<>();
        List<Element> imgs = Xml.elements(doc, "*", "img");
        for (int i = 0; i < imgs.size(); i++) {
            positions.put(imgs.get(i), i);
        }
        int[] lowest = new int[pages.size() + 1];
        Walk walk = new Walk(pages, positions, lowest);
        walk.visit(root, 0);
        Map<Integer, Size> found = new TreeMap<>();
        int chapterDone = -1;
        for (Moved m : walk.moved) {
            // One picture a chapter a layout (see the class's comment), and none of a chapter that opens its page.
            if (m.chapter == chapterDone || m.page < 2 || m.chapterPage >= m.page || sized.containsKey(m.position)) {
                continue;
            }
            PageBox before = pages.get(m.page - 2);
            PageBox on = pages.get(m.page - 1);
            if (lowest[m.page - 1] <= before.getTop()) {
                continue; // an empty page before it (a blank page for printing): nothing to fill
            }
            float line = m.box.getStyle().getLineHeight(c);
            int room = before.getBottom() - lowest[m.page - 1];
            if (room <= MIN_EMPTY_LINES * line) {
                continue;
            }
            // What went to the new page with the picture (a heading, a paragraph kept with it) and the picture.
            int lead = m.box.getAbsY() - on.getTop();
            int height = m.box.getHeight();
            double fitted = height - (lead + height + SLACK_LINES * line - room);
            double scale = fitted / height;
            if (height <= 0 || scale < MIN_SCALE || scale >= 1) {
                continue;
            }
            double dpp = c.getDotsPerPixel();
            double widthPx = m.box.getContentWidth() * scale / dpp;
            // The picture's height without its padding and borders, at the picture's own proportions.
            double heightPx = (m.box.getHeight() - m.box.getBorder(c).top() - m.box.getBorder(c).bottom()
                    - m.box.getPadding(c).top() - m.box.getPadding(c).bottom())
                    * scale / dpp;
            Asset a = assets.get(m.src.replaceFirst("^" + PdfLayout.SCHEME + ":/*", ""));
            if (a != null && a.mediaType().equals("image/svg+xml")) {
                OptionalDouble text;
                try {
                    text = DiagramText.smallestTextPx(a.data(), widthPx);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (text.isPresent() && text.getAsDouble() < DiagramText.MIN_READABLE_PX) {
                    continue;
                }
            }
            found.put(m.position, new Size((int) Math.floor(widthPx * 10), (int) Math.floor(heightPx * 10)));
            chapterDone = m.chapter;
        }
        return found;
    }

    /** A picture that begins a page: its box, its page, its chapter and the page that chapter opens on. */
    private record Moved(BlockBox box, int position, String src, int page, int chapter, int chapterPage) {
    }

    /** One walk of the boxes: the lowest ink of each page, and the pictures in document order with their chapters. */
    private static final class Walk {
        private final List<PageBox> pages;
        private final Map<Element, Integer> positions;
        private final int[] lowest;
        private final List<Moved> moved = new java.util.ArrayList<>();
        private int chapter = -1;
        private int chapterPage;

        Walk(List<PageBox> pages, Map<Element, Integer> positions, int[] lowest) {
            this.pages = pages;
            this.positions = positions;
            this.lowest = lowest;
        }

        void visit(Box box, int depth) {
            Element el = box.getElement();
            if (box instanceof BlockBox b && !b.isAnonymous() && el != null && "section".equals(el.getLocalName())
                    && (" " + el.getAttribute("class") + " ").contains(" chapter ")) {
                chapter++;
                chapterPage = PdfLayout.pageOf(pages, box.getAbsY() + 1);
            }
            boolean replaced = box instanceof BlockBox b && b.getReplacedElement() != null;
            if (box instanceof LineBox l && l.isContainsContent() || replaced) {
                int page = PdfLayout.pageOf(pages, box.getAbsY() + 1);
                if (page > 0) {
                    lowest[page] = Math.max(lowest[page], Math.min(box.getAbsY() + box.getHeight(),
                            pages.get(page - 1).getBottom()));
                }
            }
            if (replaced && el != null && positions.containsKey(el)) {
                int page = PdfLayout.pageOf(pages, box.getAbsY() + 1);
                // Only a picture that starts its page, after at most what was kept with it, can have been moved.
                if (page > 0 && box.getAbsY() - pages.get(page - 1).getTop() < box.getHeight()) {
                    moved.add(new Moved((BlockBox) box, positions.get(el), el.getAttribute("src"), page, chapter,
                            chapterPage));
                }
            }
            if (box instanceof InlineLayoutBox inline) {
                // A picture inside a link or a span is an inline child of its box.
                for (int i = 0; i < inline.getInlineChildCount(); i++) {
                    if (inline.getInlineChild(i) instanceof Box child) {
                        visit(child, depth + 1);
                    }
                }
                return;
            }
            for (int i = 0; i < box.getChildCount(); i++) {
                visit(box.getChild(i), depth + 1);
            }
        }
    }
}
