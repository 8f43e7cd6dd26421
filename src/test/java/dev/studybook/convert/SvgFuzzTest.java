package dev.studybook.convert;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.studybook.raster.SvgRaster;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Coverage-guided fuzzing of the SVG sanitiser: whatever the bytes, it refuses them with a reason or returns an SVG
 * that has no outside reference left and that Batik draws, never another exception.
 *
 * <p>{@code mvn verify} replays the seeds in {@code SvgFuzzTestInputs/}; to fuzz for real:
 * {@code JAZZER_FUZZ=1 mvn -q test -Dtest=SvgFuzzTest}, and copy new findings there.
 */
class SvgFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void sanitizedSvgIsSafeAndDrawable(FuzzedDataProvider data) {
        byte[] svg = data.consumeRemainingAsBytes();
        SvgSanitizer.Result r;
        try {
            r = SvgSanitizer.check(svg);
        } catch (IllegalArgumentException refused) {
            return;
        }
        String out = new String(r.svg(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        if (out.contains("<?xml-stylesheet") || out.contains("@import") || SvgSanitizer.loads(SvgSanitizer.unescape(out)) != null) {
            throw new AssertionError("an outside reference is left: " + out);
        }
        SvgSanitizer.Result again = SvgSanitizer.check(r.svg());
        if (!again.removed().isEmpty()) {
            throw new AssertionError("cleaning twice removed more: " + again.removed() + " in " + out);
        }
        SvgRaster.pngs(List.of(r.svg()), List.of());
    }
}
