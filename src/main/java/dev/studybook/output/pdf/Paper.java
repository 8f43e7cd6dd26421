package dev.studybook.output.pdf;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The page sizes of the PDF, each with its own margins and type sizes: A4 and Letter for desk printing, B5
 * for a book-like handout, A5 small enough to read on a phone.
 *
 * @param widthMm   page width
 * @param heightMm  page height
 * @param top       top margin (the running header sits in it)
 * @param side      left and right margins
 * @param bottom    bottom margin (the page number sits in it)
 * @param bodyPt    body text size
 */
public enum Paper {
    A4(210, 297, 24, 22, 26, 10.5),
    A5(148, 210, 16, 13, 18, 9.5),
    B5(176, 250, 21, 18, 23, 10),
    LETTER(215.9, 279.4, 24, 22, 26, 10.5);

    private final double widthMm;
    private final double heightMm;
    private final double top;
    private final double side;
    private final double bottom;
    private final double bodyPt;

    Paper(double widthMm, double heightMm, double top, double side, double bottom, double bodyPt) {
        this.widthMm = widthMm;
        this.heightMm = heightMm;
        this.top = top;
        this.side = side;
        this.bottom = bottom;
        this.bodyPt = bodyPt;
    }

    /** The names as a user writes them: A4, A5, B5, Letter. */
    public static List<String> names() {
        return Arrays.stream(values()).map(p -> p == LETTER ? "Letter" : p.name()).toList();
    }

    public static Optional<Paper> parse(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.name().equals(n)).findFirst();
    }

    public double widthMm() {
        return widthMm;
    }

    public double heightMm() {
        return heightMm;
    }

    public double sideMarginMm() {
        return side;
    }

    public double topMarginMm() {
        return top;
    }

    public double bottomMarginMm() {
        return bottom;
    }

    public double bodyPt() {
        return bodyPt;
    }

    /** Room kept under a picture as tall as the page allows, for its caption. */
    static final double CAPTION_ROOM_MM = 10;

    /**
     * The CSS of the page box for this paper: size, margins and the base type size; and pictures no taller than
     * the page's text area (less room for a caption), scaled with their width: a picture taller than that was cut
     * in two across pages (a 480×876 diagram redrawn for phones, a long screenshot). The cover fills its page.
     */
    public String css() {
        return String.format(Locale.ROOT, "@page { size: %.1fmm %.1fmm; margin: %.1fmm %.1fmm %.1fmm %.1fmm; }\n"
                + "body { font-size: %.1fpt; }\n"
                + "img { max-height: %.1fmm; }\nsection.cover img { max-height: none; }\n",
                widthMm, heightMm, top, side, bottom, side, bodyPt, heightMm - top - bottom - CAPTION_ROOM_MM);
    }
}
