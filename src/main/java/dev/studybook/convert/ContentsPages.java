package dev.studybook.convert;

import dev.studybook.load.LinkResolver;
import dev.studybook.load.LinkTarget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown pages of the book's folder that are not chapters but list them: another table of contents
 * (astaxie/build-web-application-with-golang's preface.md beside its SUMMARY.md, which each of its 95 sections
 * links as "目录" at its foot). A link to one leads to the book's contents, as a link to the index page does,
 * instead of being shown as plain text with a warning. Each page is read once per build, at most its first 256 KB.
 */
final class ContentsPages {

    /** A page is a contents page when at least this many of its links lead to chapters... */
    static final int MIN_CHAPTER_LINKS = 3;
    /** ...and they are at least this share of its links to pages of the book's folder. */
    static final double MIN_SHARE = 0.8;

    private static final Pattern LINK = Pattern.compile("\\]\\(\\s*<?([^()<>\\s]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

    private final LinkResolver resolver;
    private final Map<Path, String> chapterIds;
    private final Map<Path, Boolean> known = new ConcurrentHashMap<>();

    ContentsPages(LinkResolver resolver, Map<Path, String> chapterIds) {
        this.resolver = resolver;
        this.chapterIds = chapterIds;
    }

    /** Whether {@code page}, a Markdown file that is no chapter, is a contents page of the book's chapters. */
    boolean isContents(Path page) {
        return known.computeIfAbsent(page, this::read);
    }

    private boolean read(Path page) {
        String text;
        try (InputStream in = Files.newInputStream(page)) {
            text = new String(in.readNBytes(256 * 1024), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        int chapters = 0;
        int local = 0;
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            Optional<LinkTarget> t = resolver.parse(m.group(1));
            if (t.isEmpty() || t.get().isFragmentOnly() || t.get().kind() == LinkTarget.Kind.REPOSITORY) {
                continue;
            }
            LinkResolver.Resolution r = resolver.resolveFrom(page.getParent(), t.get());
            if (r instanceof LinkResolver.Found found) {
                local++;
                if (chapterIds.containsKey(found.file())) {
                    chapters++;
                }
            }
        }
        return chapters >= MIN_CHAPTER_LINKS && chapters >= MIN_SHARE * local;
    }
}
