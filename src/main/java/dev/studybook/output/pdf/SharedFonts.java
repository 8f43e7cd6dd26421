package dev.studybook.output.pdf;

import dev.studybook.fonts.EmbeddedFont;
import dev.studybook.fonts.FontSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * One embedded subset of each font face for a book laid out as several documents. Each document would embed its own
 * subset of every face it uses (PDFBox subsets per document, when saving), so a book of ten groups carried ten
 * copies of its Chinese faces' common glyphs. Instead, each document's fonts are left unsubset: their dictionaries
 * are emptied to a marker naming the face, and what they drew (code points and glyphs) is kept. After the merge
 * one subset of each face is made with everything the groups drew, and every marker gets its descendant font and
 * ToUnicode map, shared. Text is written as glyph ids of the face's file, which every document loaded from the same
 * bytes, so one subset serves them all.
 */
final class SharedFonts {

    /** The marker's key: the face's PostScript name. */
    private static final COSName FACE = COSName.getPDFName("StudybookFace");

    /** What one document drew with one face. */
    record Use(Set<Integer> codePoints, Set<Integer> glyphs) {
    }

    /** The book's faces by PostScript name; a name two different files share is left out (subset per document). */
    private final Map<String, byte[]> faces;
    private final Map<String, Set<Integer>> codePoints = new TreeMap<>();
    private final Map<String, Set<Integer>> glyphs = new TreeMap<>();

    private SharedFonts(Map<String, byte[]> faces) {
        this.faces = faces;
    }

    static SharedFonts of(List<EmbeddedFont> fonts) throws IOException {
        return new SharedFonts(faces(fonts));
    }

    /** {@link #faces(List)} by the list of faces a build embeds: read once, whatever asks and however often. */
    private static final Map<List<EmbeddedFont>, Map<String, byte[]>> READ = Collections.synchronizedMap(
            new java.util.WeakHashMap<>());

    /**
     * The files of {@code fonts} by PostScript name; a name two different files share is left out. Read once per
     * list: SharedFonts and every layout's WideFaces ask for them (a book laid out again or in groups has several).
     */
    static Map<String, byte[]> faces(List<EmbeddedFont> fonts) throws IOException {
        Map<String, byte[]> known = READ.get(fonts);
        if (known != null) {
            return known;
        }
        Map<String, byte[]> faces = new HashMap<>();
        Set<String> clash = new TreeSet<>();
        for (EmbeddedFont f : fonts) {
            String name;
            byte[] bytes;
            try (var in = FontSet.stream(f).get()) {
                bytes = in.readAllBytes();
            }
            TrueTypeFont ttf = new TTFParser(true).parse(new RandomAccessReadBuffer(bytes));
            try {
                name = ttf.getName();
            } finally {
                ttf.close();
            }
            if (name == null) {
                continue;
            }
            byte[] before = faces.putIfAbsent(name, bytes);
            if (before != null && !java.util.Arrays.equals(before, bytes)) {
                clash.add(name);
            }
        }
        clash.forEach(faces::remove);
        Map<String, byte[]> read = Map.copyOf(faces);
        READ.put(fonts, read);
        return read;
    }

