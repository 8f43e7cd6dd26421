package dev.studybook.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a code fence's info string: its language word and the flags after it ({@code ```go no_run}). */
public final class FenceInfo {
    private FenceInfo() {
    }

    /** The language word, lower-cased: the first word of the info string, with {@code {.go}} and {@code go,flag} forms understood. */
    public static String language(String info) {
        List<String> words = words(info);
        return words.isEmpty() ? "" : words.get(0);
    }

    /** {@code title="main.go"} (Docusaurus, MkDocs) or {@code [main.go]} (VitePress) in an info string. */
    private static final Pattern TITLE = Pattern.compile("(?:^|\\s)title=(?:\"([^\"]*)\"|'([^']*)'|(\\S+))|^\\S*\\s*\\[([^\\]]+)\\]");

    /**
     * The title a fence gives its code, usually a file name: {@code ```go title="main.go"} or VitePress's
     * {@code ```js [config.js]}; empty when it gives none.
     */
    public static String title(String info) {
        if (info == null) {
            return "";
        }
        Matcher m = TITLE.matcher(info.strip());
        if (!m.find()) {
            return "";
        }
        for (int g = 1; g <= 4; g++) {
            if (m.group(g) != null) {
                return m.group(g).strip();
            }
        }
        return "";
    }

    /** The words after the language, lower-cased. */
    public static List<String> flags(String info) {
        List<String> words = words(info);
        return words.size() <= 1 ? List.of() : List.copyOf(words.subList(1, words.size()));
    }

    private static List<String> words(String info) {
        List<String> out = new ArrayList<>();
        if (info == null) {
            return out;
        }
        String s = info.strip();
        if (s.startsWith("{") && s.endsWith("}")) {
            s = s.substring(1, s.length() - 1);
        } else {
            // VitePress's ```js{1,3} and ```ts:line-numbers, Docusaurus's ```js {1,3}: line marks are no words.
            s = s.replaceAll("\\{[^}]*\\}|\\[[^\\]]*\\]", " ").replaceFirst("^([^\\s:]+):[\\w-]+", "$1");
        }
        for (String w : s.split("[\\s,]+")) {
            w = w.strip();
            if (w.startsWith(".")) {
                w = w.substring(1);
            }
            if (!w.isEmpty()) {
                out.add(w.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** The language made safe for a class name: letters, digits, '+', '#', '-' and '_' only. */
    static String cssToken(String language) {
        StringBuilder sb = new StringBuilder();
        for (char c : language.toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                sb.append(c);
            } else if (c == '+') {
                sb.append('p');
            } else if (c == '#') {
                sb.append("sharp");
            }
        }
        return sb.length() > 32 ? sb.substring(0, 32) : sb.toString();
    }
}
