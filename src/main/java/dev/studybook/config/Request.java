package dev.studybook.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the command line asks: the content folder and index page, and the settings that win over book.yaml —
 * the output folder, the formats, the switches that add outputs ({@code split}, {@code review}) and output
 * options by {@code output.option} (e.g. {@code pdf.paper}). Empty means "as book.yaml says, else the default".
 */
public record Request(Path contentDir, Optional<Path> index, Optional<Path> outDir, List<String> formats,
        Set<String> switches, Map<String, String> options) {

    public Request {
        formats = List.copyOf(formats);
        switches = Set.copyOf(switches);
        options = Map.copyOf(options);
    }

    /** A plain request for {@code contentDir} written to {@code outDir} in the given formats (the default ones when none). */
    public static Request of(Path contentDir, Path outDir, String... formats) {
        return new Request(contentDir, Optional.empty(), Optional.ofNullable(outDir), List.of(formats), Set.of(), Map.of());
    }

    /** A request that only reads the book (check, test). */
    public static Request read(Path contentDir, Optional<Path> index) {
        return new Request(contentDir, index, Optional.empty(), List.of(), Set.of(), Map.of());
    }

    public Request withIndex(Path i) {
        return new Request(contentDir, Optional.of(i), outDir, formats, switches, options);
    }

    /** The same request with an output option set, e.g. {@code withOption("pdf.paper", "A5")}. */
    public Request withOption(String key, String value) {
        Map<String, String> o = new HashMap<>(options);
        o.put(key, value);
        return new Request(contentDir, index, outDir, formats, switches, o);
    }

    /** The same request with a switch on, e.g. {@code withSwitch("split")}. */
    public Request withSwitch(String name) {
        Set<String> s = new LinkedHashSet<>(switches);
        s.add(name);
        return new Request(contentDir, index, outDir, formats, s, options);
    }
}
