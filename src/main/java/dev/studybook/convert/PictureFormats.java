package dev.studybook.convert;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns pictures in formats that EPUB readers or the PDF library do not take into ones they do: WebP (which
 * Kindle conversions, older readers and PDFBox cannot show) and BMP (not an EPUB media type) become PNG, or
 * JPEG for a lossy WebP photo without transparency. PNG, JPEG, GIF and SVG are kept as they are: both outputs
 * show them (the PDF draws a GIF's first frame).
 */
final class PictureFormats {

    static {
        // Converted pictures are written to memory; ImageIO's default goes through a temporary file each time.
        ImageIO.setUseCache(false);
    }

    /** JPEG quality for lossy WebP photos: close to what the WebP held, far smaller than PNG. */
    static final float JPEG_QUALITY = 0.9f;

    private PictureFormats() {
    }

    /** A picture's bytes and media type after conversion. */
    record Picture(String mediaType, byte[] data) {
    }

    /** True when a picture of this type is converted before it goes into a book. */
    static boolean converted(String mediaType) {
        return mediaType.equals("image/webp") || mediaType.equals("image/bmp");
    }

    /**
     * The picture in a format both outputs show; throws {@link IOException} with a reason when it cannot be
     * decoded.
     */
    static Picture forBooks(String mediaType, byte[] data) throws IOException {
        return switch (mediaType) {
            case "image/webp" -> webp(data);
            case "image/bmp" -> new Picture("image/png", png(read(ImageIO.createImageInputStream(new ByteArrayInputStream(data)), "BMP")));
            default -> new Picture(mediaType, data);
        };
    }

    /** The largest picture in pixels (width × height of the picture and of every frame of an animated one). */
    static final long MAX_PIXELS = 40_000_000L;
    /** The longest side of a picture or of any of its frames, in pixels. */
    static final int MAX_SIDE = 20_000;
    /** The most memory a picture may take decoded (pixels × bytes per pixel as stored): 40 M pixels of 8-bit RGBA. */
    static final long MAX_DECODED_BYTES = 160L * 1024 * 1024;
    /** Pixels decoded to check a picture: larger ones are read in full but kept only every n-th pixel. */
    static final long CHECK_PIXELS = 1_000_000L;

    /** A decoder's warning that it ignored the picture's colour profile, which loses no pixel. */
    private static final java.util.regex.Pattern COLOUR_PROFILE = java.util.regex.Pattern.compile(
            "(?i)colou?r profile|ICC profile");

    /** Why a picture cannot go into a book: it cannot be decoded, or it is beyond a limit. */
    static final class Unusable extends Exception {
        Unusable(String reason) {
            super(reason);
        }
    }

    /**
     * Checks a raster picture by decoding it once (its first frame for an animated one), with its size read from
     * the decoder and, for a GIF, from every frame; throws {@link Unusable} with a reason that names the limit
     * when it is beyond one; returns its size in pixels (its first frame's). SVG is checked by {@link SvgSanitizer}.
     */
    static long check(String mediaType, byte[] data) throws Unusable {
        if (mediaType.equals("image/gif")) {
            GifFrames.check(data);
        }
        ImageReader reader = null;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            if (mediaType.equals("image/webp")) {
                reader = new WebPImageReaderSpi().createReaderInstance();
            } else {
                Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
                if (!readers.hasNext()) {
                    throw new Unusable("no decoder reads this kind of " + MediaTypes.extension(mediaType).toUpperCase(java.util.Locale.ROOT));
                }
                reader = readers.next();
            }
            reader.setInput(in, true, true);
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            size(w, h, "");
            ImageTypeSpecifier type = reader.getRawImageType(0);
            if (type != null) {
                long bytes = (long) w * h * Math.max(1, (type.getColorModel().getPixelSize() + 7) / 8);
                if (bytes > MAX_DECODED_BYTES) {
                    throw new Unusable("decoded it would take " + (bytes >> 20) + " MB (" + w + " × " + h + " pixels of "
                            + type.getColorModel().getPixelSize() + " bits), more than " + (MAX_DECODED_BYTES >> 20)
                            + " MB (PICTURE_MAX_DECODED_BYTES); save it with 8 bits per channel or make it smaller");
                }
            }
            ImageReadParam p = reader.getDefaultReadParam();
            // Every byte is decoded (a truncated or corrupt file shows), but only a sample of pixels is kept.
            int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) w * h / CHECK_PIXELS)));
            p.setSourceSubsampling(step, step, 0, 0);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((r, warning) -> {
                // "Embedded color profile is invalid; ignored": every pixel is read, in sRGB, as browsers and
                // readers show a profile they cannot use (chai2010/advanced-go-programming-book's photos).
                if (!COLOUR_PROFILE.matcher(warning).find()) {
                    warnings.add(warning);
                }
            });
            reader.read(0, p);
            if (!warnings.isEmpty()) {
                throw new Unusable("it is damaged: " + warnings.get(0));
            }
            return (long) w * h;
        } catch (IOException | RuntimeException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new Unusable("it cannot be decoded (" + msg + ")");
        } finally {
            if (reader != null) {
                reader.dispose();
            }
        }
    }

    /** Refuses a size beyond {@link #MAX_SIDE} or {@link #MAX_PIXELS}; {@code what} names a frame. */
    static void size(int w, int h, String what) throws Unusable {
        String it = (what.isEmpty() ? "it is " : what + " is ") + w + " × " + h + " pixels";
        if (w <= 0 || h <= 0) {
            throw new Unusable(it + ", an empty picture");
        }
        if (w > MAX_SIDE || h > MAX_SIDE) {
            throw new Unusable(it + ", more than " + MAX_SIDE + " pixels a side (PICTURE_MAX_SIDE); make it smaller");
        }
        if ((long) w * h > MAX_PIXELS) {
            throw new Unusable(it + ", more than " + MAX_PIXELS / 1_000_000 + " million pixels (PICTURE_MAX_PIXELS); make it smaller");
        }
    }

    private static Picture webp(byte[] data) throws IOException {
        ImageReader reader = new WebPImageReaderSpi().createReaderInstance();
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(in);
            // An animated WebP shows its first frame, as a GIF does in the PDF.
            image = reader.read(0);
        } catch (RuntimeException e) {
            throw new IOException("the WebP data cannot be decoded (" + e + ")", e);
        } finally {
            reader.dispose();
        }
        boolean lossless = contains(data, "VP8L");
        if (lossless || image.getColorModel().hasAlpha()) {
            return new Picture("image/png", png(image));
        }
        return new Picture("image/jpeg", jpeg(image));
    }

    private static BufferedImage read(ImageInputStream in, String what) throws IOException {
        try (in) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("no decoder for this " + what + " variant");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return reader.read(0);
            } catch (RuntimeException e) {
                throw new IOException("the " + what + " data cannot be decoded (" + e + ")", e);
            } finally {
                reader.dispose();
            }
        }
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            // An unusual colour model (e.g. 16-bit BMP masks): draw it as plain RGB with alpha first.
            BufferedImage argb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = argb.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
            out.reset();
            ImageIO.write(argb, "png", out);
        }
        return out.toByteArray();
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB && image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        ImageWriter writer = jdkJpegWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(rgb, null, null), p);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** The JDK's own JPEG encoder, so that the bytes do not depend on which other ImageIO plugins are present. */
    private static ImageWriter jdkJpegWriter() {
        ImageWriter first = null;
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
            ImageWriter w = it.next();
            if (w.getClass().getName().startsWith("com.sun.imageio.")) {
                return w;
            }
            if (first == null) {
                first = w;
            }
        }
        if (first == null) {
            throw new IllegalStateException("this Java has no JPEG encoder");
        }
        return first;
    }

    private static boolean contains(byte[] data, String tag) {
        byte[] t = tag.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        // RIFF chunks start at 12; the tag is near the start in every WebP file.
        for (int i = 12; i + t.length <= Math.min(data.length, 4096); i++) {
            boolean match = true;
            for (int j = 0; j < t.length && match; j++) {
                match = data[i + j] == t[j];
            }
            if (match) {
                return true;
            }
        }
        return false;
    }
}
