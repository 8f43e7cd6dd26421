package dev.studybook.xhtml;

import dev.studybook.config.QuestionRules;
import dev.studybook.error.SourceLocation;
import dev.studybook.error.Tasks;
import dev.studybook.markdown.MarkdownRenderer;
import dev.studybook.model.ChapterBody;
import dev.studybook.model.Heading;
import dev.studybook.model.Question;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * The book-wide pass over cleaned chapters: makes every id unique across the book (the same heading in two
 * chapters), points links at the right chapter file and id, and serialises each chapter as XHTML.
 */
public final class BookLinker {

    /** Receives problems found while linking, by chapter index and source line. */
    @FunctionalInterface
    public interface Warnings {
        void warn(int chapterIndex, int line, String message);
    }

    /** Tells where a line of a chapter's text was written. */
    @FunctionalInterface
    public interface Locations {
        SourceLocation locate(int chapterIndex, int line);
    }

    /**
     * A chapter ready for the outputs: its body with links into the book, block starts and the end of its title
     * left for each output to write; its headings; its review section (its {@code 速记}), if any; whether it
     * shows pictures; the questions it asks.
     */
    public record LinkedChapter(ChapterBody body, List<Heading> headings, Optional<ChapterBody> review,
            boolean images, List<Question> questions) {
        public LinkedChapter {
            headings = List.copyOf(headings);
            questions = List.copyOf(questions);
        }
    }

    /** The elements that are blocks, in the order the page map counts them. */
    private static final Set<String> BLOCKS = Set.copyOf(ChapterBody.BLOCK_ELEMENTS);
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private BookLinker() {
    }

    /**
     * Links the chapters; {@code chapterIds.get(i)} is the id of {@code chapters.get(i)}, and
     * {@code reserved} holds ids the renderers use themselves (chapter ids are reserved too).
     */
    public static List<LinkedChapter> link(List<CleanChapter> chapters, List<String> chapterIds, Set<String> reserved,
            Warnings warnings) {
        return link(chapters, chapterIds, reserved, warnings, QuestionRules.DEFAULT,
                (i, line) -> SourceLocation.of(java.nio.file.Path.of(chapterIds.get(i) + ".md"), line));
    }

    /**
     * Links the chapters as above, and finds their questions by {@code rules}; {@code locations} names the file and
     * line of each.
     */
    public static List<LinkedChapter> link(List<CleanChapter> chapters, List<String> chapterIds, Set<String> reserved,
            Warnings warnings, QuestionRules rules, Locations locations) {
        return link(chapters, chapterIds, reserved, warnings, rules, locations, Runnable::run);
    }

