package dev.studybook.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

/** A PDF read back for the corpus tests: its text in drawing order without page footers, and its images. */
public final class PdfContent {
    private PdfContent() {
    }

    /**
     * The text of every page with each page's footer (its number) dropped, so that running text that crosses
     * a page reads on. Sorted by position, lines read as a reader sees them; in drawing order instead, the
     * lines of one table cell stay together (but inline runs such as code may come out of order).
     */
    public static String bodyText(Path pdf, boolean sortByPosition) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(sortByPosition);
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                s.setStartPage(i);
                s.setEndPage(i);
                List<String> lines = new ArrayList<>(s.getText(doc).strip().lines().toList());
                // The running footer is the page's number, drawn before or after the page's text.
                String number = Integer.toString(i);
                if (!lines.isEmpty() && lines.get(lines.size() - 1).strip().equals(number)) {
                    lines.remove(lines.size() - 1);
                } else if (!lines.isEmpty() && lines.get(0).strip().equals(number)) {
                    lines.remove(0);
                }
                sb.append(String.join("\n", lines)).append('\n');
            }
        }
        return sb.toString();
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
