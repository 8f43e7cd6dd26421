package dev.studybook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Emphasis beside CJK punctuation renders as Chinese editors show it, and CommonMark's own emphasis examples
 * still pass wherever flexmark passed them.
 */
class CjkEmphasisTest {

    private static String html(String markdown, boolean cjk) {
        MutableDataSet o = new MutableDataSet();
        if (cjk) {
            o.set(Parser.EXTENSIONS, List.of(CjkEmphasis.create()));
        }
        return HtmlRenderer.builder(o).build().render(Parser.builder(o).build().parse(markdown));
    }

    @Test
    void chineseEmphasisBesidePunctuationIsEmphasis() {
        assertEquals("<p><strong>粗体</strong>，</p>\n", html("**粗体**，", true));
        assertEquals("<p>这是<strong>（注）</strong>的写法</p>\n", html("这是**（注）**的写法", true));
        assertEquals("<p><em>强调</em>。</p>\n", html("*强调*。", true));
        assertEquals("<p>这是<strong>重点</strong>内容</p>\n", html("这是**重点**内容", true));
        assertEquals("<p><strong>注意：</strong>这里</p>\n", html("**注意：**这里", true));
        assertEquals("<p>他说<strong>“好”</strong>了</p>\n", html("他说**“好”**了", true));
        assertEquals("<p>이것은<strong>(중요)</strong>입니다</p>\n", html("이것은**(중요)**입니다", true));
        // Without the extension these stay literal: the reason it exists.
        assertEquals("<p>这是**（注）**的写法</p>\n", html("这是**（注）**的写法", false));
        assertEquals("<p>**注意：**这里</p>\n", html("**注意：**这里", false));
    }

    @Test
    void textWithoutCjkParsesAsCommonMarkSays() {
        for (String md : List.of("a*\"foo\"*b", "*foo bar *", "foo*bar*", "_foo_bar", "**foo \"*bar*\" foo**", "a * foo bar*",
                "5*6*78", "пристаням_стремятся_", "*(*foo*)*", "__foo, __bar__, baz__", "foo-_(bar)_")) {
            assertEquals(html(md, false), html(md, true), md);
        }
    }

    private record Example(int number, String markdown, String html) {
    }

    @Test
    void everyCommonMarkEmphasisExampleFlexmarkPassesStillPasses() throws IOException {
        List<Example> examples = examples();
        assertEquals(132, examples.size());
        List<Integer> before = new ArrayList<>();
        List<Integer> after = new ArrayList<>();
        for (Example e : examples) {
            if (html(e.markdown(), false).equals(e.html())) {
                before.add(e.number());
            }
            if (html(e.markdown(), true).equals(e.html())) {
                after.add(e.number());
            }
        }
        assertTrue(before.size() > 120, "flexmark passes most of the section: " + before.size());
        List<Integer> lost = new ArrayList<>(before);
        lost.removeAll(after);
        assertEquals(List.of(), lost, "examples that passed before and fail with CJK emphasis");
    }

    /** The section's examples from the CommonMark spec (see src/test/resources/commonmark/README.md). */
    private static List<Example> examples() throws IOException {
        String json;
        try (InputStream in = CjkEmphasisTest.class.getResourceAsStream("/commonmark/emphasis.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Example> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\\s*\"example\":\\s*(\\d+),\\s*\"markdown\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\",\\s*\"html\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\}")
                .matcher(json);
        while (m.find()) {
            out.add(new Example(Integer.parseInt(m.group(1)), unescape(m.group(2)), unescape(m.group(3))));
        }
        return out;
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> b.append(n);
            }
        }
        return b.toString();
    }
}
