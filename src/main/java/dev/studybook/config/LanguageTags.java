package dev.studybook.config;

import java.util.IllformedLocaleException;
import java.util.Locale;

/** Checks language tags against BCP 47 before they reach a file: an EPUB's dc:language and every xml:lang. */
public final class LanguageTags {

    private LanguageTags() {
    }

    /** True for a well-formed BCP 47 tag such as {@code zh-CN}, {@code zh-Hans} or {@code en}; false for {@code zh_CN}. */
    public static boolean wellFormed(String tag) {
        if (tag == null || tag.isEmpty() || tag.length() > 64 || !tag.chars().allMatch(c -> c < 0x80)) {
            return false;
        }
        try {
            new Locale.Builder().setLanguageTag(tag);
            return true;
        } catch (IllformedLocaleException e) {
            return false;
        }
    }
}
