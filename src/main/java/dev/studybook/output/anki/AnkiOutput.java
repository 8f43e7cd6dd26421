package dev.studybook.output.anki;

import dev.studybook.error.Diagnostics;
import dev.studybook.fonts.EmbeddedFont;
import dev.studybook.io.Json;
import dev.studybook.model.Asset;
import dev.studybook.model.Book;
import dev.studybook.model.Chapter;
import dev.studybook.model.ChapterBody;
import dev.studybook.model.Question;
import dev.studybook.output.Labels;
import dev.studybook.output.Output;
import dev.studybook.output.OutputContext;
import dev.studybook.output.OutputFile;
import dev.studybook.output.PageMap;
import dev.studybook.output.Styles;
import dev.studybook.output.UniqueNames;
import dev.studybook.raster.SvgRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The Anki deck, {@code <name>.apkg}: every question the conversion found, one sub-deck per chapter. A question and a
 * labelled review bullet are front/back notes, a review bullet with marked terms a cloze note; each card names its
 * book, chapter, section and (when the PDF is built in the same run) page. The answer keeps the book's code
 * highlighting; pictures travel as media (SVG drawn as PNG, which every Anki shows); no fonts travel, so Chinese is
 * set in the device's own faces. Notes are known by a GUID made of the book's identifier, the chapter's file and the
 * question's text, so that importing an updated deck updates its notes instead of adding new ones.
 */
public final class AnkiOutput implements Output {

