package dev.studybook.config;

import java.util.List;

/**
 * A setting of book.yaml as written, before it is checked: its text (one item for a single value, several for
 * a list) and the line it is on, so that a wrong value can be reported where it stands.
 *
 * @param list true when book.yaml wrote a list ({@code [a, b]} or lines starting with '-')
 */
public record RawValue(List<String> items, boolean list, int line) {

    public RawValue {
        items = List.copyOf(items);
    }

    /** A single value as written; a list's items joined with commas. */
    public String text() {
        return String.join(",", items).strip();
    }
}
