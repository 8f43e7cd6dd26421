package dev.studybook.output.epub;

import dev.studybook.fonts.EmbeddedFont;
import dev.studybook.model.Asset;
import dev.studybook.model.Book;
import dev.studybook.model.Chapter;
import dev.studybook.model.Heading;
import dev.studybook.model.Metadata;
import dev.studybook.model.Part;
import dev.studybook.raster.Narrowing;
import dev.studybook.raster.SvgRaster;
import dev.studybook.output.Contents;
import dev.studybook.output.Labels;
import dev.studybook.output.PageMap;
import dev.studybook.config.OptionSpec;
import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import dev.studybook.output.Output;
import dev.studybook.output.OutputContext;
import dev.studybook.output.OutputFile;
import dev.studybook.output.UniqueNames;
import java.io.FilterOutputStream;
import java.util.Locale;
import io.documentnode.epub4j.domain.Author;
import io.documentnode.epub4j.domain.Identifier;
import io.documentnode.epub4j.domain.MediaType;
import io.documentnode.epub4j.domain.MediaTypes;
import io.documentnode.epub4j.domain.Resource;
import io.documentnode.epub4j.domain.TOCReference;
import io.documentnode.epub4j.epub.NCXDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an EPUB 3.3: epub4j holds the model (metadata, resources, table of contents) and writes the EPUB 2 NCX
 * for older readers; the EPUB 3 package document and navigation document are written here on top of it, with a
 * cover, landmarks, accessibility metadata and, when the PDF was laid out first, a page-list of its pages. The
 * container is zipped with fixed timestamps so that the same book gives the same bytes.
 */
public final class EpubOutput implements Output {

