package dev.studybook.io;

import dev.studybook.error.SourceLocation;
import dev.studybook.error.StudybookException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the book's text files: strict UTF-8, BOM dropped, line endings made LF, errors naming file and line. */
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
        if (Files.isDirectory(file)) {
            throw StudybookException.content(SourceLocation.of(file), "the " + what + " is a folder, not a file",
                    "link to a Markdown file inside it instead");
        }
        BookFiles.requireRegular(file, what);
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_TEXT_BYTES) {
                throw StudybookException.content(SourceLocation.of(file),
                        "the " + what + " is " + (size >> 20) + " MB, more than the " + (MAX_TEXT_BYTES >> 20) + " MB studybook reads",
                        "split it into several chapters");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw StudybookException.content(SourceLocation.of(file), "the " + what + " does not exist",
                    "check the path");
        } catch (IOException e) {
            throw StudybookException.content(SourceLocation.of(file), "cannot read the " + what + ": " + e.getMessage(),
                    "check the file's permissions");
        }
        return decode(file, bytes, what);
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
