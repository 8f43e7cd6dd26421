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
}
