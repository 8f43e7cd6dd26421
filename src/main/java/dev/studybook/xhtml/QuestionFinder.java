package dev.studybook.xhtml;

import dev.studybook.config.QuestionRules;
import dev.studybook.markdown.MarkdownRenderer;
import dev.studybook.model.ChapterBody;
import dev.studybook.model.Question;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds a chapter's questions, once, for the study outputs. In a question section (a heading named 面试追问, 追问,
 * 练习, Questions or Exercises, or as book.yaml says) the questions are bold paragraphs, sub-headings and list items,
 * each answered by what follows it up to the next question. In the review section ({@code 速记}) each bullet becomes
 * a card: a bullet that starts with a short label and a colon is a front/back card (label → rest); else its
 * {@code code} and bold terms are the blanks of a cloze (one card each, at most four cards: more terms are hidden
 * a few neighbours at a time); else its first clause asks for the rest; a bullet of one clause with no marked term
 * gives no card.
 */
final class QuestionFinder {

    /** Default test for bold paragraphs and list items: a 问/Q label in front, or a question mark at the end. */
    private static final Pattern QUESTION_TEXT = Pattern.compile("^(?:问|Q\\d*)\\s*[:：.．、]|[？?]$");
    /** The label a bold question may start with, left off the card. */
    private static final Pattern QUESTION_LABEL = Pattern.compile("^\\s*(?:问|Q\\d*)\\s*[:：.．、]\\s*");
    private static final Set<String> BLOCK_CHILDREN = Set.of("p", "ul", "ol", "pre", "table", "blockquote", "div",
            "dl", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "section", "aside");
    /** The most cards one review bullet's cloze gives. */
    static final int MAX_CLOZE_CARDS = 4;
    /** The longest label a review bullet's front/back card takes, in characters. */
    static final int MAX_LABEL = 24;

    /** A question as found: what {@link Question} holds, with its line in the chapter's text for its location. */
    record Found(Question.Kind kind, ChapterBody prompt, ChapterBody answer, String text, List<String> path,
            String anchor, int block, int line) {
    }

    private final QuestionRules rules;
    private final Map<Element, Integer> blocks = new IdentityHashMap<>();
    private final List<Element> headings;

    private QuestionFinder(Element body, QuestionRules rules) {
        this.rules = rules;
        int n = 0;
        Set<String> names = Set.copyOf(ChapterBody.BLOCK_ELEMENTS);
        // The same count as the places BookLinker leaves at block starts, which the page map refers to.
        for (Element el : body.getAllElements()) {
            if (el != body && names.contains(el.normalName())) {
                blocks.put(el, n++);
            }
        }
        headings = body.select("h1, h2, h3, h4, h5, h6");
    }

    private QuestionFinder(QuestionRules rules, List<Element> blocks, List<Element> headings) {
        this.rules = rules;
        int n = 0;
        for (Element el : blocks) {
            this.blocks.put(el, n++);
        }
        this.headings = headings;
    }

    /**
     * The chapter's questions in reading order; {@code review} is the heading of its review section as the review
     * sheet finds it, if any (used unless book.yaml names the sections of cards).
     */
    static List<Found> find(Element body, QuestionRules rules, Optional<Element> review) {
        return find(new QuestionFinder(body, rules), rules, review);
    }

    /**
     * As {@link #find(Element, QuestionRules, Optional)}, given the chapter's block elements (those of
     * {@link ChapterBody#BLOCK_ELEMENTS}) and headings in document order, as the caller found them.
     */
    static List<Found> find(QuestionRules rules, Optional<Element> review, List<Element> blocks,
            List<Element> headings) {
        return find(new QuestionFinder(rules, blocks, headings), rules, review);
    }

    private static List<Found> find(QuestionFinder f, QuestionRules rules, Optional<Element> review) {
        List<Found> out = new ArrayList<>();
        Element within = null;
        for (Element h : f.headings) {
            if (level(h) == 1) {
                continue;
            }
            // A heading inside a question section is one of its questions, whatever its title (### 追问 under ## 练习).
            if (within != null && level(h) > level(within)) {
                continue;
            }
            within = null;
            if (rules.isQuestionSection(h.text())) {
                f.questions(h, out);
                within = h;
            } else if (rules.review().isPresent() ? rules.isReviewSection(h.text())
                    : review.isPresent() && review.get() == h) {
                f.cards(h, out);
            }
        }
        out.sort(java.util.Comparator.comparingInt(Found::block));
        return out;
    }

