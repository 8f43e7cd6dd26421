package dev.studybook.output.anki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.build.BuildSession;
import dev.studybook.build.Builder;
import dev.studybook.build.Progress;
import dev.studybook.error.Diagnostics;
import dev.studybook.model.Book;
import dev.studybook.model.ChapterBody;
import dev.studybook.model.Question;
import dev.studybook.testing.AnkiDecks;
import dev.studybook.testing.PdfContent;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Anki deck of the study test books, read back through SQLite: its notes, cards, decks, media and bytes. */
class AnkiOutputTest {

    @TempDir
    Path tmp;

    /** The questions conversion finds in a book. */
    static List<Question> questions(Path book) {
        Book b = Builder.convert(TestBooks.load(book), new Diagnostics(), BuildSession.once(Progress.NONE));
        return b.chapters().stream().flatMap(c -> c.questions().stream()).toList();
    }

    static Path deck(Path book, Path out, String... formats) {
        return TestBooks.build(book, out, formats).output("anki");
    }

    @ParameterizedTest
    @CsvSource({"bold, 7, 8, 2", "headings, 2, 2, 1", "list, 3, 3, 1", "custom, 3, 3, 1"})
    void eachQuestionPatternGivesItsNotes(String name, int notes, int cards, int chapters) {
        Path book = TestBooks.book("study/" + name);
        assertEquals(notes, questions(book).size(), name + ": questions found");
        Path apkg = deck(book, tmp, "anki");
        assertEquals(notes, AnkiDecks.number(apkg, "select count(*) from notes"));
        assertEquals(cards, AnkiDecks.number(apkg, "select count(*) from cards"));
        assertEquals(chapters, AnkiDecks.number(apkg, "select count(distinct did) from cards"), "one sub-deck per chapter");
        assertEquals(notes, AnkiDecks.number(apkg, "select count(distinct guid) from notes"));
    }

    @Test
    void boldQuestionsReviewCardsAndClozesHaveTheirFields() {
        Path apkg = deck(TestBooks.book("study/bold"), tmp, "anki");
        List<List<String>> notes = AnkiDecks.query(apkg, "select flds, tags from notes order by id");
        List<String> fronts = notes.stream().map(n -> n.get(0).split("\u001f", -1)[0]).toList();
        assertEquals(List.of("无缓冲通道的发送什么时候返回？", "关闭一个 nil 通道会怎样？", "What does a receive on a closed channel return?",
                "无缓冲", "关闭 nil 通道会 {{c1::<strong>panic</strong>}}，重复关闭也会 {{c2::<code>panic</code>}}。",
                "通道是先进先出的……", "append 之后为什么要接住返回值？"), fronts);
        String first = notes.get(0).get(0);
        assertTrue(first.contains("<span class=\"k\">go</span>"), "the answer keeps the book's highlighting: " + first);
        assertTrue(first.contains("通道</span> › 面试追问"), "the card names its chapter and section: " + first);
        assertEquals(" bold::01-channel 面试追问 ", notes.get(0).get(1));
        assertEquals(" bold::01-channel 速记 ", notes.get(4).get(1));
        assertEquals(List.of(List.of("问答小书"), List.of("问答小书::01 通道"), List.of("问答小书::02 切片")),
                decks(apkg));
    }

    private static List<List<String>> decks(Path apkg) {
        String json = AnkiDecks.query(apkg, "select decks from col").get(0).get(0);
        Matcher m = Pattern.compile("\"name\":\"([^\"]+)\"").matcher(json);
        List<List<String>> names = new java.util.ArrayList<>();
        while (m.find()) {
            if (!m.group(1).equals("Default")) {
                names.add(List.of(m.group(1)));
            }
        }
        return names;
    }

    @Test
    void picturesTravelAsMediaAndSvgAsPng() {
        Path apkg = deck(TestBooks.book("study/bold"), tmp, "anki");
        assertEquals("{\"0\":\"bold-images-flow.png\",\"1\":\"bold-images-diagram.png\"}", AnkiDecks.media(apkg));
        byte[] png = AnkiDecks.entries(apkg).get("0");
        assertEquals("\u0089PNG", new String(png, 0, 4, StandardCharsets.ISO_8859_1));
        String back = AnkiDecks.query(apkg, "select flds from notes where flds like '%flow.png%'").get(0).get(0);
        assertTrue(back.contains("<img src=\"bold-images-flow.png\""), back);
    }

    @Test
    void theSameBookGivesTheSameBytes() throws IOException {
        Path book = TestBooks.book("study/bold");
        Path a = deck(book, tmp.resolve("a"), "anki", "pdf");
        Path b = deck(book, tmp.resolve("b"), "anki", "pdf");
        assertEquals(-1, Files.mismatch(a, b), "two builds of the same book give the same .apkg");
    }

