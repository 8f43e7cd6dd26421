package dev.studybook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Which dollars and backslash brackets are math, following pandoc's and markdown-it's dollar-math rules. */
class MathSyntaxTest {

    private static final Pattern MATH = Pattern.compile("data-sb-math=\"(inline|display)\"[^>]*>([^<]*)</");

    /** The formulas found, as "inline:TeX" or "display:TeX". */
    private static List<String> math(String markdown) {
        List<String> out = new ArrayList<>();
        Matcher m = MATH.matcher(MarkdownRenderer.toHtml(markdown));
        while (m.find()) {
            out.add(m.group(1) + ":" + m.group(2).strip());
        }
        return out;
    }

    @Test
    void pricesShellVariablesAndEscapesStayText() {
        assertEquals(List.of(), math("价格 $5 和 $10，还有 $20,000 与 $30,000。"));
        assertEquals(List.of(), math("环境变量 $HOME 与 $PATH 都要设置。"));
        assertEquals(List.of(), math("一美元是 \\$1，写成 \\$x\\$ 也不是公式。"));
        assertEquals(List.of(), math("$ x$ 和 $x $ 都不是。"));
        assertEquals(List.of(), math("引用 \\[1\\]、\\[注\\] 和 \\[TOC\\] 是文字。"));
        assertEquals(List.of(), math("\\[TOC\\]"));
    }

    @Test
    void mathInCodeStaysCode() {
        assertEquals(List.of(), math("`$x$` 与 `\\(a\\)`"));
        assertEquals(List.of(), math("```sh\necho $x$ \\(y\\)\n```\n"));
        assertEquals(List.of(), math("    $$x$$\n"));
    }

    @Test
    void dollarsAndBackslashBracketsAreMath() {
        assertEquals(List.of("inline:O(n\\log n)", "inline:x^2"), math("复杂度 $O(n\\log n)$，还有 $x^2$。"));
        assertEquals(List.of("inline:a+b", "display:c"), math("行内 \\(a+b\\) 与 \\[c\\]"));
        assertEquals(List.of("inline:x"), math("变量 \\(x\\) 即可"));
        assertEquals(List.of("display:a"), math("前 $$a$$ 后"));
        assertEquals(List.of("inline:a\\$b"), math("转义 $a\\$b$ 在公式里"));
        assertEquals(List.of("inline:10"), math("$10$ 是公式，$10 不是"));
    }

    @Test
    void displayBlocksOnTheirOwnLinesKeepListAndHeadingMarkersAsTex() {
        assertEquals(List.of("display:x = y\n- z\n+ w"), math("段落\n$$\nx = y\n- z\n+ w\n$$\n后"));
        assertEquals(List.of("display:\\int_0^1 x\\,dx"), math("\\[\n\\int_0^1 x\\,dx\n\\]\n"));
        assertEquals(List.of("display:a+b"), math("$$ a+b $$\n"));
        assertEquals(List.of("display:e^{i\\pi}"), math("```math\ne^{i\\pi}\n```\n"));
    }

    @Test
    void anUnclosedDisplayBlockIsText() {
        assertEquals(List.of(), math("$$\n没有结束\n\n下一段"));
    }
}