    private static int level(Element h) {
        return h.normalName().charAt(1) - '0';
    }

    /** The nodes of a heading's section: its following siblings up to the next heading as high, or the notes. */
    private static List<Node> section(Element heading) {
        int level = level(heading);
        List<Node> content = new ArrayList<>();
        for (Node n = heading.nextSibling(); n != null; n = n.nextSibling()) {
            if (n instanceof Element e && e.normalName().matches("h[1-6]") && level(e) <= level) {
                break;
            }
            if (n instanceof Element e && e.hasClass("footnotes")) {
                break;
            }
            content.add(n);
        }
        return content;
    }

    /** A question found in a section, and the nodes that answer it. */
    private record Open(Element at, List<Node> prompt, List<Node> answer) {
    }

    private void questions(Element heading, List<Found> out) {
        int level = level(heading);
        List<Open> open = new ArrayList<>();
        Open current = null;
        for (Node n : section(heading)) {
            if (n instanceof Element e && e.normalName().matches("h[1-6]") && level(e) > level && isQuestion(e.text(), true)) {
                current = new Open(e, new ArrayList<>(e.childNodes()), new ArrayList<>());
                open.add(current);
            } else if (n instanceof Element e && e.normalName().equals("p") && boldOnly(e) != null
                    && isQuestion(boldOnly(e).text(), false)) {
                current = new Open(e, withoutLabel(boldOnly(e).childNodes()), new ArrayList<>());
                open.add(current);
            } else if (n instanceof Element e && (e.normalName().equals("ul") || e.normalName().equals("ol"))
                    && e.children().stream().anyMatch(li -> isQuestion(ownText(li), false))) {
                for (Element li : e.children()) {
                    if (isQuestion(ownText(li), false)) {
                        List<Node> own = own(li);
                        List<Node> rest = new ArrayList<>(li.childNodes());
                        rest.removeAll(own);
                        List<Node> prompt = own.size() == 1 && own.get(0) instanceof Element p && p.normalName().equals("p")
                                ? new ArrayList<>(p.childNodes()) : own;
                        current = new Open(li, prompt, rest);
                        open.add(current);
                    } else if (current != null) {
                        current.answer().add(li);
                    }
                }
            } else if (current != null) {
                current.answer().add(n);
            }
        }
        for (Open o : open) {
            String text = plain(o.prompt());
            if (text.isEmpty()) {
                continue;
            }
            out.add(found(Question.Kind.QUESTION, ChapterBody.of(xhtml(o.prompt())), ChapterBody.of(answer(o.answer())),
                    text, o.at()));
        }
    }

    /** A question's answer: list items taken from a list are put back into one. */
    private static String answer(List<Node> nodes) {
        StringBuilder sb = new StringBuilder();
        List<Node> run = new ArrayList<>();
        Element list = null;
        for (Node n : nodes) {
            if (n instanceof Element li && li.normalName().equals("li") && li.parent() != null) {
                if (list != null && li.parent() != list) {
                    sb.append(wrap(list, run));
                    run.clear();
                }
                list = li.parent();
                run.add(li);
            } else {
                if (list != null) {
                    sb.append(wrap(list, run));
                    run.clear();
                    list = null;
                }
                sb.append(xhtml(List.of(n)));
            }
        }
        if (list != null) {
            sb.append(wrap(list, run));
        }
        return sb.toString().strip();
    }

    private static String wrap(Element list, List<Node> items) {
        String start = list.hasAttr("start") ? " start=\"" + escape(list.attr("start")) + "\"" : "";
        return "<" + list.normalName() + start + ">" + xhtml(items) + "</" + list.normalName() + ">";
    }

    /** True when a candidate's text makes it a question: book.yaml's pattern, else the default rule. */
    private boolean isQuestion(String text, boolean heading) {
        String t = text.strip();
        if (t.isEmpty()) {
            return false;
        }
        if (rules.pattern().isPresent()) {
            return rules.pattern().get().matcher(t).find();
        }
        return heading || QUESTION_TEXT.matcher(t).find();
    }

    /** The bold element a paragraph consists of, or null when it has other content. */
    private static Element boldOnly(Element p) {
        Element bold = null;
        for (Node n : p.childNodes()) {
            if (n instanceof TextNode t && t.isBlank()) {
                continue;
            }
            if (bold == null && n instanceof Element e && (e.normalName().equals("strong") || e.normalName().equals("b"))) {
                bold = e;
            } else {
                return null;
            }
        }
        return bold;
    }

