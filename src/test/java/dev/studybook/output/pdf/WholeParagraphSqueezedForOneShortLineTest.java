package dev.studybook.output.pdf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.output.pdf.JustifiedLinesTest.Glyph;
import dev.studybook.output.pdf.JustifiedLinesTest.Line;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: one justified line left short near a paragraph's end had every full-width mark of the paragraph
 * compressed (PunctuationSqueeze marked whole paragraphs): the renderer's line breaking took the room in every line,
 * so lines that were full before came out dense, half-width commas beside full-width ones. The book
 * justify/squeeze-line sets paragraphs that open with four lines of Chinese text rich in commas, which fill their
 * lines without help, and end in Latin words and code that leave lines short; each begins one character later.
 */
class WholeParagraphSqueezedForOneShortLineTest {

    static final float EM = LineShortBeforeUnbreakableWordTest.EM;

    @TempDir
    static Path dir;
    static List<Line> lines = new ArrayList<>();
    static float margin;

    @BeforeAll
    static void build() throws IOException {
        Path pdf = TestBooks.build(TestBooks.book("justify/squeeze-line"), dir, "pdf").output("pdf");
        margin = JustifiedLinesTest.rightMargin(pdf);
        lines.addAll(JustifiedLinesTest.inkedLines(pdf).stream().filter(Line::body).toList());
    }

    private static boolean fullMark(Glyph g) {
        return (PunctuationSqueeze.CLOSING + PunctuationSqueeze.OPENING).indexOf(g.text().charAt(0)) >= 0
                && g.w() > 0.9f * EM;
    }

    /** The marks of {@code l} set half an em narrower: a closing mark closer to what follows it, or past the margin. */
    private static List<String> compressed(Line l) {
        List<String> out = new ArrayList<>();
        List<Glyph> g = l.glyphs();
        for (int i = 0; i < g.size(); i++) {
            Glyph m = g.get(i);
            if (!fullMark(m)) {
                continue;
            }
            boolean closing = PunctuationSqueeze.CLOSING.indexOf(m.text().charAt(0)) >= 0;
            boolean narrow = closing
                    ? i + 1 < g.size() ? g.get(i + 1).x() - m.x() < 0.75f * EM : m.right() > margin + 0.5f
                    : i > 0 && m.x() - g.get(i - 1).right() < -0.25f * EM;
            if (narrow) {
                out.add(m.text() + " at " + i);
            }
        }
        return out;
    }

    @Test
    void linesThatFillWithoutHelpKeepEveryMarkFullWidth() {
        List<String> found = new ArrayList<>();
        int paragraphs = 0;
        int marks = 0;
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (!lines.get(i).text().startsWith("第")) {
                continue;
            }
            paragraphs++;
            // The first two lines: Chinese text and commas, full without compression, and two lines or more before
            // the first line that could be left short.
            for (Line l : List.of(lines.get(i), lines.get(i + 1))) {
                marks += (int) l.glyphs().stream().filter(WholeParagraphSqueezedForOneShortLineTest::fullMark).count();
                List<String> narrow = compressed(l);
                if (!narrow.isEmpty()) {
                    found.add("page " + l.page() + ": " + narrow + " in " + l.text());
                }
            }
        }
        assertTrue(paragraphs >= 20, "paragraphs found: " + paragraphs);
        assertTrue(marks > 5 * paragraphs, "marks in their first lines: " + marks);
        assertTrue(found.isEmpty(), found.size() + " lines full without compression have compressed marks:\n"
                + String.join("\n", found));
    }

    @Test
    void theBookHasLinesThatNeedCompression() {
        int compressed = 0;
        for (Line l : lines) {
            compressed += compressed(l).size();
        }
        assertTrue(compressed > 0, "no mark compressed: the book does not test the rule");
    }
}