    /**
     * Links the chapters as above, the second pass (each chapter's links, questions and XHTML, which depend only on
     * the ids of the first) on {@code executor}, one task per chapter; warnings are given in the chapters' order all
     * the same.
     */
    public static List<LinkedChapter> link(List<CleanChapter> chapters, List<String> chapterIds, Set<String> reserved,
            Warnings warnings, QuestionRules rules, Locations locations, java.util.concurrent.Executor executor) {
        Set<String> used = new HashSet<>(reserved);
        used.addAll(chapterIds);
        // Pass 1: final ids, and each chapter's anchors mapped to them.
        List<Map<String, String>> finalAnchors = new ArrayList<>();
        for (CleanChapter ch : chapters) {
            Set<String> own = new HashSet<>(ch.anchors.values());
            Map<String, String> renamed = new HashMap<>();
            for (Element el : ch.withIds()) {
                String id = el.id();
                String fin = id;
                if (used.contains(fin)) {
                    // Skip suffixes this chapter uses itself further on.
                    int n = 2;
                    while (used.contains(id + "-" + n) || own.contains(id + "-" + n)) {
                        n++;
                    }
                    fin = id + "-" + n;
                }
                used.add(fin);
                renamed.put(id, fin);
                el.attr("id", fin);
            }
            Map<String, String> anchors = new HashMap<>();
            ch.anchors.forEach((name, id) -> anchors.put(name, renamed.getOrDefault(id, id)));
            finalAnchors.add(anchors);
        }
        // Pass 2: links, then what the outputs need to know; each chapter's warnings kept until all are done.
        List<java.util.concurrent.CompletableFuture<LinkedChapter>> tasks = new ArrayList<>();
        List<List<Runnable>> held = new ArrayList<>();
        for (int i = 0; i < chapters.size(); i++) {
            int index = i;
            List<Runnable> mine = new ArrayList<>();
            held.add(mine);
            Warnings later = (c, line, message) -> mine.add(() -> warnings.warn(c, line, message));
            tasks.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> link(index, chapters.get(index), chapterIds,
                    finalAnchors, later, rules, locations), executor));
        }
        List<LinkedChapter> out = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            out.add(Tasks.join(tasks.get(i)));
            held.get(i).forEach(Runnable::run);
        }
        return out;
    }

    /** The second pass over one chapter, {@code ch}, the book's chapter {@code i}. */
    private static LinkedChapter link(int i, CleanChapter ch, List<String> chapterIds,
            List<Map<String, String>> finalAnchors, Warnings warnings, QuestionRules rules, Locations locations) {
        Element body = ch.doc.body();
        List<ChapterBody.Mark> marks = new ArrayList<>();
        // The links of both kinds in one walk; those within the chapter are done first, as their places are numbered.
        List<Element> local = new ArrayList<>();
        List<Element> other = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof Element a && a.normalName().equals("a")) {
                if (a.hasAttr("data-sb-local")) {
                    local.add(a);
                }
                if (a.hasAttr("data-sb-chapter")) {
                    other.add(a);
                }
            }
        }, body);
        for (Element a : local) {
            String fragment = a.attr("href").substring(1);
            String id = find(finalAnchors.get(i), fragment);
            if (id == null && topOfPage(fragment)) {
                // HTML defines '#' and '#top' as the page's top: a placeholder ("[编程之美 3.1](#)", 7 in
                // CyC2018/CS-Notes) or a way back up, never a broken anchor.
                a.attr("href", place(marks, new ChapterBody.ChapterLink(chapterIds.get(i), "")));
            } else if (id == null) {
                warnings.warn(i, line(a), "the link '#" + fragment + "' names no heading or anchor in this chapter; it leads to the chapter's start");
                a.attr("href", place(marks, new ChapterBody.ChapterLink(chapterIds.get(i), "")));
            } else {
                a.attr("href", "#" + id);
            }
            a.removeAttr("data-sb-local");
        }
        for (Element a : other) {
            String target = a.attr("data-sb-chapter");
            String fragment = a.attr("data-sb-fragment");
            int t = chapterIds.indexOf(target);
            String id = "";
            if (!fragment.isEmpty() && t >= 0) {
                id = find(finalAnchors.get(t), fragment);
                if (id == null && topOfPage(fragment)) {
                    id = "";
                } else if (id == null) {
                    warnings.warn(i, line(a), "the link to '#" + fragment + "' names no heading or anchor in that chapter; it leads to the chapter's start");
                    id = "";
                }
            }
            a.attr("href", place(marks, new ChapterBody.ChapterLink(target, id)));
            a.removeAttr("data-sb-chapter");
            a.removeAttr("data-sb-fragment");
        }
        // From here on no element is added, removed or renamed until the places are left: one list of them all
        // serves the headings, the questions, the review section, the pictures and the places.
        List<Element> all = body.getAllElements();
        List<Element> headingElements = new ArrayList<>();
        List<Element> blocks = new ArrayList<>();
        boolean images = false;
        for (Element el : all) {
            String name = el.normalName();
            if (el != body && HEADINGS.contains(name)) {
                headingElements.add(el);
            }
            if (el != body && BLOCKS.contains(name)) {
                blocks.add(el);
            }
            images |= name.equals("img");
        }
        List<Heading> headings = CleanChapter.headings(headingElements);
        Optional<Element> reviewHeading = ReviewSections.heading(headingElements);
        List<Question> questions = new ArrayList<>();
        for (QuestionFinder.Found f : QuestionFinder.find(rules, reviewHeading, blocks, headingElements)) {
            questions.add(new Question(f.kind(), f.prompt(), f.answer(), f.text(), f.path(), f.anchor(), f.block(),
                    locations.locate(i, f.line())));
        }
        for (Element el : all) {
            if (el.hasAttr(MarkdownRenderer.LINE_ATTRIBUTE)) {
                el.removeAttr(MarkdownRenderer.LINE_ATTRIBUTE);
            }
        }
        Optional<ChapterBody> review = ReviewSections.extract(reviewHeading).map(ChapterBody::of);
        markPlaces(blocks, headingElements, marks);
        return new LinkedChapter(ChapterBody.withPlaces(serialize(ch.doc), marks), headings, review, images,
                questions);
    }

    /** Leaves a place for {@code mark} and returns the text that stands for it. */
    private static String place(List<ChapterBody.Mark> marks, ChapterBody.Mark mark) {
        marks.add(mark);
        return ChapterBody.place(marks.size() - 1);
    }

    /**
     * Leaves a place at the start of every block, and after the title (the first h1); {@code blocks} and
     * {@code headings} are the chapter's, in document order.
     */
    private static void markPlaces(List<Element> blocks, List<Element> headings, List<ChapterBody.Mark> marks) {
        int n = 0;
        for (Element el : blocks) {
            TextNode at = new TextNode(place(marks, new ChapterBody.BlockStart(n++)));
            if (el.normalName().equals("table")) {
                el.before(at);
            } else {
                el.prependChild(at);
            }
        }
        Element h1 = headings.stream().filter(h -> h.normalName().equals("h1")).findFirst().orElse(null);
        if (h1 != null) {
            h1.after(new TextNode(place(marks, new ChapterBody.TitleEnd())));
        }
    }

    /** True for the fragments HTML takes as the top of the page when no element has them as id: '' and 'top'. */
    private static boolean topOfPage(String fragment) {
        return fragment.isEmpty() || fragment.equalsIgnoreCase("top");
    }

    /** The id a link's fragment names: as written, lower-cased, or as a heading slug (GitHub's rules). */
    private static String find(Map<String, String> anchors, String fragment) {
        String id = anchors.get(fragment);
        if (id == null) {
            id = anchors.get(fragment.toLowerCase(Locale.ROOT));
        }
        if (id == null) {
            id = anchors.get(Ids.slug(fragment));
        }
        return id;
    }

    /** The source line of {@code el}, or of the nearest element around it that has one; 0 when none has. */
    static int line(Element el) {
        for (Element e = el; e != null; e = e.parent()) {
            String v = e.attr(MarkdownRenderer.LINE_ATTRIBUTE);
            if (!v.isEmpty()) {
                try {
                    return Integer.parseInt(v);
                } catch (NumberFormatException ignored) {
                    return 0;
                }
            }
        }
        return 0;
    }

    private static String serialize(Document doc) {
        doc.outputSettings()
                .syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml)
                .charset("UTF-8")
                .prettyPrint(false);
        return doc.body().html();
    }
}
