package dev.studybook.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HighlighterTest {

    @Test
    void everyRequiredLanguageGetsKeywordOrStringClasses() {
        Map<String, String> samples = Map.of(
                "go", "func main() { s := \"x\" }",
                "java", "public class A { String s = \"x\"; }",
                "c", "int main(void) { return 0; }",
                "python", "def f(): return 'x'",
                "bash", "if true; then echo \"x\"; fi",
                "json", "{\"a\": true, \"b\": 1}",
                "yaml", "key: value # note",
                "sql", "SELECT a FROM t WHERE b = 'x';");
        samples.forEach((lang, code) -> {
            String html = Highlighter.toXhtml(code, lang);
            assertTrue(html.contains("<span class=\""), lang + ": " + html);
        });
    }

    @Test
    void languageNamesAreCaseInsensitiveAndAliased() {
        assertEquals(Highlighter.toXhtml("func f() {}", "go"), Highlighter.toXhtml("func f() {}", "Go"));
        assertEquals(Highlighter.toXhtml("echo x", "bash"), Highlighter.toXhtml("echo x", "SH"));
        assertTrue(Highlighter.language("golang").isPresent());
        assertTrue(Highlighter.language("progexec").isEmpty());
    }

    @Test
    void markupInCodeIsEscaped() {
        String html = Highlighter.toXhtml("if a < b && c > d { s := \"<b>\" }", "go");
        assertTrue(html.contains("&lt;") && html.contains("&amp;&amp;") && html.contains("&quot;&lt;b&gt;&quot;"), html);
    }

    @Test
    void multiLineCommentsStayCommentsAcrossLines() {
        String html = Highlighter.toXhtml("/* 第一行\n第二行 */\nx := 1", "go");
        assertTrue(html.contains("<span class=\"c\">第二行 */</span>"), html);
    }

    /** rust-lang/rust-by-example: {@code struct Person<'a> {} was a string from 'a to the line's end. */
    @Test
    void rustLifetimeIsNotACharacterLiteral() {
        String html = Highlighter.toXhtml("struct Person<'a> {\n    name: &'a str,\n}", "rust");
        assertTrue(html.contains("<span class=\"nv\">'a</span><span class=\"o\">&gt;</span>"), html);
        assertTrue(html.contains("<span class=\"nv\">'a</span> <span class=\"kt\">str</span>"), html);
        String two = Highlighter.toXhtml("fn f<'a, 'b>(x: &'a str) -> &'static str { 'x' }", "rust");
        assertTrue(two.contains("<span class=\"nv\">'b</span>") && two.contains("<span class=\"nv\">'static</span>"), two);
        assertTrue(two.contains("<span class=\"s\">'x'</span>"), two);
        String label = Highlighter.toXhtml("'outer: loop { break 'outer; }", "rust");
        assertTrue(label.contains("<span class=\"k\">loop</span>") && label.contains("<span class=\"k\">break</span>"), label);
        assertEquals("<span class=\"s\">'\\n'</span>", Highlighter.toXhtml("'\\n'", "rust"));
    }

    @Test
    void rustLifetimeLength() {
        assertEquals(2, Highlighter.rustLifetimeLength("'a> {"));
        assertEquals(7, Highlighter.rustLifetimeLength("'static"));
        assertEquals(0, Highlighter.rustLifetimeLength("'a'"));
        assertEquals(0, Highlighter.rustLifetimeLength("'\\u{1F600}'"));
        assertEquals(0, Highlighter.rustLifetimeLength("' '"));
    }

    /** yeasy/docker_practice writes its 220 Dockerfiles as ```docker, which GitHub and highlight.js colour. */
    @Test
    void dockerFenceIsADockerfile() {
        assertEquals(Highlighter.toXhtml("FROM nginx\nRUN echo hi", "dockerfile"),
                Highlighter.toXhtml("FROM nginx\nRUN echo hi", "docker"));
        assertTrue(Highlighter.toXhtml("FROM nginx", "docker").contains("<span class=\"k\">FROM</span>"));
    }

    /** typescript-cheatsheets/react: 124 ```tsx blocks were plain text; highlight.js reads tsx as TypeScript. */
    @Test
    void tsxAndJsxFencesAreHighlighted() {
        String tsx = Highlighter.toXhtml("const App = ({ message }: AppProps) => <div>{message}</div>;", "tsx");
        assertTrue(tsx.contains("<span class=\"k\">const</span>"), tsx);
        String jsx = Highlighter.toXhtml("function App() { return <b>hi</b>; }", "jsx");
        assertTrue(jsx.contains("<span class=\"k\">function</span>"), jsx);
    }
}
