package dev.studybook.fonts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FontFace's written-out equals and hashCode give what the record's generated ones gave (hash order of maps). */
class FontFaceTest {

    /** The same components in a record whose equals and hashCode are generated. */
    private record Generated(String family, int weight, boolean italic, String fileName, String resource, Path file,
            boolean inEpub) {
    }

    private static Generated generated(FontFace f) {
        return new Generated(f.family(), f.weight(), f.italic(), f.fileName(), f.resource(), f.file(), f.inEpub());
    }

    @Test
    void hashCodeIsTheGeneratedRecordsHashCode() {
        List<FontFace> faces = new java.util.ArrayList<>(FontSet.DEFAULT_FACES);
        faces.addAll(FontSet.LATIN_FACES);
        faces.add(new FontFace("Mine", 700, true, "mine.ttf", null, Path.of("fonts/mine.ttf"), false));
        faces.add(new FontFace(null, 0, false, null, null, null, true));
        for (FontFace f : faces) {
            assertEquals(generated(f).hashCode(), f.hashCode(), f.toString());
        }
    }

    @Test
    void equalWhenEveryComponentIsEqual() {
        FontFace a = new FontFace("Mine", 700, true, "mine.ttf", null, Path.of("fonts/mine.ttf"), false);
        assertEquals(a, new FontFace("Mine", 700, true, "mine.ttf", null, Path.of("fonts/mine.ttf"), false));
        assertNotEquals(a, new FontFace("Mine", 700, true, "mine.ttf", null, Path.of("fonts/mine.ttf"), true));
        assertNotEquals(a, new FontFace("Mine", 400, true, "mine.ttf", null, Path.of("fonts/mine.ttf"), false));
        assertNotEquals(a, new FontFace("Mine", 700, false, "mine.ttf", null, Path.of("fonts/mine.ttf"), false));
        assertNotEquals(a, new FontFace("Mine", 700, true, "mine.ttf", null, Path.of("fonts/other.ttf"), false));
        assertNotEquals(a, new FontFace("Other", 700, true, "mine.ttf", null, Path.of("fonts/mine.ttf"), false));
        assertNotEquals(a, new FontFace("Mine", 700, true, "other.ttf", null, Path.of("fonts/mine.ttf"), false));
        assertNotEquals(a, new FontFace("Mine", 700, true, "mine.ttf", "/r", Path.of("fonts/mine.ttf"), false));
        assertNotEquals(a, null);
    }
}
