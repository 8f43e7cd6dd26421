package dev.studybook.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.ReadingSystems;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Justified lines before long inline code on a 360 px phone screen in headless Chromium (issue 17: "on phones,
 * lines before long inline code get very large gaps"): code that could only move to the next line whole, or
 * short code with a space laid out as one piece, left the line before it with blanks of two to ten em (on main,
 * 8 of this book's 37 justified lines had a blank over 2 em, up to 9.7 em). No justified line but a paragraph's
 * last has a blank wider than {@value #MAX_GAP} em, and no word is letter-spaced.
 */
class PhoneJustificationTest {

    /**
     * The widest blank allowed, in em: a line of a phone (about 22 em) with a 10-character identifier that
     * cannot break after it and few Chinese characters to share the slack may still need 1.5 em.
     */
    static final int MAX_GAP = 2;

    @TempDir
    static Path dir;

    @Test
    void linesBeforeLongInlineCodeHaveNoGapWiderThanTwoEmOnAPhone() throws IOException {
        assertNoWideGaps("ch01.xhtml");
    }

    /**
     * A path, a file or an identifier written without backticks ({@code （runtime/proc.go）},
     * {@code cpu.cfs_period_us}, {@code ReadHeader/Read/Write/Idle}) moved to the next line whole: the line before
     * it had blanks of 4 to 13 em on a phone (these paragraphs from content/: 4.2, 4.8, 10.9 and 13.5 em).
     */
    @Test
    void linesBeforePathsWrittenWithoutBackticksHaveNoGapWiderThanTwoEmOnAPhone() throws IOException {
        assertNoWideGaps("ch02.xhtml");
    }

    /**
     * All-lowercase runtime names have no camelCase seam ({@code panicmakeslicelen / panicmakeslicecap}, from
     * content/'s chapter 9): the line before them had a blank of 11 em on a phone. They break between words the
     * book spells elsewhere ({@code makeslice}, "panic", {@code len}).
     */
    @Test
    void linesBeforeLongLowercaseNamesHaveNoGapWiderThanTwoEmOnAPhone() throws IOException {
        assertNoWideGaps("ch03.xhtml");
    }

    /**
     * All-lowercase names of 8 and 9 letters and names with a two-letter word ({@code stringtoslicebyte},
     * {@code nosynchashtriemap}, from content/) had no break opportunity: the line before them had blanks of 2.4 to
     * 4.6 em on a phone. They break between words the book spells ({@code string|toslice|byte}).
     */
    @Test
    void linesBeforeShortLowercaseNamesAndNamesWithTwoLetterWordsHaveNoGapWiderThanTwoEmOnAPhone() throws IOException {
        assertNoWideGaps("ch04.xhtml");
    }

    /**
     * Inline code that is a message of words ({@code fatal error: concurrent map writes},
     * {@code cannot use type assertion on type parameter value}, from content/) was kept out of justification with
     * all other code, so a line made mostly of it had only two or three blanks to stretch: 2.6 to 3.7 em on a phone.
     * Its spaces now stretch with the prose's.
     */
    @Test
    void linesEndingInsideMessagesWrittenAsCodeHaveNoGapWiderThanTwoEmOnAPhone() throws IOException {
        assertNoWideGaps("ch05.xhtml");
    }

    /**
     * Compiler messages that quote a name or end in a note in parentheses ({@code "const" escapes to heap},
     * {@code channel element type too large (>64kB)}, from content/) were kept out of justification as code: a
     * line made mostly of one had blanks of 3.5 and 4.1 em on a phone. They stretch as the prose does.
     */
    @Test
    void linesEndingInsideMessagesWithQuotesOrParenthesesHaveNoGapWiderThanTwoEmOnAPhone() throws IOException {
        assertNoWideGaps("ch06.xhtml");
    }

    /**
     * A call whose argument list is one short piece ({@code new(_defer)}, {@code cachedTypeFields(t)}, from
     * content/) could break only after its {@code (} when a name followed: moved to the next line whole, it left
     * the line before it with a blank of 2.1 em on a phone. It may break before its {@code (} too.
     */
    @Test
    void linesBeforeCallsWithShortArgumentsHaveNoGapWiderThanTwoEmOnAPhone() throws IOException {
        assertNoWideGaps("ch07.xhtml");
    }

    /**
     * A paragraph or list item that is a third or more inline code (from content/'s chapter 1: {@code runtime/map.go}
     * 只剩 {@code makemap}、{@code mapaccess1}…) had blanks of one to two em on a phone however its code was cut: a
     * line holds about twenty Chinese characters and code moves on in pieces of up to a third of one (386 lines of
     * content/'s 11,139 with a blank over 1 em). It is ragged right on a narrow screen and justified on a wider one;
     * text with a name or two in it stays justified on both.
     */
    @Test
    void codeDenseParagraphsAreRaggedOnlyOnNarrowScreens() throws IOException {
        Optional<Path> chromium = ReadingSystems.chromium();
        Assumptions.assumeTrue(chromium.isPresent(),
                "Chromium is not installed: justification not checked (apt-get install chromium, or set STUDYBOOK_CHROMIUM)");
        oebps();
        String x = Files.readString(oebps.resolve("ch08.xhtml"));
        Files.writeString(oebps.resolve("align-ch08.xhtml"), x.replace("</body>", "<script>//<![CDATA[\n"
                + "addEventListener('load', () => parent.postMessage([...document.querySelectorAll('body p, body li')]"
                + ".filter(e => !e.querySelector('p')).map(e => getComputedStyle(e).textAlign).join(' '), '*'));"
                + "\n//]]></script></body>"));
        for (int width : new int[] {ReaderThemesTest.PHONE, 800}) {
            Path page = oebps.resolve("align-ch08-" + width + ".html");
            Files.writeString(page, ReaderThemesTest.phoneFrame("align-ch08.xhtml").replace("width:" + ReaderThemesTest.PHONE
                    + "px", "width:" + width + "px"));
            String dom = ReadingSystems.dumpDom(chromium.get(), page.toUri().toString(), width + 20, 640, false);
            Matcher m = Pattern.compile("<pre id=\"studybook-report\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
            assertTrue(m.find(), "the script ran at " + width + " px");
            assertEquals(width == ReaderThemesTest.PHONE ? "left justify left justify" : "justify justify justify justify",
                    m.group(1), "text-align of the two paragraphs and two list items at " + width + " px");
        }
    }

    private static void oebps() throws IOException {
        if (oebps == null) {
            Path epub = TestBooks.build(TestBooks.book("readers/justify"), dir.resolve("out"), "epub").output("epub");
            oebps = ReaderThemesTest.unzip(epub, dir.resolve("epub")).resolve("OEBPS");
        }
    }

    private static Path oebps;

    private static void assertNoWideGaps(String chapter) throws IOException {
        Optional<Path> chromium = ReadingSystems.chromium();
        Assumptions.assumeTrue(chromium.isPresent(),
                "Chromium is not installed: justification not checked (apt-get install chromium, or set STUDYBOOK_CHROMIUM)");
        oebps();
        String js = new String(PhoneJustificationTest.class.getResourceAsStream("/readers/justify.js").readAllBytes(),
                StandardCharsets.UTF_8);
        // Measured as a reader that ignores epub.css's narrow-screen rule (a media query) justifies them: a paragraph
        // of much code is ragged right on a phone (codeDenseParagraphsAreRaggedOnlyOnNarrowScreens), and these are.
        String x = Files.readString(oebps.resolve(chapter)).replace("</head>", "<style>p.cd, li.cd, dd.cd"
                + " { text-align: justify !important; }</style></head>");
        Files.writeString(oebps.resolve("justify-" + chapter),
                x.replace("</body>", "<script>//<![CDATA[\nwindow.MAX_GAP = " + MAX_GAP + ";\n" + js + "\n//]]></script></body>"));
        Path page = oebps.resolve("justify-" + chapter + ".html");
        Files.writeString(page, ReaderThemesTest.phoneFrame("justify-" + chapter));
        String dom = ReadingSystems.dumpDom(chromium.get(), page.toUri().toString(), ReaderThemesTest.PHONE, 640, false);
        Matcher m = Pattern.compile("<pre id=\"studybook-report\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertTrue(m.find(), "the measuring script ran");
        String report = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
        Matcher checked = Pattern.compile("checked (\\d+) paragraphs, (\\d+) justified lines").matcher(report);
        assertTrue(checked.find() && Integer.parseInt(checked.group(2)) >= 15, "justified lines were measured: " + report);
        assertEquals(List.of(), report.lines().filter(l -> l.startsWith("gap ") || l.startsWith("letter-spaced")).toList(),
                report);
    }
}
