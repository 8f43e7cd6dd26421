package dev.studybook.convert;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The media type of an image, read from its first bytes rather than from its file name. */
final class MediaTypes {
    private MediaTypes() {
    }

    static Optional<String> sniff(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Optional.of("image/png");
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return Optional.of("image/gif");
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Optional.of("image/webp");
        }
        if (b.length >= 26 && b[0] == 'B' && b[1] == 'M' && le32(b, 14) >= 12 && le32(b, 14) <= 124) {
            // "BM", then the size of the info header that follows the 14-byte file header: 12 (OS/2) to 124 (V5).
            return Optional.of("image/bmp");
        }
        String head = new String(b, 0, Math.min(b.length, 4096), StandardCharsets.UTF_8).stripLeading();
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1);
        }
        if ((head.startsWith("<?xml") || head.startsWith("<svg") || head.startsWith("<!--") || head.startsWith("<!DOCTYPE"))
                && head.contains("<svg")) {
            return Optional.of("image/svg+xml");
        }
        return Optional.empty();
    }

    /**
     * The pixel size a raster image declares in its header ({width, height}), or empty when it cannot be read
     * there (SVG has no pixels; a truncated file).
     */
    static Optional<int[]> dimensions(byte[] b, String mediaType) {
        try {
            switch (mediaType) {
                case "image/png" -> {
                    // IHDR: width and height, big-endian, at bytes 16..23.
                    return b.length >= 24 ? Optional.of(new int[] {be32(b, 16), be32(b, 20)}) : Optional.empty();
                }
                case "image/gif" -> {
                    return b.length >= 10 ? Optional.of(new int[] {le16(b, 6), le16(b, 8)}) : Optional.empty();
                }
                case "image/jpeg" -> {
                    int i = 2;
                    while (i + 9 < b.length) {
                        if ((b[i] & 0xff) != 0xFF) {
                            i++;
                            continue;
                        }
                        int marker = b[i + 1] & 0xff;
                        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                            return Optional.of(new int[] {be16(b, i + 7), be16(b, i + 5)});
                        }
                        i += 2 + be16(b, i + 2);
                    }
                    return Optional.empty();
                }
                case "image/bmp" -> {
                    if (le32(b, 14) == 12) {
                        return Optional.of(new int[] {le16(b, 18), le16(b, 20)});
                    }
                    // The height is negative for pictures stored top-down.
                    return Optional.of(new int[] {le32(b, 18), Math.abs(le32(b, 22))});
                }
                case "image/webp" -> {
                    if (b.length >= 30 && b[12] == 'V' && b[13] == 'P' && b[14] == '8' && b[15] == 'X') {
                        return Optional.of(new int[] {1 + le24(b, 24), 1 + le24(b, 27)});
                    }
                    if (b.length >= 30 && b[12] == 'V' && b[13] == 'P' && b[14] == '8' && b[15] == ' ') {
                        return Optional.of(new int[] {le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF});
                    }
                    if (b.length >= 25 && b[12] == 'V' && b[13] == 'P' && b[14] == '8' && b[15] == 'L') {
                        // Lossless: after the 0x2F signature, 14 bits of width - 1 and 14 of height - 1.
                        int bits = le32(b, 21);
                        return Optional.of(new int[] {(bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1});
                    }
                    return Optional.empty();
                }
                default -> {
                    return Optional.empty();
                }
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static int be32(byte[] b, int i) {
        long v = ((long) (b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
        return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
    }

    private static int be16(byte[] b, int i) {
        return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }

    private static int le16(byte[] b, int i) {
        return (b[i] & 0xff) | ((b[i + 1] & 0xff) << 8);
    }

    private static int le32(byte[] b, int i) {
        return (b[i] & 0xff) | ((b[i + 1] & 0xff) << 8) | ((b[i + 2] & 0xff) << 16) | ((b[i + 3] & 0xff) << 24);
    }

    private static int le24(byte[] b, int i) {
        return (b[i] & 0xff) | ((b[i + 1] & 0xff) << 8) | ((b[i + 2] & 0xff) << 16);
    }

    static String extension(String mediaType) {
        return switch (mediaType) {
            case "image/png" -> "png";
            case "image/jpeg" -> "jpg";
            case "image/gif" -> "gif";
            case "image/webp" -> "webp";
            case "image/bmp" -> "bmp";
            case "image/svg+xml" -> "svg";
            default -> "bin";
        };
    }
}
