package dev.studybook.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the book's metadata is shown. */
class MetadataTest {

    private static Metadata book(String language) {
        return new Metadata("T", "", List.of("Taylor Cramer", "Nicholas Cameron"), language, "urn:x", "",
                Optional.empty(), Optional.empty());
    }

    @Test
    void englishAuthorsWereJoinedWithAChineseEnumerationComma() {
        // rust-lang/async-book's title page and cover read "Taylor Cramer、Nicholas Cameron".
        assertEquals("Taylor Cramer, Nicholas Cameron", book("en").authorLine());
        assertEquals("Taylor Cramer, Nicholas Cameron", book("de").authorLine());
        assertEquals("Taylor Cramer、Nicholas Cameron", book("zh-CN").authorLine());
        assertEquals("Taylor Cramer、Nicholas Cameron", book("ja").authorLine());
    }
}
