package dev.studybook.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Code colours stay readable: in grayscale print and on e-ink, and on the dark background of night mode. */
class StylesTest {

    private static final Pattern TOKEN = Pattern.compile("pre ((?:\\.[a-z]+(?:, pre )?)+)\\s*\\{[^}]*?color:\\s*(#[0-9a-fA-F]{6})");

    /** WCAG 2 contrast ratio, from relative luminance: exactly what a grayscale printer or e-ink screen keeps. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double[] c = {(rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255};
        for (int i = 0; i < 3; i++) {
            double v = c[i] / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    static Map<String, String> tokenColours(String css) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = TOKEN.matcher(css);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    @Test
    void everyTokenColourHasAaContrastOnTheLightCodeBackground() {
        Map<String, String> colours = tokenColours(Styles.bundled().shared());
        assertTrue(colours.size() >= 10, colours.toString());
        List<String> weak = new ArrayList<>();
        colours.forEach((cls, c) -> {
            if (contrast(c, "#f6f6f6") < 4.5) {
                weak.add(cls + " " + c + " " + contrast(c, "#f6f6f6"));
            }
        });
        assertEquals(List.of(), weak);
    }

    @Test
    void everyTokenColourHasAaContrastOnTheNightModeBackground() {
        String css = Styles.bundled().epub();
        String dark = css.substring(css.indexOf("prefers-color-scheme: dark"));
        Map<String, String> colours = tokenColours(dark);
        assertTrue(colours.size() >= 8, colours.toString());
        List<String> weak = new ArrayList<>();
        colours.forEach((cls, c) -> {
            if (contrast(c, "#1e1e1e") < 4.5) {
                weak.add(cls + " " + c + " " + contrast(c, "#1e1e1e"));
            }
        });
        assertEquals(List.of(), weak);
    }

    /** The Anki deck's stylesheet writes the night rules under Anki's night-mode classes, one selector each. */
    static Map<String, String> nightColours(String css) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("([^{}]*)\\{[^}]*?(?<![-a-z])color:\\s*(#[0-9a-fA-F]{6})").matcher(css);
        while (m.find()) {
            for (String sel : m.group(1).split(",")) {
                Matcher t = Pattern.compile("\\.nightMode pre (\\.[a-z]+)").matcher(sel.strip());
                if (t.matches()) {
                    out.put(t.group(1), m.group(2));
                }
            }
        }
        return out;
    }

    @Test
    void theAnkiDeckHasTheBooksCodeColoursByDayAndByNight() {
        String anki = Styles.bundled("anki.css");
        String day = anki.substring(0, anki.indexOf("/* Night mode:"));
        assertEquals(tokenColours(Styles.bundled().shared()), tokenColours(day));
        String epub = Styles.bundled().epub();
        Map<String, String> epubNight = new LinkedHashMap<>();
        tokenColours(epub.substring(epub.indexOf("prefers-color-scheme: dark"))).forEach((sel, c) -> {
            for (String cls : sel.split(", pre ")) {
                epubNight.put(cls.strip(), c);
            }
        });
        Map<String, String> ankiNight = nightColours(anki.substring(anki.indexOf("/* Night mode:")));
        assertEquals(new java.util.TreeMap<>(epubNight), new java.util.TreeMap<>(ankiNight));
    }
}