    static final LocalDateTime ZIP_EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0, 2);
    /** Separates the fields of a note in Anki's database. */
    static final String FIELD_SEPARATOR = "\u001f";

    @Override
    public String name() {
        return "anki";
    }

    @Override
    public String description() {
        return "an Anki deck (.apkg) of the book's questions";
    }

    @Override
    public List<dev.studybook.config.OptionSpec> options() {
        return List.of(dev.studybook.config.OptionSpec.webAddress("link", "where each card's chapter title links to,"
                + " e.g. https://github.com/me/book/blob/main/{file}#{anchor} ({file}: the chapter's file, {anchor}: its"
                + " section's heading, {page}: the PDF's page)"));
    }

    @Override
    public void prepare(Book book, List<EmbeddedFont> fonts) {
        SvgRaster.prepare(svgs(book, used(book)), fonts);
    }

    @Override
    public List<OutputFile> files(OutputContext ctx) {
        if (ctx.book().chapters().stream().allMatch(c -> c.questions().isEmpty())) {
            ctx.diagnostics().warn(null, Diagnostics.Kind.STRUCTURE, "no chapter has questions, so there is no Anki deck:"
                    + " studybook takes them from sections headed 面试追问, 追问, 练习, Questions or Exercises (bold"
                    + " paragraphs, sub-headings, list items ending in '?') and from '## 速记' bullets; name your own"
                    + " sections in book.yaml ('questions: {sections: [...]}')");
            return List.of();
        }
        return List.of(new OutputFile(ctx.baseName() + ".apkg", OutputFile.Pages.MARKS, (out, pages) -> {
            out.write(apkg(ctx, pages.orElse(null)));
            return Optional.empty();
        }));
    }

    /** The hrefs of the pictures the questions show, in order of first use. */
    private static List<Asset> used(Book book) {
        List<Asset> out = new ArrayList<>();
        for (Chapter c : book.chapters()) {
            for (Question q : c.questions()) {
                String html = q.prompt() + "\n" + q.answer();
                for (Asset a : book.assets()) {
                    if (!out.contains(a) && html.contains("src=\"" + a.href() + "\"")) {
                        out.add(a);
                    }
                }
            }
        }
        return out;
    }

    private static List<byte[]> svgs(Book book, List<Asset> used) {
        return used.stream().filter(AnkiOutput::svg).map(Asset::data).toList();
    }

    private static boolean svg(Asset a) {
        return a.mediaType().equals("image/svg+xml");
    }

    /** The deck as a .apkg: a ZIP of the collection, the media list and the media files. */
    static byte[] apkg(OutputContext ctx, PageMap pages) throws IOException {
        Book book = ctx.book();
        String identifier = book.metadata().identifier();
        Labels labels = ctx.labels();
        long seconds = ctx.timestamp().getEpochSecond();
        long millis = seconds * 1000;

        // Media: each picture once, under a name that no other book's deck takes (Anki keeps one flat folder).
        List<Asset> used = used(book);
        List<byte[]> pngs = SvgRaster.pngs(svgs(book, used), ctx.fonts());
        Map<String, String> mediaName = new LinkedHashMap<>();
        List<byte[]> mediaData = new ArrayList<>();
        int svgIndex = 0;
        // Anki's names keep only ASCII: images/甲.png and images/乙.png would both be book-images-.png.
        UniqueNames media = new UniqueNames();
        for (Asset a : used) {
            String stem = (ctx.baseName() + "-" + a.href()).replaceAll("[^A-Za-z0-9._-]+", "-");
            if (svg(a)) {
                mediaName.put(a.href(), media.claim(stem.replaceFirst("\\.svg$", "") + ".png"));
                mediaData.add(pngs.get(svgIndex++));
            } else {
                mediaName.put(a.href(), media.claim(stem));
                mediaData.add(a.data());
            }
        }

        long qaModel = stableId(identifier + "\nnotetype:qa");
        long clozeModel = stableId(identifier + "\nnotetype:cloze");
        String rootName = deckName(book.metadata().title());
        long rootDeck = stableId(identifier + "\ndeck");
        Map<String, Object> decks = new LinkedHashMap<>();
        decks.put("1", deck(1, "Default", "", seconds));
        decks.put(Long.toString(rootDeck), deck(rootDeck, rootName, book.metadata().description(), seconds));

        // Note ids look like creation times (Anki shows them so): the book's time, moved by the book's identifier
        // so that two books of the same date rarely meet.
        long base = millis + Math.floorMod(hash(identifier), 86_400_000L);
        List<AnkiCollection.Note> notes = new ArrayList<>();
        List<AnkiCollection.Card> cards = new ArrayList<>();
        Path common = commonFolder(book);
        String bookTag = tag(ctx.baseName());
        List<Chapter> chapters = book.chapters();
        int width = Math.max(2, String.valueOf(chapters.size()).length());
        Map<String, Integer> guidsSeen = new HashMap<>();
        for (int ci = 0; ci < chapters.size(); ci++) {
            Chapter c = chapters.get(ci);
            if (c.questions().isEmpty()) {
                continue;
            }
            String number = String.format(Locale.ROOT, "%0" + width + "d", ci + 1);
            String file = common.relativize(c.source().toAbsolutePath().normalize()).toString().replace('\\', '/');
            long deckId = stableId(identifier + "\ndeck\n" + file);
            decks.put(Long.toString(deckId), deck(deckId, rootName + "::" + number + " " + deckName(c.title()), "", seconds));
            String chapterTag = bookTag + "::" + number + "-" + tag(stem(file));
            for (Question q : c.questions()) {
                boolean cloze = q.kind() == Question.Kind.CLOZE;
                String key = identifier + "\n" + file + "\n" + (cloze ? "cloze" : "qa") + "\n" + q.text();
                int seen = guidsSeen.merge(key, 1, Integer::sum);
                String guid = guid(seen == 1 ? key : key + "\n" + seen);
                String source = source(book, c, number, q, pages, labels, link(ctx, file, q, c, pages));
                String front = media(cloze ? clozeText(q.prompt()) : html(q.prompt()), mediaName);
                String back = media(html(q.answer()), mediaName);
                List<String> tags = new ArrayList<>(List.of(chapterTag));
                if (!q.path().isEmpty()) {
                    tags.add(tag(q.path().get(0)));
                }
                long noteId = base + notes.size();
                notes.add(new AnkiCollection.Note(noteId, guid, cloze ? clozeModel : qaModel, seconds,
                        " " + String.join(" ", tags) + " ", String.join(FIELD_SEPARATOR, front, back, source),
                        q.text(), checksum(q.text())));
                int cardsOfNote = cloze ? q.blanks() : 1;
                for (int ord = 0; ord < cardsOfNote; ord++) {
                    cards.add(new AnkiCollection.Card(base + cards.size(), noteId, deckId, ord, seconds, notes.size()));
                }
            }
        }
        Map<String, Object> models = new LinkedHashMap<>();
        String css = Styles.bundled("anki.css");
        models.put(Long.toString(qaModel), model(qaModel, "studybook · " + ctx.baseName(), 0, List.of("Front", "Back", "Source"),
                "<div class=\"sb-source\">{{Source}}</div>\n<div class=\"sb-question\">{{Front}}</div>",
                "{{FrontSide}}\n<hr id=answer>\n<div class=\"sb-answer\">{{Back}}</div>", css, rootDeck, seconds));
        models.put(Long.toString(clozeModel), model(clozeModel, "studybook cloze · " + ctx.baseName(), 1,
                List.of("Text", "Back Extra", "Source"),
                "<div class=\"sb-source\">{{Source}}</div>\n<div class=\"sb-cloze\">{{cloze:Text}}</div>",
                "<div class=\"sb-source\">{{Source}}</div>\n<div class=\"sb-cloze\">{{cloze:Text}}</div>\n"
                        + "{{#Back Extra}}<div class=\"sb-answer\">{{Back Extra}}</div>{{/Back Extra}}", css, rootDeck, seconds));
        AnkiCollection.Col col = new AnkiCollection.Col(seconds, millis, Json.write(conf(rootDeck, qaModel)),
                Json.write(models), Json.write(decks), Json.write(Map.of("1", deckOptions())));
        byte[] collection = AnkiCollection.write(col, notes, cards);

        Map<String, Object> mediaJson = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(mediaName.values());
        for (int i = 0; i < names.size(); i++) {
            mediaJson.put(Integer.toString(i), names.get(i));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LocalDateTime time = LocalDateTime.ofInstant(ctx.timestamp(), ZoneOffset.UTC);
        if (time.isBefore(ZIP_EPOCH)) {
            time = ZIP_EPOCH;
        }
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            entry(zip, time, "collection.anki2", collection);
            entry(zip, time, "media", Json.write(mediaJson).getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < mediaData.size(); i++) {
                entry(zip, time, Integer.toString(i), mediaData.get(i));
            }
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, LocalDateTime time, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(time);
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    /**
     * Where a card's chapter title links to: the {@code link} option with its placeholders filled in, percent-encoded
     * where a web address needs it; empty when the option is not set.
     */
    static String link(OutputContext ctx, String file, Question q, Chapter c, PageMap pages) {
        String pattern = ctx.options().text("link");
        if (pattern.isEmpty()) {
            return "";
        }
        OptionalInt page = pages == null ? OptionalInt.empty() : pages.page(c.id(), q.block());
        return pattern.replace("{file}", encode(file, "/")).replace("{anchor}", encode(q.anchor(), ""))
                .replace("{page}", page.isPresent() ? Integer.toString(page.getAsInt()) : "");
    }

    /** Percent-encodes what a web address cannot hold as it is, keeping {@code keep}. */
    private static String encode(String s, String keep) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char ch = (char) (b & 0xff);
            if (ch < 0x80 && (Character.isLetterOrDigit(ch) || "-._~".indexOf(ch) >= 0 || keep.indexOf(ch) >= 0)) {
                sb.append(ch);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    /**
     * A card's first line: book, chapter, section and page, e.g. "Go 面试 › 01 Map › 面试追问 · 第 37 页"; the chapter's
     * title links to {@code link} unless it is empty.
     */
    static String source(Book book, Chapter c, String number, Question q, PageMap pages, Labels labels, String link) {
        StringBuilder sb = new StringBuilder();
        String chapter = number + " " + text(c.title());
        sb.append("<span class=\"sb-book\">").append(text(book.metadata().title())).append("</span> › ")
                .append("<span class=\"sb-chapter\">")
                .append(link.isEmpty() ? chapter : "<a href=\"" + text(link) + "\">" + chapter + "</a>").append("</span>");
        for (String h : q.path()) {
            sb.append(" › ").append(text(h));
        }
        OptionalInt page = pages == null ? OptionalInt.empty() : pages.page(c.id(), q.block());
        if (page.isPresent()) {
            sb.append(" · <span class=\"sb-page\">").append(text(labels.page(page.getAsInt()))).append("</span>");
        }
        return sb.toString();
    }

    /** A prompt or answer as HTML for a card; blanks show their terms. */
    static String html(ChapterBody body) {
        return body.xhtml(l -> "#").strip();
    }

    /**
     * A cloze's text in Anki's syntax, {@code {{c1::term}}}; braces and colons inside a term are written as character
     * references, which Anki shows as themselves but does not take for the end of the blank or a hint.
     */
    static String clozeText(ChapterBody body) {
        String marked = body.xhtml(new ChapterBody.Writer() {
            @Override
            public String link(ChapterBody.ChapterLink link) {
                return "#";
            }

            @Override
            public String blank(ChapterBody.Blank blank) {
                return blank.end() ? "\uE002" : "\uE000" + blank.number() + "\uE001";
            }
        }).strip();
        StringBuilder sb = new StringBuilder(marked.length() + 32);
        boolean inside = false;
        for (int i = 0; i < marked.length(); i++) {
            char ch = marked.charAt(i);
            switch (ch) {
                case '\uE000' -> {
                    sb.append("{{c");
                    inside = true;
                }
                case '\uE001' -> sb.append("::");
                case '\uE002' -> {
                    sb.append("}}");
                    inside = false;
                }
                case '{' -> sb.append(inside ? "&#123;" : "{");
                case '}' -> sb.append(inside ? "&#125;" : "}");
                case ':' -> sb.append(inside ? "&#58;" : ":");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** The pictures' sources pointed at their media names. */
    private static String media(String html, Map<String, String> names) {
        String out = html;
        for (Map.Entry<String, String> e : names.entrySet()) {
            out = out.replace("src=\"" + e.getKey() + "\"", "src=\"" + e.getValue() + "\"");
        }
        return out;
    }

    private static Map<String, Object> deck(long id, String name, String description, long seconds) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", id);
        d.put("mod", seconds);
        d.put("name", name);
        d.put("usn", -1);
        d.put("lrnToday", List.of(0, 0));
        d.put("revToday", List.of(0, 0));
        d.put("newToday", List.of(0, 0));
        d.put("timeToday", List.of(0, 0));
        d.put("collapsed", false);
        d.put("browserCollapsed", false);
        d.put("desc", description);
        d.put("dyn", 0);
        d.put("conf", 1);
        d.put("extendNew", 0);
        d.put("extendRev", 0);
        return d;
    }

    private static Map<String, Object> model(long id, String name, int type, List<String> fields, String front, String back,
            String css, long deck, long seconds) {
        List<Object> flds = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", fields.get(i));
            f.put("ord", i);
            f.put("sticky", false);
            f.put("rtl", false);
            f.put("font", "Arial");
            f.put("size", 20);
            f.put("media", List.of());
            flds.add(f);
        }
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", type == 1 ? "Cloze" : "Card 1");
        t.put("ord", 0);
        t.put("qfmt", front);
        t.put("afmt", back);
        t.put("bqfmt", "");
        t.put("bafmt", "");
        t.put("did", null);
        t.put("bfont", "");
        t.put("bsize", 0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        m.put("type", type);
        m.put("mod", seconds);
        m.put("usn", -1);
        m.put("sortf", 0);
        m.put("did", deck);
        m.put("tmpls", List.of(t));
        m.put("flds", flds);
        m.put("css", css);
        m.put("latexPre", "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n"
                + "\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n");
        m.put("latexPost", "\\end{document}");
        m.put("latexsvg", false);
        m.put("req", List.of(List.of(0, "any", List.of(0))));
        m.put("tags", List.of());
        m.put("vers", List.of());
        return m;
    }

    private static Map<String, Object> conf(long deck, long model) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("activeDecks", List.of(deck));
        c.put("curDeck", deck);
        c.put("curModel", Long.toString(model));
        c.put("newSpread", 0);
        c.put("collapseTime", 1200);
        c.put("timeLim", 0);
        c.put("estTimes", true);
        c.put("dueCounts", true);
        c.put("nextPos", 1);
        c.put("sortType", "noteFld");
        c.put("sortBackwards", false);
        c.put("addToCur", true);
        return c;
    }

    private static Map<String, Object> deckOptions() {
        Map<String, Object> fresh = new LinkedHashMap<>();
        fresh.put("delays", List.of(1, 10));
        fresh.put("ints", List.of(1, 4, 7));
        fresh.put("initialFactor", 2500);
        fresh.put("order", 1);
        fresh.put("perDay", 20);
        fresh.put("bury", false);
        Map<String, Object> lapse = new LinkedHashMap<>();
        lapse.put("delays", List.of(10));
        lapse.put("mult", 0);
        lapse.put("minInt", 1);
        lapse.put("leechFails", 8);
        lapse.put("leechAction", 1);
        Map<String, Object> rev = new LinkedHashMap<>();
        rev.put("perDay", 200);
        rev.put("ease4", 1.3);
        rev.put("ivlFct", 1);
        rev.put("maxIvl", 36500);
        rev.put("bury", false);
        rev.put("hardFactor", 1.2);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", 1);
        d.put("mod", 0);
        d.put("name", "Default");
        d.put("usn", 0);
        d.put("maxTaken", 60);
        d.put("autoplay", true);
        d.put("timer", 0);
        d.put("replayq", true);
        d.put("dyn", false);
        d.put("new", fresh);
        d.put("lapse", lapse);
        d.put("rev", rev);
        return d;
    }

    /** The folder holding every chapter, so that a chapter is named by its path inside the book. */
    private static Path commonFolder(Book book) {
        Path common = null;
        for (Chapter c : book.chapters()) {
            Path dir = c.source().toAbsolutePath().normalize().getParent();
            if (common == null) {
                common = dir;
            }
            while (common != null && !dir.startsWith(common)) {
                common = common.getParent();
            }
        }
        return common == null ? Path.of("").toAbsolutePath() : common;
    }

    private static String stem(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.replaceFirst("\\.[^.]+$", "").replaceFirst("^\\d+[-_. ]*", "");
    }

    /** An Anki tag: no spaces; a tag of nothing but punctuation is called "chapter". */
    private static String tag(String s) {
        String t = s.strip().replaceAll("[\\s\"]+", "_").replace("::", "_");
        return t.replaceAll("[_-]", "").isEmpty() ? "chapter" : t;
    }

    /** A deck's name part: "::" would nest decks. */
    private static String deckName(String s) {
        return s.strip().replace("::", ":");
    }

    private static String text(String s) {
        return dev.studybook.output.Xml.text(s);
    }

    /** An id in the range Anki's web views handle (below 2^53), from a text. */
    static long stableId(String s) {
        return (1L << 40) + Math.floorMod(hash(s), 1L << 42);
    }

    private static long hash(String s) {
        byte[] d = sha256(s);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (d[i] & 0xff);
        }
        return v;
    }

    /** Anki's GUID form: the first 64 bits of a digest in its base-91 alphabet (as genanki and Anki write them). */
    static String guid(String key) {
        String table = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~";
        java.math.BigInteger v = new java.math.BigInteger(1, java.util.Arrays.copyOf(sha256(key), 8));
        java.math.BigInteger radix = java.math.BigInteger.valueOf(table.length());
        StringBuilder sb = new StringBuilder();
        while (v.signum() > 0) {
            java.math.BigInteger[] qr = v.divideAndRemainder(radix);
            sb.append(table.charAt(qr[1].intValue()));
            v = qr[0];
        }
        return sb.reverse().toString();
    }

    /** Anki's checksum of a note's first field: the first 32 bits of its SHA-1, as a number. */
    static long checksum(String firstField) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(firstField.getBytes(StandardCharsets.UTF_8));
            return ((d[0] & 0xffL) << 24) | ((d[1] & 0xffL) << 16) | ((d[2] & 0xffL) << 8) | (d[3] & 0xffL);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
