package dev.studybook.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.text.PDFTextStripper;

/** The links of a PDF: for internal ones, the text of the page they lead to. */
public final class PdfLinks {
    private PdfLinks() {
    }

    /** A link: the page it is on (1-based), and either its URL or the text of the page it leads to. */
    public record Link(int fromPage, String uri, int toPage, String toPageText) {
    }

    public static List<Link> links(Path pdf) throws IOException {
        List<Link> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            int n = 0;
            for (PDPage page : doc.getPages()) {
                n++;
                for (PDAnnotation a : page.getAnnotations()) {
                    if (!(a instanceof PDAnnotationLink link)) {
                        continue;
                    }
                    PDAction action = link.getAction();
                    PDDestination dest = link.getDestination();
                    if (action instanceof PDActionURI uri) {
                        out.add(new Link(n, uri.getURI(), 0, ""));
                        continue;
                    }
                    if (action instanceof PDActionGoTo goTo) {
                        dest = goTo.getDestination();
                    }
                    if (dest instanceof PDNamedDestination named) {
                        dest = doc.getDocumentCatalog().findNamedDestinationPage(named);
                    }
                    if (dest instanceof PDPageDestination pd) {
                        int to = pd.retrievePageNumber() + 1;
                        stripper.setStartPage(to);
                        stripper.setEndPage(to);
                        out.add(new Link(n, null, to, stripper.getText(doc)));
                    }
                }
            }
        }
        return out;
    }
}
