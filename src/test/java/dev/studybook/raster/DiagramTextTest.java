package dev.studybook.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Diagram text as large as it shows on a phone. */
class DiagramTextTest {

    static byte[] svg(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void labelsOfAWideDrawingShrinkWithItOnAPhone() {
        // The book's diagrams: 760 wide, 12 px labels.
        byte[] wide = svg("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 760 400'><g font-size='13'>"
                + "<text font-size='12'>tophash</text><text>buckets</text></g></svg>");
        assertEquals(12 * 340 / 760.0, DiagramText.smallestTextPx(wide, DiagramText.PHONE_COLUMN_PX).getAsDouble(), 1e-9);
        assertTrue(DiagramText.smallestTextPx(wide, DiagramText.PHONE_COLUMN_PX).getAsDouble() < DiagramText.MIN_READABLE_PX);
        // At 18 px the same drawing reads on a phone; a narrow one is not enlarged beyond its size.
        byte[] big = svg("<svg xmlns='http://www.w3.org/2000/svg' width='760' height='400'>"
                + "<text style='font-size: 18px'>tophash</text></svg>");
        assertTrue(DiagramText.smallestTextPx(big, DiagramText.PHONE_COLUMN_PX).getAsDouble() >= DiagramText.MIN_READABLE_PX);
        byte[] narrow = svg("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 300 100'><text font-size='10'>x</text></svg>");
        assertEquals(10, DiagramText.smallestTextPx(narrow, DiagramText.PHONE_COLUMN_PX).getAsDouble(), 1e-9);
    }

    @Test
    void theSampleBooksDiagramReadsOnAPhone() throws IOException {
        byte[] flow;
        try (InputStream in = DiagramTextTest.class.getResourceAsStream("/studybook/init/images/flow.svg")) {
            flow = in.readAllBytes();
        }
        double px = DiagramText.smallestTextPx(flow, DiagramText.PHONE_COLUMN_PX).getAsDouble();
        assertTrue(px >= DiagramText.MIN_READABLE_PX, "studybook init's picture shows its text at " + px + " px on a phone");
    }
}
