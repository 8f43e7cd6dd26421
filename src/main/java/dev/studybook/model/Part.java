package dev.studybook.model;

import java.util.List;

/** A group of chapters under a part heading of the index page; the title is empty for chapters outside any part. */
public record Part(String title, List<Chapter> chapters) {

    public Part {
        title = title == null ? "" : title;
        chapters = List.copyOf(chapters);
    }

    public boolean hasTitle() {
        return !title.isEmpty();
    }
}
