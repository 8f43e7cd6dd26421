package dev.studybook.config;

import dev.studybook.error.ExitCode;
import dev.studybook.error.SourceLocation;
import dev.studybook.error.StudybookException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place where each build setting's precedence is decided: the command line wins over book.yaml, which
 * wins over the default; an output's option is read from its own book.yaml section ({@code pdf: {paper: A5}}),
 * else from the flat key of earlier versions ({@code paper: A5}). A wrong value on the command line is a usage
 * error (exit 2); in book.yaml it is a content error naming {@code book.yaml:line} and the values allowed.
 */
public final class SettingsResolver {

    /** Build settings of book.yaml that belong to no single output. */
    static final Set<String> BUILD_KEYS = Set.of("formats", "out", "toc-depth", "missing", "nested", "remote");

    /** The command-line switch that downloads remote pictures ({@code --fetch-remote}). */
    public static final String FETCH_REMOTE = "fetch-remote";

    /** The request's switch that builds without missing chapters ({@code --skip-missing}). */
    public static final String SKIP_MISSING = "skip-missing";

    static final int DEFAULT_TOC_DEPTH = 2;

    private SettingsResolver() {
    }

    public static Settings resolve(BookConfig config, Request request, List<OutputSpec> outputs) {
        Path yaml = config.file().orElse(request.contentDir().resolve("book.yaml"));
        checkKeys(config, outputs, yaml);
        Map<String, OutputSpec> byName = new LinkedHashMap<>();
        outputs.forEach(o -> byName.put(o.name(), o));

        List<String> chosen = new ArrayList<>();
        if (!request.formats().isEmpty()) {
            for (String f : request.formats()) {
                chosen.add(outputName(byName, f).orElseThrow(() -> usage("unknown format '" + f + "'",
                        "use one of: " + String.join(", ", byName.keySet()))));
            }
        } else if (config.settings().containsKey("formats")) {
            RawValue v = config.settings().get("formats");
            for (String item : v.items()) {
                for (String f : item.split(",")) {
                    if (f.isBlank()) {
                        continue;
                    }
                    chosen.add(outputName(byName, f).orElseThrow(() -> content(yaml, v.line(), "unknown format '"
                            + f.strip() + "' in 'formats'", "use one of: " + String.join(", ", byName.keySet()))));
                }
            }
            if (chosen.isEmpty()) {
                throw content(yaml, v.line(), "'formats' names no format", "use one or more of: "
                        + String.join(", ", byName.keySet()));
            }
        } else {
            outputs.stream().filter(OutputSpec::byDefault).forEach(o -> chosen.add(o.name()));
        }
        for (OutputSpec o : outputs) {
            if (o.switchKey().isEmpty()) {
                continue;
            }
            String key = o.switchKey().get();
            boolean on = request.switches().contains(key);
            RawValue v = config.settings().get(key);
            if (!on && v != null) {
                on = Boolean.parseBoolean(checked(OptionSpec.bool(key, false, ""), v.text(), yaml, v.line(), key));
            }
            if (on) {
                chosen.add(o.name());
            }
        }
        List<String> enabled = List.copyOf(new LinkedHashSet<>(chosen));

        Path outDir = request.outDir().orElseGet(() -> Optional.ofNullable(config.settings().get("out"))
                .map(v -> request.contentDir().toAbsolutePath().resolve(v.text()).normalize()).orElse(Path.of("dist")))
                .toAbsolutePath().normalize();

        int depth = DEFAULT_TOC_DEPTH;
        RawValue d = config.settings().get("toc-depth");
        if (d != null) {
            if (!d.text().matches("[1-6]")) {
                throw content(yaml, d.line(), "'toc-depth' must be a number from 1 to 6, not '" + d.text() + "'",
                        "e.g. 'toc-depth: 2' lists chapters and their sections");
            }
            depth = Integer.parseInt(d.text());
        }

        boolean fetch = request.switches().contains(FETCH_REMOTE);
        RawValue remote = config.settings().get("remote");
        if (remote != null) {
            String v = remote.text().strip().toLowerCase(Locale.ROOT);
            if (!v.equals("fetch") && !v.equals("leave")) {
                throw content(yaml, remote.line(), "'remote' must be 'fetch' or 'leave', not '" + remote.text() + "'",
                        "'remote: fetch' downloads the book's pictures from the web into a cache; 'remote: leave' (the"
                                + " default) shows their alt text and address");
            }
            fetch |= v.equals("fetch");
        }

        for (String key : request.options().keySet()) {
            int dot = key.indexOf('.');
            OutputSpec o = dot < 0 ? null : byName.get(key.substring(0, dot));
            if (o == null || o.options().stream().noneMatch(s -> s.name().equals(key.substring(dot + 1)))) {
                throw usage("unknown option '" + key + "'", "options are named output.option, e.g. pdf.paper");
            }
        }
        Map<String, OptionValues> options = new LinkedHashMap<>();
        Map<String, String> resolved = new LinkedHashMap<>();
        for (OutputSpec o : ordered(outputs)) {
            Map<String, RawValue> section = config.sections().getOrDefault(o.name(), Map.of());
            Map<String, String> values = new LinkedHashMap<>();
            for (OptionSpec spec : o.options()) {
                String qualified = o.name() + "." + spec.name();
                String cli = request.options().get(qualified);
                String value;
                if (cli != null) {
                    value = spec.normalise(cli).orElseThrow(() -> usage("'" + cli + "' is not a value of " + qualified,
                            "use one of: " + spec.allowed()));
                } else if (spec.type() == OptionSpec.Type.BOOLEAN && spec.flatKey().isPresent()
                        && request.switches().contains(spec.flatKey().get())) {
                    // A command-line switch of the same name as the flat key ({@code --split}) sets it too.
                    value = "true";
                } else if (section.containsKey(spec.name())) {
                    RawValue v = section.get(spec.name());
                    value = checked(spec, v.text(), yaml, v.line(), o.name() + ": " + spec.name());
                } else if (spec.flatKey().isPresent() && config.settings().containsKey(spec.flatKey().get())) {
                    RawValue v = config.settings().get(spec.flatKey().get());
                    value = checked(spec, v.text(), yaml, v.line(), spec.flatKey().get());
                } else if (spec.defaultFrom().isPresent() && resolved.containsKey(spec.defaultFrom().get())) {
                    value = resolved.get(spec.defaultFrom().get());
                } else {
                    value = spec.defaultValue();
                }
                values.put(spec.name(), value);
                resolved.put(qualified, value);
            }
            options.put(o.name(), new OptionValues(o.name(), values));
        }
        boolean skipMissing = request.switches().contains(SKIP_MISSING);
        RawValue missing = config.settings().get("missing");
        if (missing != null) {
            String m = missing.text().toLowerCase(Locale.ROOT);
            if (!m.equals("skip") && !m.equals("error")) {
                throw content(yaml, missing.line(), "'missing' must be 'skip' or 'error', not '" + missing.text() + "'",
                        "'missing: skip' builds without the chapters the index page lists that do not exist, with a warning each");
            }
            skipMissing |= m.equals("skip");
        }
        Optional<Boolean> nested = Optional.empty();
        RawValue n = config.settings().get("nested");
        if (n != null) {
            nested = Optional.of(Boolean.parseBoolean(checked(OptionSpec.bool("nested", true, ""), n.text(), yaml, n.line(),
                    "nested")));
        }
        return new Settings(enabled, outDir, depth, options, skipMissing, nested, fetch);
    }

