package dev.studybook.xhtml;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * A section that is only a web page's navigation footer: a heading ("links", "链接") over "[目录](…)",
 * "上一节: […]", "下一节: […]". A book has its own contents and turns its own pages, so such a heading names nothing
 * a reader looks for in the contents: tiancaiamao/go-internals listed "links" under 26 of its 40 chapters, astaxie's
 * build-web-application-with-golang under 95.
 */
final class NavigationSection {

    /** One entry of a navigation footer, as its text reads once its link is in place. */
    private static final Pattern ENTRY = Pattern.compile(
            "(?i)^[\\s*_|<>«»←→⬅➡⬆\\[\\]()-]*(?:目录|目錄|返回目录|回到目录|返回目錄|回到目錄|返回首页|回到首页|首页"
            + "|(?:上一|下一|前一|后一|後一)[节章篇页頁部课講讲節回]|contents|table of contents"
            + "|(?:prev(?:ious)?|next|back)(?:\\s+(?:page|chapter|section))?(?=\\s*(?:[:：»→>|]|$)))(?s).*");

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private NavigationSection() {
    }

    /**
     * True when every block between {@code heading} and the next heading of its level or above is a list or a
     * paragraph of navigation entries, each with a link, and there is at least one.
     */
    static boolean isFooter(Element heading) {
        int level = heading.tagName().charAt(1) - '0';
        int entries = 0;
        for (Element el = heading.nextElementSibling(); el != null; el = el.nextElementSibling()) {
            String name = el.normalName();
            if (HEADINGS.contains(name)) {
                if (name.charAt(1) - '0' <= level) {
                    break;
                }
                return false;
            }
            switch (name) {
                case "hr" -> {
                }
                case "p" -> {
                    if (!entry(el)) {
                        return false;
                    }
                    entries++;
                }
                case "ul", "ol" -> {
                    for (Element li : el.children()) {
                        if (!li.normalName().equals("li") || !entry(li)) {
                            return false;
                        }
                        entries++;
                    }
                }
                default -> {
                    return false;
                }
            }
        }
        return entries > 0;
    }

    private static boolean entry(Element el) {
        return !el.select("a[href]").isEmpty() && ENTRY.matcher(el.text().strip()).matches();
    }
}
