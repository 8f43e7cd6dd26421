package dev.studybook.convert;

import dev.studybook.fonts.FontSet;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * The book's Hei face made known to Java2D, for the libraries that measure and draw text through it (formulas'
 * {@code \text{…}}, diagram labels): without it they would measure Chinese in whatever system font the machine
 * has, or draw boxes.
 */
final class AwtFonts {
    private static Optional<String> sans;

    private AwtFonts() {
    }

    /** The Java2D family name of the bundled Hei face, registered on first use; empty when it cannot be read. */
    static synchronized Optional<String> sans() {
        if (sans == null) {
            sans = register(FontSet.DEFAULT_FACES.stream().filter(f -> f.family().equals(FontSet.SANS) && f.weight() == 400)
                    .findFirst().orElseThrow().resource());
        }
        return sans;
    }

    private static Optional<String> register(String resource) {
        try (InputStream in = AwtFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Font font = Font.createFont(Font.TRUETYPE_FONT, in);
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
            return Optional.of(font.getFamily(Locale.ROOT));
        } catch (IOException | FontFormatException e) {
            return Optional.empty();
        }
    }
}
