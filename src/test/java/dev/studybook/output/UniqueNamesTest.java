package dev.studybook.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UniqueNamesTest {

    @Test
    void svgFallbackBesideAPngOfTheSameNameGetsItsOwnName() {
        // pictures/tall holds images/tall.svg and images/tall.png: the EPUB had two entries images/tall.png.
        UniqueNames names = new UniqueNames();
        names.reserve("images/tall.svg");
        names.reserve("images/tall.png");
        assertEquals("images/tall-2.png", names.claim("images/tall.png"));
        assertEquals("images/other.png", names.claim("images/other.png"));
    }

    @Test
    void ankiNamesThatLoseTheirChineseCharactersStayApart() {
        // images/甲.png and images/乙.png both become book-images-.png once only ASCII is kept.
        UniqueNames names = new UniqueNames();
        assertEquals("book-images-.png", names.claim("book-images-.png"));
        assertEquals("book-images--2.png", names.claim("book-images-.png"));
        assertEquals("book.v1/x-3", names.claim("book.v1/x-3"));
        assertEquals("book.v1/x-3-2", names.claim("book.v1/x-3"));
    }
}
