package dev.studybook.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The %XX escapes of addresses, decoded as the web reads them. */
public final class PercentEncoding {

    private PercentEncoding() {
    }

    /**
     * Decodes %XX sequences as UTF-8; unlike URLDecoder it leaves '+' alone and keeps a malformed escape (a stray
     * {@code %}, as in {@code width="100%"}) as written instead of failing.
     */
    public static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 3;
                continue;
            }
            if (bytes.size() > 0) {
                out.append(bytes.toString(StandardCharsets.UTF_8));
                bytes.reset();
            }
            out.append(c);
            i++;
        }
        if (bytes.size() > 0) {
            out.append(bytes.toString(StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /** A form-encoded value ({@code application/x-www-form-urlencoded}): '+' is a space, then as {@link #decode}. */
    public static String decodeForm(String s) {
        return decode(s.replace('+', ' '));
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
