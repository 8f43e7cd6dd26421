package dev.studybook.cover;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.studybook.fonts.FontSet;
import dev.studybook.model.Metadata;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class RgbPngTest {

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    @Test
    void aDecoderReadsBackEveryPixel() throws IOException {
        // Flat rows, repeated rows and noise: every filter path and byte value.
        BufferedImage img = new BufferedImage(37, 23, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(7);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = y < 5 ? 0x1d3557 : y < 9 ? 0xe0a458 ^ (x * 0x010203) : r.nextInt(1 << 24);
                img.setRGB(x, y, rgb);
            }
        }
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(RgbPng.encode(img)));
        assertEquals(37, back.getWidth());
        assertEquals(23, back.getHeight());
        assertArrayEquals(pixels(img), pixels(back));
    }

    @Test
    void rowsThatBeginAsTheRowAboveGiveTheSameBytesAsFilteringEveryPixel() throws IOException {
        // The encoder skips the part of a row that repeats the row above (its "up" bytes are zeros): the PNG must be
        // the one of the plain filter over every pixel, byte for byte, or every EPUB's cover would change.
        BufferedImage img = new BufferedImage(41, 17, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(11);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                // Rows equal to the one above, rows differing from column y on, and rows differing in the last pixel.
                int rgb = y % 3 == 0 ? 0x1d3557 : x >= y ? r.nextInt(1 << 24) : 0x1d3557;
                img.setRGB(x, y, y % 5 == 4 && x == 40 ? 0xffffff : rgb);
            }
        }
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        for (int y = 0; y < img.getHeight(); y++) {
            raw.write(2);
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                int q = y == 0 ? 0 : img.getRGB(x, y - 1);
                raw.write((p >> 16) - (q >> 16));
                raw.write((p >> 8) - (q >> 8));
                raw.write(p - q);
            }
        }
        java.io.ByteArrayOutputStream idat = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.DeflaterOutputStream(idat, new java.util.zip.Deflater(
                java.util.zip.Deflater.DEFAULT_COMPRESSION), 1 << 16)) {
            z.write(raw.toByteArray());
        }
        byte[] png = RgbPng.encode(img);
        byte[] expected = idat.toByteArray();
        // The IDAT chunk's data follows the signature (8), IHDR (25) and the IDAT's length and type (8).
        assertArrayEquals(expected, java.util.Arrays.copyOfRange(png, 41, 41 + expected.length));
        assertArrayEquals(pixels(img), pixels(ImageIO.read(new ByteArrayInputStream(png))));
    }

    @Test
    void theCoverReadsBackAsDrawn() throws IOException {
        Metadata meta = new Metadata("测试书名：一本很长很长的标题，足以折成两行", "副标题", List.of("作者甲", "作者乙"), "zh-CN",
                "urn:uuid:00000000-0000-4000-8000-000000000000", "", Optional.empty(), Optional.empty());
        String text = meta.title() + meta.subtitle() + meta.authorLine();
        byte[] png = CoverArt.png(meta, FontSet.load(FontSet.DEFAULT_FACES).subset(text));
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(CoverArt.WIDTH, back.getWidth());
        assertEquals(CoverArt.HEIGHT, back.getHeight());
        assertEquals(0x1d3557, back.getRGB(CoverArt.WIDTH / 2, CoverArt.HEIGHT / 2 + 300) & 0xFFFFFF, "the ground");
    }

    @Test
    void onlyRgbPicturesAreTaken() {
        assertThrows(IllegalArgumentException.class,
                () -> RgbPng.encode(new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB)));
    }
}
