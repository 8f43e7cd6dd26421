package dev.studybook.output.pdf;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * A PDF document that finds its n-th page at once. OpenHTMLtoPDF adds the pages to one flat page tree and asks
 * {@link #getPage} for every link destination and bookmark; PDFBox answers by listing the tree's kids each time,
 * so for a book of a few thousand pages that lookup was a third of the PDF's rendering time. The pages are
 * remembered as they are added; any other change to the page tree makes the list be read again. Each page
 * added gets its marked-content property lists kept small ({@link PagePropertyLists}).
 */
final class PageIndexedDocument extends PDDocument {

    private final List<PDPage> pages = new ArrayList<>();

    PageIndexedDocument() {
    }

    /** One whose streams are kept where {@code cache} says (a temporary file for a part of a long book). */
    PageIndexedDocument(org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction cache) {
        super(cache);
    }

    @Override
    public void addPage(PDPage page) {
        boolean known = pages.size() == getNumberOfPages();
        PagePropertyLists.install(page);
        super.addPage(page);
        if (known) {
            pages.add(page);
        } else {
            pages.clear();
        }
    }

    @Override
    public void removePage(PDPage page) {
        super.removePage(page);
        pages.clear();
    }

    @Override
    public void removePage(int pageNumber) {
        super.removePage(pageNumber);
        pages.clear();
    }

    @Override
    public PDPage getPage(int pageIndex) {
        if (pages.size() != getNumberOfPages()) {
            pages.clear();
            getPages().forEach(pages::add);
        }
        return pages.get(pageIndex);
    }
}