    @Test
    void aChangedAnswerKeepsItsNotesGuid() throws IOException {
        Path book = TestBooks.copy("study/bold", tmp.resolve("book"));
        Path before = deck(book, tmp.resolve("a"), "anki");
        Path chapter = book.resolve("01-channel.md");
        Files.writeString(chapter, Files.readString(chapter).replace("接收方取走值之后才返回", "接收方取走值以后才返回"));
        Path after = deck(book, tmp.resolve("b"), "anki");
        String guids = "select guid from notes order by guid";
        assertEquals(AnkiDecks.query(before, guids), AnkiDecks.query(after, guids));
        assertNotEquals(AnkiDecks.query(before, "select flds from notes order by guid"),
                AnkiDecks.query(after, "select flds from notes order by guid"));
    }

    @Test
    void cardsGiveTheBooksPageWhenThePdfIsBuilt() throws IOException {
        TestBooks.Built built = TestBooks.build(TestBooks.book("study/bold"), tmp, "pdf", "anki");
        String fields = AnkiDecks.query(built.output("anki"), "select flds from notes order by id").get(1).get(0);
        Matcher m = Pattern.compile("第 (\\d+) 页").matcher(fields);
        assertTrue(m.find(), fields);
        String page = PdfContent.pageText(built.output("pdf"), Integer.parseInt(m.group(1)));
        assertTrue(page.replaceAll("\\s+", "").contains("关闭一个nil通道会怎样"), page);
    }

    @Test
    void aBookWithoutQuestionsGetsAMessageNotAnEmptyDeck() throws IOException {
        TestBooks.Built built = TestBooks.build(TestBooks.book("study/none"), tmp, "anki");
        assertTrue(built.result().outputs().isEmpty());
        assertFalse(Files.exists(tmp.resolve("none.apkg")));
        assertTrue(built.diagnostics().warnings().stream().anyMatch(w -> w.message().startsWith("no chapter has questions")),
                built.diagnostics().warnings().toString());
    }

    @Test
    void aClozeTermKeepsItsBracesAndColons() {
        ChapterBody body = ChapterBody.withPlaces("用 " + ChapterBody.place(0) + "<code>map[K]struct{}</code>"
                + ChapterBody.place(1) + " 或 " + ChapterBody.place(2) + "<code>a::b</code>" + ChapterBody.place(3) + "。",
                List.of(new ChapterBody.Blank(1, false), new ChapterBody.Blank(1, true), new ChapterBody.Blank(2, false),
                        new ChapterBody.Blank(2, true)));
        assertEquals("用 {{c1::<code>map[K]struct&#123;&#125;</code>}} 或 {{c2::<code>a&#58;&#58;b</code>}}。",
                AnkiOutput.clozeText(body));
    }

    @Test
    void guidsAreAnkisBase91OfTheKey() {
        String g = AnkiOutput.guid("urn:x\n01.md\nqa\n问题？");
        assertEquals(g, AnkiOutput.guid("urn:x\n01.md\nqa\n问题？"));
        assertNotEquals(g, AnkiOutput.guid("urn:y\n01.md\nqa\n问题？"));
        assertTrue(g.length() >= 8 && g.length() <= 10 && g.chars().noneMatch(Character::isWhitespace), g);
    }

    @Test
    void theChapterTitleLinksWhereBookYamlSays() throws IOException {
        Path book = TestBooks.copy("study/bold", tmp.resolve("book"));
        Path yaml = book.resolve("book.yaml");
        Files.writeString(yaml, Files.readString(yaml) + "anki:\n  link: https://example.org/book/blob/main/{file}#{anchor}\n");
        Path apkg = deck(book, tmp.resolve("out"), "anki");
        String fields = AnkiDecks.query(apkg, "select flds from notes order by id").get(0).get(0);
        assertTrue(fields.contains("<span class=\"sb-chapter\"><a href=\"https://example.org/book/blob/main/01-channel.md"
                + "#%E9%9D%A2%E8%AF%95%E8%BF%BD%E9%97%AE\">01 通道</a></span>"), fields);
        Files.writeString(yaml, Files.readString(yaml).replace("link: https://", "link: "));
        dev.studybook.error.StudybookException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.studybook.error.StudybookException.class, () -> deck(book, tmp.resolve("out2"), "anki"));
        assertTrue(e.oneLine().contains("book.yaml:7:") && e.oneLine().contains("a web address"), e.oneLine());
    }
}
