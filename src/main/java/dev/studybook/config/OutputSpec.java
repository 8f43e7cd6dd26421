package dev.studybook.config;

import java.util.List;
import java.util.Optional;

/**
 * What the settings need to know of an output: its name (also its book.yaml section), whether a plain build
 * writes it, the switch that adds it ({@code --split} and {@code split: true} add the handouts), and its options.
 */
public record OutputSpec(String name, String description, boolean byDefault, Optional<String> switchKey,
        List<OptionSpec> options) {

    public OutputSpec {
        options = List.copyOf(options);
    }
}
