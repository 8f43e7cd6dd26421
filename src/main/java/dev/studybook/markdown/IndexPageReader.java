package dev.studybook.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ast.util.TextCollectingVisitor;
import com.vladsch.flexmark.ext.emoji.Emoji;
import com.vladsch.flexmark.ext.emoji.EmojiImageType;
import com.vladsch.flexmark.ext.emoji.EmojiShortcutType;
import com.vladsch.flexmark.ext.emoji.internal.EmojiResolvedShortcut;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import dev.studybook.model.IndexPage;
import dev.studybook.preprocess.FrontMatter;
import dev.studybook.model.IndexPage.HeadingItem;
import dev.studybook.model.IndexPage.Item;
import dev.studybook.model.IndexPage.LabelItem;
import dev.studybook.model.IndexPage.LinkItem;
import dev.studybook.model.IndexPage.SeparatorItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an index page (a README of links, a GitBook/mdBook SUMMARY.md, a docsify sidebar) into an
 * {@link IndexPage}: links in lists, paragraphs, tables, headings and raw HTML ({@code <a href>}, {@code <h3>}), in
 * the order they are written, each with what a reader sees around it.
 */
public final class IndexPageReader {

    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern HTML_HEADING = Pattern.compile("(?is)<h([1-6])\\b([^>]*)>(.*?)</h\\1\\s*>");
    private static final Pattern HTML_LINK = Pattern.compile("(?is)<a\\s([^>]*?)>(.*?)</a\\s*>");
    private static final Pattern HREF = Pattern.compile("(?is)\\bhref\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");
    private static final Pattern ID = Pattern.compile("(?is)\\b(?:id|name)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    /** A link whose content is only pictures (and spaces): a badge. */
    private static final Pattern BADGE_LINK = Pattern.compile("(?is)<a\\s[^>]*>(?:\\s|&nbsp;|<img\\b[^>]*>)*</a\\s*>");

    private IndexPageReader() {
    }

    public static IndexPage read(String markdown) {
        Map<String, String> frontMatter = new LinkedHashMap<>();
        String text = FrontMatter.hide(markdown, frontMatter);
        Document doc = Markdown.INDEX_PARSER.parse(text);
        Walker w = new Walker(doc, 0);
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            w.block(n, 0);
        }
        return new IndexPage(w.title, w.description, w.items, frontMatter, proseLines(text));
    }

    /** Lines with something to read: not blank, not headings, separators, table rules, comments or bare tags. */
    public static int proseLines(String text) {
        return proseLines(text, Integer.MAX_VALUE);
    }

    private static final Pattern SEPARATOR = Pattern.compile("[-=*_ ]{3,}");
    private static final Pattern TABLE_RULE = Pattern.compile("\\|?\\s*:?-{2,}.*");

    /**
     * The lines with something to read as {@link #proseLines(String)} counts them, but no more than {@code atMost}:
     * the outline asks of every chapter whether its links are a good share of its lines, and for most chapters
     * the answer is known after a few dozen lines.
     */
    public static int proseLines(String text, int atMost) {
        int n = 0;
        boolean fence = false;
        String withoutComments = text.contains("<!--")
                ? COMMENT.matcher(text).replaceAll(m -> m.group().replaceAll("[^\n]", "")) : text;
        for (String line : withoutComments.split("\n")) {
            if (n >= atMost) {
                return n;
            }
            String l = line.strip();
            if (l.startsWith("```") || l.startsWith("~~~")) {
                fence = !fence;
                n++;
                continue;
            }
            if (fence) {
                n++;
                continue;
            }
            if (l.isEmpty() || l.startsWith("#") || SEPARATOR.matcher(l).matches() || TABLE_RULE.matcher(l).matches()
                    || (l.indexOf('<') >= 0 ? TAG.matcher(l).replaceAll("") : l).replace("&nbsp;", "").isBlank()) {
                continue;
            }
            n++;
        }
        return n;
    }

    private static final class Walker {
        private final Document doc;
        /** Added to every line: the line of the HTML block that text parsed again comes from. */
        private final int lineOffset;
        private final List<Item> items = new ArrayList<>();
        private String title = "";
        private String description = "";
        private boolean seenBlock;

        Walker(Document doc, int lineOffset) {
            this.doc = doc;
            this.lineOffset = lineOffset;
        }

