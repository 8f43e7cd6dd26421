package dev.studybook.output.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.junit.jupiter.api.Test;

class PagePropertyListsTest {

    /** What OpenHTMLtoPDF hands over for a box's background: a typed artifact with its bounding box. */
    private static COSDictionary background(float x) {
        COSDictionary d = new COSDictionary();
        d.setItem(COSName.TYPE, COSName.BACKGROUND);
        COSArray box = new COSArray();
        for (float v : new float[] {x, 0, x + 10, 10}) {
            box.add(new COSFloat(v));
        }
        d.setItem(COSName.BBOX, box);
        return d;
    }

    @Test
    void backgroundArtifactsShareOneUntypedListAndOthersAreKeptInline() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PDDocument doc = new PageIndexedDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            COSDictionary mcid = new COSDictionary();
            mcid.setInt(COSName.MCID, 0);
            COSDictionary pagination = new COSDictionary();
            pagination.setItem(COSName.TYPE, COSName.getPDFName("Pagination"));
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginMarkedContent(COSName.ARTIFACT, PDPropertyList.create(background(0)));
                cs.endMarkedContent();
                cs.beginMarkedContent(COSName.ARTIFACT, PDPropertyList.create(background(20)));
                cs.endMarkedContent();
                cs.beginMarkedContent(COSName.getPDFName("Span"), PDPropertyList.create(mcid));
                cs.endMarkedContent();
                cs.beginMarkedContent(COSName.ARTIFACT, PDPropertyList.create(pagination));
                cs.endMarkedContent();
            }
            doc.save(bytes);
        }
        try (PDDocument doc = Loader.loadPDF(bytes.toByteArray())) {
            COSDictionary properties = doc.getPage(0).getResources().getCOSObject()
                    .getCOSDictionary(COSName.PROPERTIES);
            // PDFBox writes a list that holds only an MCID into the content stream itself.
            assertEquals(3, properties.size(), "one list per artifact");
            int untyped = 0;
            for (COSName key : properties.keySet()) {
                COSBase item = properties.getItem(key);
                assertFalse(item instanceof COSObject, key + " is written inside the resources");
                COSDictionary list = (COSDictionary) item;
                assertFalse(COSName.BACKGROUND.equals(list.getCOSName(COSName.TYPE)), "no background list left");
                if (list.size() == 0) {
                    untyped++;
                }
            }
            assertEquals(2, untyped, "both backgrounds became the untyped artifact");
            assertTrue(properties.getValues().stream().anyMatch(
                    v -> COSName.getPDFName("Pagination").equals(((COSDictionary) v).getCOSName(COSName.TYPE))));
        }
    }
}
