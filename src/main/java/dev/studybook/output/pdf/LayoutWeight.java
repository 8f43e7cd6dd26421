package dev.studybook.output.pdf;

import dev.studybook.model.Asset;
import dev.studybook.model.Book;
import dev.studybook.model.Chapter;
import dev.studybook.model.ChapterBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What laying each chapter out costs the PDF's layout in memory (bytes of heap held until the document is painted),
 * estimated from what the chapter holds, not from its length alone: a formula or an SVG picture is a copy of its
 * document at every use, drawn; a character of highlighted code is a box of its own far more often than a character
 * of prose.
 *
 * <p>The weights were measured (live heap after a full collection, sampled each second while the PDF was written;
 * launcher settings, -Xmx3g) on generated books of 6 chapters, each differing from the same prose by one kind of
 * content: 600 more paragraphs of prose (330,000 characters, +8 MB; 4,000 paragraphs, +65 MB), 2,400 display formulas
 * (16 KB of SVG each, +400 MB), 600 inline formulas (+74 MB), 300 SVG pictures of 20 paths (+52 MB), 300 code blocks
 * of 20 highlighted lines (+114 MB), 300 tables of 44 cells (+64 MB), 300 PNG pictures of 200 × 150 pixels (+86 MB).
 * The book in content/ (1.4 million characters of XHTML, more than half of them code) weighs 268 MB here and held
 * 413 MB at most, laid out whole; datawhalechina/pumpkin-book (1.3 million characters, 5,180 uses of 2,847 formulas,
 * 19 MB of SVG) weighs 289 MB and held 632 MB at most (both under the launcher's settings, live heap counted right
 * after a full collection every 2 s; 2026-12-05): these weights count its formulas for less than they hold. The
 * 10 MB bench book (11.1 million characters, 6.8 million of them code) weighs 2,150 MB.
 */
final class LayoutWeight {

    /** A character of XHTML outside {@code <pre>}: prose, markup. */
    static final long PROSE_CHAR = 30;
    /** A character of XHTML inside {@code <pre>}: code, its highlighting's spans (a box for each token). */
    static final long CODE_CHAR = 300;
    /** A cell of a table ({@code <td>}, {@code <th>}), its boxes and their styles; its text counts as prose too. */
    static final long TABLE_CELL = 4_096;
    /** A byte of an SVG picture (a formula, a diagram), at each of its uses: a copy of its document each, drawn. */
    static final long SVG_BYTE = 11;
    /** A pixel of a raster picture, once in the book: the library keeps one decoded copy of each. */
    static final long PIXEL = 10;

    private LayoutWeight() {
    }

    /** Each chapter's weight, in the book's order. */
    static long[] of(Book book) {
        Map<String, Asset> assets = new HashMap<>();
        for (Asset a : book.assets()) {
            assets.put(a.href(), a);
        }
        Set<String> drawn = new HashSet<>();
        Map<String, Long> pictures = new HashMap<>();
        List<Chapter> chapters = book.chapters();
        long[] weights = new long[chapters.size()];
        for (int i = 0; i < chapters.size(); i++) {
            weights[i] = of(chapters.get(i).body().xhtml(ChapterBody.FILE_LINKS), assets, drawn, pictures);
        }
        return weights;
    }

    /**
     * The weight of one chapter's XHTML; {@code drawn} holds the raster pictures that earlier chapters already
     * count, {@code pictures} each picture's weight once known.
     */
    static long of(String xhtml, Map<String, Asset> assets, Set<String> drawn, Map<String, Long> pictures) {
        long code = 0;
        long cells = 0;
        long images = 0;
        int i = 0;
        int n = xhtml.length();
        while (true) {
            int lt = xhtml.indexOf('<', i);
            if (lt < 0 || lt + 4 > n) {
                break;
            }
            if (tag(xhtml, lt, "pre")) {
                int end = xhtml.indexOf("</pre>", lt);
                end = end < 0 ? n : end + 6;
                code += end - lt;
                i = end;
                continue;
            }
            if (tag(xhtml, lt, "td") || tag(xhtml, lt, "th")) {
                cells++;
            } else if (tag(xhtml, lt, "img")) {
                int close = xhtml.indexOf('>', lt);
                String img = xhtml.substring(lt, close < 0 ? n : close);
                int src = img.indexOf(" src=\"");
                if (src >= 0) {
                    int q = img.indexOf('"', src + 6);
                    String href = img.substring(src + 6, q < 0 ? img.length() : q).replace("&amp;", "&");
                    Asset a = assets.get(href);
                    if (a != null) {
                        images += picture(a, drawn, pictures);
                    }
                }
            }
            i = lt + 1;
        }
        return (n - code) * PROSE_CHAR + code * CODE_CHAR + cells * TABLE_CELL + images;
    }

    /** An opening tag named {@code name} at {@code at}. */
    private static boolean tag(String s, int at, String name) {
        int end = at + 1 + name.length();
        if (end >= s.length() || !s.startsWith(name, at + 1)) {
            return false;
        }
        char c = s.charAt(end);
        return c == ' ' || c == '>' || c == '/' || c == '\n' || c == '\t';
    }

    /** What a use of picture {@code a} weighs: an SVG at every use, a raster picture at its first. */
    private static long picture(Asset a, Set<String> drawn, Map<String, Long> pictures) {
        if (a.mediaType().equals("image/svg+xml")) {
            return pictures.computeIfAbsent(a.href(), h -> (long) a.data().length * SVG_BYTE);
        }
        if (!drawn.add(a.href())) {
            return 0;
        }
        return pictures.computeIfAbsent(a.href(), h -> pixels(a.data()) * PIXEL);
    }

    /** The pixels of a raster picture, read from its header; for one no reader knows, four per byte. */
    private static long pixels(byte[] data) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers != null && readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    return (long) reader.getWidth(0) * reader.getHeight(0);
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Counted by its size below.
        }
        return data.length * 4L;
    }
}
