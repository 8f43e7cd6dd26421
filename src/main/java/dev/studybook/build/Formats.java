package dev.studybook.build;

import dev.studybook.output.epub.EpubRenderer;
import dev.studybook.output.pdf.PdfRenderer;
import dev.studybook.output.Renderer;
import java.util.List;
import java.util.Optional;

/** The output formats studybook writes: adding one is a renderer class and a line here. */
public final class Formats {

    public static final List<Renderer> ALL = List.of(new EpubRenderer(), new PdfRenderer());

    private Formats() {
    }

    public static Optional<Renderer> byName(String name) {
        return ALL.stream().filter(r -> r.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(Renderer::name).toList();
    }
}
