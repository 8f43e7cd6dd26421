package dev.studybook.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.config.Request;
import dev.studybook.error.Diagnostics;
import dev.studybook.testing.TestBooks;
import dev.studybook.testing.TestFonts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} reads and converts a book exactly as {@code build} does, and adds what only a lint can find. */
class BookCheckerTest {

    @TempDir
    Path tmp;

    @Test
    void checkAndBuildAgreeOnABookWithItsOwnFonts() throws IOException {
        // The bug: check loaded only the bundled fonts, build the book's too; with a font of its own declared in
        // book.yaml, build warned about 2 characters and exited 0, check reported 9 errors.
        Path book = Files.createDirectories(tmp.resolve("book"));
        Files.createDirectories(book.resolve("fonts"));
        Files.write(book.resolve("fonts/yi.ttf"), TestFonts.withOnlyCharacter(0xA000));
        Files.writeString(book.resolve("book.yaml"), "title: 字体\nfonts:\n  - file: fonts/yi.ttf\n    family: Yi Test\n");
        Files.writeString(book.resolve("README.md"), "# 字体\n\n[一](one.md)\n");
        Files.writeString(book.resolve("one.md"), "# 一\n\n书自带的字体有 \uA000，哪个字体都没有 \uA001。\n");

        TestBooks.Built built = TestBooks.build(book, tmp.resolve("out"));
        List<String> fromBuild = built.diagnostics().warnings().stream()
                .filter(w -> w.kind() == Diagnostics.Kind.GLYPH).map(Object::toString).toList();
        List<String> fromCheck = BookChecker.check(Request.read(book, Optional.empty())).stream()
                .filter(f -> f.kind() == Diagnostics.Kind.GLYPH)
                .map(f -> f.location() + ": " + f.message()).toList();
        assertEquals(1, fromBuild.size(), fromBuild.toString());
        assertTrue(fromBuild.get(0).contains("one.md:3:") && fromBuild.get(0).contains("U+A001"), fromBuild.get(0));
        assertEquals(fromBuild, fromCheck);
    }

    @Test
    void everyBuildWarningIsACheckFinding() throws IOException {
        Path book = TestBooks.copy("build/basic", tmp.resolve("book"));
        TestBooks.Built built = TestBooks.build(book, tmp.resolve("out"));
        List<String> findings = BookChecker.check(Request.read(book, Optional.empty())).stream()
                .map(f -> f.location() + ": " + f.message()).toList();
        for (Diagnostics.Warning w : built.diagnostics().warnings()) {
            assertTrue(findings.contains(w.toString()), "check misses the build's '" + w + "' in " + findings);
        }
    }

    @Test
    void unusedFilesAndDuplicateTitlesAreCheckOnly() throws IOException {
        Path book = Files.createDirectories(tmp.resolve("book"));
        Files.writeString(book.resolve("README.md"), "# 书\n\n- [同名](a.md)\n- [同名](b.md)\n");
        Files.writeString(book.resolve("a.md"), "# 甲\n\n正文。\n");
        Files.writeString(book.resolve("b.md"), "# 乙\n\n正文。\n");
        Files.writeString(book.resolve("orphan.md"), "# 没人链接\n");
        List<Finding> findings = BookChecker.check(Request.read(book, Optional.empty()));
        assertTrue(findings.stream().anyMatch(f -> f.location().file().endsWith("orphan.md")
                && f.kind() == Diagnostics.Kind.UNLINKED_FILE && !f.error()), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.location().line() == 4 && f.message().contains("same title '同名'")),
                findings.toString());
    }

    @Test
    void sameTitleUnderTwoParentsIsNoDuplicate() {
        // The bug: rust-lang/rust-by-example's "Mutability" and yeasy/docker_practice's "本章小结" closing each
        // chapter were 11 and 20 warnings, though the contents show each under its own chapter.
        Path book = TestBooks.book("check/same-title-under-two-parents");
        List<Finding> same = BookChecker.check(Request.read(book, Optional.empty())).stream()
                .filter(f -> f.message().contains("has the same title")).toList();
        assertEquals(1, same.size(), same.toString());
        assertEquals(8, same.get(0).location().line(), same.toString());
        assertTrue(same.get(0).message().contains("(line 7) has the same title 'Buffers'"), same.toString());
    }

    @Test
    void unlistedMdxPageOfABookWithMdxChaptersIsReportedLikeAnUnlistedMdPage() {
        // The bug: only .md and .markdown files were counted, so a site's .mdx page that no index lists was left out
        // of the book without a word.
        Path book = TestBooks.book("check/unlisted-mdx-page");
        List<Finding> unlinked = BookChecker.check(Request.read(book, Optional.empty())).stream()
                .filter(f -> f.kind() == Diagnostics.Kind.UNLINKED_FILE).toList();
        assertEquals(List.of("storing.mdx"), unlinked.stream().map(f -> f.location().file().getFileName().toString())
                .toList());
        assertTrue(unlinked.get(0).message().contains("no index page links to this file"), unlinked.toString());
    }
}
