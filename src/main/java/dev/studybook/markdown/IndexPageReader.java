package dev.studybook.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ast.util.TextCollectingVisitor;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import dev.studybook.model.IndexPage;
import dev.studybook.model.IndexPage.HeadingItem;
import dev.studybook.model.IndexPage.Item;
import dev.studybook.model.IndexPage.LabelItem;
import dev.studybook.model.IndexPage.LinkItem;
import dev.studybook.model.IndexPage.SeparatorItem;
import java.util.ArrayList;
import java.util.List;

/** Reads an index page (a README of links, or a GitBook/mdBook SUMMARY.md) into an {@link IndexPage}. */
public final class IndexPageReader {

    private IndexPageReader() {
    }

    public static IndexPage read(String markdown) {
        Document doc = Markdown.INDEX_PARSER.parse(markdown);
        Walker w = new Walker(doc);
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            w.block(n, 0);
        }
        return new IndexPage(w.title, w.description, w.items);
    }

    private static final class Walker {
        private final Document doc;
        private final List<Item> items = new ArrayList<>();
        private String title = "";
        private String description = "";
        private boolean seenLink;

        Walker(Document doc) {
            this.doc = doc;
        }

        void block(Node n, int depth) {
            if (n instanceof Heading h) {
                String text = text(h).strip();
                if (h.getLevel() == 1 && title.isEmpty() && items.isEmpty()) {
                    title = text;
                } else {
                    items.add(new HeadingItem(h.getLevel(), text, line(h)));
                }
            } else if (n instanceof Paragraph p) {
                int before = items.size();
                links(p, depth);
                if (items.size() == before && description.isEmpty() && !seenLink && depth == 0) {
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
            } else if (!(n instanceof Reference)) {
                for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                    block(c, depth);
                }
            }
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
            for (Node c = parent.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof Link link) {
                    seenLink = true;
                    items.add(new LinkItem(text(link).strip(), link.getUrl().unescape(), depth, line(link)));
                } else if (c instanceof LinkRef ref) {
                    Reference r = ref.getReferenceNode(doc);
                    if (r != null) {
                        seenLink = true;
                        items.add(new LinkItem(text(ref).strip(), r.getUrl().unescape(), depth, line(ref)));
                    }
                } else {
                    links(c, depth);
                }
            }
        }

        private static String text(Node n) {
            return new TextCollectingVisitor().collectAndGetText(n);
        }

        private static int line(Node n) {
            return n.getStartLineNumber() + 1;
        }
    }

}
