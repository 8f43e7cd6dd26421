package dev.studybook.convert;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
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
