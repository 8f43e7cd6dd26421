package dev.studybook.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import dev.studybook.output.pdf.Paper;

/** A PDF read back for the corpus tests: its body text without running headers and page numbers, and its images. */
public final class PdfContent {
    private PdfContent() {
    }

    /**
     * The text of every page without what the page margins hold (the running header and the page number), so
     * that running text that crosses a page reads on. Sorted by position, lines read as a reader sees them; in
     * drawing order instead, the lines of one table cell stay together (but inline runs such as code may come
     * out of order). Margins are those of the default A4 paper.
     */
    public static String bodyText(Path pdf, boolean sortByPosition) throws IOException {
        float mm = 72f / 25.4f;
        float top = (float) Paper.A4.topMarginMm() * mm;
        float bottom = (float) Paper.A4.bottomMarginMm() * mm;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    float height = getCurrentPage().getMediaBox().getHeight();
                    float baseline = text.getYDirAdj();
                    if (baseline >= top && baseline <= height - bottom + 1f) {
                        super.processTextPosition(text);
                    }
                }
            };
            s.setSortByPosition(sortByPosition);
            return s.getText(doc);
        }
    }

    /** The text of one page (1-based), sorted by position. */
    public static String pageText(Path pdf, int page) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            s.setStartPage(page);
            s.setEndPage(page);
            return s.getText(doc);
        }
    }

    /** How many distinct raster images (image XObjects) the pages of the PDF use, forms included. */
    public static int distinctImages(Path pdf) throws IOException {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : doc.getPages()) {
                collect(page.getResources(), seen, 0);
            }
        }
        return seen.size();
    }

    /** The pages (numbered from 1) that draw each raster image, forms included, in the order images are first met. */
    public static List<List<Integer>> imagePages(Path pdf) throws IOException {
        Map<Object, List<Integer>> pages = new LinkedHashMap<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int n = 0;
            for (PDPage page : doc.getPages()) {
                n++;
                Set<Object> here = Collections.newSetFromMap(new IdentityHashMap<>());
                collect(page.getResources(), here, 0);
                for (Object img : here) {
                    pages.computeIfAbsent(img, k -> new ArrayList<>()).add(n);
                }
            }
        }
        return List.copyOf(pages.values());
    }

    private static void collect(PDResources res, Set<Object> seen, int depth) throws IOException {
        if (res == null || depth > 8) {
            return;
        }
        for (COSName name : res.getXObjectNames()) {
            PDXObject x = res.getXObject(name);
            if (x instanceof PDImageXObject img) {
                seen.add(img.getCOSObject());
            } else if (x instanceof PDFormXObject form) {
                collect(form.getResources(), seen, depth + 1);
            }
        }
    }
}
