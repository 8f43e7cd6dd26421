package dev.studybook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.load.JsLiterals.Arr;
import dev.studybook.load.JsLiterals.Computed;
import dev.studybook.load.JsLiterals.Module;
import dev.studybook.load.JsLiterals.Obj;
import dev.studybook.load.JsLiterals.Str;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading configuration files' literals without running them: what is data, what is computed, and where. */
class JsLiteralsTest {

    @Test
    void aRegularExpressionWithoutSemicolonDoesNotSwallowTheNextDeclaration() {
        // The test book's config.ts: 'const pattern = /['"{]+/g' and a new line; the expression's skip went on
        // through the sidebar constant below it, so the sidebar was not found.
        Module m = JsLiterals.read("const pattern = /['\"{]+/g\nexport const sidebar = ['/a']\n");
        assertInstanceOf(Arr.class, m.constants().get("sidebar"));
    }

    @Test
    void anArrayWithoutSemicolonEndsBeforeTheNextConstant() {
        // vuejs/docs: 'const nav = [...]' then 'export const sidebar = {...}' on the lines after.
        Module m = JsLiterals.read("const nav = [ {text:'a'} ]\n\nexport const sidebar: T['sidebar'] = { '/g/': [] }\n");
        assertInstanceOf(Obj.class, m.constants().get("sidebar"));
    }

    @Test
    void commentsStringsAndTemplatesAreSkippedAndTemplatesWithSubstitutionsAreComputed() {
        Module m = JsLiterals.read("""
                // sidebar: 'no'
                /* } ' " ` */
                module.exports = {
                  a: 'it\\'s } ',
                  b: `plain {`,
                  c: `x ${ { y: '}' }.y } z`,
                  d: "\\u4e2d",
                  e: [1, true, null],
                  f: require('./x'),
                  g: [...more, 'last'],
                  h() { return '{' },
                  'i': 2,
                }
                """);
        Obj o = (Obj) m.exported().orElseThrow();
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i"), o.props().stream().map(JsLiterals.Prop::key).toList());
        assertEquals("it's } ", o.string("a").orElseThrow());
        assertEquals("plain {", o.string("b").orElseThrow());
        assertInstanceOf(Computed.class, o.get("c").orElseThrow());
        assertEquals("中", o.string("d").orElseThrow());
        assertInstanceOf(Computed.class, o.get("f").orElseThrow());
        Arr g = (Arr) o.get("g").orElseThrow();
        assertInstanceOf(Computed.class, g.items().get(0));
        assertEquals("last", ((Str) g.items().get(1)).value());
        assertEquals(12, o.get("i").orElseThrow().line());
    }

    @Test
    void theSidebarIsFoundInsideThemeConfigOfAWrappedConfigurationAndThroughAConstant() {
        Module m = JsLiterals.read("""
                const side = [{ text: 'A', link: '/a' }]
                export default defineConfig<X>({
                  title: 'T',
                  themeConfig: { sidebar: side },
                })
                """);
        JsLiterals.Prop p = JsLiterals.find(m, "sidebar", "themeConfig").orElseThrow();
        assertEquals(4, p.line());
        assertInstanceOf(Arr.class, m.resolve(p.value()));
        assertEquals("T", ThemeSidebar.top(m, "title").orElseThrow());
    }

    @Test
    void malformedInputNeverThrows() {
        for (String s : List.of("", "{", "[", "`${", "'", "/", "module.exports = {a: [", "const x: {", "export default",
                "{ a: b c d }", "/* never closed", "const a = `${`${'}'}`}`")) {
            Module m = JsLiterals.read(s);
            assertTrue(m.constants().size() <= 1, s);
        }
    }

    @Test
    void importsAreNamedWithTheirSourceAndTypeImportsAndCallsAreNot() {
        Module m = JsLiterals.read("""
                import theme from "./theme.js";
                import { a, b as c } from './lists';
                import * as all from "./all.js";
                import type { Config } from "vuepress";
                import "./side-effect.css";
                const later = import("./lazy.js");
                export default { theme };
                """);
        assertEquals(new JsLiterals.Import("./theme.js", "default", 1), m.imports().get("theme"));
        assertEquals(new JsLiterals.Import("./lists", "a", 2), m.imports().get("a"));
        assertEquals(new JsLiterals.Import("./lists", "b", 2), m.imports().get("c"));
        assertEquals("*", m.imports().get("all").name());
        assertEquals(4, m.imports().size(), m.imports().toString());
        assertInstanceOf(Obj.class, m.exported().orElseThrow());
    }

    @Test
    void aHelperCallAroundAListLeavesItsEntriesInPlace() {
        // Snailclimb/JavaGuide: children: ["a", createImportantSection(["b", "c"]), "d"].
        Module m = JsLiterals.read("export const s = [\"a\", helper([\"b\", \"c\"]), \"d\", other([\"e\"]).concat(x)];\n");
        Arr a = (Arr) m.constants().get("s");
        assertEquals(List.of("a", "b", "c", "d"), a.items().stream().limit(4).map(v -> ((Str) v).value()).toList());
        assertInstanceOf(Computed.class, a.items().get(4));
    }
}