    /**
     * Takes the fonts {@code pdf} would subset when saved: each of the book's faces becomes a marker and what it drew
     * is returned; any other font is subset now, as PDFBox would.
     */
    Map<String, Use> take(PDDocument pdf) throws IOException {
        Map<String, Use> used = new TreeMap<>();
        Set<PDFont> fonts = fontsToSubset(pdf);
        for (PDFont f : fonts) {
            if (f instanceof PDType0Font t0 && faces.containsKey(t0.getName()) && !WideFaces.variant(f)) {
                String name = t0.getName();
                Object embedder = read(PDType0Font.class, "embedder", t0);
                Class<?> base = embedder.getClass().getSuperclass();
                @SuppressWarnings("unchecked")
                Set<Integer> cps = (Set<Integer>) read(base, "subsetCodePoints", embedder);
                @SuppressWarnings("unchecked")
                Set<Integer> gids = (Set<Integer>) read(base, "allGlyphIds", embedder);
                Use u = used.computeIfAbsent(name, k -> new Use(new TreeSet<>(), new TreeSet<>()));
                u.codePoints().addAll(cps);
                u.glyphs().addAll(gids);
                COSDictionary d = t0.getCOSObject();
                d.clear();
                d.setItem(COSName.TYPE, COSName.FONT);
                d.setItem(COSName.SUBTYPE, COSName.TYPE0);
                d.setString(FACE, name);
            } else {
                f.subset();
            }
        }
        fonts.clear();
        add(used);
        return used;
    }

    /** Adds what another document drew. */
    synchronized void add(Map<String, Use> used) {
        used.forEach((name, u) -> {
            codePoints.computeIfAbsent(name, k -> new TreeSet<>()).addAll(u.codePoints());
            glyphs.computeIfAbsent(name, k -> new TreeSet<>()).addAll(u.glyphs());
        });
    }

    /** Makes one subset of each face in {@code pdf} with all that was drawn, and points every marker at it. */
    synchronized void embed(PDDocument pdf) throws IOException {
        Map<String, List<COSDictionary>> markers = new TreeMap<>();
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PDPage page : pdf.getPages()) {
            findMarkers(page.getCOSObject().getDictionaryObject(COSName.RESOURCES), seen, markers);
        }
        for (Map.Entry<String, List<COSDictionary>> e : markers.entrySet()) {
            PDType0Font font = PDType0Font.load(pdf, new ByteArrayInputStream(faces.get(e.getKey())), true);
            for (int cp : codePoints.getOrDefault(e.getKey(), Set.of())) {
                font.addToSubset(cp);
            }
            Set<Integer> gids = glyphs.getOrDefault(e.getKey(), Set.of());
            if (!gids.isEmpty()) {
                font.addGlyphsToSubset(gids);
            }
            font.subset();
            fontsToSubset(pdf).remove(font);
            COSDictionary made = font.getCOSObject();
            for (COSDictionary marker : e.getValue()) {
                marker.removeItem(FACE);
                for (Map.Entry<COSName, COSBase> item : made.entrySet()) {
                    marker.setItem(item.getKey(), item.getValue());
                }
            }
        }
    }

    /** The markers below a resource dictionary, through forms, patterns and the like (never up to a page). */
    private static void findMarkers(COSBase base, Set<COSBase> seen, Map<String, List<COSDictionary>> markers) {
        COSBase b = base instanceof COSObject o ? o.getObject() : base;
        if (b == null || !seen.add(b)) {
            return;
        }
        if (b instanceof COSDictionary d) {
            String name = d.getString(FACE);
            if (name != null) {
                markers.computeIfAbsent(name, k -> new ArrayList<>()).add(d);
                return;
            }
            for (Map.Entry<COSName, COSBase> e : d.entrySet()) {
                COSName k = e.getKey();
                if (k.equals(COSName.PARENT) || k.equals(COSName.P) || k.equals(COSName.PG)) {
                    continue;
                }
                findMarkers(e.getValue(), seen, markers);
            }
        } else if (b instanceof COSArray a) {
            for (int i = 0; i < a.size(); i++) {
                findMarkers(a.get(i), seen, markers);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<PDFont> fontsToSubset(PDDocument pdf) {
        try {
            Method m = PDDocument.class.getDeclaredMethod("getFontsToSubset");
            m.setAccessible(true);
            return (Set<PDFont>) m.invoke(pdf);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("PDFBox's fonts to subset cannot be reached", e);
        }
    }

    private static Object read(Class<?> type, String name, Object from) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f.get(from);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("PDFBox's " + type.getSimpleName() + "." + name + " cannot be reached", e);
        }
    }
}
