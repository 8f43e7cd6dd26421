package dev.studybook.model;

/** A heading inside a chapter, with its level (1-6), plain text and its book-wide unique id. */
public record Heading(int level, String text, String id) {
}
