package dev.studybook.xhtml;

import java.util.Locale;

/** Heading slugs in GitHub's manner, and ids that are valid XML names. */
public final class Ids {
    private Ids() {
    }

    /**
     * GitHub's anchor for a heading: lower case, everything but letters, marks, numbers, '_', '-' and spaces
     * removed, spaces turned into '-'.
     */
    public static String slug(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        String lower = text.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean keep = Character.isLetter(cp) || Character.isDigit(cp)
                    || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK || type == Character.LETTER_NUMBER
                    || type == Character.OTHER_NUMBER || type == Character.CONNECTOR_PUNCTUATION || cp == '-';
            if (keep) {
                sb.appendCodePoint(cp);
            } else if (cp == ' ') {
                sb.append('-');
            }
        }
        return sb.toString();
    }

    /**
     * An id that is a valid XML name (NCName) and keeps the CJK text: characters that may not appear are
     * dropped, and a name that would start with a digit, '-' or '.' gets the prefix {@code h-}.
     */
    public static String xmlId(String raw, String fallback) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (isNameChar(cp)) {
                sb.appendCodePoint(cp);
            } else if (cp == ' ' || cp == ':' || cp == '/') {
                sb.append('-');
            }
        }
        String s = sb.toString();
        if (s.isEmpty()) {
            return fallback;
        }
        if (!isNameStartChar(s.codePointAt(0))) {
            s = "h-" + s;
        }
        return s;
    }

    /** XML 1.0 NameStartChar, without ':'. */
    static boolean isNameStartChar(int c) {
        return (c >= 'A' && c <= 'Z') || c == '_' || (c >= 'a' && c <= 'z')
                || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF)
                || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D)
                || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF)
                || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
    }

    /** XML 1.0 NameChar, without ':'. */
    static boolean isNameChar(int c) {
        return isNameStartChar(c) || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xB7
                || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
    }
}
