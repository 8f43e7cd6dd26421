package dev.studybook.model;

import dev.studybook.error.SourceLocation;
import java.util.List;
import java.util.Objects;

/**
 * A question the book asks and answers, found once in conversion for the study outputs (the Anki deck, the self-test
 * PDF): a question of a question section ({@code ## 面试追问}) with what answers it, or a bullet of the review section
 * ({@code ## 速记}) as a front/back card or a cloze. Prompt and answer are XHTML without ids or links into the book.
 *
 * @param kind     which rule found it
 * @param prompt   the front: the question, the bullet's label, or the whole bullet with its blanks marked
 *                 ({@link ChapterBody.Blank}; terms of the same number are one card's blanks)
 * @param answer   the back: what answers the question, or the rest of the bullet; empty for a cloze
 * @param text     the prompt as plain text (blanks filled in), which names the question: its identity across builds
 * @param path     the headings above it inside its chapter, the chapter's title left out, e.g. {@code [面试追问]}
 * @param anchor   the anchor of the nearest of those headings in the chapter's own file, as GitHub makes it
 *                 ({@code 面试追问}), for a link to the source
 * @param block    the index of its first block among the chapter's blocks ({@link ChapterBody#BLOCK_ELEMENTS}), which
 *                 the PDF's page map turns into a page
 * @param location the file and line it was written on
 */
public record Question(Kind kind, ChapterBody prompt, ChapterBody answer, String text, List<String> path,
        String anchor, int block, SourceLocation location) {

    /** The rule a question was found by. */
    public enum Kind {
        /** A question of a question section, answered by what follows it: a front/back card. */
        QUESTION,
        /** A review bullet that starts with a label and a colon ({@code 结构：…}): the label asks, the rest answers. */
        FACT,
        /** A review bullet whose {@code code} and <b>bold</b> terms are blanks to fill in: a cloze card. */
        CLOZE
    }

    public Question {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(text, "text");
        path = List.copyOf(path);
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(location, "location");
    }

    /**
     * The number of cards of a cloze, one for each blank number (numbered from 1 without gaps; several terms may share
     * a number and are then hidden together); 0 for the other kinds.
     */
    public int blanks() {
        return prompt.marks().stream().filter(m -> m instanceof ChapterBody.Blank).mapToInt(m -> ((ChapterBody.Blank) m).number())
                .max().orElse(0);
    }
}
