package dev.studybook.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.error.StudybookException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SOURCE_DATE_EPOCH is checked to be a time a ZIP entry (and so an EPUB) can hold before any work (issue 21). */
class SourceDateEpochTest {

    @Test
    @Timeout(5)
    void hugeSourceDateEpochIsAnError() {
        assertEquals(Optional.empty(), Builder.sourceDateEpoch(null));
        assertEquals(Optional.of(Instant.parse("1980-01-01T00:00:00Z")), Builder.sourceDateEpoch("315532800"));
        assertEquals(Optional.of(Instant.parse("2107-12-31T23:59:58Z")), Builder.sourceDateEpoch(String.valueOf(Builder.MAX_EPOCH)));
        for (String bad : new String[] {"315532799", String.valueOf(Builder.MAX_EPOCH + 1), "99999999999999999999", "-1", "1e9", "now"}) {
            StudybookException e = assertThrows(StudybookException.class, () -> Builder.sourceDateEpoch(bad), bad);
            assertEquals(1, e.exitCode().code());
            assertTrue(e.oneLine().startsWith("SOURCE_DATE_EPOCH='"), e.oneLine());
            assertTrue(e.oneLine().contains("the years 1980 to 2107"), e.oneLine());
        }
    }
}
