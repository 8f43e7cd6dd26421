package dev.studybook.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.Cli;
import dev.studybook.testing.EpubCheckRunner;
import dev.studybook.testing.EpubContents;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Books shaped like the repositories people build: their own GitHub URLs, links between chapters as their web sites
 * write them, an mdBook reaching beside src/, an index page saved outside the clone, an English book, missing
 * chapters. Each is built end to end and its EPUB passes EPUBCheck.
 */
class RepositoryBooksTest {

    @TempDir
    Path tmp;

    private EpubContents epub(Path book, String... args) throws IOException {
        Path out = tmp.resolve("out-" + book.getFileName());
        String[] all = new String[args.length + 6];
        all[0] = "build";
        all[1] = "--content";
        all[2] = book.toString();
        all[3] = "--out";
        all[4] = out.toString();
        all[5] = "--format=epub";
        System.arraycopy(args, 0, all, 6, args.length);
        Cli.Run r = Cli.run(all);
        assertEquals(0, r.code(), r.out() + r.err());
        Path epub = EpubContents.written(out);
        EpubCheckRunner.Result check = EpubCheckRunner.check(epub);
        assertTrue(check.clean(), check.toString());
        return EpubContents.read(epub);
    }

    private static List<String> hrefs(EpubContents e, String chapterTitle) {
        return e.body(e.chapterFile(chapterTitle)).select("a[href]").stream().map(a -> a.attr("href")).toList();
    }

    @Test
    void picturesGivenAsTheRepositorysOwnUrlsAreTheLocalFilesAndAnotherRepositorysStayRemote() throws IOException {
        EpubContents e = epub(TestBooks.book("repository/own-urls"));
        String file = e.chapterFile("第一篇 基础");
        Element body = e.body(file);
        List<Element> local = body.select("img").stream().filter(i -> e.resolve(file, i.attr("src")).isPresent()).toList();
        assertEquals(4, local.size(), body.html());
        assertTrue(body.text().contains("https://raw.githubusercontent.com/other-owner/pictures/main/images/a.png"),
                "the other repository's picture is shown by its URL, never fetched");
        // Files of the repository that are not chapters are linked on GitHub.
        assertTrue(hrefs(e, "第一篇 基础").containsAll(List.of(
                "https://github.com/studybook-test/notes/blob/HEAD/examples/main.go",
                "https://github.com/studybook-test/notes/tree/HEAD/examples")), hrefs(e, "第一篇 基础").toString());
        // A link of its own repository to a chapter leads to the chapter.
        assertTrue(hrefs(e, "第二篇 进阶").stream().anyMatch(h -> h.startsWith(e.chapterFile("第一篇 基础"))),
                hrefs(e, "第二篇 进阶").toString());
    }

    @Test
    void linksInsideChaptersLeadToTheContentsFoldersReadmesAndTheMdOfHtmlPages() throws IOException {
        EpubContents e = epub(TestBooks.book("chapter-links/book"));
        String install = e.chapterFile("Install");
        String guide = e.chapterFile("Guide");
        List<String> fromIntro = hrefs(e, "Introduction");
        assertEquals(List.of(guide, install), fromIntro);
        List<String> fromGuide = hrefs(e, "Guide");
        assertTrue(fromGuide.contains(install + "#steps"), fromGuide.toString());
        assertTrue(fromGuide.contains("nav.xhtml"), "a link to SUMMARY.md leads to the table of contents: " + fromGuide);
        assertTrue(fromGuide.contains("https://github.com/studybook-test/chapter-links/blob/HEAD/examples/main.go"), fromGuide.toString());
        assertTrue(fromGuide.contains("https://github.com/studybook-test/chapter-links/tree/HEAD/examples"), fromGuide.toString());
        // The footer stays a pair of links in the chapter and never becomes an entry of the contents.
        assertTrue(fromGuide.contains(e.chapterFile("Introduction")) && fromGuide.contains(install), fromGuide.toString());
        assertEquals(List.of("Introduction", "Guide", "Install"), e.nav().chapterLabels());
        List<String> fromInstall = hrefs(e, "Install");
        assertEquals(List.of(guide, "nav.xhtml"), fromInstall);
    }