        void block(Node n, int depth) {
            if (n instanceof Heading h) {
                heading(h);
            } else if (n instanceof Paragraph p) {
                int before = items.size();
                links(p, depth);
                if (items.size() == before && description.isEmpty() && onlyBadges() && depth == 0) {
                    description = text(p).strip();
                }
            } else if (n instanceof ListBlock list) {
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    if (item instanceof ListItem li) {
                        listItem(li, depth);
                    }
                }
            } else if (n instanceof TableCell cell) {
                links(cell, depth);
            } else if (n instanceof ThematicBreak) {
                items.add(new SeparatorItem(line(n)));
            } else if (n instanceof HtmlBlock || n instanceof HtmlCommentBlock) {
                html(n.getChars().toString(), line(n), depth);
            } else if (!(n instanceof Reference)) {
                for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                    block(c, depth);
                }
            }
            if (!(n instanceof HtmlBlock) && !(n instanceof HtmlCommentBlock)) {
                seenBlock = true;
            }
        }

        /**
         * The page's title (its first level-1 heading, or a level-2 heading that opens the page before any link),
         * a part heading, or, when the heading holds links, the links themselves.
         */
        void heading(Heading h) {
            String text = text(h).strip();
            // A level-3 or smaller heading opening the page heads a section, not the book (aceld/golang's README
            // opens with "### 出版计算机图书", an advertisement for the printed book, and has no level-1 heading).
            if (opensPage(h.getLevel()) && (h.getLevel() == 1 || (h.getLevel() == 2 && !seenBlock && description.isEmpty()))) {
                title = text;
                return;
            }
            int before = items.size();
            collectLinks(h, 0, h.getLevel());
            if (items.size() == before) {
                items.add(new HeadingItem(h.getLevel(), text, line(h)));
            }
        }

        /**
         * Whether a heading of {@code level} (Markdown or an HTML {@code <h1>}) would be the first thing of the page
         * but for badges, or, for a level-1 heading, the lines of text above a title ({@link #onlyPreamble}).
         */
        private boolean opensPage(int level) {
            return title.isEmpty() && (onlyBadges() || level == 1 && onlyPreamble());
        }

        /**
         * Whether every link so far is a picture alone: a line of badges (shields.io stars, licence) above a README's
         * heading does not make the heading a chapter entry (datawhalechina/easy-rl: the book had no title).
         */
        private boolean onlyBadges() {
            for (Item i : items) {
                if (!(i instanceof LinkItem l && l.imageOnly())) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Whether every link so far is a badge or part of a line of text above the page's title, not a list of
         * chapters: a language switcher ("English ∙ 日本語 ∙ 简体中文", several links in one paragraph) or a note
         * with a link inside its words ("Help translate this guide!"). donnemartin/system-design-primer's README
         * opens with both above "# The System Design Primer", and the book was named after the repository.
         */
        private boolean onlyPreamble() {
            for (Item i : items) {
                if (!(i instanceof LinkItem l && l.depth() == 0 && l.heading() == 0
                        && (l.imageOnly() || !l.alone() || !l.before().isBlank()))) {
                    return false;
                }
            }
            return true;
        }

        void listItem(ListItem li, int depth) {
            for (Node c = li.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof ListBlock) {
                    block(c, depth + 1);
                } else if (c instanceof Paragraph) {
                    int before = items.size();
                    links(c, depth + 1);
                    String text = text(c).strip();
                    if (items.size() == before && !text.isEmpty()) {
                        // An item without a link groups the items nested under it.
                        items.add(new LabelItem(text, depth + 1, line(c)));
                    }
                } else {
                    block(c, depth + 1);
                }
            }
        }

        /** Every link in a paragraph, in order; a list item's links sit at the item's depth. */
        void links(Node parent, int depth) {
            collectLinks(parent, depth, 0);
        }

        private void collectLinks(Node parent, int depth, int heading) {
            List<Node> found = new ArrayList<>();
            find(parent, found);
            int count = 0;
            for (Node f : found) {
                if (!(f instanceof HtmlInline)) {
                    count++;
                }
            }
            for (int i = 0; i < found.size(); i++) {
                Node f = found.get(i);
                String before = textBefore(parent, f);
                if (f instanceof Link link) {
                    items.add(new LinkItem(text(link).strip(), link.getUrl().unescape(), depth, line(link), heading,
                            imageOnly(link), before, count == 1));
                } else if (f instanceof LinkRef ref) {
                    Reference r = ref.getReferenceNode(doc);
                    items.add(new LinkItem(text(ref).strip(), r.getUrl().unescape(), depth, line(ref), heading,
                            imageOnly(ref), before, count == 1));
                } else if (f instanceof HtmlInline open) {
                    // <a href="x.md">text</a> written inline: the text runs to the closing tag.
                    String url = attribute(HREF, open.getChars().toString());
                    StringBuilder text = new StringBuilder();
                    boolean image = false;
                    for (Node s = open.getNext(); s != null; s = s.getNext()) {
                        if (s instanceof HtmlInline close && close.getChars().toString().toLowerCase(Locale.ROOT).startsWith("</a")) {
                            break;
                        }
                        if (s instanceof HtmlInline img && img.getChars().toString().toLowerCase(Locale.ROOT).startsWith("<img")) {
                            image = true;
                        }
                        text.append(s instanceof HtmlInline ? "" : text(s));
                    }
                    boolean onlyImage = image && text.toString().isBlank();
                    items.add(new LinkItem(text.toString().strip(), url, depth, line(open), heading, onlyImage, before,
                            found.size() == 1));
                }
            }
        }

        /** Links, link references and inline {@code <a href>} tags below {@code n}, in order. */
        private void find(Node n, List<Node> out) {
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof Link || (c instanceof LinkRef ref && ref.getReferenceNode(doc) != null)) {
                    out.add(c);
                } else if (c instanceof HtmlInline h && h.getChars().toString().toLowerCase(Locale.ROOT).matches("(?s)<a\\s.*")
                        && !attribute(HREF, h.getChars().toString()).isEmpty()) {
                    out.add(c);
                } else {
                    find(c, out);
                }
            }
        }

        /** The plain text before {@code link} inside {@code parent}, up to the link before it. */
        private static String textBefore(Node parent, Node link) {
            StringBuilder sb = new StringBuilder();
            collectBefore(parent, link, sb);
            String s = sb.toString();
            int nl = s.lastIndexOf('\n');
            return nl >= 0 ? s.substring(nl + 1) : s;
        }

        /** Appends the text of {@code n}'s descendants before {@code stop}; true once {@code stop} is reached. */
        private static boolean collectBefore(Node n, Node stop, StringBuilder sb) {
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                if (c == stop) {
                    return true;
                }
                if (c instanceof Link || c instanceof LinkRef) {
                    sb.setLength(0);
                    continue;
                }
                if (c.getFirstChild() == null) {
                    if (c instanceof com.vladsch.flexmark.ast.SoftLineBreak || c instanceof com.vladsch.flexmark.ast.HardLineBreak) {
                        sb.append('\n');
                    } else if (!(c instanceof HtmlInline)) {
                        sb.append(c.getChars());
                    }
                } else if (collectBefore(c, stop, sb)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean imageOnly(Node link) {
            boolean image = false;
            for (Node c = link.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof Image || c instanceof ImageRef
                        || (c instanceof HtmlInline h && h.getChars().toString().toLowerCase(Locale.ROOT).startsWith("<img"))) {
                    image = true;
                } else if (!c.getChars().isBlank()) {
                    return false;
                }
            }
            return image;
        }

        /**
         * A block of raw HTML: its headings ({@code <h3 id="1">阿里篇</h3>}) and links ({@code <a href>}) in order, and
         * the Markdown lines it swallowed (an HTML block runs to the next blank line, so a link written on the line
         * after a {@code <br>} or a comment belongs to it) read as Markdown again. Comments are skipped.
         */
        void html(String raw, int firstLine, int depth) {
            String html = COMMENT.matcher(raw).replaceAll(m -> m.group().replaceAll("[^\n]", " "));
            List<int[]> spans = new ArrayList<>();
            List<Item> found = new ArrayList<>();
            Matcher h = HTML_HEADING.matcher(html);
            while (h.find()) {
                // Badges written inside the heading (a README's <h1 align="center">Name <a><img></a></h1>) are
                // pictures beside its text, not what the heading links to.
                String inner = h.group(3);
                String unbadged = BADGE_LINK.matcher(inner).replaceAll(" ");
                if (!plain(unbadged).isEmpty()) {
                    inner = unbadged;
                }
                int line = firstLine + count(html, h.start());
                Matcher a = HTML_LINK.matcher(inner);
                if (a.find()) {
                    String text = plain(a.group(2));
                    found.add(new LinkItem(text, attribute(HREF, a.group(1)), 0, line, Integer.parseInt(h.group(1)),
                            text.isEmpty() && a.group(2).toLowerCase(Locale.ROOT).contains("<img"), "", true));
                } else {
                    found.add(new HeadingItem(Integer.parseInt(h.group(1)), plain(inner), line, attribute(ID, h.group(2))));
                }
                spans.add(new int[] {h.start(), h.end()});
            }
            Matcher a = HTML_LINK.matcher(html);
            List<int[]> links = new ArrayList<>();
            while (a.find()) {
                int at = a.start();
                if (spans.stream().anyMatch(s -> at >= s[0] && at < s[1])) {
                    continue;
                }
                links.add(new int[] {a.start(), a.end()});
            }
            for (int[] span : links) {
                Matcher m = HTML_LINK.matcher(html.substring(span[0], span[1]));
                if (!m.matches()) {
                    continue;
                }
                String url = attribute(HREF, m.group(1));
                if (url.isEmpty()) {
                    continue;
                }
                String text = plain(m.group(2));
                found.add(new LinkItem(text, url, depth, firstLine + count(html, span[0]), 0,
                        text.isEmpty() && m.group(2).toLowerCase(Locale.ROOT).contains("<img"), "", links.size() == 1));
            }
            found.sort(java.util.Comparator.comparingInt(Item::line));
            for (Item i : found) {
                // An HTML <h1> that opens the page, after its logo and badges, names it, as a Markdown one does
                // (tmrts/go-patterns; dunwu/db-tutorial's centred <h1 align="center">DB-TUTORIAL</h1>).
                if (i instanceof HeadingItem hi && hi.level() == 1 && opensPage(1) && !hi.text().isEmpty()) {
                    title = hi.text();
                    continue;
                }
                items.add(i);
            }
            // Lines without a tag are Markdown the HTML block took in: read them again.
            String[] lines = html.split("\n", -1);
            StringBuilder markdown = new StringBuilder();
            boolean any = false;
            for (String l : lines) {
                boolean plainLine = !l.isBlank() && !TAG.matcher(l).find() && !l.contains("<") && !l.contains(">");
                markdown.append(plainLine ? l : "").append('\n');
                any |= plainLine && l.contains("](");
            }
            if (any) {
                Document inner = Markdown.INDEX_PARSER.parse(markdown.toString());
                Walker w = new Walker(inner, lineOffset + firstLine - 1);
                w.title = "-";
                for (Node n = inner.getFirstChild(); n != null; n = n.getNext()) {
                    w.block(n, depth);
                }
                for (Item i : w.items) {
                    items.add(i);
                }
            }
        }

        private static int count(String s, int end) {
            int n = 0;
            for (int i = 0; i < end; i++) {
                if (s.charAt(i) == '\n') {
                    n++;
                }
            }
            return n;
        }

        private static String plain(String html) {
            return TAG.matcher(html).replaceAll("").replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<")
                    .replace("&gt;", ">").replaceAll("\\s+", " ").strip();
        }

        /**
         * The text of {@code n}, an emoji shortcode as its character: flexmark's text of {@code :pencil2:} is the
         * word "pencil2", which CyC2018/CS-Notes's part headings ("## :pencil2: 算法") kept in their titles.
         */
        private static String text(Node n) {
            if (!hasEmoji(n)) {
                return new TextCollectingVisitor().collectAndGetText(n);
            }
            if (n instanceof Emoji e) {
                EmojiResolvedShortcut r = EmojiResolvedShortcut.getEmojiText(e, EmojiShortcutType.ANY_GITHUB_PREFERRED,
                        EmojiImageType.UNICODE_ONLY, "");
                return r.isUnicode && r.emojiText != null ? r.emojiText : e.getChars().toString();
            }
            StringBuilder out = new StringBuilder();
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                out.append(text(c));
            }
            return out.toString();
        }

        private static boolean hasEmoji(Node n) {
            if (n instanceof Emoji) {
                return true;
            }
            for (Node d : n.getDescendants()) {
                if (d instanceof Emoji) {
                    return true;
                }
            }
            return false;
        }

        private int line(Node n) {
            return n.getStartLineNumber() + 1 + lineOffset;
        }
    }

    private static String attribute(Pattern p, String tag) {
        Matcher m = p.matcher(tag);
        if (!m.find()) {
            return "";
        }
        String v = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        return v.replace("&amp;", "&").strip();
    }
}