    /** The nodes of a bold question with its 问：/Q: label taken off the first text. */
    private static List<Node> withoutLabel(List<Node> nodes) {
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (i == 0 && n instanceof TextNode t) {
                String rest = QUESTION_LABEL.matcher(t.getWholeText()).replaceFirst("");
                if (!rest.isEmpty()) {
                    out.add(new TextNode(rest));
                }
            } else {
                out.add(n);
            }
        }
        return out;
    }

    /** A list item's own content: its first paragraph, or its text up to the first block inside it. */
    private static List<Node> own(Element li) {
        List<Node> out = new ArrayList<>();
        for (Node n : li.childNodes()) {
            if (n instanceof Element e && BLOCK_CHILDREN.contains(e.normalName())) {
                if (out.stream().allMatch(x -> x instanceof TextNode t && t.isBlank()) && e.normalName().equals("p")) {
                    return List.of(e);
                }
                break;
            }
            out.add(n);
        }
        while (!out.isEmpty() && out.get(out.size() - 1) instanceof TextNode t && t.isBlank()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static String ownText(Element li) {
        return plain(own(li));
    }

    /** The review section's bullets as cards. */
    private void cards(Element heading, List<Found> out) {
        for (Node n : section(heading)) {
            if (!(n instanceof Element list) || !(list.normalName().equals("ul") || list.normalName().equals("ol"))) {
                continue;
            }
            for (Element li : list.children()) {
                List<Node> first = own(li);
                List<Node> rest = new ArrayList<>(li.childNodes());
                rest.removeAll(first);
                List<Node> own = first.size() == 1 && first.get(0) instanceof Element p && p.normalName().equals("p")
                        ? new ArrayList<>(p.childNodes()) : first;
                String text = plain(own);
                if (text.isEmpty()) {
                    continue;
                }
                Found card = fact(own, rest, text, li);
                if (card == null) {
                    card = cloze(own, rest, text, li);
                }
                if (card == null) {
                    card = clause(own, rest, text, li);
                }
                if (card != null) {
                    out.add(card);
                }
            }
        }
    }

    /** {@code 结构：…}: a label of at most {@link #MAX_LABEL} characters, outside brackets, then a colon. */
    private Found fact(List<Node> own, List<Node> rest, String text, Element li) {
        int depth = 0;
        int seen = 0;
        for (int i = 0; i < own.size(); i++) {
            Node n = own.get(i);
            String s = n instanceof TextNode t ? t.getWholeText() : n instanceof Element e ? e.text() : "";
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                if ("（(［[【《“{｛".indexOf(c) >= 0) {
                    depth++;
                } else if ("）)］]】》”}｝".indexOf(c) >= 0) {
                    depth = Math.max(0, depth - 1);
                } else if (depth == 0 && "，,。；;！!？?".indexOf(c) >= 0) {
                    return null;
                } else if (depth == 0 && n instanceof TextNode && (c == '：' || c == ':' && k + 1 < s.length()
                        && s.charAt(k + 1) == ' ')) {
                    if (seen + k == 0 || seen + k > MAX_LABEL) {
                        return null;
                    }
                    List<Node> front = new ArrayList<>(own.subList(0, i));
                    String before = s.substring(0, k).stripTrailing();
                    if (!before.isEmpty()) {
                        front.add(new TextNode(before));
                    }
                    List<Node> back = new ArrayList<>();
                    String after = s.substring(k + 1).stripLeading();
                    if (!after.isEmpty()) {
                        back.add(new TextNode(after));
                    }
                    back.addAll(own.subList(i + 1, own.size()));
                    if (plain(back).isEmpty() && rest.isEmpty()) {
                        return null;
                    }
                    String label = plain(front);
                    if (label.isEmpty()) {
                        return null;
                    }
                    String answer = ("<p>" + xhtml(back) + "</p>" + xhtml(rest)).replace("<p></p>", "");
                    return found(Question.Kind.FACT, ChapterBody.of(xhtml(front)), ChapterBody.of(answer), label, li);
                }
            }
            seen += s.length();
        }
        return null;
    }

    /** A bullet whose code and bold terms (outside links) are the blanks. */
    private Found cloze(List<Node> own, List<Node> rest, String text, Element li) {
        Element holder = new Element("div");
        own.forEach(n -> holder.appendChild(n.clone()));
        List<Element> terms = new ArrayList<>();
        for (Element e : Select.in(holder, "code, strong, b")) {
            if (e.parents().stream().noneMatch(p -> p != holder && (terms.contains(p) || p.normalName().equals("a")))
                    && !e.text().isBlank()) {
                terms.add(e);
            }
        }
        if (terms.isEmpty()) {
            return null;
        }
        List<ChapterBody.Mark> marks = new ArrayList<>();
        // At most MAX_CLOZE_CARDS cards a bullet: a long list of terms is hidden a few neighbours at a time.
        int perCard = (terms.size() + MAX_CLOZE_CARDS - 1) / MAX_CLOZE_CARDS;
        int index = 0;
        for (Element e : terms) {
            int n = index++ / perCard + 1;
            e.before(new TextNode(ChapterBody.place(marks.size())));
            marks.add(new ChapterBody.Blank(n, false));
            e.after(new TextNode(ChapterBody.place(marks.size())));
            marks.add(new ChapterBody.Blank(n, true));
        }
        ChapterBody prompt = ChapterBody.withPlaces(xhtml(holder.childNodes()), marks);
        return found(Question.Kind.CLOZE, prompt, ChapterBody.of(xhtml(rest)), text, li);
    }

    /** A bullet of several clauses with no marked term: its first clause asks for the whole. */
    private Found clause(List<Node> own, List<Node> rest, String text, Element li) {
        if (own.size() != 1 || !(own.get(0) instanceof TextNode t)) {
            return null;
        }
        String s = t.getWholeText().strip();
        int depth = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if ("（(［[【《“{｛".indexOf(c) >= 0) {
                depth++;
            } else if ("）)］]】》”}｝".indexOf(c) >= 0) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && "，,；;".indexOf(c) >= 0 && k > 0 && k < s.length() - 2) {
                String front = s.substring(0, k) + "……";
                return found(Question.Kind.FACT, ChapterBody.of(escape(front)),
                        ChapterBody.of(("<p>" + escape(s) + "</p>" + xhtml(rest))), front, li);
            }
        }
        return null;
    }

    private Found found(Question.Kind kind, ChapterBody prompt, ChapterBody answer, String text, Element at) {
        List<String> path = new ArrayList<>();
        List<Element> stack = new ArrayList<>();
        for (Element h : headings) {
            if (h == at || !precedes(h, at)) {
                break;
            }
            while (!stack.isEmpty() && level(stack.get(stack.size() - 1)) >= level(h)) {
                stack.remove(stack.size() - 1);
            }
            stack.add(h);
        }
        String anchor = "";
        for (Element h : stack) {
            if (level(h) > 1) {
                path.add(h.text().strip());
                // GitHub's anchor of the heading in its own file: where a link to the source leads.
                anchor = Ids.slug(h.text());
            }
        }
        Integer block = blocks.get(at);
        return new Found(kind, prompt, answer, text, path, anchor, block == null ? 0 : block, BookLinker.line(at));
    }

    /** True when {@code a} comes before {@code b} in document order. */
    private boolean precedes(Element a, Element b) {
        Integer x = blocks.get(a);
        Integer y = blocks.get(b);
        return x != null && y != null && x < y;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String plain(List<Node> nodes) {
        StringBuilder sb = new StringBuilder();
        for (Node n : nodes) {
            sb.append(n instanceof TextNode t ? t.text() : n instanceof Element e ? e.text() : "");
        }
        return sb.toString().replaceAll("\\s+", " ").strip();
    }

    /**
     * Copies of the nodes as XHTML for a card: without ids (they belong to the book), source lines, footnote
     * references or links into the book (a card stands alone); links to the web stay.
     */
    static String xhtml(List<Node> nodes) {
        Document out = Document.createShell("");
        out.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml)
                .prettyPrint(false);
        Element holder = out.body().appendElement("div");
        nodes.forEach(n -> holder.appendChild(n.clone()));
        Select.in(holder, "[id]").removeAttr("id");
        Select.in(holder, "[" + MarkdownRenderer.LINE_ATTRIBUTE + "]").removeAttr(MarkdownRenderer.LINE_ATTRIBUTE);
        for (Element ref : Select.in(holder, "a.footnote-ref")) {
            Element sup = ref.parent();
            ref.remove();
            if (sup != null && sup != holder && sup.normalName().equals("sup") && sup.text().isBlank()) {
                sup.remove();
            }
        }
        Select.in(holder, "a[href]").forEach(a -> {
            if (!a.attr("href").matches("https?:.*")) {
                a.unwrap();
            }
        });
        return holder.html().strip();
    }
}
