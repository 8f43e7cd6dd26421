package dev.studybook.raster;

import dev.studybook.error.Tasks;
import dev.studybook.fonts.EmbeddedFont;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.batik.bridge.FontFamilyResolver;
import org.apache.batik.bridge.UserAgent;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;

/**
 * Draws an SVG picture as PNG with Batik, in the book's fonts, for readers that need a raster fallback (some
 * Kindle conversions). The picture is drawn at its own size, on white, in 16 grays: the book's figures are black
 * and white, and a 4-bit gray PNG is a small fraction of a colour one; the SVG stays the picture most readers show.
 */
public final class SvgRaster {

    static {
        // In memory, not through a temporary file per picture: a book of 2,000 formulas writes 2,000 fallback
        // PNGs, and the file cache made each write about four times slower.
        ImageIO.setUseCache(false);
    }

    /**
     * PNGs drawn or being drawn in this process, by the fonts' key and the picture's SHA-256 (studybook watch
     * rebuilds in one process and draws a picture again only when it or the fonts changed); a few hundred at most.
     */
    private static final Map<String, CompletableFuture<byte[]>> DRAWN = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<byte[]>> eldest) {
                    return size() > 256;
                }
            });

    /**
     * PNGs drawn by whoever made the SVG, by SHA-256 of the SVG: pictures without text (formulas, drawn as outlines)
     * look the same in any font, and their maker draws them far faster than Batik would.
     */
    private static final Map<String, byte[]> PROVIDED = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                    return size() > 50_000;
                }
            });

    /** One thread draws, in the background: Batik cannot draw two pictures at once (see {@link BatikLock}). */
    private static final ExecutorService DRAWER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "studybook-svg-png");
        t.setDaemon(true);
        return t;
    });

    /** The fonts of the last pictures drawn, read by Java2D once for all of them; used by the drawing thread only. */
    private static String resolverKey;
    private static BookFontResolver resolver;

    private SvgRaster() {
    }

    private static String digest(List<byte[]> parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                md.update(p);
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts drawing PNGs of these pictures in the background, so that a later {@link #pngs} with the same
     * pictures and fonts finds them drawn or under way.
     */
    public static void prepare(List<byte[]> svgs, List<EmbeddedFont> fonts) {
        drawings(svgs, fonts);
    }

    /** PNGs of several SVG pictures, in the same order. */
    public static List<byte[]> pngs(List<byte[]> svgs, List<EmbeddedFont> fonts) {
        // The drawing thread's own exception (or OutOfMemoryError, which the command line explains).
        return drawings(svgs, fonts).stream().map(Tasks::join).toList();
    }

    /**
     * Remembers the PNG fallback of an SVG picture that has no text, drawn by its maker: {@link #pngs} then uses it
     * instead of drawing the SVG.
     */
    public static void provide(byte[] svg, byte[] png) {
        PROVIDED.put(digest(List.of(svg)), png.clone());
    }

    /** An image as a 4-bit gray PNG on white, as the fallbacks are written. */
    public static byte[] grayPng(BufferedImage image) {
        byte[] levels = new byte[16];
        for (int i = 0; i < 16; i++) {
            levels[i] = (byte) (i * 17);
        }
        IndexColorModel grays = new IndexColorModel(4, 16, levels, levels, levels);
        BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_BINARY, grays);
        Graphics2D g = gray.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, gray.getWidth(), gray.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(gray, "png", png);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a PNG: " + e.getMessage(), e);
        }
        return png.toByteArray();
    }

    private static List<CompletableFuture<byte[]>> drawings(List<byte[]> svgs, List<EmbeddedFont> fonts) {
        if (svgs.isEmpty()) {
            return List.of();
        }
        String fontKey = fontKey(fonts);
        List<CompletableFuture<byte[]>> out = new ArrayList<>();
        for (byte[] svg : svgs) {
            byte[] provided = PROVIDED.get(digest(List.of(svg)));
            if (provided != null) {
                out.add(CompletableFuture.completedFuture(provided.clone()));
                continue;
            }
            String key = fontKey + digest(List.of(svg));
            CompletableFuture<byte[]> f;
            synchronized (DRAWN) {
                f = DRAWN.get(key);
                if (f == null) {
                    CompletableFuture<byte[]> drawing = CompletableFuture.supplyAsync(
                            () -> BatikLock.hold(() -> png(svg, resolver(fontKey, fonts))), DRAWER);
                    DRAWN.put(key, drawing);
                    // A failed drawing is not remembered: the next build tries again (and reports the error again).
                    drawing.whenComplete((png, e) -> {
                        if (e != null) {
                            DRAWN.remove(key, drawing);
                        }
                    });
                    f = drawing;
                }
            }
            out.add(f);
        }
        return out;
    }

    /** The fonts last seen, their key, and how many different font lists were seen: a build asks twice (prepare, then pngs). */
    private static List<EmbeddedFont> keyedFonts;
    private static String keyedDigest;
    private static long fontLists;

    /**
     * A key for these fonts, the same for the same faces and byte arrays (a build's two calls; a watch session's
     * builds whose characters did not change, whose subsets the session keeps): a new one for any other list, so that
     * a drawing is never reused with other fonts. It was the SHA-256 of their bytes: 1.8% of the samples of an EPUB
     * of a 1 MB book (JFR), on the build's main thread between subsetting and writing, to name fonts that a single
     * build only ever has once.
     */
    private static synchronized String fontKey(List<EmbeddedFont> fonts) {
        // EmbeddedFont equality is by face and byte array identity: the same subsets, not merely equal bytes.
        if (!fonts.equals(keyedFonts)) {
            keyedDigest = "fonts-" + (++fontLists) + "/";
            keyedFonts = List.copyOf(fonts);
        }
        return keyedDigest;
    }

    private static BookFontResolver resolver(String fontKey, List<EmbeddedFont> fonts) {
        if (!fontKey.equals(resolverKey)) {
            resolver = new BookFontResolver(fonts);
            resolverKey = fontKey;
        }
        return resolver;
    }

    private static byte[] png(byte[] svg, BookFontResolver resolver) {
        BufferedImage[] drawn = new BufferedImage[1];
        // Batik's PNGTranscoder would encode the picture only for it to be decoded again here: keep the pixels.
        ImageTranscoder t = new ImageTranscoder() {
            @Override
            protected UserAgent createUserAgent() {
                return new SVGAbstractTranscoderUserAgent() {
                    @Override
                    public FontFamilyResolver getFontFamilyResolver() {
                        return resolver;
                    }

                    // Batik reports a CSS value it does not know and goes on drawing without it; its own handler
                    // printed a stack trace and "ERROR: null" on the user's terminal for each one (rust-lang/book's
                    // Graphviz figures). A picture Batik cannot draw at all still fails through transcode().
                    @Override
                    public void displayError(Exception e) {
                    }

                    @Override
                    public void displayError(String message) {
                    }
                };
            }

            @Override
            public BufferedImage createImage(int width, int height) {
                return new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
            }

            @Override
            public void writeImage(BufferedImage image, TranscoderOutput output) {
                drawn[0] = image;
            }
        };
        t.addTranscodingHint(ImageTranscoder.KEY_BACKGROUND_COLOR, java.awt.Color.WHITE);
        float width = widthOf(svg);
        if (width > 0) {
            t.addTranscodingHint(ImageTranscoder.KEY_WIDTH, Math.min(width, 1600f));
        }
        // A tall picture is drawn at most 3000 pixels high: its width follows.
        t.addTranscodingHint(ImageTranscoder.KEY_MAX_HEIGHT, 3000f);
        t.addTranscodingHint(ImageTranscoder.KEY_MAX_WIDTH, 1600f);
        t.addTranscodingHint(ImageTranscoder.KEY_ALLOW_EXTERNAL_RESOURCES, Boolean.FALSE);
        try {
            TranscoderInput in = new TranscoderInput(new ByteArrayInputStream(svg));
            in.setURI("file:///book.svg");
            t.transcode(in, new TranscoderOutput());
            BufferedImage rgb = drawn[0];
            byte[] levels = new byte[16];
            for (int i = 0; i < 16; i++) {
                levels[i] = (byte) (i * 17);
            }
            IndexColorModel grays = new IndexColorModel(4, 16, levels, levels, levels);
            BufferedImage gray = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_BINARY, grays);
            Graphics2D g = gray.createGraphics();
            g.drawImage(rgb, 0, 0, null);
            g.dispose();
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(gray, "png", png);
            return png.toByteArray();
        } catch (TranscoderException | IOException e) {
            throw new IllegalStateException("cannot draw the SVG as PNG: " + e.getMessage(), e);
        }
    }

    /**
     * Checks that Batik can build the picture (parse it and make its graphics tree, without drawing): what it
     * refuses (an {@code <image>} of a missing element, a bad length) would otherwise stop the build when the
     * fallback PNG is drawn. Throws {@link IllegalArgumentException} with Batik's reason.
     */
    public static void check(byte[] svg) {
        BatikLock.hold(() -> {
            try {
                org.apache.batik.bridge.UserAgentAdapter ua = new org.apache.batik.bridge.UserAgentAdapter() {
                    @Override
                    public void checkLoadExternalResource(org.apache.batik.util.ParsedURL resource,
                            org.apache.batik.util.ParsedURL doc) {
                        // A data: address is inside the file: the sanitiser keeps only checked PNG, JPEG and GIF.
                        if (!"data".equals(resource.getProtocol())) {
                            throw new SecurityException("an outside resource");
                        }
                    }
                };
                org.apache.batik.bridge.BridgeContext ctx = new org.apache.batik.bridge.BridgeContext(ua,
                        new org.apache.batik.bridge.DocumentLoader(ua));
                ctx.setDynamicState(org.apache.batik.bridge.BridgeContext.STATIC);
                org.w3c.dom.Document doc = new org.apache.batik.anim.dom.SAXSVGDocumentFactory(
                        org.apache.batik.util.XMLResourceDescriptor.getXMLParserClassName())
                        .createDocument("file:///book.svg", new ByteArrayInputStream(svg));
                new org.apache.batik.bridge.GVTBuilder().build(ctx, doc);
                ctx.dispose();
            } catch (IOException | RuntimeException e) {
                String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                throw new IllegalArgumentException("Batik cannot draw it: " + msg.replace("file:///book.svg:-1\n", "").strip());
            }
        });
    }

    /** The width attribute of the root element, in user units (0 when absent or relative). */
    private static float widthOf(byte[] svg) {
        String head = new String(svg, 0, Math.min(svg.length, 2048), java.nio.charset.StandardCharsets.UTF_8);
        var m = java.util.regex.Pattern.compile("<svg[^>]*\\swidth=\"([0-9.]+)(px)?\"").matcher(head);
        return m.find() ? Float.parseFloat(m.group(1)) : 0f;
    }

}
