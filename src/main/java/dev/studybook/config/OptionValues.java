package dev.studybook.config;

import java.util.Map;

/** The resolved options of one output, each value checked against its {@link OptionSpec}. */
public record OptionValues(String output, Map<String, String> values) {

    public OptionValues {
        values = Map.copyOf(values);
    }

    /** The value of an option the output declared. */
    public String text(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("the output '" + output + "' declares no option '" + name + "'");
        }
        return v;
    }

    public boolean bool(String name) {
        return Boolean.parseBoolean(text(name));
    }
}
