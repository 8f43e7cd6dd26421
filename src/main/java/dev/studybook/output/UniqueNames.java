package dev.studybook.output;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * File names handed out once each inside one output: a second request for a name gets a number before its extension
 * ({@code tall.png}, {@code tall-2.png}), so an SVG's PNG fallback never takes the name of a picture beside it and
 * pictures whose names differ only in characters a format cannot hold stay apart.
 */
public final class UniqueNames {
    private final Set<String> taken = new HashSet<>();

    /** Marks a name as taken without handing it out (the output's other files). */
    public void reserve(String name) {
        taken.add(name.toLowerCase(Locale.ROOT));
    }

    /** {@code wanted} if it is free, else the first free {@code stem-N.ext}; the result is then taken. */
    public String claim(String wanted) {
        String name = wanted;
        int dot = wanted.lastIndexOf('.');
        int slash = wanted.lastIndexOf('/');
        String stem = dot > slash ? wanted.substring(0, dot) : wanted;
        String ext = dot > slash ? wanted.substring(dot) : "";
        for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
            name = stem + "-" + n + ext;
        }
        taken.add(name.toLowerCase(Locale.ROOT));
        return name;
    }
}
