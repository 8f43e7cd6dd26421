package dev.studybook.output;

/**
 * How the renderers lay the book out: the PDF's paper, whether the PDF also claims PDF/A-2b, whether the EPUB
 * embeds its fonts, and how deep tables of contents go (1 = chapters, 2 = and their sections...).
 */
public record RenderOptions(Paper paper, boolean pdfA, boolean embedFonts, int tocDepth) {

    public static final RenderOptions DEFAULTS = new RenderOptions(Paper.A4, false, true, 2);

    public RenderOptions {
        if (tocDepth < 1 || tocDepth > 6) {
            throw new IllegalArgumentException("tocDepth must be 1 to 6: " + tocDepth);
        }
    }
}
