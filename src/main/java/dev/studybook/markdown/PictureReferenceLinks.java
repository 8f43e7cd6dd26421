package dev.studybook.markdown;

import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * A reference link around a reference picture, {@code [![Build][badge]][ci]}, as CommonMark and GitHub read it: a
 * link whose text is the picture. flexmark 0.64 reads the picture, then takes the brackets around it for text and
 * {@code [ci]} for a link of its own, so that a README's badges and a site's linked screenshots showed
 * "[picture]ci" (squidfunk/mkdocs-material: 27 screenshots written {@code [![Name]][Name]}).
 */
final class PictureReferenceLinks implements Parser.ParserExtension {

    private PictureReferenceLinks() {
    }

    static PictureReferenceLinks create() {
        return new PictureReferenceLinks();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessorFactory(new Factory());
    }

    private static final class Factory extends NodePostProcessorFactory {
        Factory() {
            super(false);
            addNodes(LinkRef.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            return new Joined();
        }
    }

    private static final class Joined extends NodePostProcessor {
        @Override
        public void process(NodeTracker state, Node node) {
            LinkRef link = (LinkRef) node;
            Node close = link.getPrevious();
            if (!link.isDefined() || !(close instanceof Text) || !close.getChars().toString().equals("]")
                    || !(close.getPrevious() instanceof ImageRef picture) || !picture.isDefined()
                    || !(picture.getPrevious() instanceof Text open) || !opens(open.getChars())) {
                return;
            }
            for (Node c = link.getFirstChild(); c != null; ) {
                Node next = c.getNext();
                c.unlink();
                state.nodeRemoved(c);
                c = next;
            }
            picture.unlink();
            link.appendChild(picture);
            close.unlink();
            state.nodeRemoved(close);
            BasedSequence o = open.getChars();
            if (o.length() == 1) {
                open.unlink();
                state.nodeRemoved(open);
            } else {
                open.setChars(o.subSequence(0, o.length() - 1));
            }
        }

        /** True when the text ends with a "[" that is not escaped by a backslash. */
        private static boolean opens(BasedSequence text) {
            if (!text.endsWith("[")) {
                return false;
            }
            int backslashes = 0;
            for (int i = text.length() - 2; i >= 0 && text.charAt(i) == '\\'; i--) {
                backslashes++;
            }
            return backslashes % 2 == 0;
        }
    }
}
