package dev.studybook.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.util.TextCollectingVisitor;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import dev.studybook.model.CodeSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds the fenced code blocks of a chapter and the outputs shown for them, for {@code studybook test}. */
public final class CodeSamples {
    private CodeSamples() {
    }

    /** Paragraphs that introduce the output of the program before them start with one of these. */
    static final List<String> OUTPUT_INTRODUCTIONS = List.of("输出", "运行输出", "output");

    public static List<CodeSample> extract(String markdown) {
        Document doc = Markdown.PARSER.parse(markdown);
        List<CodeSample> out = new ArrayList<>();
        collect(doc, out);
        return out;
    }

    private static void collect(Node parent, List<CodeSample> out) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof FencedCodeBlock block) {
                String info = block.getInfo().unescape();
                String language = FenceInfo.language(info);
                if (language.isEmpty() || language.equals("text")) {
                    continue;
                }
                String code = block.getContentChars().normalizeEOL();
                if (RustHiddenLines.applies(language)) {
                    // What mdbook test compiles: the lines hidden from readers are part of the program.
                    code = RustHiddenLines.compiled(code);
                }
                out.add(new CodeSample(language, FenceInfo.flags(info), code, block.getStartLineNumber() + 1,
                        expectedOutput(block)));
            } else {
                collect(n, out);
            }
        }
    }

    /** A {@code text} block introduced by an "输出" paragraph, right after the code block. */
    private static Optional<CodeSample.ExpectedOutput> expectedOutput(FencedCodeBlock block) {
        Node intro = block.getNext();
        if (!(intro instanceof Paragraph p)) {
            return Optional.empty();
        }
        String text = new TextCollectingVisitor().collectAndGetText(p).strip().toLowerCase(Locale.ROOT);
        if (OUTPUT_INTRODUCTIONS.stream().noneMatch(text::startsWith)) {
            return Optional.empty();
        }
        if (intro.getNext() instanceof FencedCodeBlock shown && FenceInfo.language(shown.getInfo().unescape()).equals("text")) {
            return Optional.of(new CodeSample.ExpectedOutput(shown.getContentChars().normalizeEOL(), shown.getStartLineNumber() + 1));
        }
        return Optional.empty();
    }
}
