package dev.studybook.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One option an output takes, such as the PDF's {@code paper}: its name inside the output's book.yaml section,
 * the values it allows, its default, and optionally the flat top-level book.yaml key it is also read from
 * (from before outputs had sections) and another output's option whose value it takes by default.
 */
public record OptionSpec(String name, Type type, List<String> choices, String defaultValue, String help,
        Optional<String> flatKey, Optional<String> defaultFrom) {

    /** What values an option takes. */
    public enum Type { CHOICE, BOOLEAN, TEXT, WEB_ADDRESS }

    public OptionSpec {
        choices = List.copyOf(choices);
    }

    /** An option that is one of {@code choices} (matched without regard to case). */
    public static OptionSpec choice(String name, String defaultValue, String help, String... choices) {
        return new OptionSpec(name, Type.CHOICE, List.of(choices), defaultValue, help, Optional.empty(), Optional.empty());
    }

    /** A true/false option. */
    public static OptionSpec bool(String name, boolean defaultValue, String help) {
        return new OptionSpec(name, Type.BOOLEAN, List.of(), Boolean.toString(defaultValue), help, Optional.empty(),
                Optional.empty());
    }

    /** A free text option. */
    public static OptionSpec text(String name, String defaultValue, String help) {
        return new OptionSpec(name, Type.TEXT, List.of(), defaultValue, help, Optional.empty(), Optional.empty());
    }

    /** A web address ({@code http://} or {@code https://}), which may hold placeholders such as {@code {file}}. */
    public static OptionSpec webAddress(String name, String help) {
        return new OptionSpec(name, Type.WEB_ADDRESS, List.of(), "", help, Optional.empty(), Optional.empty());
    }

    /** The same option, also read from the top-level book.yaml key {@code key}. */
    public OptionSpec flat(String key) {
        return new OptionSpec(name, type, choices, defaultValue, help, Optional.of(key), defaultFrom);
    }

    /** The same option, taking by default the value of {@code outputOption} (e.g. {@code pdf.paper}). */
    public OptionSpec inheriting(String outputOption) {
        return new OptionSpec(name, type, choices, defaultValue, help, flatKey, Optional.of(outputOption));
    }

    /** The values allowed, for messages. */
    public String allowed() {
        return switch (type) {
            case CHOICE -> String.join(", ", choices);
            case BOOLEAN -> "true, false";
            case TEXT -> "any text";
            case WEB_ADDRESS -> "a web address starting with https:// or http://";
        };
    }

    /** The value in its canonical spelling, or empty when it is not allowed. */
    public Optional<String> normalise(String value) {
        String v = value.strip();
        return switch (type) {
            case CHOICE -> choices.stream().filter(c -> c.equalsIgnoreCase(v)).findFirst();
            case BOOLEAN -> switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> Optional.of("true");
                case "false", "no", "off" -> Optional.of("false");
                default -> Optional.empty();
            };
            case TEXT -> v.isEmpty() ? Optional.empty() : Optional.of(v);
            case WEB_ADDRESS -> v.matches("https?://[^\\s\"<>]+") ? Optional.of(v) : Optional.empty();
        };
    }
}
