package dev.studybook.raster;

import dev.studybook.fonts.EmbeddedFont;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.batik.bridge.FontFamilyResolver;
import org.apache.batik.bridge.UserAgent;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;
import org.apache.batik.transcoder.image.PNGTranscoder;

/**
 * Draws an SVG picture as PNG with Batik, in the book's fonts, for readers that need a raster fallback (some
 * Kindle conversions). The picture is drawn at its own size, on white, in 16 grays: the book's figures are black
 * and white, and a 4-bit gray PNG is a small fraction of a colour one; the SVG stays the picture most readers show.
 */
public final class SvgRaster {

    /** PNGs already drawn in this process, by SHA-256 of the fonts and the picture; a few hundred at most. */
    private static final java.util.Map<String, byte[]> DRAWN = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, byte[]> eldest) {
                    return size() > 256;
                }
            });

    private SvgRaster() {
    }

    private static String digest(List<byte[]> parts) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                md.update(p);
                md.update((byte) 0);
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] png(byte[] svg, List<EmbeddedFont> fonts) {
        return png(svg, new BookFontResolver(fonts));
    }

    /**
     * PNGs of several SVG pictures, in the same order, drawn side by side on the machine's cores; the fonts
     * are read once for all of them.
     */
    public static List<byte[]> pngs(List<byte[]> svgs, List<EmbeddedFont> fonts) {
        if (svgs.isEmpty()) {
            return List.of();
        }
        // A picture is drawn again only when it or the fonts changed (studybook watch rebuilds in one process).
        String fontKey = digest(fonts.stream().map(EmbeddedFont::data).toList());
        List<CompletableFuture<byte[]>> jobs = new ArrayList<>();
        BookFontResolver[] resolver = new BookFontResolver[1];
        for (byte[] svg : svgs) {
            String key = fontKey + digest(List.of(svg));
            byte[] known = DRAWN.get(key);
            if (known != null) {
                jobs.add(CompletableFuture.completedFuture(known));
                continue;
            }
            if (resolver[0] == null) {
                resolver[0] = new BookFontResolver(fonts);
            }
            BookFontResolver r = resolver[0];
            jobs.add(CompletableFuture.supplyAsync(() -> {
                byte[] png = png(svg, r);
                DRAWN.put(key, png);
                return png;
            }));
        }
        try {
            return jobs.stream().map(CompletableFuture::join).toList();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static byte[] png(byte[] svg, BookFontResolver resolver) {
        PNGTranscoder t = new PNGTranscoder() {
            @Override
            protected UserAgent createUserAgent() {
                return new SVGAbstractTranscoderUserAgent() {
                    @Override
                    public FontFamilyResolver getFontFamilyResolver() {
                        return resolver;
                    }
                };
            }
        };
        t.addTranscodingHint(ImageTranscoder.KEY_BACKGROUND_COLOR, java.awt.Color.WHITE);
        float width = widthOf(svg);
        if (width > 0) {
            t.addTranscodingHint(PNGTranscoder.KEY_WIDTH, Math.min(width, 1600f));
        }
        // A tall picture is drawn at most 3000 pixels high: its width follows.
        t.addTranscodingHint(PNGTranscoder.KEY_MAX_HEIGHT, 3000f);
        t.addTranscodingHint(PNGTranscoder.KEY_MAX_WIDTH, 1600f);
        t.addTranscodingHint(PNGTranscoder.KEY_ALLOW_EXTERNAL_RESOURCES, Boolean.FALSE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            TranscoderInput in = new TranscoderInput(new ByteArrayInputStream(svg));
            in.setURI("file:///book.svg");
            t.transcode(in, new TranscoderOutput(out));
            BufferedImage rgb = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
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

    /** The width attribute of the root element, in user units (0 when absent or relative). */
    private static float widthOf(byte[] svg) {
        String head = new String(svg, 0, Math.min(svg.length, 2048), java.nio.charset.StandardCharsets.UTF_8);
        var m = java.util.regex.Pattern.compile("<svg[^>]*\\swidth=\"([0-9.]+)(px)?\"").matcher(head);
        return m.find() ? Float.parseFloat(m.group(1)) : 0f;
    }

}
