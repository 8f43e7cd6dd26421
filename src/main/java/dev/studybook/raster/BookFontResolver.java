package dev.studybook.raster;

import dev.studybook.fonts.FontSet;
import dev.studybook.fonts.EmbeddedFont;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.batik.bridge.FontFace;
import org.apache.batik.bridge.FontFamilyResolver;
import org.apache.batik.gvt.font.AWTFontFamily;
import org.apache.batik.gvt.font.GVTFontFace;
import org.apache.batik.gvt.font.GVTFontFamily;

/**
 * Gives Batik the book's own fonts by family name, without registering them with Java2D (which is global to
 * the JVM and cannot be undone, wrong for a second book in the same process); generic families map to them.
 */
final class BookFontResolver implements FontFamilyResolver {

    /** Family (lower case) to its faces by weight. */
    private final Map<String, TreeMap<Integer, Font>> families = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();

    BookFontResolver(List<EmbeddedFont> fonts) {
        for (EmbeddedFont f : fonts) {
            try {
                Font font = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(f.data()));
                String key = f.face().family().toLowerCase(Locale.ROOT);
                families.computeIfAbsent(key, k -> new TreeMap<>()).put(f.face().weight(), font);
                names.put(key, f.face().family());
            } catch (FontFormatException | IOException e) {
                // A face Java2D cannot read is not offered; the figure falls back to another.
            }
        }
    }

    @Override
    public GVTFontFamily resolve(String familyName) {
        return family(familyName, 400);
    }

    @Override
    public GVTFontFamily resolve(String familyName, FontFace fontFace) {
        String w = fontFace.getFontWeight();
        int weight = "bold".equals(w) || "bolder".equals(w) ? 700 : w != null && w.matches("\\d{3}") ? Integer.parseInt(w) : 400;
        return family(familyName, weight);
    }

    @Override
    public GVTFontFamily loadFont(InputStream in, FontFace fontFace) {
        return null;
    }

    @Override
    public GVTFontFamily getDefault() {
        return family("sans-serif", 400);
    }

    @Override
    public GVTFontFamily getFamilyThatCanDisplay(char c) {
        for (Map.Entry<String, TreeMap<Integer, Font>> e : families.entrySet()) {
            Font f = e.getValue().firstEntry().getValue();
            if (f.canDisplay(c)) {
                return new AWTFontFamily(new GVTFontFace(names.get(e.getKey())), f);
            }
        }
        return null;
    }

    private GVTFontFamily family(String name, int weight) {
        String key = name.strip().replaceAll("^['\"]|['\"]$", "").toLowerCase(Locale.ROOT);
        key = FontSet.family(key).toLowerCase(Locale.ROOT);
        TreeMap<Integer, Font> faces = families.get(key);
        if (faces == null) {
            return null;
        }
        Map.Entry<Integer, Font> best = faces.floorEntry(weight);
        Font font = (best != null ? best : faces.firstEntry()).getValue();
        return new AWTFontFamily(new GVTFontFace(names.get(key)), font);
    }
}
