package dev.studybook.load;

import dev.studybook.model.SourceText;
import dev.studybook.model.Outline;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The language of a book that does not declare one, found in its prose (code, links and markup left out):
 * Chinese (simplified or traditional), Japanese, Korean, else English. A Chinese book full of English terms stays
 * Chinese: one Chinese character counts for four Latin letters.
 */
final class Languages {

    /** How much prose is looked at; the first chapters tell. */
    static final int SAMPLE_CHARS = 400_000;

    private static final Pattern FENCE = Pattern.compile("(?ms)^\\s*(```|~~~).*?^\\s*\\1[^\\n]*$");
    private static final Pattern NOISE = Pattern.compile("(?s)`[^`\\n]*`|\\]\\([^)]*\\)|<[^>]*>|https?://\\S+|\\{\\{.*?\\}\\}");

    /** Characters only traditional Chinese writes, and their simplified forms. */
    private static final String TRADITIONAL = "這們來說時個為對會與從過還開關發現實當無樣應點體經國學問題機進後區處動數據錯誤記憶體說明範例";
    private static final String SIMPLIFIED = "这们来说时个为对会与从过还开关发现实当无样应点体经国学问题机进后区处动数据错误记忆体说明范例";

    private Languages() {
    }

    static String detect(Outline outline, List<SourceText> chapters) {
        StringBuilder sample = new StringBuilder();
        for (SourceText c : chapters) {
            if (sample.length() > SAMPLE_CHARS) {
                break;
            }
            sample.append(c.text()).append('\n');
        }
        if (sample.length() == 0) {
            sample.append(outline.metadata().title()).append(' ').append(outline.metadata().description());
        }
        return detect(sample.toString());
    }

    /** The BCP 47 tag of the language {@code markdown} is written in. */
    static String detect(String markdown) {
        String prose = NOISE.matcher(FENCE.matcher(markdown).replaceAll(" ")).replaceAll(" ");
        long han = 0;
        long kana = 0;
        long hangul = 0;
        long latin = 0;
        long traditional = 0;
        long simplified = 0;
        for (int i = 0; i < prose.length(); ) {
            int cp = prose.codePointAt(i);
            i += Character.charCount(cp);
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            switch (script) {
                case HAN -> {
                    han++;
                    if (TRADITIONAL.indexOf(cp) >= 0) {
                        traditional++;
                    } else if (SIMPLIFIED.indexOf(cp) >= 0) {
                        simplified++;
                    }
                }
                case HIRAGANA, KATAKANA -> kana++;
                case HANGUL -> hangul++;
                case LATIN -> latin++;
                default -> {
                }
            }
        }
        long cjk = han + kana + hangul;
        if (cjk == 0 || cjk * 4 < latin) {
            return latin == 0 && cjk == 0 ? "zh-CN" : "en";
        }
        if (hangul > han + kana) {
            return "ko";
        }
        if (kana * 10 >= cjk) {
            return "ja";
        }
        return traditional > simplified ? "zh-TW" : "zh-CN";
    }
}
