package dev.studybook.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Reads a PDF back the way a reader's copy and paste would: its text, its fonts. */
public final class PdfText {
    private PdfText() {
    }

    public static String text(Path pdf) throws IOException {
        return text(pdf, true);
    }

    /**
     * The text: sorted by position, lines read as a reader sees them; in drawing order, the lines of one table
     * cell stay together.
     */
    public static String text(Path pdf, boolean sortByPosition) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(sortByPosition);
            return s.getText(doc);
        }
    }

    public static int pages(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return doc.getNumberOfPages();
        }
    }

    /**
     * Text drawn outside the horizontal bounds of the content box ({@code left} and {@code right} margins in
     * points), page by page: "page N: text".
     */
    public static List<String> outsideMargins(Path pdf, float left, float right) throws IOException {
        return outsideBox(pdf, left, right, 0, 0);
    }

    /**
     * Text drawn outside the content box, whose margins are given in points: a glyph beyond a side margin, or
     * a baseline above the top margin or below the bottom one. A margin of 0 is not checked (running headers
     * and page numbers live in the top and bottom margins).
     */
    public static List<String> outsideBox(Path pdf, float left, float right, float top, float bottom) throws IOException {
        List<String> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                int pageNo = i + 1;
                float width = doc.getPage(i).getMediaBox().getWidth();
                float height = doc.getPage(i).getMediaBox().getHeight();
                PDFTextStripper s = new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<TextPosition> positions) throws IOException {
                        for (TextPosition p : positions) {
                            if (p.getUnicode().isBlank()) {
                                continue;
                            }
                            float x0 = p.getXDirAdj();
                            float x1 = x0 + inkWidth(p);
                            // The baseline: a glyph's ascent may rise into the margin by the line's half-leading.
                            float baseline = p.getYDirAdj();
                            boolean outsideY = (top > 0 && baseline < top) || (bottom > 0 && baseline > height - bottom + 1f);
                            // A full-width mark compressed at a line's end or start (PunctuationSqueeze) has its blank
                            // half, which holds no ink, in the margin: a closing mark its right half, an opening its left.
                            float w = inkWidth(p);
                            boolean full = w > 0.9f * p.getFontSizeInPt();
                            if (full && CLOSING.indexOf(p.getUnicode().charAt(0)) >= 0) {
                                x1 -= w / 2;
                            } else if (full && OPENING.indexOf(p.getUnicode().charAt(0)) >= 0) {
                                x0 += w / 2;
                            }
                            if (x0 < left - 1f || x1 > width - right + 1f || outsideY) {
                                out.add("page " + pageNo + ": '" + text + "' (x " + x0 + ".." + x1 + ")");
                                return;
                            }
                        }
                    }
                };
                s.setStartPage(pageNo);
                s.setEndPage(pageNo);
                s.getText(doc);
            }
        }
        return out;
    }

    /**
     * The width of {@code t}'s box: its advance, but at most an em for a wide (Chinese) character, whose ink stays in
     * its em box when a widened face (WideFaces) holds part of the gap after it in its advance.
     */
    public static float inkWidth(TextPosition t) {
        float w = t.getWidthDirAdj();
        String u = t.getUnicode();
        float em = t.getFontSizeInPt();
        if (u != null && !u.isEmpty() && wide(u.codePointAt(0)) && em > 0 && w > em * 1.005f) {
            return em;
        }
        return w;
    }

    /**
     * Whether {@code cp} is set an em wide by the Chinese faces: CJK ideographs and symbols, kana, Hangul, full-width
     * forms, and the quotes, dash and ellipsis they draw full width.
     */
    public static boolean wide(int cp) {
        return cp >= 0x2018 && cp <= 0x201D || cp == 0x2014 || cp == 0x2026 || cp >= 0x2E80 && cp <= 0xA4CF
                || cp >= 0xAC00 && cp <= 0xD7A3 || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0xFE30 && cp <= 0xFE4F
                || cp >= 0xFF00 && cp <= 0xFF60 || cp >= 0x20000 && cp <= 0x3FFFD;
    }

    /** Full-width marks whose blank half is on their right (closing) or left (opening). */
    private static final String CLOSING = "，。、；：）」』》】”’";
    private static final String OPENING = "（「『《【“‘";

    /** Characters that may not start a line of Chinese text. */
    public static final String NO_LINE_START = "，。、；：？！）」』】》";
    /** Characters that may not end a line of Chinese text. */
    public static final String NO_LINE_END = "（「『【《";

    /** Lines of the PDF (in reading position) that start or end with punctuation Chinese rules forbid there. */
    public static List<String> badLineBreaks(Path pdf) throws IOException {
        List<String> bad = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            // Figures (SVG, drawn as form XObjects) set their text line by line as their author wrote it; sorted by
            // position, the pieces of two neighbouring lines of a figure even interleave. Only laid-out text counts.
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                public void showForm(org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
                }
            };
            s.setSortByPosition(true);
            for (String line : s.getText(doc).split("\n")) {
                String l = line.strip();
                if (!l.isEmpty() && (NO_LINE_START.indexOf(l.charAt(0)) >= 0 || NO_LINE_END.indexOf(l.charAt(l.length() - 1)) >= 0)) {
                    bad.add(l);
                }
            }
        }
        return bad;
    }

    /** Every font used on any page (forms included): "name embedded=true|false". */
    public static List<String> fonts(Path pdf) throws IOException {
        List<String> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : doc.getPages()) {
                collect(page.getResources(), out, 0);
            }
        }
        return out;
    }

    private static void collect(PDResources res, List<String> out, int depth) throws IOException {
        if (res == null || depth > 8) {
            return;
        }
        for (COSName name : res.getFontNames()) {
            PDFont f = res.getFont(name);
            String entry = f.getName() + " embedded=" + f.isEmbedded();
            if (!out.contains(entry)) {
                out.add(entry);
            }
        }
        for (COSName name : res.getXObjectNames()) {
            PDXObject x = res.getXObject(name);
            if (x instanceof PDFormXObject form) {
                collect(form.getResources(), out, depth + 1);
            }
        }
    }
}
