package dev.studybook.output.pdf;

import com.openhtmltopdf.util.Diagnostic;
import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import dev.studybook.model.Asset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;

/**
 * The PDF library's own warnings, gathered during one layout and said once each: the same message (by its kind,
 * such as "Unrecognized image format") becomes one line with how often it came and the pictures it named, each
 * mapped back to the picture file of the book.
 */
final class PdfMessages {

    /** Names of what the messages were about, listed per line before "and N more". */
    static final int NAMED = 5;
    private static final String SCHEME_PREFIX = PdfLayout.SCHEME + ":";

    /**
     * "No alt attribute provided for image/replaced in PDF/UA document": the book's own warning already names every
     * picture without alt text at its file and line, and says what to write; the PDF library's count of them, without
     * a place, only repeated it (on six of eight real repositories surveyed, e.g. astaxie/build-web-application-with-golang).
     */
    private static final String NO_ALT = "GENERAL_PDF_ACCESSIBILITY_NO_ALT_ATTRIBUTE_PROVIDED_FOR_IMAGE";

    private final Map<String, Asset> assets;
    /** Per kind of message: the message's pattern, how often, and what it named. */
    private final Map<String, Group> groups = new LinkedHashMap<>();

    private static final class Group {
        String first;
        int count;
        final Set<String> subjects = new LinkedHashSet<>();
    }

    PdfMessages(Map<String, Asset> assets) {
        this.assets = assets;
    }

    synchronized void add(Diagnostic d) {
        if (d.getLevel().intValue() < Level.WARNING.intValue()) {
            return;
        }
        String key = d.getLogMessageId() == null ? String.valueOf(d.getFormattedMessage()) : d.getLogMessageId().getEnum().name();
        if (key.equals(NO_ALT)) {
            return;
        }
        Group g = groups.computeIfAbsent(key, k -> new Group());
        if (g.first == null) {
            g.first = PdfLayout.message(d);
        }
        g.count++;
        Object[] args = d.getArgs();
        if (args != null) {
            for (Object a : args) {
                if (a instanceof String s) {
                    String href = (s.startsWith(SCHEME_PREFIX) ? s.substring(SCHEME_PREFIX.length()) : s).replaceFirst("^/+", "");
                    Asset asset = assets.get(href);
                    if (asset != null) {
                        g.subjects.add(asset.source() == null ? href : SourceLocation.of(asset.source()).displayPath());
                    }
                }
            }
        }
    }

    /** Says every gathered message once. */
    synchronized void report(Diagnostics diagnostics) {
        for (Group g : groups.values()) {
            String message = "PDF: " + g.first;
            if (g.count > 1 || g.subjects.size() > 1) {
                List<String> named = new ArrayList<>(g.subjects);
                String about = named.isEmpty() ? "" : "; pictures: " + String.join(", ", named.subList(0, Math.min(NAMED, named.size())))
                        + (named.size() > NAMED ? " and " + (named.size() - NAMED) + " more" : "");
                message = "PDF: " + g.first + " (" + g.count + " times in the book" + about + ")";
            } else if (g.subjects.size() == 1) {
                message = "PDF: " + g.first + " (picture " + g.subjects.iterator().next() + ")";
            }
            diagnostics.warn(null, Diagnostics.Kind.RENDER, message);
        }
        groups.clear();
    }
}
