package dev.studybook.convert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * TeX as MathJax and KaTeX read it, rewritten into the TeX JLaTeXMath reads: the one place where the web's
 * dialect of math is translated before {@code new TeXFormula}.
 *
 * <ul>
 * <li>{@code \newline} (a row break in MathJax and KaTeX) becomes {@code \\}.</li>
 * <li>{@code \color}, which JLaTeXMath lacks, becomes {@code \textcolor}. Written first in a group
 * ({@code {\color{red} a b}}) it is LaTeX's and KaTeX's switch and colours the rest of the group; elsewhere it is
 * MathJax 2's and colours its next argument ({@code \color{red}{R_x}}, {@code \color{red}R}).</li>
 * <li>Colour names of CSS ({@code green}, {@code teal}, {@code grey}) become the browser's {@code #rrggbb}:
 * JLaTeXMath knows only some, some with other values ({@code green} is #00ff00 there, #008000 on the web).</li>
 * <li>{@code equation} (the formula itself), starred {@code align*} and kin, {@code \tag}, {@code \nonumber} and
 * {@code \bm}: forms JLaTeXMath has.</li>
 * </ul>
 */
final class WebTex {

    private static final Map<String, String> CSS_COLORS = cssColors();

    private WebTex() {
    }

    /** The formula in JLaTeXMath's TeX; formulas without these commands are returned as they are. */
    static String toJLaTeXMath(String tex) {
        if (!tex.contains("\\newline") && !tex.contains("color") && !tex.contains("\\begin") && !tex.contains("\\tag")
                && !tex.contains("\\no") && !tex.contains("\\bm")) {
            return tex;
        }
        StringBuilder out = new StringBuilder(tex.length() + 16);
        rewrite(tex, 0, tex.length(), out);
        return out.toString();
    }

    /** Rewrites tex[from, to) into out. */
    private static void rewrite(String tex, int from, int to, StringBuilder out) {
        int i = from;
        while (i < to) {
            char c = tex.charAt(i);
            if (c == '\\' && i + 1 < to) {
                int end = controlEnd(tex, i, to);
                String name = tex.substring(i + 1, end);
                if (name.equals("newline")) {
                    out.append("\\\\");
                    i = end;
                } else if (name.equals("bm")) {
                    out.append("\\boldsymbol");
                    i = end;
                } else if (name.equals("nonumber") || name.equals("notag")) {
                    i = end;
                } else if (name.equals("tag")) {
                    i = tag(tex, end, to, out);
                } else if (name.equals("begin") || name.equals("end")) {
                    String env = environment(tex, end, to);
                    if (env == null) {
                        out.append(tex, i, end);
                        i = end;
                    } else {
                        if (!env.equals("equation") && !env.equals("equation*")) {
                            out.append('\\').append(name).append('{').append(env.replace("*", "")).append('}');
                        }
                        i = tex.indexOf('}', end) + 1;
                    }
                } else if (name.equals("color") || name.equals("textcolor") || name.equals("colorbox")
                        || name.equals("fcolorbox")) {
                    i = colour(tex, name, end, to, out);
                } else {
                    out.append(tex, i, end);
                    i = end;
                }
            } else if (c == '{') {
                int close = groupEnd(tex, i, to);
                out.append('{');
                rewriteGroup(tex, i + 1, close, out);
                if (close < to) {
                    out.append('}');
                }
                i = Math.min(to, close + 1);
            } else {
                out.append(c);
                i++;
            }
        }
    }

    /** A group's inside: a {@code \color} first in it (after spaces) is a switch for the rest of the group. */
    private static void rewriteGroup(String tex, int from, int to, StringBuilder out) {
        int j = skipSpaces(tex, from, to);
        if (tex.startsWith("\\color", j) && controlEnd(tex, j, to) == j + 6) {
            out.append(tex, from, j);
            int k = skipSpaces(tex, j + 6, to);
            if (k < to && tex.charAt(k) == '{') {
                int close = groupEnd(tex, k, to);
                out.append("\\textcolor{").append(colourName(tex.substring(k + 1, Math.min(close, to)))).append("}{");
                rewrite(tex, Math.min(to, close + 1), to, out);
                out.append('}');
                return;
            }
        }
        rewrite(tex, from, to, out);
    }

    /**
     * {@code \color}, {@code \textcolor}, {@code \colorbox} or {@code \fcolorbox} at the end of its name: the
     * colour arguments translated, {@code \color} given its next argument. Returns where the reading goes on.
     */
    private static int colour(String tex, String name, int at, int to, StringBuilder out) {
        int colours = name.equals("fcolorbox") ? 2 : 1;
        StringBuilder head = new StringBuilder(name.equals("color") ? "\\textcolor" : "\\" + name);
        int i = at;
        for (int n = 0; n < colours; n++) {
            int k = skipSpaces(tex, i, to);
            if (k >= to || tex.charAt(k) != '{') {
                out.append('\\').append(name);
                return at;
            }
            int close = groupEnd(tex, k, to);
            head.append('{').append(colourName(tex.substring(k + 1, Math.min(close, to)))).append('}');
            i = Math.min(to, close + 1);
        }
        out.append(head);
        if (!name.equals("color")) {
            return i;
        }
        int k = skipSpaces(tex, i, to);
        if (k >= to) {
            out.append("{}");
            return k;
        }
        int end = argumentEnd(tex, k, to);
        out.append('{');
        if (tex.charAt(k) == '{') {
            int close = groupEnd(tex, k, to);
            rewrite(tex, k + 1, Math.min(close, to), out);
        } else {
            rewrite(tex, k, end, out);
        }
        out.append('}');
        return end;
    }

    /**
     * The name of an environment at i that JLaTeXMath lacks but has a form of: {@code equation} (the formula
     * itself) and the starred, unnumbered {@code align*}, {@code gather*}, {@code multline*}; else null.
     */
    private static String environment(String tex, int i, int to) {
        int k = skipSpaces(tex, i, to);
        if (k >= to || tex.charAt(k) != '{') {
            return null;
        }
        int close = tex.indexOf('}', k);
        if (close < 0 || close >= to) {
            return null;
        }
        String env = tex.substring(k + 1, close);
        return switch (env) {
            case "equation", "equation*", "align*", "gather*", "multline*", "eqnarray*" -> env;
            default -> null;
        };
    }

    /** {@code \tag{1}}: the equation's number written after it, as MathJax shows it at the line's end. */
    private static int tag(String tex, int at, int to, StringBuilder out) {
        int i = at;
        boolean starred = i < to && tex.charAt(i) == '*';
        int k = skipSpaces(tex, starred ? i + 1 : i, to);
        if (k >= to || tex.charAt(k) != '{') {
            out.append("\\tag");
            return at;
        }
        int close = groupEnd(tex, k, to);
        String label = tex.substring(k + 1, Math.min(close, to));
        out.append("\\qquad \\text{").append(starred ? label : "(" + label + ")").append('}');
        return Math.min(to, close + 1);
    }

    /**
     * Where MathJax 2's next argument ends: a group, one character, or a command with the groups written right
     * after it ({@code \bar{v}}, {@code \frac{a}{b}}).
     */
    private static int argumentEnd(String tex, int at, int to) {
        char c = tex.charAt(at);
        if (c == '{') {
            return Math.min(to, groupEnd(tex, at, to) + 1);
        }
        if (c != '\\') {
            return at + Character.charCount(tex.codePointAt(at));
        }
        int end = controlEnd(tex, at, to);
        while (end < to && tex.charAt(end) == '{') {
            end = Math.min(to, groupEnd(tex, end, to) + 1);
        }
        return end;
    }

    private static String colourName(String written) {
        String name = written.strip();
        String hex = CSS_COLORS.get(name);
        return hex != null ? hex : name;
    }

    /** The end of the control sequence starting at the backslash at i: a word of letters, or one character. */
    private static int controlEnd(String tex, int i, int to) {
        int j = i + 1;
        if (j >= to) {
            return to;
        }
        if (!Character.isLetter(tex.charAt(j)) || tex.charAt(j) > 0x7f) {
            return j + 1;
        }
        while (j < to && tex.charAt(j) < 0x80 && Character.isLetter(tex.charAt(j))) {
            j++;
        }
        return j;
    }

    /** The index of the brace closing the one at open, or {@code to} when it is not closed. */
    private static int groupEnd(String tex, int open, int to) {
        int depth = 0;
        for (int i = open; i < to; i++) {
            char c = tex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return to;
    }

    private static int skipSpaces(String tex, int i, int to) {
        while (i < to && Character.isWhitespace(tex.charAt(i))) {
            i++;
        }
        return i;
    }

    private static Map<String, String> cssColors() {
        Map<String, String> colours = new HashMap<>();
        try (InputStream in = WebTex.class.getResourceAsStream("/studybook/math/css-colors.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] p = line.strip().split(" ");
                    colours.put(p[0], "#" + p[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return colours;
    }
}
