package dev.studybook.io;

import dev.studybook.error.SourceLocation;
import dev.studybook.error.StudybookException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the book's text files: strict UTF-8 (a chapter wholly in GBK or Big5 also), BOM dropped, line endings made LF,
 * errors naming file and line.
 */
public final class TextFiles {

    /** Chapters larger than this are refused rather than risking the memory of the build. */
    public static final long MAX_TEXT_BYTES = 64L * 1024 * 1024;

    private TextFiles() {
    }

    /**
     * Reads a text file of the book.
     *
     * @param what what the file is to the user, e.g. "chapter" or "index page", used in messages
     */
    public static String read(Path file, String what) {
        return decode(file, bytes(file, what), what);
    }

    /** A text and the encoding it was read in when that was not UTF-8 ({@code GB18030}, {@code Big5}), else empty. */
    public record Decoded(String text, String legacyCharset) {
    }

    /**
     * Reads a chapter: UTF-8 as {@link #read} does, but a file wholly in GBK/GB18030 or Big5, as Chinese Windows
     * editors save them (Light-City/CPlusPlusThings: one of 95 chapters), is read in that encoding: its text must
     * decode without error and be mostly the common characters of that encoding, which UTF-8 read wrongly and files
     * mixing encodings are not; anything else is the error {@link #read} gives.
     */
    public static Decoded readChapter(Path file, String what) {
        byte[] bytes = bytes(file, what);
        try {
            return new Decoded(decode(file, bytes, what), "");
        } catch (StudybookException e) {
            for (LegacyCharset c : LEGACY) {
                String text = c.decode(bytes);
                if (text != null) {
                    return new Decoded(lineEnds(text), c.name);
                }
            }
            throw e;
        }
    }

    /** A legacy Chinese encoding and the byte ranges of its common characters (the first byte of each). */
    private record LegacyCharset(String name, int[] commonLeads) {
        /** The text, when the bytes decode strictly and at least 90 % of the non-ASCII characters are common. */
        String decode(byte[] bytes) {
            Charset charset;
            try {
                charset = Charset.forName(name);
            } catch (IllegalArgumentException e) {
                return null;
            }
            CharBuffer out;
            try {
                out = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            } catch (CharacterCodingException e) {
                return null;
            }
            String text = out.toString();
            CharsetEncoder encoder = charset.newEncoder();
            int wide = 0;
            int common = 0;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch < 0x80) {
                    continue;
                }
                wide++;
                if (Character.isSurrogate(ch) || !encoder.canEncode(ch)) {
                    continue;
                }
                try {
                    int lead = encoder.encode(CharBuffer.wrap(new char[] {ch})).get(0) & 0xff;
                    for (int r = 0; r < commonLeads.length; r += 2) {
                        if (lead >= commonLeads[r] && lead <= commonLeads[r + 1]) {
                            common++;
                            break;
                        }
                    }
                } catch (CharacterCodingException e) {
                    // Not common.
                }
            }
            return wide > 0 && common * 10 >= wide * 9 ? text : null;
        }
    }

    /**
     * GB2312's symbols (A1–A9) and first-level characters (B0–D7), the 3,755 most used; Big5's symbols (A1–A3) and
     * frequent characters (A4–C6). UTF-8's Chinese characters start with E4–E9, read in these encodings as rare ones.
     */
    private static final List<LegacyCharset> LEGACY = List.of(
            new LegacyCharset("GB18030", new int[] {0xA1, 0xA9, 0xB0, 0xD7}),
            new LegacyCharset("Big5", new int[] {0xA1, 0xC6}));

    private static byte[] bytes(Path file, String what) {
        if (Files.isDirectory(file)) {
            throw StudybookException.content(SourceLocation.of(file), "the " + what + " is a folder, not a file",
                    "link to a Markdown file inside it instead");
        }
        BookFiles.requireRegular(file, what);
        try {
            long size = Files.size(file);
            if (size > MAX_TEXT_BYTES) {
                throw StudybookException.content(SourceLocation.of(file),
                        "the " + what + " is " + (size >> 20) + " MB, more than the " + (MAX_TEXT_BYTES >> 20) + " MB studybook reads",
                        "split it into several chapters");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw StudybookException.content(SourceLocation.of(file), "the " + what + " does not exist",
                    "check the path");
        } catch (IOException e) {
            throw StudybookException.content(SourceLocation.of(file), "cannot read the " + what + ": " + e.getMessage(),
                    "check the file's permissions");
        }
    }

    /** Decodes bytes as strict UTF-8; a NUL byte or a malformed sequence is an error naming its line. */
    public static String decode(Path file, byte[] bytes, String what) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw StudybookException.content(SourceLocation.of(file, lineAt(bytes, i)),
                        "the " + what + " looks binary (it contains a NUL byte)",
                        "link only to Markdown text files");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int offset = in.position();
            throw StudybookException.content(SourceLocation.of(file, lineAt(bytes, offset)),
                    String.format("the %s is not valid UTF-8 (byte 0x%02X at offset %d)", what, bytes[offset] & 0xff, offset),
                    "save the file as UTF-8 (for GBK files: iconv -f GBK -t UTF-8)");
        }
        decoder.flush(out);
        out.flip();
        String s = out.toString();
        return lineEnds(s);
    }

    /** The BOM dropped, line endings made LF. */
    private static String lineEnds(String s) {
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        return s.indexOf('\r') >= 0 ? s.replace("\r\n", "\n").replace('\r', '\n') : s;
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