    static final MediaType FONT_TTF = new MediaType("font/ttf", ".ttf");
    static final String OEBPS = "OEBPS/";
    static final LocalDateTime ZIP_EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0, 2);

    @Override
    public String name() {
        return "epub";
    }

    @Override
    public String description() {
        return "EPUB 3 for e-readers";
    }

    @Override
    public boolean byDefault() {
        return true;
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.bool("embed-fonts", true, "embed the book's fonts, subset to its characters")
                .flat("embed-fonts"));
    }

    /** Send to Kindle refuses larger files. */
    static final long KINDLE_LIMIT_BYTES = 50L * 1024 * 1024;

    @Override
    public List<OutputFile> files(OutputContext ctx) {
        String name = ctx.baseName() + ".epub";
        return List.of(new OutputFile(name, OutputFile.Pages.MARKS, (out, pages) -> {
            CountingStream counted = new CountingStream(out);
            write(ctx, pages.orElse(null), counted);
            if (counted.count > KINDLE_LIMIT_BYTES) {
                ctx.diagnostics().warn(SourceLocation.of(ctx.outDir().resolve(name)), Diagnostics.Kind.OUTPUT, String.format(
                        Locale.ROOT, "the EPUB is %.0f MB; Send to Kindle takes at most 50 MB: make images smaller",
                        counted.count / 1048576.0));
            }
            return Optional.empty();
        }));
    }

    /** Counts the bytes written through it. */
    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** The PNG fallbacks of the book's SVG pictures are drawn while the rest of the build goes on. */
    @Override
    public void prepare(Book book, List<EmbeddedFont> fonts) {
        SvgRaster.prepare(svgs(book), fonts);
    }

    private static List<byte[]> svgs(Book book) {
        return book.assets().stream().filter(a -> a.mediaType().equals("image/svg+xml")).map(Asset::data).toList();
    }

    private static void write(OutputContext ctx, PageMap pages, OutputStream out) throws IOException {
        Book book = ctx.book();
        Metadata meta = book.metadata();
        Labels labels = ctx.labels();
        int depth = ctx.tocDepth();
        io.documentnode.epub4j.domain.Book eb = new io.documentnode.epub4j.domain.Book();
        eb.getMetadata().addTitle(meta.title());
        meta.authors().forEach(a -> eb.getMetadata().addAuthor(new Author(a)));
        eb.getMetadata().addIdentifier(new Identifier(Identifier.Scheme.UUID, meta.identifier()));
        eb.getMetadata().setLanguage(meta.language());

        List<Item> items = new ArrayList<>();
        List<Item> spine = new ArrayList<>();
        boolean embed = ctx.options().bool("embed-fonts");
        Pages pagesOut = new Pages(embed, ctx.styles().extra().size());
        // The chapters' files first, on every core (the calling thread and the common pool), while the cover may
        // still be being drawn. Inline code is cut by the words of the whole book (CodeWraps.vocabulary), so the
        // bodies are all made before any is cut.
        List<String> bodies = book.chapters().parallelStream().map(c -> CodeGlue.wrap(CodeWraps.mark(
                c.body().xhtml(new PageMarks(pages == null ? List.of() : pages.of(c.id())))))).toList();
        java.util.Set<String> words = CodeWraps.vocabulary(bodies);
        List<byte[]> chapters = java.util.stream.IntStream.range(0, bodies.size()).parallel()
                .mapToObj(i -> pagesOut.chapter(book.chapters().get(i), meta,
                        CodeWraps.prose(CodeWraps.inline(bodies.get(i), words))).getBytes(StandardCharsets.UTF_8))
                .toList();
        // Wide pictures narrowed on every core, as the chapters above.
        List<byte[]> pictures = book.assets().parallelStream().map(EpubOutput::picture).toList();
        Asset cover = ctx.cover();
        // The cover stays as drawn or given: stores and readers show it large (Kindle asks for 1600 × 2560).
        Item coverImage = add(eb, items, "cover-image", cover.href(), new MediaType(cover.mediaType(), ""), cover.data(),
                "cover-image");
        spine.add(add(eb, items, "cover", "cover.xhtml", MediaTypes.XHTML, pagesOut.cover(meta, labels, coverImage.href()), ""));
        spine.add(add(eb, items, "titlepage", "titlepage.xhtml", MediaTypes.XHTML, pagesOut.titlePage(meta, labels), ""));
        spine.add(add(eb, items, "nav", "nav.xhtml", MediaTypes.XHTML, pagesOut.nav(book, labels, depth, pages), "nav"));
        for (int i = 0; i < chapters.size(); i++) {
            Chapter c = book.chapters().get(i);
            spine.add(add(eb, items, c.id(), c.fileName(), MediaTypes.XHTML, chapters.get(i), ""));
        }
        if (embed) {
            add(eb, items, "css-fonts", "styles/fonts.css", MediaTypes.CSS, fontFaces(ctx.fonts()), "");
        }
        add(eb, items, "css-book", "styles/book.css", MediaTypes.CSS, ctx.styles().shared(), "");
        add(eb, items, "css-epub", "styles/epub.css", MediaTypes.CSS, ctx.styles().epub(), "");
        for (int i = 0; i < ctx.styles().extra().size(); i++) {
            add(eb, items, "css-extra-" + (i + 1), Pages.extraCss(i + 1), MediaTypes.CSS, ctx.styles().extra().get(i), "");
        }
        int n = 0;
        if (embed) {
            for (EmbeddedFont f : ctx.fonts()) {
                if (f.face().inEpub()) {
                    add(eb, items, "font-" + (++n), "fonts/" + f.face().fileName(), FONT_TTF, f.data(), "");
                }
            }
        }
        n = 0;
        // Readers that cannot show SVG (some Kindle conversions) fall back to a PNG of it.
        List<byte[]> pngs = SvgRaster.pngs(svgs(book), ctx.fonts());
        int svgIndex = 0;
        SvgFonts svgFonts = embed && !pngs.isEmpty() ? new SvgFonts(ctx.fonts()) : null;
        UniqueNames names = new UniqueNames();
        book.assets().forEach(a -> names.reserve(a.href()));
        for (Asset a : book.assets()) {
            n++;
            if (a.href().equals(coverImage.href())) {
                // The picture book.yaml (or a GitBook's cover.jpg) makes the cover is in the book already, as its
                // cover-image: a second entry of the same name made every EPUB with a cover of its own fail to write.
                svgIndex += a.mediaType().equals("image/svg+xml") ? 1 : 0;
                continue;
            }
            if (a.mediaType().equals("image/svg+xml")) {
                // images/tall.svg beside images/tall.png: the fallback is images/tall-2.png.
                Item png = add(eb, items, "img-" + n + "-png", names.claim(a.href().replaceFirst("\\.svg$", "") + ".png"),
                        MediaTypes.PNG, pngs.get(svgIndex++), "");
                byte[] svg = svgFonts == null ? a.data() : svgFonts.embed(a.data());
                items.add(new Item("img-" + n, a.href(), a.mediaType(), svg, "", png.id()));
            } else {
                add(eb, items, "img-" + n, a.href(), new MediaType(a.mediaType(), ""), pictures.get(n - 1), "");
            }
        }

        tableOfContents(eb, book, depth);
        Resource ncxResource = NCXDocument.createNCXResource(eb);
        byte[] ncx = Ncx.fix(ncxResource.getData(), meta);
        items.add(3, new Item("ncx", "toc.ncx", "application/x-dtbncx+xml", ncx, ""));

        String opf = PackageDocument.write(meta, ctx.timestamp(), items, spine, Accessibility.of(book, pages != null, labels));
        zip(out, ctx, opf, items);
    }

    /**
     * The widest a PNG or JPEG goes into the EPUB, in pixels: as wide as the screens of e-readers (Kindle Paperwhite
     * 1236, Kobo Libra 1264) and phones, which scale pictures down to them anyway. datawhalechina/easy-rl's EPUB held
     * its pictures of up to 6717 pixels as they were: 146 MB, three times what Send to Kindle takes by e-mail (50 MB);
     * 1600 pixels still left 53 MB (160 PNG screenshots and photos), 1280 leaves less than 50 MB.
     */
    static final int MAX_PICTURE_WIDTH = 1280;

    /** The bytes of a picture as the EPUB holds it: a wider PNG or JPEG narrowed, in its own format; others as they are. */
    private static byte[] picture(Asset a) {
        return switch (a.mediaType()) {
            case "image/png" -> Narrowing.png(a.data(), MAX_PICTURE_WIDTH);
            case "image/jpeg" -> Narrowing.jpeg(a.data(), MAX_PICTURE_WIDTH);
            default -> a.data();
        };
    }

    /** One file of the EPUB, in manifest order; {@code fallback} names the item a reader uses when it cannot show this one. */
    record Item(String id, String href, String mediaType, byte[] data, String properties, String fallback) {
        Item(String id, String href, String mediaType, byte[] data, String properties) {
            this(id, href, mediaType, data, properties, "");
        }
    }

    private static Item add(io.documentnode.epub4j.domain.Book eb, List<Item> items, String id, String href,
            MediaType type, String text, String properties) {
        return add(eb, items, id, href, type, text.getBytes(StandardCharsets.UTF_8), properties);
    }

    private static Item add(io.documentnode.epub4j.domain.Book eb, List<Item> items, String id, String href,
            MediaType type, byte[] data, String properties) {
        // epub4j's book only makes the NCX, which names the pages: the other files are left out of it, as each one
        // added was checked against every one before (datawhalechina/pumpkin-book, 10,000 formula pictures: 70% of
        // the EPUB's writing time). The package document and the archive are written from the items.
        if (type.equals(MediaTypes.XHTML)) {
            eb.addResource(new Resource(id, data, href, type));
        }
        Item item = new Item(id, href, type.getName(), data, properties);
        items.add(item);
        return item;
    }

    /** The NCX's table of contents: the same entries as the navigation document, parts leading to their first chapter. */
    private static void tableOfContents(io.documentnode.epub4j.domain.Book eb, Book book, int depth) {
        Contents.of(book, depth).forEach(e -> tableOfContents(eb, null, e));
    }

    private static void tableOfContents(io.documentnode.epub4j.domain.Book eb, TOCReference parent, Contents e) {
        Resource r = eb.getResources().getByHref(Chapter.fileName(e.target().chapter()));
        String fragment = e.target().fragment();
        TOCReference ref = parent == null
                ? (fragment.isEmpty() ? eb.addSection(e.label(), r) : eb.addSection(e.label(), r, fragment))
                : (fragment.isEmpty() ? eb.addSection(parent, e.label(), r) : eb.addSection(parent, e.label(), r, fragment));
        e.children().forEach(c -> tableOfContents(eb, ref, c));
    }

    private static String fontFaces(List<EmbeddedFont> fonts) {
        StringBuilder css = new StringBuilder("/* The book's fonts, subset to its characters. */\n");
        for (EmbeddedFont f : fonts) {
            if (!f.face().inEpub()) {
                continue;
            }
            css.append("@font-face {\n  font-family: \"").append(f.face().family()).append("\";\n  font-weight: ")
                    .append(f.face().weight()).append(";\n  font-style: ").append(f.face().italic() ? "italic" : "normal")
                    .append(";\n  src: url(../fonts/").append(f.face().fileName()).append(");\n}\n");
        }
        return css.toString();
    }

    private static void zip(OutputStream out, OutputContext ctx, String opf, List<Item> items) throws IOException {
        // ZIP stores local times from 1980 on, in 2-second steps; Java writes 1980-01-01T00:00:00 (its marker for
        // "earlier") with an extra timestamp field in the machine's time zone, which EPUB forbids for mimetype.
        LocalDateTime time = LocalDateTime.ofInstant(ctx.timestamp(), ZoneOffset.UTC);
        if (time.isBefore(ZIP_EPOCH)) {
            time = ZIP_EPOCH;
        }
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.setLevel(Deflater.BEST_COMPRESSION);
        byte[] mimetype = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);
        ZipEntry m = new ZipEntry("mimetype");
        m.setMethod(ZipEntry.STORED);
        m.setSize(mimetype.length);
        m.setCompressedSize(mimetype.length);
        CRC32 crc = new CRC32();
        crc.update(mimetype);
        m.setCrc(crc.getValue());
        m.setTimeLocal(time);
        zip.putNextEntry(m);
        zip.write(mimetype);
        zip.closeEntry();
        entry(zip, time, "META-INF/container.xml", Pages.container().getBytes(StandardCharsets.UTF_8));
        // Apple Books uses a book's own fonts only when told so.
        entry(zip, time, "META-INF/com.apple.ibooks.display-options.xml", Pages.appleDisplayOptions().getBytes(StandardCharsets.UTF_8));
        entry(zip, time, OEBPS + "content.opf", opf.getBytes(StandardCharsets.UTF_8));
        for (Item item : items) {
            entry(zip, time, OEBPS + item.href(), item.data());
        }
        zip.finish();
        zip.flush();
    }

    private static void entry(ZipOutputStream zip, LocalDateTime time, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(time);
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }
}
