package dev.studybook.load;

import dev.studybook.error.StudybookException;
import dev.studybook.io.ContentFolder;
import dev.studybook.io.TextFiles;
import dev.studybook.load.JsLiterals.Arr;
import dev.studybook.load.JsLiterals.Computed;
import dev.studybook.load.JsLiterals.Import;
import dev.studybook.load.JsLiterals.Module;
import dev.studybook.load.JsLiterals.Obj;
import dev.studybook.load.JsLiterals.Prop;
import dev.studybook.load.JsLiterals.Ref;
import dev.studybook.load.JsLiterals.Str;
import dev.studybook.load.JsLiterals.Value;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A site configuration read with the values it imports from other files of the book ({@code import sidebar from
 * './sidebar/index.js'}), still without running anything: Snailclimb/JavaGuide's VuePress config imports its theme,
 * which imports a sidebar made of nine more files. Only relative imports inside the book are followed; an imported
 * value's entries stand on the line of the import in the file that was asked for, so that a missing page is reported
 * where the configuration brings it in.
 */
final class JsImports {

    /** How many files one configuration may bring in, and how deep imports are followed. */
    static final int MAX_FILES = 64;
    static final int MAX_DEPTH = 6;

    /** How deep a value's references to constants are replaced by their values. */
    private static final int MAX_INLINE = 24;

    /** What a source file written in TypeScript is imported as ({@code ./sidebar.js} for sidebar.ts). */
    private static final List<String> EXTENSIONS = List.of(".ts", ".mts", ".cts", ".js", ".mjs", ".cjs", ".json");

    private final ContentFolder content;
    private final Map<Path, Module> read = new HashMap<>();
    private final Set<Path> reading = new HashSet<>();

    private JsImports(ContentFolder content) {
        this.content = content;
    }

    /** The module in {@code file}, its relative imports' values among its constants. */
    static Module read(ContentFolder content, Path file, String what) {
        JsImports j = new JsImports(content);
        Module m = JsLiterals.read(TextFiles.read(file, what));
        return j.link(file, m, 0);
    }

    private Module link(Path file, Module m, int depth) {
        if (m.imports().isEmpty()) {
            return m;
        }
        Map<String, Value> constants = new HashMap<>(m.constants());
        reading.add(file);
        // In name order: the same configuration reads the same files in the same order on every machine.
        for (Map.Entry<String, Import> e : new TreeMap<>(m.imports()).entrySet()) {
            Import imp = e.getValue();
            if (constants.containsKey(e.getKey()) || !imp.source().startsWith(".")) {
                continue;
            }
            Optional<Module> other = source(file.getParent(), imp.source()).flatMap(f -> module(f, depth + 1));
            if (other.isEmpty()) {
                continue;
            }
            Value v = imp.name().equals("default") ? other.get().exported().orElse(null)
                    : other.get().constants().get(imp.name());
            if (v != null) {
                constants.put(e.getKey(), reline(inline(other.get(), v, 0), imp.line()));
            }
        }
        reading.remove(file);
        return new Module(Map.copyOf(constants), m.exported(), m.imports());
    }

    private Optional<Module> module(Path file, int depth) {
        if (read.containsKey(file)) {
            return Optional.of(read.get(file));
        }
        if (depth > MAX_DEPTH || reading.contains(file) || read.size() >= MAX_FILES) {
            return Optional.empty();
        }
        Module m;
        try {
            m = JsLiterals.read(TextFiles.read(file, "imported configuration"));
        } catch (StudybookException e) {
            // An import that cannot be read leaves its names unknown, as a computed value would.
            return Optional.empty();
        }
        Module linked = link(file, m, depth);
        read.put(file, linked);
        return Optional.of(linked);
    }

    /** The file an import names: as written, a TypeScript source behind a {@code .js} name, or a folder's index. */
    private Optional<Path> source(Path base, String spec) {
        String s = spec.replaceFirst("[?#].*$", "");
        List<String> candidates = new ArrayList<>();
        candidates.add(s);
        String stem = s.replaceFirst("\\.(m|c)?jsx?$", "");
        for (String ext : EXTENSIONS) {
            candidates.add(stem + ext);
        }
        for (String ext : EXTENSIONS) {
            candidates.add(s + "/index" + ext);
        }
        for (String c : candidates) {
            Optional<Path> p = content.resolve(base, c);
            if (p.isPresent() && Files.isRegularFile(p.get(), LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(p.get().toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    /** {@code v} with its references to {@code m}'s constants replaced by their values, at every depth. */
    private static Value inline(Module m, Value v, int depth) {
        Value r = m.resolve(v);
        if (depth > MAX_INLINE) {
            return r;
        }
        if (r instanceof Obj o) {
            List<Prop> props = new ArrayList<>();
            for (Prop p : o.props()) {
                props.add(new Prop(p.key(), inline(m, p.value(), depth + 1), p.line()));
            }
            return new Obj(List.copyOf(props), o.line());
        }
        if (r instanceof Arr a) {
            List<Value> items = new ArrayList<>();
            for (Value i : a.items()) {
                items.add(inline(m, i, depth + 1));
            }
            return new Arr(List.copyOf(items), a.line());
        }
        return r;
    }

    /** {@code v} standing on {@code line}, all of it. */
    private static Value reline(Value v, int line) {
        if (v instanceof Obj o) {
            return new Obj(o.props().stream().map(p -> new Prop(p.key(), reline(p.value(), line), line)).toList(), line);
        }
        if (v instanceof Arr a) {
            return new Arr(a.items().stream().map(i -> reline(i, line)).toList(), line);
        }
        if (v instanceof Str s) {
            return new Str(s.value(), line);
        }
        if (v instanceof Ref r) {
            return new Ref(r.name(), line);
        }
        return new Computed(((Computed) v).text(), line);
    }
}