    @Test
    void aDocSitesRouteLinksWereShownAsPlainTextAsIfTheyLedToAFolder() throws IOException {
        // guide/setup means guide/setup.md even though a folder guide/setup/ of pictures stands beside it.
        EpubContents e = epub(TestBooks.book("links/routes"));
        String setup = e.chapterFile("Setup");
        String reference = e.chapterFile("Reference");
        String options = e.chapterFile("Options");
        assertEquals(List.of(reference, setup), hrefs(e, "Introduction"));
        assertEquals(List.of(options + "#flags"), hrefs(e, "Setup"));
        assertEquals(List.of(reference + "#overview"), hrefs(e, "Options"));
    }

    @Test
    void aLinkToAFolderWhosePageIsNoChapterSaidOnlyThatItLedToAFolder() throws IOException {
        // Snailclimb/JavaGuide: 44 links to folders with a README.md the sidebar leaves out were reported as "a folder".
        Cli.Run r = Cli.run("build", "--content", TestBooks.book("links/folder-page-not-chapter").toString(), "--out",
                tmp.resolve("o").toString(), "--format", "epub");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("knots.md:3: the link to 'notes/' leads to a folder whose page README.md is not a chapter of the book"), r.err());
        assertTrue(r.err().contains("knots.md:5: the link to 'notes/sketches/' leads to a folder;"), r.err());
    }

    @Test
    void anMdBookIncludesItsListingsBesideSrcButNothingOutsideTheRepository() throws IOException {
        Path repo = TestBooks.copy("confinement/mdbook-repo", tmp.resolve("repo"));
        Files.writeString(tmp.resolve("outside.txt"), "SECRET-OUTSIDE-THE-REPOSITORY\n", StandardCharsets.UTF_8);
        Cli.Run r = Cli.run("build", "--content", repo.resolve("src").toString(), "--out", tmp.resolve("o").toString(),
                "--format", "epub");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("outside.txt' lies outside the book's folder and is not read"), r.err());
        EpubContents e;
        try (var files = Files.list(tmp.resolve("o"))) {
            e = EpubContents.read(files.findFirst().orElseThrow());
        }
        assertTrue(EpubCheckRunner.check(tmp.resolve("o").resolve("listings-beside-the-source.epub")).clean());
        assertTrue(e.visibleText().contains("Hello, listing!"), "the listing beside src/ is included");
        assertFalse(e.visibleText().contains("SECRET-OUTSIDE"), "nothing outside the repository is read");
        assertEquals(List.of("Preface", "Hello"), e.nav().chapterLabels());
    }

    @Test
    void theSeedsIndexPageSavedOutsideTheCloneItIndexesBuildsTheWholeBook() throws IOException {
        Path clone = TestBooks.copy("index/seed", tmp.resolve("awesome_golang_learning"));
        Path saved = tmp.resolve("downloads/000_seed.txt");
        Files.createDirectories(saved.getParent());
        Files.move(clone.resolve("README.md"), saved);
        EpubContents e = epub(clone, "--index", saved.toString());
        assertEquals(8, e.nav().chapterLabels().size(), e.nav().outline());
        assertEquals("Go语言面试题深度解析", e.title());
        assertFalse(e.manifest().stream().anyMatch(i -> i.href().contains("NotoSerif-")), "a Chinese book keeps its faces");
    }

    @Test
    void anEnglishBookIsLabelledEnglishAndItsTitlesAreShownOnce() throws IOException {
        EpubContents e = epub(TestBooks.book("metadata/english"));
        assertEquals("en", e.opf().selectFirst("dc|language, language").text());
        assertTrue(e.text(e.navFile()).contains("<h1>Contents</h1>"), "English labels");
        Element pipes = e.body(e.chapterFile("Pipes"));
        assertEquals(1, pipes.select("h1, h2, h3").stream().filter(h -> h.text().equals("Pipes")).count(), pipes.html());
        assertEquals(List.of("Quoting", "Pipes"), e.nav().chapterLabels());
        assertFalse(e.text(e.navFile()).contains("#pipes\">Pipes"), "the title is not a section of its own chapter too");
        // Set in a Latin serif with real italics: the Chinese faces draw quotes full-width and have no italics.
        assertTrue(e.manifest().stream().anyMatch(i -> i.href().endsWith("NotoSerif-Italic.ttf")), e.manifest().toString());
        assertTrue(e.visibleText().contains("Don’t forget: “double” and ‘single’"), "curly quotes kept as written");
    }

    @Test
    void aChapterWhoseFirstHeadingRepeatsTheLinkTextShowsItOnce() throws IOException {
        EpubContents e = epub(TestBooks.book("index-forms/anchor-list"));
        Element body = e.body(e.chapterFile("1.1 如何反转一个链表？"));
        assertEquals(1, body.select("h1, h2").size(), body.html());
        assertEquals("h1", body.select("h1, h2").first().tagName());
    }

    @Test
    void checkListsEveryMissingChapterAndBuildStopsNamingThemAllOrSkipsThem() throws IOException {
        Path book = TestBooks.book("missing/summary");
        Cli.Run check = Cli.run("check", "--content", book.toString());
        assertEquals(1, check.code());
        List<String> missing = check.out().lines().filter(l -> l.contains("chapter file not found")).toList();
        assertEquals(4, missing.size(), check.out());
        for (String at : List.of("SUMMARY.md:6: error:", "SUMMARY.md:8: error:", "SUMMARY.md:10: error:",
                "SUMMARY.md:7: warning:")) {
            assertTrue(missing.stream().anyMatch(l -> l.contains(at)), at + " in\n" + check.out());
        }
        Path out = tmp.resolve("out");
        Cli.Run build = Cli.run("build", "--content", book.toString(), "--out", out.toString(), "--format", "epub");
        assertEquals(1, build.code());
        for (String at : List.of("SUMMARY.md:6: ", "SUMMARY.md:8: ", "SUMMARY.md:10: ")) {
            assertTrue(build.err().contains(at), at + " in\n" + build.err());
        }
        assertTrue(build.err().contains("--skip-missing"), build.err());
        assertFalse(Files.exists(out.resolve("summary.epub")));
        Cli.Run skip = Cli.run("build", "--content", book.toString(), "--out", out.toString(), "--format", "epub",
                "--skip-missing");
        assertEquals(0, skip.code(), skip.err());
        assertEquals(3, skip.err().lines().filter(l -> l.startsWith("warning: ") && l.contains("chapter file not found")
                && l.contains("left out of the book")).count(), skip.err());
    }

    @Test
    void thirtySkippedChaptersWereThirtyWarningLinesEachSayingToUseTheSkipMissingAlreadyGiven() throws IOException {
        // tmrts/go-patterns lists 30 patterns not written yet: --skip-missing printed 30 lines, each telling the
        // user "with --skip-missing the book is built without it".
        Path book = TestBooks.book("missing/many-skipped");
        Cli.Run skip = Cli.run("build", "--content", book.toString(), "--out", tmp.resolve("out").toString(), "--format",
                "epub", "--skip-missing");
        assertEquals(0, skip.code(), skip.err());
        List<String> missing = skip.err().lines().filter(l -> l.contains("chapter file not found")).toList();
        assertEquals(1, missing.size(), skip.err());
        assertTrue(missing.get(0).contains("SUMMARY.md:4: ") && missing.get(0).contains("left out of the book")
                && missing.get(0).contains("(and 3 more like it in 1 file;"), missing.get(0));
        assertFalse(skip.err().contains("with --skip-missing"), skip.err());
    }

    @Test
    void anEpubWithTheCoverOfBookYamlIsWrittenWithItsCoverOnce() throws IOException {
        // `cover: images/front.jpg` made the EPUB fail to write ("duplicate entry: OEBPS/images/front.jpg", exit 3):
        // the picture was put in once as the cover and once as one of the book's pictures.
        Path book = TestBooks.book("metadata/book-yaml-cover");
        EpubContents e = epub(book);
        List<EpubContents.Item> covers = e.manifest().stream().filter(i -> i.href().equals("images/front.jpg")).toList();
        assertEquals(1, covers.size(), e.manifest().toString());
        assertEquals("cover-image", covers.get(0).properties());
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(book.resolve("images/front.jpg")), e.bytes("images/front.jpg")));
        assertEquals("images/front.jpg", e.body(e.chapterFile("第一章")).selectFirst("img").attr("src"));
    }

    @Test
    void aGitBooksCoverJpgBesideItsSummaryIsTheCover() throws IOException {
        // yeasy/blockchain_guide, hust-open-atom-club/linux-insides-zh: the author's cover.jpg beside SUMMARY.md,
        // which GitBook and HonKit put on the ebooks they make, was ignored and a cover drawn instead.
        Path book = TestBooks.book("metadata/gitbook-cover-jpg");
        EpubContents e = epub(book);
        EpubContents.Item cover = e.manifest().stream().filter(i -> i.properties().equals("cover-image")).findFirst()
                .orElseThrow();
        assertEquals("image/jpeg", cover.mediaType());
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(book.resolve("cover.jpg")), e.bytes(cover.href())),
                cover.href());
        assertEquals(cover.href(), e.body("cover.xhtml").selectFirst("img").attr("src"));
    }
}