    /** Outputs whose options take another's by default come after it. */
    private static List<OutputSpec> ordered(List<OutputSpec> outputs) {
        List<OutputSpec> first = new ArrayList<>();
        List<OutputSpec> later = new ArrayList<>();
        for (OutputSpec o : outputs) {
            (o.options().stream().anyMatch(s -> s.defaultFrom().isPresent()) ? later : first).add(o);
        }
        first.addAll(later);
        return first;
    }

    /** Every key of book.yaml must mean something: a mistyped key would otherwise be ignored in silence. */
    private static void checkKeys(BookConfig config, List<OutputSpec> outputs, Path yaml) {
        Set<String> known = new TreeSet<>(BookConfigReader.METADATA_KEYS);
        known.addAll(BUILD_KEYS);
        Map<String, OutputSpec> sections = new LinkedHashMap<>();
        for (OutputSpec o : outputs) {
            sections.put(o.name(), o);
            o.switchKey().ifPresent(known::add);
            o.options().forEach(s -> s.flatKey().ifPresent(known::add));
        }
        for (Map.Entry<String, RawValue> e : config.settings().entrySet()) {
            if (sections.containsKey(e.getKey())) {
                throw content(yaml, e.getValue().line(), "'" + e.getKey() + "' must be a mapping of the " + e.getKey()
                        + " output's options", "write '" + e.getKey() + ":' then one indented 'option: value' per line;"
                        + " options: " + optionNames(sections.get(e.getKey())));
            }
            if (!known.contains(e.getKey())) {
                throw unknownKey(yaml, e.getKey(), e.getValue().line(), known, sections.keySet());
            }
        }
        for (Map.Entry<String, Map<String, RawValue>> s : config.sections().entrySet()) {
            OutputSpec o = sections.get(s.getKey());
            int line = config.sectionLines().getOrDefault(s.getKey(), 0);
            if (o == null) {
                throw unknownKey(yaml, s.getKey(), line, known, sections.keySet());
            }
            for (Map.Entry<String, RawValue> option : s.getValue().entrySet()) {
                if (o.options().stream().noneMatch(x -> x.name().equals(option.getKey()))) {
                    throw content(yaml, option.getValue().line(), "the " + o.name() + " output has no option '"
                            + option.getKey() + "'", o.options().isEmpty() ? "it takes no options"
                            : "its options are: " + optionNames(o));
                }
            }
        }
    }

    private static String optionNames(OutputSpec o) {
        List<String> names = new ArrayList<>();
        for (OptionSpec s : o.options()) {
            names.add(s.name() + " (" + s.allowed() + ")");
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static StudybookException unknownKey(Path yaml, String key, int line, Set<String> known, Set<String> sections) {
        Set<String> all = new TreeSet<>(known);
        all.addAll(sections);
        return content(yaml, line, "unknown key '" + key + "' in book.yaml", "known keys: " + String.join(", ", all));
    }

    private static Optional<String> outputName(Map<String, OutputSpec> outputs, String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return outputs.containsKey(n) ? Optional.of(n) : Optional.empty();
    }

    private static String checked(OptionSpec spec, String value, Path yaml, int line, String key) {
        return spec.normalise(value).orElseThrow(() -> content(yaml, line, "'" + value + "' is not a value of '" + key
                + "' in book.yaml", "use one of: " + spec.allowed()));
    }

    private static StudybookException usage(String message, String hint) {
        return new StudybookException(ExitCode.USAGE, null, message, hint);
    }

    private static StudybookException content(Path yaml, int line, String message, String hint) {
        return StudybookException.content(SourceLocation.of(yaml, line), message, hint);
    }
}
