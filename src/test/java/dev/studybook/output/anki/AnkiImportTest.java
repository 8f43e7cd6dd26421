package dev.studybook.output.anki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.model.Question;
import dev.studybook.testing.AnkiLibrary;
import dev.studybook.testing.TestBooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports studybook's decks into a fresh collection with the official Anki library (PyPI {@code anki}, which Anki's
 * desktop program is built on): every question found becomes a note, pictures arrive in the media folder, and the
 * deck of a changed book updates the notes it imported before instead of adding new ones.
 */
class AnkiImportTest {

    @TempDir
    Path tmp;

    private static int cards(List<Question> questions) {
        return questions.stream().mapToInt(q -> q.kind() == Question.Kind.CLOZE ? q.blanks() : 1).sum();
    }

    @Test
    void aChangedBookUpdatesTheNotesItImportedBefore() throws Exception {
        Path book = TestBooks.copy("study/bold", tmp.resolve("book"));
        List<Question> found = AnkiOutputTest.questions(book);
        Path collection = tmp.resolve("collection").resolve("collection.anki2");
        Files.createDirectories(collection.getParent());

        AnkiLibrary.Report first = AnkiLibrary.importDeck(collection, AnkiOutputTest.deck(book, tmp.resolve("a"), "anki"));
        assertEquals(found.size(), first.number("new"));
        assertEquals(found.size(), first.number("note_count"), "one note for each question found");
        assertEquals(cards(found), first.number("card_count"));
        assertEquals("[\"bold-images-diagram.png\", \"bold-images-flow.png\"]", first.list("media"));
        assertTrue(first.list("decks").contains("\"问答小书::01 通道\""), first.list("decks"));
        assertTrue(first.json().contains("接收方取走值之后才返回"), first.json());

        // The author changes an answer and the book's date, as a new edition of the text.
        Path chapter = book.resolve("01-channel.md");
        Files.writeString(chapter, Files.readString(chapter).replace("接收方取走值之后才返回", "接收方取走值以后才返回"));
        Path yaml = book.resolve("book.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("date: 2026-02-01", "date: 2026-02-02"));
        AnkiLibrary.Report second = AnkiLibrary.importDeck(collection, AnkiOutputTest.deck(book, tmp.resolve("b"), "anki"));
        assertEquals(0, second.number("new"), "nothing is added twice");
        assertEquals(found.size(), second.number("updated"));
        assertEquals(found.size(), second.number("note_count"));
        assertEquals(cards(found), second.number("card_count"));
        assertTrue(second.json().contains("接收方取走值以后才返回") && !second.json().contains("接收方取走值之后才返回"),
                second.json());
    }

    @Test
    @Tag("content")
    void theBooksDeckHoldsEveryQuestionItAsks() throws Exception {
        Path content = TestBooks.content();
        List<Question> found = AnkiOutputTest.questions(content);
        Path collection = tmp.resolve("collection").resolve("collection.anki2");
        Files.createDirectories(collection.getParent());
        AnkiLibrary.Report r = AnkiLibrary.importDeck(collection, AnkiOutputTest.deck(content, tmp.resolve("out"), "anki"));
        assertTrue(found.size() > 0);
        assertEquals(found.size(), r.number("new"));
        assertEquals(found.size(), r.number("note_count"));
        assertEquals(cards(found), r.number("card_count"));
        assertEquals(0, r.number("conflicting") + r.number("missing_notetype"));
    }
}
