package dev.studybook.fonts;

import dev.studybook.error.ExitCode;
import dev.studybook.error.StudybookException;
import dev.studybook.error.Tasks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The fonts of one build, loaded once: which characters they cover, and each face subset to the book's
 * characters for both the EPUB and the PDF. Subsetting with FontBox first is what makes text copied from
 * the PDF come out right (without it, PDFBox maps 一 to the Kangxi radical ⼀).
 */
public final class FontSet {

    /** The tables a subset keeps: enough for glyph outlines, metrics, hinting and names; no layout tables. */
    static final List<String> SUBSET_TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx",
            "fpgm", "gasp", "cmap", "name", "OS/2", "post");

    /** The family of studybook's Song face, for body text. */
    public static final String SERIF = "Noto Serif SC";
    /** The family of its Hei face, for headings and strong emphasis. */
    public static final String SANS = "Noto Sans SC";
    /** The family of its monospace face, for code. */
    public static final String MONO = "JetBrains Mono";
    /** The family of its emoji face, a last fallback in the PDF (readers have their own). */
    public static final String EMOJI = "Noto Emoji";

    /** studybook's own faces: Song (serif) for body text, Hei (sans) for headings, a monospace, emoji. */
    public static final List<FontFace> DEFAULT_FACES = List.of(
            new FontFace(SERIF, 400, false, "NotoSerifSC-Regular.ttf", "/studybook/fonts/NotoSerifSC-Regular.ttf", true),
            new FontFace(SANS, 400, false, "NotoSansSC-Regular.ttf", "/studybook/fonts/NotoSansSC-Regular.ttf", true),
            new FontFace(SANS, 700, false, "NotoSansSC-Bold.ttf", "/studybook/fonts/NotoSansSC-Bold.ttf", true),
            new FontFace(MONO, 400, false, "JetBrainsMono-Regular.ttf", "/studybook/fonts/JetBrainsMono-Regular.ttf", true),
            new FontFace(MONO, 700, false, "JetBrainsMono-Bold.ttf", "/studybook/fonts/JetBrainsMono-Bold.ttf", true),
            new FontFace(EMOJI, 400, false, "NotoEmoji-Regular.ttf", "/studybook/fonts/NotoEmoji-Regular.ttf", false),
            fallback("Noto Sans", "NotoSans-Regular.ttf"),
            fallback("Noto Sans Math", "NotoSansMath-Regular.ttf"),
            fallback("Noto Sans Symbols 2", "NotoSansSymbols2-Regular.ttf"),
            fallback("Nanum Gothic", "NanumGothic-Regular.ttf"),
            fallback("Noto Sans JP", "NotoSansJP-Regular.ttf"));

    /**
     * The families of the fallback faces: the PDF draws with them only characters that no other face has (Latin,
     * Greek and Cyrillic extended; mathematical letters, arrows; dingbats and symbols; Hangul; CJK Extension B), so
     * that they print instead of '#'. EPUB readers have their own fallbacks: these faces are not put in the EPUB.
     */
    public static final java.util.Set<String> FALLBACKS = java.util.Set.of("Noto Sans", "Noto Sans Math",
            "Noto Sans Symbols 2", "Nanum Gothic", "Noto Sans JP");

    private static FontFace fallback(String family, String file) {
        return new FontFace(family, 400, false, file, "/studybook/fonts/" + file, false);
    }

    /** The bundled family a generic CSS family ({@code serif}, {@code sans-serif}, {@code monospace}) stands for. */
    public static String family(String generic) {
        return switch (generic.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "serif" -> SERIF;
            case "sans-serif" -> SANS;
            case "monospace" -> MONO;
            default -> generic;
        };
    }

    /**
     * A Latin serif with its italic and bold, for books in a Latin-script language: the Chinese faces draw quotes and
     * apostrophes full-width and have no italics. Only such books load and embed them.
     */
    public static final List<FontFace> LATIN_FACES = List.of(
            new FontFace("Noto Serif", 400, false, "NotoSerif-Regular.ttf", "/studybook/fonts/NotoSerif-Regular.ttf", true),
            new FontFace("Noto Serif", 400, true, "NotoSerif-Italic.ttf", "/studybook/fonts/NotoSerif-Italic.ttf", true),
            new FontFace("Noto Serif", 700, false, "NotoSerif-Bold.ttf", "/studybook/fonts/NotoSerif-Bold.ttf", true));

    /** The faces in order; the bundled fallback faces are read only when first needed. */
    private final List<Slot> slots;

    /** A face of the set: read ({@code now}), or to be read with the other fallback faces ({@code later}). */
    private record Slot(FontFace face, Loaded now, Deferred later) {
        Loaded get() {
            return now != null ? now : later.get(face);
        }
    }

    /**
     * The bundled fallback faces of a set (Noto Sans, Math, Symbols 2, Nanum Gothic, Noto Sans JP: 10 MB), read
     * together the first time a character is in no other face. Most books never need them: the EPUB leaves them
     * out, and the PDF uses them only for characters the text faces lack.
     */
    private static final class Deferred {
        private final List<FontFace> faces;
        private java.util.Map<FontFace, Loaded> read;

        Deferred(List<FontFace> faces) {
            this.faces = faces;
        }

        synchronized Loaded get(FontFace face) {
            if (read == null) {
                java.util.Map<FontFace, Loaded> m = new java.util.HashMap<>();
                for (Slot s : load(faces, false).slots) {
                    m.put(s.face(), s.now());
                }
                read = m;
            }
            return read.get(face);
        }
    }

    /** True for a bundled fallback face, which is read only when needed. */
    private static boolean fallback(FontFace face) {
        return face.file() == null && FALLBACKS.contains(face.family());
    }

    /**
     * A parsed face. FontBox keeps its own copy of the file (and of the glyf table, for a face not read from the
     * jar: see {@link #withSubsetTablesOnly}), so the bytes read are not kept as well: a CJK face is 10 to 15 MB.
     */
    private record Loaded(FontFace face, TrueTypeFont font, CmapLookup cmap, byte[] header) {
        /** A face FontBox read whole. */
        Loaded(FontFace face, TrueTypeFont font, CmapLookup cmap) {
            this(face, font, cmap, null);
        }
    }

    private FontSet(List<Slot> slots) {
        this.slots = slots;
    }

    /** Every face, the fallback faces read if they were not yet. */
    private List<Loaded> all() {
        return slots.stream().map(Slot::get).toList();
    }

    /** Starts reading the faces in the background, so that conversion can run meanwhile. */
    public static CompletableFuture<FontSet> loadAsync(List<FontFace> faces) {
        return loadAsync(faces, true);
    }

    private static CompletableFuture<FontSet> loadAsync(List<FontFace> faces, boolean deferFallbacks) {
        // FontBox reads each face's dates into a Calendar of the default locale. The first Calendar looks up that
        // locale's week data (parsing the tags of every locale the JDK has) and caches it; when eleven faces were
        // read at once, each thread missed the cache and did it again, and the JIT compiler compiled all of it.
        java.util.Calendar.getInstance();
        List<FontFace> later = deferFallbacks ? faces.stream().filter(FontSet::fallback).toList() : List.of();
        Deferred deferred = later.isEmpty() ? null : new Deferred(later);
        List<CompletableFuture<Loaded>> parts = new ArrayList<>();
        for (FontFace f : faces) {
            parts.add(later.contains(f) ? CompletableFuture.completedFuture(null) : CompletableFuture.supplyAsync(() -> load(f)));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<Slot> slots = new ArrayList<>();
            for (int i = 0; i < faces.size(); i++) {
                Loaded l = parts.get(i).join();
                slots.add(new Slot(faces.get(i), l, l == null ? deferred : null));
            }
            return new FontSet(slots);
        });
    }

    /** Reads the faces now. */
    public static FontSet load(List<FontFace> faces) {
        return load(faces, true);
    }

    private static FontSet load(List<FontFace> faces, boolean deferFallbacks) {
        // A face the user named and studybook cannot use is the user's error, not a wrapped one.
        return Tasks.join(loadAsync(faces, deferFallbacks));
    }

    private static Loaded load(FontFace face) {
        byte[] bytes;
        if (face.file() != null) {
            dev.studybook.io.BookFiles.requireRegular(face.file(), "font");
            try {
                bytes = java.nio.file.Files.readAllBytes(face.file());
            } catch (IOException e) {
                throw new StudybookException(ExitCode.CONTENT, dev.studybook.error.SourceLocation.of(face.file()),
                        "cannot read the font: " + e.getMessage(), "check the path in book.yaml");
            }
            checkTrueType(face, bytes);
        } else {
            try (InputStream in = FontSet.class.getResourceAsStream(face.resource())) {
                if (in == null) {
                    throw new StudybookException(ExitCode.INTERNAL, null, "the font " + face.resource()
                            + " is missing from the studybook jar", "rebuild studybook with 'mvn package' from a full checkout");
                }
                Loaded streamed = parseStreamed(face, in);
                if (streamed != null) {
                    return streamed;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the font " + face.resource(), e);
            }
            try (InputStream in = FontSet.class.getResourceAsStream(face.resource())) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the font " + face.resource(), e);
            }
        }
        try {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            if (face.file() != null && ttf.getTableMap().get("glyf") == null) {
                throw cff(face);
            }
            return new Loaded(face, ttf, ttf.getUnicodeCmapLookup());
        } catch (IOException e) {
            if (face.file() != null) {
                throw new StudybookException(ExitCode.CONTENT, dev.studybook.error.SourceLocation.of(face.file()),
                        "this is not a TrueType font studybook can read: " + e.getMessage(), "use a .ttf file");
            }
            throw new UncheckedIOException("cannot read the font " + face.resource(), e);
        }
    }

    /**
     * A bundled face parsed straight from the jar's stream, or null when the stream does not tell its length (then
     * the caller reads it whole). FontBox copies the whole file into an array of its own; reading the file into
     * another array first made three 15 MB arrays per CJK face (readAllBytes grows its buffer, then copies), and
     * the garbage collector copied some 100 MB of them on every build, a fifth of a small book's time.
     */
    private static Loaded parseStreamed(FontFace face, InputStream in) throws IOException {
        int length = in.available(); // a jar entry's or a file's remaining length, before anything is read
        if (length < 12) {
            return null;
        }
        byte[] start = in.readNBytes(12);
        if (start.length < 12) {
            throw new IOException("the font ends within its header");
        }
        int tables = (start[4] & 0xff) << 8 | (start[5] & 0xff);
        byte[] header = java.util.Arrays.copyOf(start, 12 + 16 * tables);
        if (in.readNBytes(header, 12, 16 * tables) != 16 * tables) {
            throw new IOException("the font ends within its table directory");
        }
        SequentialRead read = new SequentialRead(withSubsetTablesOnly(header), in, length);
        TrueTypeFont ttf = new TTFParser().parse(read);
        if (read.getPosition() != length || in.read() != -1) {
            throw new IOException("the font's length was not its stream's: " + length + " bytes read, more remain");
        }
        return new Loaded(face, ttf, ttf.getUnicodeCmapLookup(), header);
    }

    /**
     * A font's table directory listing only the tables a subset keeps: FontBox parses every table listed, and
     * the others (in the CJK faces GSUB, GPOS, GDEF, BASE, STAT, vhea and vmtx with 65,535 entries) were a good
     * part of reading them, and of what the JIT compiler compiled. The tables' bytes stay where they are.
     * <p>
     * The glyf table is listed with length 0. FontBox's glyf table copies its bytes out of the file it already
     * holds, twice (to an array, then to a stream of its own), to parse single glyphs on demand, which studybook
     * never asks of a whole face: its subsetter reads the glyphs from the file, at the offsets of the loca table.
     * For the three CJK faces that was 70 MB of the 200 MB a small book's build allocated, and 35 MB more that the
     * collector copied to the old generation (FontSetTest checks that the subsets come out as from the whole file).
     */
    static byte[] withSubsetTablesOnly(byte[] header) {
        byte[] out = header.clone();
        int tables = (header[4] & 0xff) << 8 | (header[5] & 0xff);
        int kept = 0;
        for (int i = 0; i < tables; i++) {
            String tag = new String(header, 12 + 16 * i, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (SUBSET_TABLES.contains(tag)) {
                System.arraycopy(header, 12 + 16 * i, out, 12 + 16 * kept, 16);
                if (tag.equals("glyf")) {
                    java.util.Arrays.fill(out, 12 + 16 * kept + 12, 12 + 16 * kept + 16, (byte) 0);
                }
                kept++;
            }
        }
        out[4] = (byte) (kept >> 8);
        out[5] = (byte) kept;
        return out;
    }

    /**
     * A stream of known length as FontBox's random-access input, read once from start to end: what FontBox's
     * parser does when it copies a file into memory. Anything else is refused.
     */
    private static final class SequentialRead implements org.apache.pdfbox.io.RandomAccessRead {
        private static final int READ_PIECE = 64 * 1024;
        private final InputStream in;
        private final long length;
        private long position;
        private boolean closed;

        private final byte[] header;

        /** The font's first bytes, already read from {@code in} (and changed), then the rest of it. */
        SequentialRead(byte[] header, InputStream in, long length) {
            this.header = header;
            this.in = in;
            this.length = length;
        }

        @Override
        public int read() throws IOException {
            if (position >= length) {
                return -1;
            }
            int b = position < header.length ? header[(int) position] & 0xff : in.read();
            if (b >= 0) {
                position++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= length) {
                return -1;
            }
            if (position < header.length) {
                int n = (int) Math.min(len, header.length - position);
                System.arraycopy(header, (int) position, b, off, n);
                position += n;
                return n;
            }
            // FontBox asks for the whole rest of the file at once; the jar's stream reads a stored entry straight
            // from the file, through a native buffer the size of the request (a 15 MB malloc per CJK face, kept by
            // the C allocator afterwards: 30-40 MB more peak RSS). Pieces of 64 KB keep that buffer small.
            int n = in.read(b, off, (int) Math.min(Math.min(len, READ_PIECE), length - position));
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public long getPosition() {
            return position;
        }

        @Override
        public void seek(long to) throws IOException {
            if (to != position) {
                throw new IOException("a font read from the jar is read once, in order");
            }
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public boolean isEOF() {
            return position >= length;
        }

        @Override
        public org.apache.pdfbox.io.RandomAccessReadView createView(long start, long streamLength) throws IOException {
            throw new IOException("a font read from the jar is read once, in order");
        }

        @Override
        public void close() {
            closed = true; // the caller closes the stream
        }
    }

    /** An author's font must have TrueType (glyf) outlines: the PDF library cannot embed CFF ones. */
    private static void checkTrueType(FontFace face, byte[] b) {
        String tag = b.length >= 4 ? new String(b, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1) : "";
        if (tag.equals("OTTO")) {
            throw cff(face);
        }
        if (tag.equals("ttcf")) {
            throw new StudybookException(ExitCode.CONTENT, dev.studybook.error.SourceLocation.of(face.file()),
                    "this is a font collection (.ttc); studybook needs one face per file",
                    "use the single .ttf of the face you want, or extract it from the collection");
        }
        if (tag.equals("wOFF") || tag.equals("wOF2")) {
            throw new StudybookException(ExitCode.CONTENT, dev.studybook.error.SourceLocation.of(face.file()),
                    "this is a web font (WOFF); studybook embeds TrueType files",
                    "use the font's .ttf file (WOFF can be unpacked with fontTools)");
        }
    }

    private static StudybookException cff(FontFace face) {
        return new StudybookException(ExitCode.CONTENT, dev.studybook.error.SourceLocation.of(face.file()),
                "this font has PostScript (CFF) outlines, which the PDF library cannot embed",
                "use a TrueType (glyf) build of the font, such as the .ttf files of Noto Serif SC, Noto Sans SC or"
                        + " LXGW WenKai, or convert it with fontTools' otf2ttf");
    }

    /** This set and another's faces, in that order. */
    public FontSet with(FontSet more) {
        List<Slot> all = new ArrayList<>(slots);
        all.addAll(more.slots);
        return new FontSet(all);
    }

    /** True when some face has a glyph for {@code codePoint}. */
    public boolean covers(int codePoint) {
        for (Slot s : slots) {
            if (s.now() != null && s.now().cmap().getGlyphId(codePoint) != 0) {
                return true;
            }
        }
        for (Slot s : slots) {
            if (s.now() == null && s.get().cmap().getGlyphId(codePoint) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every face subset to the characters of {@code text} it has. Faces with characters beyond the Basic
     * Multilingual Plane (emoji) are kept whole: FontBox's subsetter writes only BMP cmaps, and the PDF
     * renderer subsets them itself.
     */
    public List<EmbeddedFont> subset(String text) {
        return subset(text, "");
    }

    /**
     * Every face subset to the characters of {@code text} and {@code figureText} it has, except the fallback
     * faces, which get only characters of {@code text}: the text the PDF lays out. A figure's labels are drawn in
     * the family the figure names, or by Batik as outlines, never in a fallback face; and a fallback face that
     * is given to the PDF at all enters the height of every line whose line-height is 'normal' (OpenHTMLtoPDF
     * takes the largest ascent and descent of a family's faces), so one for a figure's ✗ moved every heading.
     */
    public List<EmbeddedFont> subset(String text, String figureText) {
        // Bit sets, not streams of boxed code points: a 1 MB book's text is a million of them.
        java.util.BitSet laidOut = new java.util.BitSet();
        text.codePoints().forEach(laidOut::set);
        java.util.BitSet all = (java.util.BitSet) laidOut.clone();
        figureText.codePoints().forEach(all::set);
        int[] codePoints = all.stream().toArray();
        // Without the fallback faces when every character laid out is in a text face before them: each would get
        // no character, and be left out below.
        List<Loaded> loaded = needsFallbacks(laidOut) ? all()
                : slots.stream().map(Slot::now).filter(java.util.Objects::nonNull).toList();
        // Each fallback face gets only what the text faces (Song, Hei, emoji: the families every CSS list names; the
        // Latin serif of an English book)
        // and the fallbacks before it lack; one that gets nothing is left out, so a book that needs no fallback is
        // laid out exactly as before they existed.
        List<int[]> wanted = new ArrayList<>();
        List<Loaded> before = new ArrayList<>();
        for (Loaded l : loaded) {
            boolean fallback = FALLBACKS.contains(l.face().family()) && l.face().file() == null;
            if (fallback) {
                wanted.add(java.util.Arrays.stream(codePoints).filter(cp -> laidOut.get(cp) && l.cmap().getGlyphId(cp) != 0
                        && before.stream().noneMatch(b -> b.cmap().getGlyphId(cp) != 0)).toArray());
            } else {
                wanted.add(codePoints);
            }
            if (fallback || textFace(l.face())) {
                before.add(l);
            }
        }
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            if (wanted.get(i).length > 0 || !FALLBACKS.contains(loaded.get(i).face().family())) {
                used.add(i);
            }
        }
        double[] cap = lineMetrics(loaded);
        // A parallel stream puts the calling thread to work as well: on two cores the common pool has one thread.
        return used.parallelStream().map(i -> {
            EmbeddedFont f = subset(loaded.get(i), wanted.get(i));
            Loaded l = loaded.get(i);
            return FALLBACKS.contains(l.face().family()) && l.face().file() == null && cap != null
                    ? new EmbeddedFont(f.face(), capped(f.data(), l.font(), cap)) : f;
        }).toList();
    }

    /** A bundled text face: what a fallback face gets only the characters of that it lacks. */
    private static boolean textFace(FontFace face) {
        String family = face.family();
        return face.file() == null && (family.equals(SERIF) || family.equals(SANS) || family.equals(EMOJI)
                || family.equals(LATIN_FACES.get(0).family()));
    }

    /**
     * Characters of the laid-out text that no face draws and no bundled fallback face has a glyph for (FontSetTest
     * checks): the tabs and line feeds of code blocks.
     */
    static final String NEVER_IN_FALLBACKS = "\t\n";

    /**
     * True when some character of {@code laidOut} is in none of the text faces before the first fallback face that
     * is not read yet: only then may a fallback face get a character.
     */
    private boolean needsFallbacks(java.util.BitSet laidOut) {
        List<Loaded> before = new ArrayList<>();
        for (Slot s : slots) {
            if (s.now() == null) {
                return laidOut.stream().anyMatch(cp -> NEVER_IN_FALLBACKS.indexOf(cp) < 0
                        && before.stream().noneMatch(b -> b.cmap().getGlyphId(cp) != 0));
            }
            if (textFace(s.face()) || fallback(s.face())) {
                before.add(s.now());
            }
        }
        return false;
    }

    /**
     * The smallest ascent and descent, per em, of the Song and Hei faces: a fallback face must not make a line
     * taller than those do. Null when a book's own fonts replace them.
     */
    private static double[] lineMetrics(List<Loaded> loaded) {
        double ascent = Double.MAX_VALUE;
        double descent = Double.MAX_VALUE;
        for (Loaded l : loaded) {
            if (l.face().file() == null && (l.face().family().equals(SERIF) || l.face().family().equals(SANS))) {
                try {
                    double em = l.font().getHeader().getUnitsPerEm();
                    ascent = Math.min(ascent, l.font().getHorizontalHeader().getAscender() / em);
                    descent = Math.min(descent, -l.font().getHorizontalHeader().getDescender() / em);
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return ascent == Double.MAX_VALUE ? null : new double[] {ascent, descent};
    }

    /**
     * A fallback face's bytes with its ascent and descent (hhea, and OS/2's typographic and Windows values) no
     * larger than the text faces': OpenHTMLtoPDF sizes a line by the largest ascent and descent of the faces its
     * font-family list uses, so a heading with one 𠮷 or ✓ in Noto Sans JP or Symbols 2 stood taller than the
     * same heading without it. The glyphs themselves are drawn as before.
     */
    static byte[] capped(byte[] font, TrueTypeFont source, double[] cap) {
        byte[] b = font.clone();
        try {
            double em = source.getHeader().getUnitsPerEm();
            short ascent = (short) Math.floor(cap[0] * em);
            short descent = (short) Math.floor(cap[1] * em);
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b);
            int tables = buf.getShort(4) & 0xffff;
            for (int i = 0; i < tables; i++) {
                int rec = 12 + 16 * i;
                String tag = new String(b, rec, 4, java.nio.charset.StandardCharsets.US_ASCII);
                int offset = buf.getInt(rec + 8);
                if (tag.equals("hhea")) {
                    minShort(buf, offset + 4, ascent);
                    maxShort(buf, offset + 6, (short) -descent);
                    buf.putShort(offset + 8, (short) 0);
                } else if (tag.equals("OS/2") && buf.getInt(rec + 12) >= 78) {
                    minShort(buf, offset + 68, ascent);
                    maxShort(buf, offset + 70, (short) -descent);
                    buf.putShort(offset + 72, (short) 0);
                    if ((buf.getShort(offset + 74) & 0xffff) > ascent) {
                        buf.putShort(offset + 74, ascent);
                    }
                    if ((buf.getShort(offset + 76) & 0xffff) > descent) {
                        buf.putShort(offset + 76, descent);
                    }
                }
            }
            return b;
        } catch (IOException | RuntimeException e) {
            return font;
        }
    }

    private static void minShort(java.nio.ByteBuffer buf, int at, short value) {
        if (buf.getShort(at) > value) {
            buf.putShort(at, value);
        }
    }

    private static void maxShort(java.nio.ByteBuffer buf, int at, short value) {
        if (buf.getShort(at) < value) {
            buf.putShort(at, value);
        }
    }

    private static EmbeddedFont subset(Loaded l, int[] codePoints) {
        boolean hasAstral = false;
        for (int cp : codePoints) {
            if (cp > 0xFFFF && l.cmap().getGlyphId(cp) != 0) {
                hasAstral = true;
                break;
            }
        }
        try {
            if (hasAstral) {
                synchronized (l.font()) {
                    try (InputStream in = l.font().getOriginalData()) {
                        byte[] whole = in.readAllBytes();
                        if (l.header() != null) {
                            // The file as it is, with every table listed again.
                            System.arraycopy(l.header(), 0, whole, 0, l.header().length);
                        }
                        return new EmbeddedFont(l.face(), whole);
                    }
                }
            }
            TTFSubsetter s = new TTFSubsetter(l.font(), SUBSET_TABLES);
            for (int cp : codePoints) {
                if (cp <= 0xFFFF && l.cmap().getGlyphId(cp) != 0) {
                    s.add(cp);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            synchronized (l.font()) {
                s.writeToStream(out);
            }
            return new EmbeddedFont(l.face(), out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot subset the font " + l.face().fileName(), e);
        }
    }

    /** A supplier of the bytes of an embedded font that does not copy them. */
    public static Supplier<InputStream> stream(EmbeddedFont font) {
        return () -> new ByteArrayInputStream(font.bytes());
    }
}
