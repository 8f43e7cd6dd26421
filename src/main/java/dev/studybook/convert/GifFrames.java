package dev.studybook.convert;

/**
 * Walks the blocks of a GIF file without decoding any pixels, to check the size of its logical screen and of every
 * frame: a GIF may declare a 1 × 1 screen and hold a 30000 × 30000 frame, and decoders allocate what a frame says.
 */
final class GifFrames {
    private GifFrames() {
    }

    /** Throws {@link PictureFormats.Unusable} when the screen or any frame is beyond the picture size limits. */
    static void check(byte[] b) throws PictureFormats.Unusable {
        if (b.length < 13) {
            throw new PictureFormats.Unusable("it cannot be decoded (the GIF ends inside its header)");
        }
        PictureFormats.size(le16(b, 6), le16(b, 8), "its screen");
        int i = 13;
        if ((b[10] & 0x80) != 0) {
            i += 3 * (1 << ((b[10] & 7) + 1));
        }
        int frame = 0;
        while (i < b.length) {
            int block = b[i] & 0xff;
            if (block == 0x3B) {
                return;
            } else if (block == 0x21) {
                i = subBlocks(b, i + 2);
            } else if (block == 0x2C) {
                if (i + 10 > b.length) {
                    break;
                }
                frame++;
                PictureFormats.size(le16(b, i + 5), le16(b, i + 7), "frame " + frame);
                int flags = b[i + 9] & 0xff;
                i += 10;
                if ((flags & 0x80) != 0) {
                    i += 3 * (1 << ((flags & 7) + 1));
                }
                // The LZW minimum code size, then the image data.
                i = subBlocks(b, i + 1);
            } else {
                throw new PictureFormats.Unusable("it cannot be decoded (an unknown GIF block 0x"
                        + Integer.toHexString(block) + " at byte " + i + ")");
            }
        }
        if (frame == 0) {
            throw new PictureFormats.Unusable("it cannot be decoded (the GIF has no frame)");
        }
        // A GIF without its trailer byte is shown by every decoder: its frames are complete.
    }

    /** The index after a chain of data sub-blocks starting at {@code i}. */
    private static int subBlocks(byte[] b, int i) {
        while (i < b.length) {
            int n = b[i] & 0xff;
            i += 1 + n;
            if (n == 0) {
                break;
            }
        }
        return i;
    }

    private static int le16(byte[] b, int i) {
        return i + 1 < b.length ? (b[i] & 0xff) | ((b[i + 1] & 0xff) << 8) : 0;
    }
}
