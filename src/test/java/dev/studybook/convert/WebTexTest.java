package dev.studybook.convert;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebTexTest {

    /** Regression: LearnOpenGL-CN's {@code \color{red}{R_x}} (MathJax 2) was an unknown command, its TeX shown. */
    @Test
    void mathJaxColorWithAGroupColoursTheGroup() {
        assertEquals("\\textcolor{#ff0000}{R_x} + y", WebTex.toJLaTeXMath("\\color{red}{R_x} + y"));
        assertEquals("\\textcolor{#ff0000}{\\cos \\theta} \\cdot x",
                WebTex.toJLaTeXMath("\\color{red}{\\cos \\theta} \\cdot x"));
    }

    /** Regression: {@code \color{red}R} and {@code \color{red}1 & ...}: MathJax 2 colours the next argument only. */
    @Test
    void mathJaxColorWithoutAGroupColoursTheNextToken() {
        assertEquals("\\textcolor{#ff0000}{1} \\cdot \\textcolor{#0000ff}{5}",
                WebTex.toJLaTeXMath("\\color{red}1 \\cdot \\color{blue}5"));
        assertEquals("\\textcolor{#ff0000}{\\bar{v}}", WebTex.toJLaTeXMath("\\color{red}\\bar{v}"));
        assertEquals("{\\textcolor{#ff0000}{C}}_{destination}", WebTex.toJLaTeXMath("{\\color{red}C}_{destination}"));
    }

    /** KaTeX's and LaTeX's {@code {\color{red} a b}}: first in a group, the switch colours the rest of the group. */
    @Test
    void colorFirstInAGroupColoursTheRestOfTheGroup() {
        assertEquals("x + {\\textcolor{#ff0000}{ a + b}} - c", WebTex.toJLaTeXMath("x + {\\color{red} a + b} - c"));
        assertEquals("{\\textcolor{#008000}{ a \\textcolor{#0000ff}{b} c}}",
                WebTex.toJLaTeXMath("{\\color{green} a \\color{blue}{b} c}"));
    }

    /** MathJax's and KaTeX's colours are CSS's: names JLaTeXMath lacks (teal, grey) or draws otherwise (green). */
    @Test
    void cssColourNamesBecomeTheBrowsersValues() {
        assertEquals("\\textcolor{#008080}{a}\\textcolor{#808080}{b}", WebTex.toJLaTeXMath("\\textcolor{teal}{a}\\textcolor{grey}{b}"));
        assertEquals("\\colorbox{#ffc0cb}{a}", WebTex.toJLaTeXMath("\\colorbox{pink}{a}"));
        // dvips names (JLaTeXMath's own) and explicit models pass through.
        assertEquals("\\textcolor{RoyalBlue}{a}\\textcolor[rgb]{1,0,0}{b}",
                WebTex.toJLaTeXMath("\\color{RoyalBlue}{a}\\textcolor[rgb]{1,0,0}{b}"));
    }

    /** Regression: hello-algo's {@code \begin{aligned} ... \newline ... \end{aligned}} was an unknown command. */
    @Test
    void newlineInAlignedIsARowBreak() {
        assertEquals("\\begin{aligned} a & = b \\\\ c & = d \\end{aligned}",
                WebTex.toJLaTeXMath("\\begin{aligned} a & = b \\newline c & = d \\end{aligned}"));
        assertEquals("\\newlines", WebTex.toJLaTeXMath("\\newlines"));
    }

    /** Regression: LearnOpenGL-CN's {@code \\begin{equation} ... \\end{equation}} was an unknown environment. */
    @Test
    void equationEnvironmentsAndTagsTypeset() {
        assertEquals(" F = \\frac{1}{d} ", WebTex.toJLaTeXMath("\\begin{equation} F = \\frac{1}{d} \\end{equation}"));
        assertEquals("\\begin{align} a &= b \\qquad \\text{(2)} \\\\ c &= d  \\end{align}",
                WebTex.toJLaTeXMath("\\begin{align*} a &= b \\tag{2} \\\\ c &= d \\nonumber \\end{align*}"));
        assertEquals("\\boldsymbol{x}", WebTex.toJLaTeXMath("\\bm{x}"));
        for (String tex : new String[] {"\\begin{equation*} a \\tag*{A} \\end{equation*}", "\\begin{gather*} a \\\\ b \\end{gather*}",
            "\\bm{x} \\notag"}) {
            assertDoesNotThrow(() -> MathPictures.typeset(tex, true), tex);
        }
    }

    @Test
    void formulasWithoutTheseCommandsAreUnchanged() {
        String tex = "\\frac{a}{b} + {x}^{2} \\\\ \\{ \\} \\textbf{colour}";
        assertEquals(tex, WebTex.toJLaTeXMath(tex));
        assertEquals("{\\textcolor{#ff0000}{a}", WebTex.toJLaTeXMath("{\\color{red}a"));
    }

    /** The translated formulas of the two books typeset, and the colour reaches the SVG. */
    @Test
    void translatedFormulasTypesetInColour() {
        MathPictures.Formula f = assertDoesNotThrow(() -> MathPictures.typeset(
                "\\begin{bmatrix} \\color{red}{R_x} & \\color{red}1 \\\\ {\\color{green} a b} & \\color{teal}x \\end{bmatrix}", true));
        String svg = new String(f.svg(), StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
        assertTrue(svg.contains("#ff0000") || svg.contains("red"), "red in the SVG");
        assertTrue(svg.contains("#008000") || svg.contains("green"), "green in the SVG");
        assertTrue(svg.contains("#008080") || svg.contains("\"teal\""), "teal in the SVG");
        assertDoesNotThrow(() -> MathPictures.typeset(
                "\\begin{aligned} T(n) & = n + 1 \\newline & = O(n) \\end{aligned}", true));
    }
}
