package dev.studybook.output.epub;

import dev.studybook.model.Book;
import dev.studybook.model.Chapter;
import dev.studybook.output.Labels;
import java.util.ArrayList;
import java.util.List;

/**
 * The EPUB Accessibility 1.1 metadata of a book, derived from what the book holds: how it can be perceived,
 * what helps, what does not hurt, in schema.org terms.
 *
 * @param accessModes          textual, and visual when there are pictures
 * @param sufficient           the mode sets enough to take in the whole book
 * @param features             structural navigation, alternative text, page numbers...
 * @param summary              a sentence for people, in the book's language
 */
record Accessibility(List<String> accessModes, List<String> sufficient, List<String> features, String summary) {

    static final String CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA";

    static Accessibility of(Book book, boolean pageList, Labels labels) {
        boolean images = !book.assets().isEmpty() || book.chapters().stream().anyMatch(Chapter::images);
        List<String> modes = new ArrayList<>(List.of("textual"));
        if (images) {
            modes.add("visual");
        }
        List<String> features = new ArrayList<>(List.of("structuralNavigation", "tableOfContents", "readingOrder",
                "displayTransformability"));
        if (images) {
            features.add("alternativeText");
        }
        if (pageList) {
            features.add("printPageNumbers");
            features.add("pageNavigation");
        }
        boolean chinese = book.metadata().language().toLowerCase(java.util.Locale.ROOT).startsWith("zh");
        String summary = chinese
                ? "本书以结构化的标题、目录与语义标记编排，图片均有替代文字，代码以文本呈现；无闪烁、声音或动作等潜在危害。"
                        + (pageList ? "页码列表对应 PDF 版的页码。" : "")
                : "Headings, a table of contents and semantic markup structure the book; every picture has alternative"
                        + " text and code is text; nothing flashes, plays sound or moves."
                        + (pageList ? " The page list follows the PDF edition's pages." : "");
        return new Accessibility(modes, List.of("textual"), features, summary);
    }
}
