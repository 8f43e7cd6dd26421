package dev.studybook.output.pdf;

import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;

/**
 * The marked-content property lists of one page (its resources' {@code /Properties}), kept small as
 * OpenHTMLtoPDF adds them.
 *
 * <p>For PDF/UA, OpenHTMLtoPDF wraps the painting of every box's background and border in an artifact with
 * a property list {@code << /Type /Background /BBox [...] >>}. It means to do so only for boxes that paint
 * something, but its test ({@code Box.hasNonTextContent}) asks whether {@code background-image} is the
 * identifier {@code none}, and that property's value is now always a list; so every box of every page gets
 * one, nearly all of them around nothing. They were two thirds of the objects of the book's PDF, and in a
 * 5,000-page book a million small dictionaries (four numbers each) held until the document is saved.
 *
 * <p>Here each background artifact is given the page's one untyped artifact property list instead (the type
 * and bounding box are optional for an artifact, but a {@code /Background} one must have its box). The
 * others (the running headers' {@code /Pagination}) are kept, written inside the page's resources rather than
 * as an object each. (The {@code << /MCID n >>} of each run of text never comes here: PDFBox writes it into
 * the content stream.)
 */
final class PagePropertyLists extends COSDictionary {

    private final COSDictionary artifact = new COSDictionary();

    private PagePropertyLists() {
        artifact.setDirect(true);
    }

    /** Gives a new page, before anything is drawn on it, resources whose property lists are these. */
    static void install(PDPage page) {
        PDResources resources = page.getResources();
        if (resources == null) {
            resources = new PDResources();
            page.setResources(resources);
        }
        if (resources.getCOSObject().getDictionaryObject(COSName.PROPERTIES) == null) {
            resources.getCOSObject().setItem(COSName.PROPERTIES, new PagePropertyLists());
        }
    }

    @Override
    public void setItem(COSName key, COSBase value) {
        if (value instanceof COSDictionary list && list != artifact) {
            if (COSName.BACKGROUND.equals(list.getCOSName(COSName.TYPE))) {
                value = artifact;
            } else {
                list.setDirect(true);
            }
        }
        super.setItem(key, value);
    }

    /**
     * Whether the page's property lists hold {@code value}. PDFBox asks this before it adds each list, and the
     * dictionary's answer is a search of all its values: with a background list per box, a search as long as the
     * page's boxes for every box, 8% of the PDF's time for the book in content/. A background list handed in is
     * always new and never stored (the shared artifact is stored in its place), so the answer for it is known.
     */
    @Override
    public boolean containsValue(Object value) {
        if (value instanceof COSDictionary list && list != artifact
                && COSName.BACKGROUND.equals(list.getCOSName(COSName.TYPE))) {
            return false;
        }
        return super.containsValue(value);
    }
}
