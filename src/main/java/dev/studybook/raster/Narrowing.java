package dev.studybook.raster;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
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
 * Raster pictures (PNG, JPEG) made narrower for an output, in the same format and encoded the same way every run:
 * the PDF draws PNGs at most 2000 pixels wide, the EPUB holds pictures at most 1280 pixels wide.
 */
public final class Narrowing {

    /**
     * The quality a narrowed JPEG is written at: fixed, so the same picture gives the same bytes; 0.85 shows no
     * blocks on screenshots and photos at a reader's size.
     */
    static final float JPEG_QUALITY = 0.85f;

    private Narrowing() {
    }

    /**
     * The PNG at most {@code maxWidth} pixels wide, its proportions and transparency kept; the bytes given when it
     * is no wider, or cannot be read.
     */
    public static byte[] png(byte[] png, int maxWidth) {
        try {
            BufferedImage img = wider(png, maxWidth);
            if (img == null) {
                return png;
            }
            int type = img.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(scaled(img, maxWidth, type), "png", out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            return png;
        }
    }

    /**
     * The JPEG at most {@code maxWidth} pixels wide, written again at {@link #JPEG_QUALITY}; the bytes given when it
     * is no wider, cannot be read (CMYK), or is turned by its Exif orientation, which a new file would lose.
     */
    public static byte[] jpeg(byte[] jpeg, int maxWidth) {
        try {
            if (exifTurned(jpeg)) {
                return jpeg;
            }
            BufferedImage img = wider(jpeg, maxWidth);
            if (img == null) {
                return jpeg;
            }
            boolean gray = img.getColorModel().getNumComponents() == 1;
            BufferedImage small = scaled(img, maxWidth, gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
            Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
            if (!writers.hasNext()) {
                return jpeg;
            }
            ImageWriter writer = writers.next();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
                writer.setOutput(ios);
                writer.write(null, new IIOImage(small, null, null), param);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            return jpeg;
        }
    }

    /** The picture decoded, when it is wider than {@code maxWidth}; null when it is not or cannot be read. */
    private static BufferedImage wider(byte[] data, int maxWidth) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if (reader.getWidth(0) <= maxWidth) {
                    return null;
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    /** The picture {@code targetW} pixels wide, halved in steps, then one last step: one bilinear step from far above drops lines of a diagram. */
    private static BufferedImage scaled(BufferedImage img, int targetW, int type) {
        int targetH = Math.max(1, (int) Math.round((double) img.getHeight() * targetW / img.getWidth()));
        BufferedImage cur = img;
        int w = img.getWidth();
        int h = img.getHeight();
        do {
            w = Math.max(targetW, w / 2);
            h = w == targetW ? targetH : Math.max(1, h / 2);
            BufferedImage next = new BufferedImage(w, h, type);
            Graphics2D g = next.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(cur, 0, 0, w, h, null);
            g.dispose();
            cur = next;
        } while (w > targetW);
        return cur;
    }

    /**
     * Whether the JPEG's Exif block turns or mirrors it (orientation 2 to 8): viewers apply it, and a JPEG written
     * again without the block would show the picture on its side.
     */
    static boolean exifTurned(byte[] b) {
        int i = 2;
        while (i + 4 <= b.length && (b[i] & 0xff) == 0xFF) {
            int marker = b[i + 1] & 0xff;
            if (marker == 0xDA || marker == 0xD9) {
                return false;
            }
            int len = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
            if (marker == 0xE1 && len >= 16 && i + 2 + len <= b.length
                    && new String(b, i + 4, 6, java.nio.charset.StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
                int orientation = orientation(b, i + 10, i + 2 + len);
                return orientation > 1 && orientation <= 8;
            }
            i += 2 + len;
        }
        return false;
    }

    /** The orientation tag (0x0112) of IFD0 in the TIFF block from {@code t} to {@code end}; 0 when absent. */
    private static int orientation(byte[] b, int t, int end) {
        if (t + 8 > end) {
            return 0;
        }
        boolean little = b[t] == 'I';
        int ifd = t + (int) u32(b, t + 4, little);
        if (ifd < t || ifd + 2 > end) {
            return 0;
        }
        int entries = u16(b, ifd, little);
        for (int e = 0; e < entries; e++) {
            int at = ifd + 2 + 12 * e;
            if (at + 12 > end) {
                return 0;
            }
            if (u16(b, at, little) == 0x0112) {
                return u16(b, at + 8, little);
            }
        }
        return 0;
    }

    private static int u16(byte[] b, int i, boolean little) {
        int a = b[i] & 0xff;
        int c = b[i + 1] & 0xff;
        return little ? a | c << 8 : a << 8 | c;
    }

    private static long u32(byte[] b, int i, boolean little) {
        long hi = u16(b, little ? i + 2 : i, little);
        long lo = u16(b, little ? i : i + 2, little);
        return hi << 16 | lo;
    }
}
