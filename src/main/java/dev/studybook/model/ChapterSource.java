package dev.studybook.model;

/** A chapter of the outline with its Markdown, as loaded and preprocessed: what the converter and the code tester read. */
public record ChapterSource(Outline.OutlineChapter entry, SourceText text) {
}
