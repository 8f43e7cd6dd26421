package dev.studybook.output.pdf;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.PageBox;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
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
 * contents) and groups of whole chapters. Layout goes group after group on the calling thread, because a group's
 * left- and right-hand pages depend on where the group before it ended; each laid-out group is painted on another
 * thread while the next one is laid out, and its layout (the box tree, the bulk of a build's memory) is let go once
 * painted. The contents page is laid out last, when every page number is known. The groups are merged in book
 * order, so that the bytes do not depend on which thread finished first.
 *
 * <p>What crosses documents is resolved after the merge: a link to another group is laid out as a link to a
 * placeholder address and then pointed at its target; the bookmarks are written from the places the groups report
 * (each group asks the renderer for them as bookmarks named by id, removed before the merge). PDFBox's merger
 * joins the structure trees (each group's becomes a Part of one Document) and renumbers their parent trees.
 *
 * <p>Only with the system property {@value #GROUP_CHARS_PROPERTY} (see there why it is not the default yet).
 */
final class GroupedLayout {

    /** A group size to try ({@value #GROUP_CHARS_PROPERTY}): about this many characters of XHTML, a few hundred pages. */
    static final int GROUP_CHARS = 400_000;
    /**
     * The system property that turns grouping on, with its group size in characters (tests group a small book chapter
     * by chapter); a book of fewer than half as many characters is laid out as one document. Off by default: on the
     * book in content/ grouping took 18% more CPU time, 10% more memory and a 29% larger file (every group embeds its
     * own font subsets), and a very long book's painted groups are all held until the contents page is laid out.
     */
    static final String GROUP_CHARS_PROPERTY = "studybook.pdf.group-chars";
    /** The address a link to another group is laid out with, before it is pointed at its page. */
    private static final String ELSEWHERE = "https://studybook.invalid/#";
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");

    private GroupedLayout() {
    }

    /** Thrown when the contents page took another number of pages with its numbers than without: laid out whole. */
    static final class Unstable extends Exception {
        Unstable() {
            super(null, null, false, false);
        }
    }

    /** The groups of a book's chapters: each begins with a chapter that opens a page; an empty list for a short book. */
    static List<List<Chapter>> groups(Book book) {
        Integer property = Integer.getInteger(GROUP_CHARS_PROPERTY);
        if (property == null) {
            // Off: no chapter is measured (serialising every chapter's body on each PDF build would be wasted).
            return List.of();
        }
        List<Chapter> chapters = book.chapters();
        long total = 0;
        int[] sizes = new int[chapters.size()];
        for (int i = 0; i < chapters.size(); i++) {
            sizes[i] = chapters.get(i).body().toString().length();
            total += sizes[i];
        }
        int groupChars = Math.max(1, property);
        if (total < groupChars / 2) {
            return List.of();
        }
        // At least four groups when the book allows, so that layout and painting overlap on two cores.
        long target = Math.min(groupChars, Math.max(groupChars / 4, total / 4));
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

    /** A group laid out: its renderer, where its page 1 is in the book, and what it holds. */
    private record Laid(int index, PdfBoxRenderer renderer, Document dom, int offset, boolean dropFirst,
            Map<String, PdfLayout.BlockRef> blocks) {
    }

    /** A group painted: its document (pages as in the book), its places by id, its part of the page map. */
    private record Painted(PDDocument pdf, Map<String, Place> places, PageMap pages, int pageCount) {
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

        // The front matter's length, with a stand-in for each page number.
        int frontPages;
        List<String> frontAnchors = targets.stream().filter(id -> Integer.valueOf(-1).equals(home.get(id))).toList();
        Document frontDraft = front(book, ctx, paper, widths, Map.of(), "000", home, List.of());
        try (PdfBoxRenderer r = PdfLayout.builder(frontDraft, book, ctx, new PdfMessages(Map.of())).buildPdfRenderer()) {
            r.layout();
            frontPages = r.getRootBox().getLayer().getPages().size();
        }

        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "studybook-pdf");
            t.setDaemon(true);
            return t;
        });
        List<Future<Painted>> painted = new ArrayList<>();
        try {
            Future<Document> next = pool.submit(() -> chapterDom(book, ctx, paper, widths, groups, 0, home, targets, false, Set.of()));
            int start = frontPages + 1;
            for (int g = 0; g < groups.size(); g++) {
                Document dom = get(next);
                if (g + 1 < groups.size()) {
                    int n = g + 1;
                    next = pool.submit(() -> chapterDom(book, ctx, paper, widths, groups, n, home, targets, false, Set.of()));
                }
                // The renderer makes a document's odd pages right-hand pages. A group that starts on an even page of
                // the book is laid out after a blank page, dropped once painted; when printing, its first chapter
                // then gets the blank page before it that opens it on a right-hand page.
                boolean even = start % 2 == 0;
                lead(dom, even, print);
                Laid laid = layout(g, dom, book, ctx, messages, start, even);
                if (print) {
                    Set<String> blanks = blankPagesBefore(laid, groups.get(g));
                    if (!blanks.isEmpty()) {
                        laid.renderer().close();
                        Document again = chapterDom(book, ctx, paper, widths, groups, g, home, targets, false, blanks);
                        lead(again, even, print);
                        laid = layout(g, again, book, ctx, messages, start, even);
                    }
                }
                int pages = laid.renderer().getRootBox().getLayer().getPages().size() - (laid.dropFirst() ? 1 : 0);
                start += pages;
                // At most two groups laid out and not yet painted: their box trees are what a build holds.
                if (g >= 2) {
                    get(painted.get(g - 2));
                }
                Laid l = laid;
                painted.add(pool.submit(() -> paint(l, ctx)));
            }
            List<Painted> done = new ArrayList<>();
            for (Future<Painted> f : painted) {
                done.add(get(f));
            }

            // Every page is known: the contents' numbers, then the places in the merged book.
            Map<String, Place> places = new HashMap<>();
            int offset = frontPages;
            for (Painted p : done) {
                for (Map.Entry<String, Place> e : p.places().entrySet()) {
                    places.putIfAbsent(e.getKey(), new Place(offset + e.getValue().page(), e.getValue().top()));
                }
                offset += p.pageCount();
            }
            Map<String, Integer> numbers = new HashMap<>();
            places.forEach((id, place) -> numbers.put(id, place.page() + 1));
            Document frontDom = front(book, ctx, paper, widths, numbers, null, home, frontAnchors);
            PdfBoxRenderer frontRenderer = PdfLayout.builder(frontDom, book, ctx, messages).buildPdfRenderer();
            try (frontRenderer) {
                frontRenderer.layout();
                Justification.apply(frontRenderer);
                if (frontRenderer.getRootBox().getLayer().getPages().size() != frontPages) {
                    for (Painted p : done) {
                        p.pdf().close();
                    }
                    throw new Unstable();
                }
                PDDocument pdf = frontRenderer.createPDFKeepOpen();
                places.putAll(takePlaces(pdf, 0));
                PDFMergerUtility merger = new PDFMergerUtility();
                // The merger adds /Suspects (and would take it from a group): the book's marks are those of its front.
                COSBase markInfo = pdf.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.MARK_INFO);
                COSBase copy = markInfo instanceof COSDictionary d ? new COSDictionary(d) : null;
                for (Painted p : done) {
                    merger.appendDocument(pdf, p.pdf());
                    p.pdf().close();
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
                pointLinks(pdf, places);
                outline(pdf, contents, places);
                messages.report(ctx.diagnostics());
                PdfLayout.fixDatesAndId(pdf, book, ctx);
                pdf.save(out);
                pdf.close();
            }
            Map<String, List<PageMap.PageStart>> map = new LinkedHashMap<>();
            int shift = frontPages;
            for (Painted p : done) {
                for (Map.Entry<String, List<PageMap.PageStart>> e : p.pages().chapters().entrySet()) {
                    List<PageMap.PageStart> starts = new ArrayList<>();
                    for (PageMap.PageStart s : e.getValue()) {
                        starts.add(new PageMap.PageStart(s.block(), s.page() + shift));
                    }
                    map.put(e.getKey(), starts);
                }
                shift += p.pageCount();
            }
            return Optional.of(new PageMap(map));
        } finally {
            pool.shutdownNow();
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

    /** The blank pages a group begins with when it starts on an even page of the book (see {@link #write}). */
    private static void lead(Document dom, boolean even, boolean print) {
        if (even) {
            if (print) {
                insertBlank(dom);
            }
            insertBlank(dom);
        }
    }

    /** Puts a blank page (the one a chapter gets to open on a right-hand page) at the start of the body. */
    private static void insertBlank(Document dom) {
        Element body = Xml.elements(dom, PdfLayout.XHTML, "body").get(0);
        Element div = dom.createElementNS(PdfLayout.XHTML, "div");
        div.setAttribute("class", "blank-page");
        div.appendChild(dom.createTextNode("\u00a0"));
        body.insertBefore(div, body.getFirstChild());
    }

    private static Laid layout(int index, Document dom, Book book, OutputContext ctx, PdfMessages messages, int start,
            boolean dropFirst) {
        Map<String, PdfLayout.BlockRef> blocks = PdfLayout.numberBlocks(dom);
        // Page 1 of this document is page `offset + 1` of the book (page 0 when a dropped blank page leads).
        int offset = start - 1 - (dropFirst ? 1 : 0);
        PdfBoxRenderer renderer = PdfLayout.builder(dom, book, ctx, messages).useInitialPageNumber(offset + 1)
                .buildPdfRenderer();
        renderer.layout();
        Justification.apply(renderer);
        return new Laid(index, renderer, dom, offset, dropFirst, blocks);
    }

    /** As {@link PdfLayout}'s, for the chapters of one group that starts at page {@code offset + 1} of the book. */
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
            if ((laid.offset() + page + inserted) % 2 == 0) {
                blanks.add(c.id());
                inserted++;
            }
        }
        return blanks;
    }

    private static Painted paint(Laid laid, OutputContext ctx) throws IOException {
        try (PdfBoxRenderer renderer = laid.renderer()) {
            PDDocument pdf = renderer.createPDFKeepOpen();
            PageMap pages = laid.blocks().isEmpty() ? new PageMap(Map.of()) : PdfLayout.pageMap(renderer, laid.blocks());
            Map<String, Place> places = takePlaces(pdf, laid.dropFirst() ? 1 : 0);
            if (laid.dropFirst()) {
                dropFirstPage(pdf);
            }
            subsetFonts(pdf);
            Map<String, List<PageMap.PageStart>> shifted = new LinkedHashMap<>();
            pages.chapters().forEach((chapter, starts) -> shifted.put(chapter, starts.stream()
                    .map(s -> new PageMap.PageStart(s.block(), s.page() + laid.offset())).toList()));
            return new Painted(pdf, places, new PageMap(shifted), pdf.getNumberOfPages());
        }
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

    /**
     * Removes the blank page a group was laid out after to begin on a left-hand page, and what its structure tree
     * says of it: the blank page's element (it holds no content), the page as the one of the elements it begins
     * (their content is on the next page), and its entry in the parent tree.
     */
    private static void dropFirstPage(PDDocument pdf) {
        PDPage first = pdf.getPage(0);
        COSDictionary dropped = first.getCOSObject();
        COSDictionary next = pdf.getPage(1).getCOSObject();
        PDStructureTreeRoot root = pdf.getDocumentCatalog().getStructureTreeRoot();
        if (root != null) {
            unlinkPage(root.getCOSObject(), dropped, next);
            if (root.getParentTree() != null
                    && root.getParentTree().getCOSObject().getDictionaryObject(COSName.NUMS) instanceof COSArray nums) {
                int key = first.getStructParents();
                for (int i = 0; i + 1 < nums.size(); i += 2) {
                    if (nums.getObject(i) instanceof COSInteger k && k.intValue() == key) {
                        nums.remove(i + 1);
                        nums.remove(i);
                        break;
                    }
                }
            }
        }
        pdf.removePage(0);
    }

    /**
     * Below {@code parent}, the elements that begin on page {@code dropped}: those without content removed, the
     * others moved to page {@code next}. Only the first elements of a document can begin there.
     */
    private static void unlinkPage(COSDictionary parent, COSDictionary dropped, COSDictionary next) {
        COSBase k = parent.getDictionaryObject(COSName.K);
        List<COSDictionary> kids = new ArrayList<>();
        if (k instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSDictionary d) {
                    kids.add(d);
                }
            }
        } else if (k instanceof COSDictionary d) {
            kids.add(d);
        }
        for (COSDictionary kid : kids) {
            COSBase page = kid.getDictionaryObject(COSName.PG);
            if (page == null) {
                // An element without a page of its own (the document's) can hold those that begin on it.
                unlinkPage(kid, dropped, next);
                continue;
            }
            if (page != dropped) {
                continue;
            }
            COSBase content = kid.getDictionaryObject(COSName.K);
            if (content == null || content instanceof COSArray a && a.size() == 0) {
                if (k instanceof COSArray array) {
                    array.removeObject(kid);
                } else {
                    parent.removeItem(COSName.K);
                }
                continue;
            }
            kid.setItem(COSName.PG, next);
            unlinkPage(kid, dropped, next);
        }
    }

    /**
     * Embeds the subsets of the fonts a group's pages use. PDFBox does so when a document is saved; a group is merged
     * instead, and its fonts would be copied without the glyphs it drew. The list of those fonts is not public.
     */
    private static void subsetFonts(PDDocument pdf) throws IOException {
        try {
            java.lang.reflect.Method m = PDDocument.class.getDeclaredMethod("getFontsToSubset");
            m.setAccessible(true);
            @SuppressWarnings("unchecked")
            Set<org.apache.pdfbox.pdmodel.font.PDFont> fonts = (Set<org.apache.pdfbox.pdmodel.font.PDFont>) m.invoke(pdf);
            for (org.apache.pdfbox.pdmodel.font.PDFont f : fonts) {
                f.subset();
            }
            fonts.clear();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("PDFBox's fonts to subset cannot be reached", e);
        }
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
