package dev.studybook.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Json.read, which reads notebooks: values, the line of each string, and mistakes named by line and column. */
class JsonTest {

    @Test
    void stringsKnowTheirLineAndValuesAreTyped() {
        Object v = Json.read("\uFEFF{\n \"a\": [\"x\\n\",\n  \"\\u00e9\\t\\\"q\\\"\"],\n \"n\": -1.5e2, \"i\": 42, \"t\": true, \"z\": null\n}\n");
        Map<?, ?> m = (Map<?, ?>) v;
        List<?> a = (List<?>) m.get("a");
        assertEquals(new Json.Str("x\n", 2), a.get(0));
        assertEquals(new Json.Str("é\t\"q\"", 3), a.get(1));
        assertEquals(-150.0, m.get("n"));
        assertEquals(42L, m.get("i"));
        assertEquals(Boolean.TRUE, m.get("t"));
        assertEquals(null, m.get("z"));
        assertEquals(List.of("a", "n", "i", "t", "z"), List.copyOf(m.keySet()));
    }

    @Test
    void aMistakeIsNamedByLineAndColumn() {
        Json.SyntaxError e = assertThrows(Json.SyntaxError.class, () -> Json.read("{\n \"cells\": [\n  {\"a\": 1,}\n ]\n}"));
        assertEquals(3, e.line());
        assertEquals(11, e.column());
        assertEquals(2, assertThrows(Json.SyntaxError.class, () -> Json.read("[\"a\",\n \"b\n\"]")).line());
        assertEquals(1, assertThrows(Json.SyntaxError.class, () -> Json.read("{} {}")).line());
        assertThrows(Json.SyntaxError.class, () -> Json.read("[".repeat(10_000)));
    }
}
