package dev.studybook.convert;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pictures are checked by decoding them: damaged ones and ones beyond the size limits are refused with a reason. */
class PictureFormatsTest {

    private static byte[] png(int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 4, 4 + data.length);
        return b.putInt((int) crc.getValue()).array();
    }

    /** A PNG of one flat colour written row by row, with this bit depth (RGB): small on disk, any size decoded. */
    private static byte[] flatPng(int w, int h, int depth) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        out.write(chunk("IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) depth).put((byte) 2).array()));
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(raw, new Deflater(9))) {
            byte[] row = new byte[1 + w * 3 * depth / 8];
            for (int y = 0; y < h; y++) {
                z.write(row);
            }
        }
        out.write(chunk("IDAT", raw.toByteArray()));
        out.write(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    private static String refusal(String type, byte[] data) {
        return assertThrows(PictureFormats.Unusable.class, () -> PictureFormats.check(type, data)).getMessage();
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void truncatedPngAndJpegAreRefusedByDecodingNotByHeader() throws Exception {
        byte[] png = png(300, 200);
        PictureFormats.check("image/png", png);
        assertTrue(refusal("image/png", Arrays.copyOf(png, png.length / 2)).contains("cannot be decoded"));
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB), "jpeg", jpeg);
        PictureFormats.check("image/jpeg", jpeg.toByteArray());
        String m = refusal("image/jpeg", Arrays.copyOf(jpeg.toByteArray(), jpeg.size() * 2 / 3));
        assertTrue(m.contains("damaged") || m.contains("cannot be decoded"), m);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void jpegWithFillByteHidingItsSizeIsMeasuredByTheDecoder() throws Exception {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "jpeg", jpeg);
        byte[] b = jpeg.toByteArray();
        int i = 2;
        while ((b[i + 1] & 0xff) != 0xC0) {
            i += 2 + (((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff));
        }
        byte[] hidden = new byte[b.length + 1];
        System.arraycopy(b, 0, hidden, 0, i);
        hidden[i] = (byte) 0xFF;
        System.arraycopy(b, i, hidden, i + 1, b.length - i);
        // 40000 × 40000 in the frame header, behind one fill byte.
        hidden[i + 1 + 5] = (byte) (40000 >> 8);
        hidden[i + 1 + 6] = (byte) (40000 & 0xff);
        hidden[i + 1 + 7] = (byte) (40000 >> 8);
        hidden[i + 1 + 8] = (byte) (40000 & 0xff);
        assertTrue(refusal("image/jpeg", hidden).contains("PICTURE_MAX_SIDE"));
    }

    private static byte[] gif(int screen, int... frameSides) {
        ByteBuffer b = ByteBuffer.allocate(13 + 6 + frameSides.length * 30 + 1).order(ByteOrder.LITTLE_ENDIAN);
        b.put("GIF89a".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putShort((short) screen).putShort((short) screen)
                .put((byte) 0x80).put((byte) 0).put((byte) 0).put(new byte[] {0, 0, 0, -1, -1, -1});
        for (int side : frameSides) {
            b.put((byte) 0x2C).putShort((short) 0).putShort((short) 0).putShort((short) side).putShort((short) side)
                    .put((byte) 0).put((byte) 2).put(new byte[] {2, 0x4C, 1, 0});
        }
        b.put((byte) 0x3B);
        return Arrays.copyOf(b.array(), b.position());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void gifWithSmallScreenAndHugeFrameIsRefused() {
        assertTrue(refusal("image/gif", gif(1, 1, 30000)).contains("frame 2 is 30000 × 30000"));
        assertTrue(refusal("image/gif", gif(1, PictureFormats.MAX_SIDE + 1)).contains("PICTURE_MAX_SIDE"));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void gifOfThirtyThousandFramesIsCheckedWithoutDecodingThemAll() throws Exception {
        int[] frames = new int[30_000];
        Arrays.fill(frames, 10);
        PictureFormats.check("image/gif", gif(10, frames));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void pixelLimitAppliesJustUnderAndJustOver() throws Exception {
        // 6324 × 6324 = 39,992,976 pixels: under 40 million; 6325 × 6325 is over.
        PictureFormats.check("image/png", flatPng(6324, 6324, 1 << 3));
        assertTrue(refusal("image/png", flatPng(6325, 6325, 8)).contains("PICTURE_MAX_PIXELS"));
        PictureFormats.check("image/png", flatPng(PictureFormats.MAX_SIDE, 10, 8));
        assertTrue(refusal("image/png", flatPng(PictureFormats.MAX_SIDE + 1, 10, 8)).contains("PICTURE_MAX_SIDE"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void sixteenBitPngOf6000x6600IsRefusedBeforeItIsDecoded() throws Exception {
        assertTrue(refusal("image/png", flatPng(6000, 6600, 16)).contains("PICTURE_MAX_DECODED_BYTES"));
        // 16 bits a channel is fine for a picture of a reasonable size.
        PictureFormats.check("image/png", flatPng(1000, 1000, 16));
    }
}
