package dev.studybook.markdown;

/**
 * mdBook's (and rustdoc's) hidden lines of Rust code blocks: a line starting with {@code # } or a lone {@code #}
 * (after indentation) is compiled by {@code mdbook test} but not shown to readers; {@code ##} shows as one
 * {@code #}. {@code #[derive]} and {@code #![allow]} are ordinary lines.
 */
public final class RustHiddenLines {

    private RustHiddenLines() {
    }

    /** True for the fence languages whose blocks have hidden lines: {@code rust}, with any flags ({@code rust,ignore}). */
    static boolean applies(String language) {
        return language.equals("rust") || language.equals("rs");
    }

    /** The code as readers see it: hidden lines left out, {@code ##} shown as {@code #}. */
    public static String shown(String code) {
        return rewrite(code, false);
    }

    /** The code as it is compiled: hidden lines without their {@code #}. */
    public static String compiled(String code) {
        return rewrite(code, true);
    }

    private static String rewrite(String code, boolean keepHidden) {
        if (code.indexOf('#') < 0) {
            return code;
        }
        StringBuilder out = new StringBuilder(code.length());
        int start = 0;
        while (start <= code.length()) {
            int end = code.indexOf('\n', start);
            boolean last = end < 0;
            String line = last ? code.substring(start) : code.substring(start, end);
            String trimmed = line.stripLeading();
            String indent = line.substring(0, line.length() - trimmed.length());
            boolean emit = true;
            if (trimmed.startsWith("##")) {
                line = indent + trimmed.substring(1);
            } else if (trimmed.equals("#") || trimmed.startsWith("# ")) {
                if (keepHidden) {
                    line = indent + (trimmed.length() > 2 ? trimmed.substring(2) : "");
                } else {
                    emit = false;
                }
            }
            if (emit) {
                out.append(line);
                if (!last) {
                    out.append('\n');
                }
            }
            if (last) {
                break;
            }
            start = end + 1;
        }
        // A hidden last line leaves the newline of the line before it.
        if (!code.endsWith("\n") && out.length() > 0 && out.charAt(out.length() - 1) == '\n') {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }
}
