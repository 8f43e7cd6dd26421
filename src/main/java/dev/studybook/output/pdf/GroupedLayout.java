package dev.studybook.output.pdf;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.PageBox;
import dev.studybook.model.Asset;
import com.openhtmltopdf.util.Diagnostic;
import dev.studybook.model.Book;
import dev.studybook.model.Chapter;
import dev.studybook.model.ChapterBody;
import dev.studybook.output.Contents;
import dev.studybook.output.OutputContext;
import dev.studybook.output.PageMap;
import dev.studybook.output.Xml;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.openhtmltopdf.css.newmatch.PageInfo;
import com.openhtmltopdf.css.style.EmptyStyle;
import com.openhtmltopdf.layout.BoxBuilder;
import com.openhtmltopdf.layout.LayoutContext;
import com.openhtmltopdf.render.BlockBox;
import com.openhtmltopdf.render.ViewportBox;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitHeightDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Lays a long book out as several documents and merges them into one PDF: the front matter (cover, title page,
 * contents) and groups of whole chapters. The groups are laid out on two threads, each as if it began on a
 * right-hand page; once the groups before it are laid out, a group's first page is known, its pages get their side
 * (running headers) and numbers, and it is painted, then merged in book order on the calling thread and its layout
 * let go. Streams are kept in temporary files. The contents page is laid out last, when every page number is known,
 * merged and moved to the front. Merging in book order keeps the bytes independent of which thread finished first.
 *
 * <p>What crosses documents is resolved after the merge: a link to another group is laid out as a link to a
 * placeholder address and then pointed at its target; the bookmarks are written from the places the groups report
 * (each group asks the renderer for them as bookmarks named by id, removed before the merge). PDFBox's merger
 * joins the structure trees (each group's becomes a Part of one Document) and renumbers their parent trees. Fonts
 * are subset once for the whole book ({@link SharedFonts}).
 *
 * <p>For a book whose layout would hold {@link #WHOLE_WEIGHT} or more ({@link LayoutWeight}; the book in content/ is
 * laid out whole), or as the system property {@value #GROUP_CHARS_PROPERTY} says.
 */
final class GroupedLayout {

    /**
     * A book that weighs less than this ({@link LayoutWeight}: what its layout holds in memory, estimated) is laid out
     * as one document unless the property says otherwise. The whole layout holds the whole book's boxes and pictures
     * until it is painted; grouped, at most two groups' layouts and the merged document are held. The launcher's heap
     * is 768 MB: the book in content/ weighs 268 MB and held 413 MB at most, laid out whole; a book like it reaches
     * this weight at about 2 million characters of XHTML, the length that decided before. datawhalechina/pumpkin-book
     * (1.3 million characters, 5,180 uses of formulas) weighs 289 MB and held 632 MB at most laid out whole, about
     * 0.4 GB at its end; before painted pictures let go of what Batik built for them ({@link SvgTextDrawer}) it ran out
     * of this heap. In 4 groups (the property at 400,000 characters) it held 567 MB at most. (Live heap counted right
     * after a full collection, every 2 s, launcher settings; 2026-12-05.)
     */
    static final long WHOLE_WEIGHT = 400L << 20;
    /**
     * The weight of a group: 400,000 characters of XHTML of the generated bench books (code and tables as in content/),
     * a few hundred pages. At least four groups when the book allows, so that layout and painting overlap on two cores.
     * (The 10 MB book of bench/gen_book.py, grouped, held about 0.5 GB under the launcher's 768 MB heap: 0.90 GB peak
     * RSS, 99 s CPU time; laid out whole, 2.3 GB peak RSS. At the 3 MB book both cost about the same CPU time.)
     */
    static final long GROUP_WEIGHT = 80L << 20;
    /** A group size to try ({@value #GROUP_CHARS_PROPERTY}): about this many characters of XHTML, a few hundred pages. */
    static final int GROUP_CHARS = 400_000;
    /**
     * The system property that sets the group size in characters of XHTML instead of weight (tests group a small book
     * chapter by chapter); with it, a book of fewer than half as many characters is laid out as one document, and 0
     * lays every book out whole. On the book in content/ grouping took 15% more CPU time (17.9 s against 15.6 s, load
     * ~20) and 6% more memory.
     */
    static final String GROUP_CHARS_PROPERTY = "studybook.pdf.group-chars";
    /** The address a link to another group is laid out with, before it is pointed at its page. */
    private static final String ELSEWHERE = "https://studybook.invalid/#";
    private static final COSName TABS = COSName.getPDFName("Tabs");
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");

    private GroupedLayout() {
    }

    /** Thrown when the contents page took another number of pages with its numbers than without: laid out whole. */
    static final class Unstable extends Exception {
        Unstable() {
            super(null, null, false, false);
        }
    }

    /** The groups of a book's chapters: each begins with a chapter that opens a page; an empty list for a light book. */
    static List<List<Chapter>> groups(Book book) {
        Integer property = Integer.getInteger(GROUP_CHARS_PROPERTY);
        if (property != null && property <= 0) {
            return List.of();
        }
        List<Chapter> chapters = book.chapters();
        long[] sizes;
        long limit;
        long groupSize;
        if (property == null) {
            sizes = LayoutWeight.of(book);
            limit = WHOLE_WEIGHT;
            groupSize = GROUP_WEIGHT;
        } else {
            sizes = new long[chapters.size()];
            for (int i = 0; i < chapters.size(); i++) {
                // Measured without making the XHTML (that would cost every PDF build a copy of the book).
                sizes[i] = chapters.get(i).body().length();
            }
            limit = property / 2;
            groupSize = property;
        }
        long total = java.util.Arrays.stream(sizes).sum();
        if (total < limit) {
            return List.of();
        }
        // At least four groups when the book allows, so that layout and painting overlap on two cores.
        long target = Math.min(groupSize, Math.max(groupSize / 4, total / 4));
        List<List<Chapter>> groups = new ArrayList<>();
        List<Chapter> current = new ArrayList<>();
        long size = 0;
        for (int i = 0; i < chapters.size(); i++) {
            Chapter c = chapters.get(i);
            if (!current.isEmpty() && size >= target && PrintDocument.opensPage(c)) {
                groups.add(List.copyOf(current));
                current.clear();
                size = 0;
            }
            current.add(c);
            size += sizes[i];
        }
        groups.add(List.copyOf(current));
        return groups.size() < 2 ? List.of() : List.copyOf(groups);
    }

    /** A place in the merged PDF: a page (0-based) and the top of the destination, as the renderer gives it. */
    private record Place(int page, int top) {
    }

    /** A group laid out: its renderer, its numbered blocks, and the library's messages about it. */
    private record Laid(int index, PdfBoxRenderer renderer, LayoutContext context, Document dom,
            Map<String, PdfLayout.BlockRef> blocks, List<Diagnostic> said) {
    }

    /**
     * A group painted: its document (streams in a temporary file), its places by id, its part of the page map, the
     * library's messages from the layout that was kept.
     */
    private record Painted(PDDocument pdf, Map<String, Place> places, PageMap pages, int pageCount,
            List<Diagnostic> said) {
    }

    static Optional<PageMap> write(Book book, OutputContext ctx, Paper paper, boolean print, List<List<Chapter>> groups,
            OutputStream out) throws IOException, Unstable {
        TextWidths widths = new TextWidths(ctx.fonts());
        PdfMessages messages = new PdfMessages(PdfLayout.assets(book, ctx));
        // Where each id is: the group (or -1, the front matter) whose document holds it.
        Map<String, Integer> home = new HashMap<>();
        home.put("cover", -1);
        home.put("titlepage", -1);
        home.put("toc", -1);
        Set<String> targets = new LinkedHashSet<>();
        for (int g = 0; g < groups.size(); g++) {
            for (Chapter c : groups.get(g)) {
                home.putIfAbsent(c.id(), g);
                Matcher m = ID.matcher(c.body().xhtml(PrintDocument.IN_DOCUMENT));
                while (m.find()) {
                    home.putIfAbsent(unescape(m.group(1)), g);
                }
                for (ChapterBody.Mark mark : c.body().marks()) {
                    if (mark instanceof ChapterBody.ChapterLink l) {
                        targets.add(PrintDocument.IN_DOCUMENT.link(l).substring(1));
                    }
                }
            }
        }
        List<Contents> contents = Contents.of(book, ctx.tocDepth());
        collectTargets(contents, targets);
        SharedFonts shared = SharedFonts.of(ctx.fonts());

        Starts starts = new Starts(groups.size(), print);
        // Groups laid out or painted but not yet merged: at most one more than the workers, so that memory does not
        // grow with the book when merging falls behind.
        Semaphore ahead = new Semaphore(WORKERS + 1);
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, "studybook-pdf");
            t.setDaemon(true);
            return t;
        });
        List<Future<Painted>> painted = new ArrayList<>();
        PDDocument pdf = null;
        try {
            // Each group is laid out as if it began on a right-hand page, on whichever core is free; it is painted
            // once the groups before it are laid out (their lengths give its first page) and merged in book order
            // on this thread as soon as it is painted, its layout let go.
            for (int g = 0; g < groups.size(); g++) {
                int n = g;
                painted.add(pool.submit(() -> {
                    ahead.acquire();
                    return group(n, book, ctx, paper, widths, groups, home, targets, print, starts, shared);
                }));
            }
            // The front matter's length, with a stand-in for each page number, while the groups are laid out.
            List<String> frontAnchors = targets.stream().filter(id -> Integer.valueOf(-1).equals(home.get(id))).toList();
            int frontPages;
            try {
                Document frontDraft = front(book, ctx, paper, widths, Map.of(), "000", home, List.of());
                try (PdfBoxRenderer r = PdfLayout.renderer(PdfLayout.builder(frontDraft, book, ctx, new PdfMessages(Map.of())), book, ctx)) {
                    r.layout();
                    frontPages = r.getRootBox().getLayer().getPages().size();
                }
            } catch (IOException | RuntimeException | Error e) {
                starts.fail();
                throw e;
            }
            starts.front(frontPages);

            PDFMergerUtility merger = new PDFMergerUtility();
            COSBase copy = null;
            COSBase tabs = null;
            Map<String, Place> places = new HashMap<>();
            Map<String, List<PageMap.PageStart>> map = new LinkedHashMap<>();
            // The body: the first group's document, each other group appended to it; the front matter comes last.
            for (int g = 0; g < groups.size(); g++) {
                Painted p = get(painted.get(g));
                // Merged groups are let go: a closed document still holds its pages' objects and its fonts' parsed
                // files, and the finished future would keep every one of them until the end (1 GB of the 10 MB book).
                painted.set(g, null);
                // Said in book order, once for the layout kept (not for those laid out again).
                p.said().forEach(messages::add);
                int offset = starts.start(g) - 1;
                p.places().forEach((id, place) -> places.putIfAbsent(id, new Place(offset + place.page(), place.top())));
                map.putAll(p.pages().chapters());
                if (pdf == null) {
                    pdf = p.pdf();
                    // The merger adds /Suspects (and would take it from a group): the book's marks are the first's.
                    COSBase markInfo = pdf.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.MARK_INFO);
                    copy = markInfo instanceof COSDictionary d ? new COSDictionary(d) : null;
                    tabs = pdf.getPage(0).getCOSObject().getDictionaryObject(TABS);
                } else {
                    // When printing, a group that would begin on a left-hand page gets the blank page before it.
                    // (starts.start(0) - 1: the front matter's pages and, when printing, the blank page after them.)
                    if (starts.start(0) - 1 + pdf.getNumberOfPages() + 1 < starts.start(g)) {
                        pdf.addPage(new PDPage(pdf.getPage(0).getMediaBox()));
                    }
                    try (PDDocument group = p.pdf()) {
                        merger.appendDocument(pdf, group);
                    }
                }
                ahead.release();
            }
            int bodyPages = pdf.getNumberOfPages();

            // Every page is known: the contents' numbers.
            Map<String, Integer> numbers = new HashMap<>();
            places.forEach((id, place) -> numbers.put(id, place.page() + 1));
            Document frontDom = front(book, ctx, paper, widths, numbers, null, home, frontAnchors);
            try (PdfBoxRenderer frontRenderer = PdfLayout.renderer(PdfLayout.builder(frontDom, book, ctx, messages), book, ctx)) {
                frontRenderer.layout();
                Justification.apply(frontRenderer);
                if (frontRenderer.getRootBox().getLayer().getPages().size() != frontPages) {
                    throw new Unstable();
                }
                try (PDDocument front = frontRenderer.createPDFKeepOpen()) {
                    places.putAll(takePlaces(front, 0));
                    shared.take(front);
                    merger.appendDocument(pdf, front);
                }
            }
            frontFirst(pdf, bodyPages, frontPages, print && frontPages + 1 < starts.start(0));
            for (int i = 0; i < pdf.getNumberOfPages(); i++) {
                mended(pdf.getPage(i), tabs);
            }
            if (copy != null) {
                pdf.getDocumentCatalog().getCOSObject().setItem(COSName.MARK_INFO, copy);
            }
            // The merger puts the documents, each now a Part, under a new Document: it gets the book's language.
            PDStructureTreeRoot tree = pdf.getDocumentCatalog().getStructureTreeRoot();
            if (tree != null && tree.getK() instanceof COSDictionary top) {
                top.setItem(COSName.TYPE, COSName.getPDFName("StructElem"));
                top.setString(COSName.LANG, book.metadata().language());
            }
            shared.embed(pdf);
            pointLinks(pdf, places);
            outline(pdf, contents, places);
            messages.report(ctx.diagnostics());
            PdfLayout.fixDatesAndId(pdf, book, ctx);
            pdf.save(out);
            return Optional.of(new PageMap(map));
        } finally {
            starts.fail();
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (pdf != null) {
                pdf.close();
            }
            for (Future<Painted> f : painted) {
                if (f != null && f.isDone() && !f.isCancelled()) {
                    try {
                        f.get().pdf().close();
                    } catch (ExecutionException | InterruptedException | IOException | RuntimeException e) {
                        // Already failed or merged (closing twice does nothing): the build's error is reported above.
                    }
                }
            }
        }
    }

    /**
     * Moves the front matter, merged last (its page numbers needed every group laid out), to the start of the book:
     * its pages first (then, when printing, the blank page that opens the first chapter on a right-hand page), and
     * its part of the structure tree first.
     */
    private static void frontFirst(PDDocument pdf, int bodyPages, int frontPages, boolean blank) {
        List<PDPage> front = new ArrayList<>();
        for (int i = bodyPages; i < bodyPages + frontPages; i++) {
            front.add(pdf.getPage(i));
        }
        PDPage first = pdf.getPage(0);
        for (PDPage p : front) {
            pdf.removePage(p);
            pdf.getPages().insertBefore(p, first);
        }
        if (blank) {
            pdf.getPages().insertBefore(new PDPage(first.getMediaBox()), first);
        }
        // Stale after the moves: PageIndexedDocument reads the tree again when asked.
        pdf.getNumberOfPages();
        PDStructureTreeRoot tree = pdf.getDocumentCatalog().getStructureTreeRoot();
        if (tree != null && tree.getK() instanceof COSDictionary top && top.getDictionaryObject(COSName.K) instanceof COSArray parts
                && parts.size() > 1) {
            COSBase last = parts.get(parts.size() - 1);
            parts.remove(parts.size() - 1);
            parts.add(0, last);
        }
    }

    /**
     * What a page lost on its way through a file and the merger: its tab order (PDF/UA wants the structure's), and
     * its marked-content property lists' being written inside the page's resources ({@link PagePropertyLists}): read
     * back, each became a dictionary of its own, and would be written as an object each (230,000 in content/).
     */
    private static void mended(PDPage page, COSBase tabs) {
        if (tabs != null) {
            page.getCOSObject().setItem(TABS, tabs);
        }
        if (page.getCOSObject().getDictionaryObject(COSName.RESOURCES) instanceof COSDictionary resources
                && resources.getDictionaryObject(COSName.PROPERTIES) instanceof COSDictionary lists) {
            lists.setDirect(true);
            for (COSBase v : lists.getValues()) {
                if (v instanceof COSDictionary d) {
                    d.setDirect(true);
                }
            }
        }
    }

    /** Two workers: this machine's and a typical laptop's cores; each holds one group's layout at a time. */
    private static final int WORKERS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    /**
     * Lays out group {@code g}, then paints it with its page numbers once the groups before it are laid out; its
     * layout is let go, its document (streams kept in a temporary file) waits to be merged.
     */
    private static Painted group(int g, Book book, OutputContext ctx, Paper paper, TextWidths widths,
            List<List<Chapter>> groups, Map<String, Integer> home, Set<String> targets, boolean print,
            Starts starts, SharedFonts shared) throws IOException {
        Laid laid;
        try {
            // As the whole book is laid out (PdfLayout): what a page break leaves alone is kept together in one more
            // layout, at most LoneLines.MAX_RELAYOUTS more; a group begins on a page of its own, so its breaks are
            // the whole book's.
            Set<Integer> kept = new java.util.TreeSet<>();
            // And a picture moved whole to a new page is drawn smaller where it fits the page before (FittedPictures).
            Map<Integer, FittedPictures.Size> fitted = new java.util.TreeMap<>();
            Map<String, Asset> assets = PdfLayout.assets(book, ctx);
            for (int relayouts = 0; ; relayouts++) {
                Document dom = chapterDom(book, ctx, paper, widths, groups, g, home, targets, false, Set.of());
                LoneLines.mark(dom, kept);
                FittedPictures.mark(dom, fitted);
                laid = layout(g, dom, book, ctx);
                List<PageBox> pages = laid.renderer().getRootBox().getLayer().getPages();
                if (relayouts < LoneLines.MAX_RELAYOUTS && (kept.addAll(LoneLines.found(dom,
                        laid.renderer().getRootBox(), pages)) | FittedPictures.add(dom,
                        laid.renderer().getRootBox(), pages, laid.context(), assets, fitted))) {
                    laid.renderer().close();
                    continue;
                }
                break;
            }
            if (print) {
                // A group begins on a right-hand page, so where its chapters need blank pages does not depend on it.
                Set<String> blanks = blankPagesBefore(laid, groups.get(g));
                if (!blanks.isEmpty()) {
                    laid.renderer().close();
                    Document again = chapterDom(book, ctx, paper, widths, groups, g, home, targets, false, blanks);
                    LoneLines.mark(again, kept);
                    FittedPictures.mark(again, fitted);
                    laid = layout(g, again, book, ctx);
                }
            }
            layOutPages(laid.renderer(), laid.context());
            Justification.apply(laid.renderer());
        } catch (IOException | RuntimeException | Error e) {
            starts.fail();
            throw e;
        }
        starts.laidOut(g, laid.renderer().getRootBox().getLayer().getPages().size());
        int start = starts.awaitStart(g);
        try (PdfBoxRenderer renderer = laid.renderer()) {
            pageSides(renderer, laid.context(), start);
            initialPageNumber(renderer, start);
            PDDocument pdf = renderer.createPDFKeepOpen();
            PageMap pages = laid.blocks().isEmpty() ? new PageMap(Map.of()) : PdfLayout.pageMap(renderer, laid.blocks());
            Map<String, Place> places = takePlaces(pdf, 0);
            shared.take(pdf);
            Map<String, List<PageMap.PageStart>> shifted = new LinkedHashMap<>();
            pages.chapters().forEach((chapter, list) -> shifted.put(chapter, list.stream()
                    .map(s -> new PageMap.PageStart(s.block(), s.page() + start - 1)).toList()));
            return new Painted(pdf, places, new PageMap(shifted), pdf.getNumberOfPages(), laid.said());
        }
    }

    /**
     * Where each group begins: known once the front matter and every group before it are laid out. When printing,
     * a group that would begin on a left-hand page begins a page later, after a blank page.
     */
    private static final class Starts {
        private final int[] pages;
        private final boolean print;
        private int front = -1;
        private boolean failed;

        Starts(int groups, boolean print) {
            this.pages = new int[groups];
            java.util.Arrays.fill(pages, -1);
            this.print = print;
        }

        synchronized void front(int count) {
            front = count;
            notifyAll();
        }

        synchronized void laidOut(int g, int count) {
            pages[g] = count;
            notifyAll();
        }

        /** Something failed: nobody waits any longer. */
        synchronized void fail() {
            failed = true;
            notifyAll();
        }

        /** The 1-based page of the book group {@code g} begins on, waiting until it is known. */
        synchronized int awaitStart(int g) throws IOException {
            while (!known(g)) {
                if (failed) {
                    throw new IOException("another part of the PDF failed");
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            return start(g);
        }

        private boolean known(int g) {
            if (front < 0) {
                return false;
            }
            for (int i = 0; i < g; i++) {
                if (pages[i] < 0) {
                    return false;
                }
            }
            return true;
        }

        synchronized int start(int g) {
            int start = front + 1;
            for (int i = 0; i <= g; i++) {
                if (i > 0) {
                    start += pages[i - 1];
                }
                if (print && start % 2 == 0) {
                    start++;
                }
            }
            return start;
        }
    }

    /**
     * Gives a group's pages the sides they have in the book. The renderer makes a document's first page a right-hand
     * (":first") page; a group that begins on an even page of the book has every page's side turned. Page boxes'
     * size and margins do not depend on the side (Paper's margins are symmetric), so the text stays where it was laid
     * out; the page style and margin boxes (the running headers) are made again for the other side.
     */
    private static void pageSides(PdfBoxRenderer renderer, LayoutContext c, int start) {
        List<PageBox> pages = renderer.getRootBox().getLayer().getPages();
        boolean turn = start % 2 == 0;
        for (int i = 0; i < pages.size(); i++) {
            if (i > 0 && !turn) {
                break;
            }
            boolean right = (start + i) % 2 == 1;
            PageBox page = pages.get(i);
            // Chapter pages are named "main" (PrintDocument); a blank page of a printed book never needs turning.
            PageInfo info = renderer.getSharedContext().getCss().getPageStyle("main", right ? "right" : "left");
            page.setPageInfo(info);
            page.setStyle(new EmptyStyle().deriveStyle(info.getPageStyle()));
            page.setOuterPageWidth(page.getWidth(c));
            page.layout(c);
        }
    }

    /**
     * Lays the renderer's document out as {@link PdfBoxRenderer#layout()} does, all but the pages' margin boxes
     * (running headers, page numbers), keeping the layout context: {@link #layOutPages} lays them out once the
     * layout is known to be kept (a layout that is only looked at for lone lines and short lines never needs them:
     * 3-4 % of the PDF's CPU time is spent on them per layout), and turning pages' sides later lays their margin
     * boxes out again, which needs the context's paragraph state.
     */
    static LayoutContext layOut(PdfBoxRenderer renderer) {
        try {
            java.lang.reflect.Method m = PdfBoxRenderer.class.getDeclaredMethod("newLayoutContext");
            m.setAccessible(true);
            LayoutContext c = (LayoutContext) m.invoke(renderer);
            BlockBox root = BoxBuilder.createRootBox(c, renderer.getDocument());
            java.lang.reflect.Method extents = PdfBoxRenderer.class.getDeclaredMethod("getInitialExtents",
                    LayoutContext.class);
            extents.setAccessible(true);
            root.setContainingBlock(new ViewportBox((java.awt.Rectangle) extents.invoke(renderer, c)));
            root.layout(c);
            java.awt.Dimension dim = root.getLayer().getPaintingDimension(c);
            root.getLayer().trimEmptyPages(c, dim.height);
            java.lang.reflect.Field f = PdfBoxRenderer.class.getDeclaredField("_root");
            f.setAccessible(true);
            f.set(renderer, root);
            return c;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("OpenHTMLtoPDF's layout cannot be reached", e);
        }
    }

    /** Lays out the margin boxes of the pages of a layout made by {@link #layOut}, as the renderer's layout does last. */
    static void layOutPages(PdfBoxRenderer renderer, LayoutContext c) {
        renderer.getRootBox().getLayer().layoutPages(c);
    }

    /**
     * Sets the number the renderer gives the document's first page when painting (counter(page)); the builder takes
     * it only before layout, when a group's first page is not known yet. Layout does not read it.
     */
    private static void initialPageNumber(PdfBoxRenderer renderer, int number) {
        try {
            java.lang.reflect.Field f = PdfBoxRenderer.class.getDeclaredField("_initialPageNumber");
            f.setAccessible(true);
            f.setInt(renderer, number);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("OpenHTMLtoPDF's initial page number cannot be reached", e);
        }
    }

    private static String unescape(String s) {
        return s.indexOf('&') < 0 ? s : s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
    }

    private static void collectTargets(List<Contents> entries, Set<String> targets) {
        for (Contents e : entries) {
            if (e.kind() != Contents.Kind.PART) {
                targets.add(PrintDocument.IN_DOCUMENT.link(e.target()).substring(1));
            }
            collectTargets(e.children(), targets);
        }
    }

    private static <T> T get(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }

    private static Document front(Book book, OutputContext ctx, Paper paper, TextWidths widths, Map<String, Integer> numbers,
            String placeholder, Map<String, Integer> home, List<String> anchors) throws IOException {
        return PdfLayout.fixed(PrintDocument.front(book, ctx.styles(), ctx.labels(), paper, ctx.tocDepth(), ctx.cover(),
                numbers, placeholder, anchors), widths, dom -> linkElsewhere(dom, home, -1));
    }

    private static Document chapterDom(Book book, OutputContext ctx, Paper paper, TextWidths widths, List<List<Chapter>> groups,
            int group, Map<String, Integer> home, Set<String> targets, boolean leading, Set<String> blanks) throws IOException {
        List<String> anchors = new ArrayList<>();
        for (String id : targets) {
            Integer g = home.get(id);
            if (g != null && g == group) {
                anchors.add(id);
            }
        }
        return PdfLayout.fixed(PrintDocument.chapters(book, ctx.styles(), ctx.labels(), paper, groups.get(group), anchors,
                leading, blanks), widths, dom -> linkElsewhere(dom, home, group));
    }

    /** Links to a place another document of the book holds lead, for now, to a placeholder address naming it. */
    private static void linkElsewhere(Document dom, Map<String, Integer> home, int group) {
        for (Element a : Xml.elements(dom, PdfLayout.XHTML, "a")) {
            String href = a.getAttribute("href");
            if (href.startsWith("#")) {
                Integer g = home.get(href.substring(1));
                if (g != null && g != group) {
                    a.setAttribute("href", ELSEWHERE + href.substring(1));
                }
            }
        }
    }

    private static Laid layout(int index, Document dom, Book book, OutputContext ctx) {
        Map<String, PdfLayout.BlockRef> blocks = PdfLayout.numberBlocks(dom);
        // The messages of this layout only: a layout done again would say them twice.
        List<Diagnostic> said = java.util.Collections.synchronizedList(new ArrayList<>());
        PdfBoxRenderer renderer = PdfLayout.renderer(PdfLayout.builder(dom, book, ctx, new PdfMessages(Map.of()))
                .withDiagnosticConsumer(said::add)
                .usePDDocument(new PageIndexedDocument(IOUtils.createTempFileOnlyStreamCache())), book, ctx);
        LayoutContext c = layOut(renderer);
        return new Laid(index, renderer, c, dom, blocks, said);
    }

    /** As {@link PdfLayout}'s, for the chapters of one group that begins on a right-hand page. */
    private static Set<String> blankPagesBefore(Laid laid, List<Chapter> chapters) {
        PdfBoxRenderer renderer = laid.renderer();
        List<PageBox> pageBoxes = renderer.getRootBox().getLayer().getPages();
        // The boxes by id, as laid out (positions on pages would need the pages painted).
        Map<String, Integer> start = new HashMap<>();
        for (Chapter c : chapters) {
            Box box = renderer.getSharedContext().getBoxById(c.id());
            int page = box == null ? 0 : PdfLayout.pageOf(pageBoxes, box.getAbsY() + 1);
            if (page > 0) {
                start.put(c.id(), page);
            }
        }
        Set<String> blanks = new LinkedHashSet<>();
        int inserted = 0;
        for (Chapter c : chapters) {
            Integer page = start.get(c.id());
            if (page == null || !PrintDocument.opensPage(c)) {
                continue;
            }
            if ((page + inserted) % 2 == 0) {
                blanks.add(c.id());
                inserted++;
            }
        }
        return blanks;
    }

    /**
     * The places of the ids a document was asked for as bookmarks (page numbers less {@code drop}, the pages that
     * will be dropped before them), its bookmarks removed.
     */
    private static Map<String, Place> takePlaces(PDDocument pdf, int drop) throws IOException {
        Map<String, Place> places = new HashMap<>();
        PDDocumentOutline outline = pdf.getDocumentCatalog().getDocumentOutline();
        if (outline == null) {
            return places;
        }
        Map<PDPage, Integer> index = new HashMap<>();
        int i = 0;
        for (PDPage p : pdf.getPages()) {
            index.put(p, i++);
        }
        for (PDOutlineItem item : outline.children()) {
            if (item.getDestination() instanceof PDPageXYZDestination d && d.getPage() != null) {
                Integer page = index.get(d.getPage());
                if (page != null && page >= drop) {
                    places.putIfAbsent(item.getTitle(), new Place(page - drop, d.getTop()));
                }
            }
        }
        pdf.getDocumentCatalog().setDocumentOutline(null);
        pdf.getDocumentCatalog().getCOSObject().removeItem(COSName.PAGE_MODE);
        return places;
    }

    /** Points each link laid out to the placeholder address at the page and height of its target. */
    private static void pointLinks(PDDocument pdf, Map<String, Place> places) throws IOException {
        for (PDPage page : pdf.getPages()) {
            for (PDAnnotation a : page.getAnnotations()) {
                if (a instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri
                        && uri.getURI() != null && uri.getURI().startsWith(ELSEWHERE)) {
                    Place place = places.get(uri.getURI().substring(ELSEWHERE.length()));
                    if (place == null) {
                        continue;
                    }
                    PDActionGoTo go = new PDActionGoTo();
                    go.setDestination(destination(pdf, place));
                    link.setAction(go);
                }
            }
        }
    }

    private static PDPageXYZDestination destination(PDDocument pdf, Place place) {
        PDPageXYZDestination d = new PDPageXYZDestination();
        d.setTop(place.top());
        d.setPage(pdf.getPage(place.page()));
        return d;
    }

    /** The bookmarks, as {@link PrintDocument} declares them for a book laid out whole. */
    private static void outline(PDDocument pdf, List<Contents> contents, Map<String, Place> places) {
        if (contents.isEmpty()) {
            return;
        }
        PDDocumentOutline outline = new PDDocumentOutline();
        pdf.getDocumentCatalog().setDocumentOutline(outline);
        PDPageFitHeightDestination fallback = new PDPageFitHeightDestination();
        fallback.setPage(pdf.getPage(0));
        for (Contents e : contents) {
            bookmark(pdf, outline, e, places, fallback);
        }
    }

    private static void bookmark(PDDocument pdf, PDOutlineNode parent, Contents e, Map<String, Place> places,
            PDPageFitHeightDestination fallback) {
        Place place = places.get(PrintDocument.IN_DOCUMENT.link(e.target()).substring(1));
        PDOutlineItem item = new PDOutlineItem();
        if (place != null) {
            item.setDestination(destination(pdf, place));
        } else {
            item.setDestination(fallback);
        }
        item.setTitle(e.label());
        parent.addLast(item);
        for (Contents c : e.children()) {
            bookmark(pdf, item, c, places, fallback);
        }
    }
}
