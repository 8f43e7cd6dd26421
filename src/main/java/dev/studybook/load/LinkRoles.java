package dev.studybook.load;

import dev.studybook.model.IndexPage.LinkItem;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a link on an index page is for, when it is not a chapter whatever its target: a language switcher
 * ({@code English | 日本語}, {@code README.ja.md}), a link back to the table of contents, or a navigation footer
 * ({@code 上一节 / 下一节}). Such links lead out of the book or around in it; they are never chapters.
 */
final class LinkRoles {

    /** Headings that only label the list of links, and never start a part. */
    static final Set<String> CONTENTS_HEADINGS = Set.of("目录", "目錄", "contents", "table of contents", "summary", "toc",
            "章节", "章节目录", "全书目录", "总目录", "總目錄", "文章目录", "大纲", "清单", "列表");

    /** Link texts that lead to the table of contents, which the book makes itself. */
    private static final Set<String> CONTENTS_LINKS = Set.of("目录", "目錄", "contents", "table of contents", "toc",
            "返回目录", "回到目录", "返回目錄", "回到目錄", "back to contents", "back to top", "返回顶部", "回到顶部", "全书目录",
            "总目录", "總目錄", "文章目录");

    /** Languages as their speakers name them (and as English names them), as language switchers write them. */
    private static final Set<String> LANGUAGES = Set.of("english", "en", "中文", "简体中文", "繁體中文", "繁体中文", "正體中文",
            "简体", "繁體", "chinese", "simplified chinese", "traditional chinese", "日本語", "日本语", "japanese", "한국어", "korean",
            "deutsch", "german", "español", "espanol", "spanish", "français", "francais", "french", "português", "portugues",
            "português - brasil", "português (brasil)", "portuguese", "русский", "russian", "türkçe", "turkish", "italiano",
            "italian", "polski", "polish", "tiếng việt", "vietnamese", "bahasa indonesia", "indonesian", "українська",
            "ukrainian", "العربية", "arabic", "עברית", "hebrew", "فارسی", "پارسی", "persian", "ภาษาไทย", "ไทย", "thai",
            "বাংলা", "bengali", "हिन्दी", "hindi", "uzbek", "o'zbek", "nederlands", "dutch", "svenska", "čeština",
            "ελληνικά", "magyar", "română", "dansk", "norsk", "suomi", "zh", "zh-cn", "zh-tw", "ja", "ko", "de", "fr", "es",
            "ru", "pt", "pt-br", "it", "tr");

    /**
     * A translation of a page: README.ja.md, README_zh-CN.md, README-en.md, readme.zh.md, and with language and
     * region joined, README-ptbr.md, README_zhTW.md (only common pairs: a four-letter word is no language).
     */
    private static final Pattern TRANSLATION = Pattern.compile(
            "(?i)(?:^|.*/)(?:readme|index|summary)[._-](?:[a-z]{2,3}(?:[_-][a-z]{2,4})?"
            + "|(?:pt|zh|en|es|fr|de)(?:br|pt|cn|tw|hk|sg|us|gb|mx|ar|ca|fr|de|at|ch))\\.(?:md|markdown)$");

    /** Words of a navigation footer: the previous and next page, the way back. */
    private static final Pattern NAVIGATION = Pattern.compile(
            "(?i)^[\\s*_|<>«»←→⬅➡⬆\\[\\]()-]*(?:(?:上一|下一|前一|后一|後一)[节章篇页頁部课講讲节節回]|上一部分|下一部分"
            + "|返回(?:目录|目錄|首页|首頁|顶部|頂部|上一?级|上層|上层)|回到(?:目录|目錄|首页|顶部)|首页"
            + "|(?:prev(?:ious)?|next|back|home|up)(?: (?:page|chapter|section|lesson|part))?(?=$|\\s*[:：»→>|)\\]])).*");

    /** The files a repository keeps for its own upkeep, which a README links to but are not part of the book. */
    private static final Pattern HOUSEKEEPING = Pattern.compile(
            "(?i)(?:^|.*/)(?:contributing|code_of_conduct|code-of-conduct|license|licence|changelog|history|security|"
            + "pull_request_template|issue_template|backers|sponsors|authors|contributors)(?:\\.(?:md|markdown|txt))?$");

    private LinkRoles() {
    }

    /** True for a link of a README to a file of the repository's upkeep (CONTRIBUTING.md, LICENSE, CHANGELOG.md). */
    static boolean housekeeping(String targetPath) {
        return HOUSEKEEPING.matcher(targetPath).matches();
    }

    /** True for a translation of a page (README.ja.md, README-zh.md): another language's book, not a chapter. */
    static boolean translation(String path) {
        return TRANSLATION.matcher(path).matches();
    }

    /** True for a link whose text names a language: a switch to a translation of the book, not a chapter. */
    static boolean languageSwitch(LinkItem link, String targetPath) {
        String t = clean(link.text());
        return LANGUAGES.contains(t) || TRANSLATION.matcher(targetPath).matches();
    }

    /** True for a link to the table of contents ("目录", "Table of Contents", "返回目录"). */
    static boolean contents(LinkItem link) {
        return CONTENTS_LINKS.contains(clean(link.text()));
    }

    /** True for a link of a navigation footer: "上一节：[…]", "[下一章](…)", "Next: […]", "[« Previous](…)". */
    static boolean navigation(LinkItem link) {
        String before = link.before().strip();
        return NAVIGATION.matcher(clean(link.text())).matches()
                || (!before.isEmpty() && before.length() <= 12 && NAVIGATION.matcher(before).matches());
    }

    /** True when a heading or link text only names the table of contents. */
    static boolean isContentsHeading(String text) {
        return CONTENTS_HEADINGS.contains(clean(text));
    }

    /** Lower case, without emphasis marks, emoji and the punctuation around a word ("_简体中文_", "📌 目录"). */
    static String clean(String s) {
        String t = OutlineReader.stripSymbols(s).toLowerCase(Locale.ROOT);
        return t.replaceAll("^[\\s*_:：|·•\\[\\](){}<>«»-]+|[\\s*_:：|·•\\[\\](){}<>«»-]+$", "").strip();
    }
}
