package dev.studybook.convert;

import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import net.sourceforge.plantuml.core.DiagramDescription;

/**
 * Diagrams written as code: PlantUML drawn as SVG by PlantUML's MIT build, laid out by its pure-Java port of
 * Graphviz (smetana), in a sandbox (no file or network access) and in the book's Hei face; Graphviz DOT drawn by
 * graph-support after {@link DotParser} reads it; mermaid, which nothing in Java draws offline, stays code with one
 * warning per book.
 */
final class Diagrams {

    /** Fence languages drawn with PlantUML. */
    static final Set<String> PLANTUML = Set.of("plantuml", "puml", "uml");
    /** Fence languages drawn from Graphviz's DOT language. */
    static final Set<String> GRAPHVIZ = Set.of("dot", "graphviz");
    /** Fence languages that stay code, by the name the warning gives them. */
    static final Map<String, String> UNDRAWN = Map.of("mermaid", "mermaid");

    static {
        // Before PlantUML's classes start: no !include of files, no URLs, no environment.
        if (System.getProperty("PLANTUML_SECURITY_PROFILE") == null) {
            System.setProperty("PLANTUML_SECURITY_PROFILE", "SANDBOX");
        }
        System.setProperty("java.awt.headless", "true");
    }

    /** A drawn diagram. */
    record Picture(byte[] svg, String title) {
    }

    private final Map<String, Undrawn> undrawn = new TreeMap<>();

    /** Diagrams of one kind left as code: how many, and the first in book order. */
    private static final class Undrawn {
        int count;
        int chapter;
        SourceLocation first;
    }

    /** True for a fence language that is a diagram. */
    static boolean isDiagram(String language) {
        return PLANTUML.contains(language) || GRAPHVIZ.contains(language) || UNDRAWN.containsKey(language);
    }

    /** Notes a diagram kept as code, for the book's one warning about its kind. */
    synchronized void leftAsCode(String language, int chapter, SourceLocation at) {
        Undrawn u = undrawn.computeIfAbsent(UNDRAWN.get(language), k -> new Undrawn());
        u.count++;
        if (u.first == null || chapter < u.chapter || (chapter == u.chapter && at.line() < u.first.line())) {
            u.first = at;
            u.chapter = chapter;
        }
    }

    /** One warning per kind of diagram left as code. */
    synchronized void report(Diagnostics diagnostics) {
        undrawn.forEach((kind, u) -> diagnostics.warn(u.first, Diagnostics.Kind.DIAGRAM, (u.count == 1 ? "1 " + kind
                + " diagram is" : u.count + " " + kind + " diagrams are") + " shown as source code, this one first: nothing"
                + " that runs offline in Java draws " + kind
                + "; draw them as SVG (mermaid-cli: mmdc -i in.mmd -o out.svg) and show the SVG files"));
    }

    /**
     * A PlantUML diagram drawn as SVG; throws {@link IllegalArgumentException} with PlantUML's reason when the
     * source has an error. One at a time: PlantUML keeps global state.
     */
    static synchronized Picture plantuml(String source) {
        String font = AwtFonts.sans().orElse("SansSerif");
        String text = prepare(source, font);
        SourceStringReader reader = new SourceStringReader(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DiagramDescription d;
        try {
            d = reader.outputImage(out, new FileFormatOption(FileFormat.SVG).withSvgLinkTarget("_top"));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("PlantUML failed: " + e.getMessage(), e);
        }
        String description = d == null ? "" : d.getDescription();
        if (d == null || description.toLowerCase(Locale.ROOT).contains("error")) {
            throw new IllegalArgumentException(error(reader));
        }
        String svg = out.toString(StandardCharsets.UTF_8);
        return new Picture(clean(svg, font).getBytes(StandardCharsets.UTF_8), title(source));
    }

    /**
     * A Graphviz DOT graph drawn as SVG; throws {@link IllegalArgumentException} naming the line of a syntax error.
     * One at a time: graph-support's text measuring keeps shared state.
     */
    static synchronized Picture graphviz(String source) {
        String font = AwtFonts.sans().orElse("SansSerif");
        DotParser.Graph graph = DotParser.parse(source);
        String svg;
        try {
            svg = DotDrawing.svg(graph, font);
        } catch (RuntimeException | StackOverflowError e) {
            throw new IllegalArgumentException("graph-support failed: " + e, e);
        }
        // No identity transform and no classes (nothing styles them): the PDF then draws the labels as text in the
        // book's fonts, searchable and far smaller than glyph outlines.
        String s = svg.replaceFirst("^<\\?xml[^>]*>", "").replaceFirst("<!DOCTYPE[^>]*>", "")
                .replace(" transform=\"scale(1.0 1.0) rotate(0)\"", "").replaceAll(" class=\"[^\"]*\"", "");
        String label = graph.attributes().getOrDefault("label", "");
        return new Picture(s.getBytes(StandardCharsets.UTF_8), DotDrawing.text(label, "").replace('\n', ' ').strip());
    }

    /**
     * The source as PlantUML reads it: wrapped in {@code @startuml}/{@code @enduml} when a Markdown fence left
     * them out, laid out without the Graphviz program (smetana), in the book's face.
     */
    static String prepare(String source, String font) {
        String s = source.strip();
        if (!s.startsWith("@start")) {
            s = "@startuml\n" + s + "\n@enduml";
        }
        int eol = s.indexOf('\n');
        String first = eol < 0 ? s : s.substring(0, eol);
        String rest = eol < 0 ? "" : s.substring(eol + 1);
        String settings = "";
        if (first.startsWith("@startuml")) {
            settings = "!pragma layout smetana\n";
        }
        settings += "skinparam defaultFontName \"" + font + "\"\n";
        return first + "\n" + settings + rest;
    }

    /** PlantUML's description of the first error, with its line in the fence. */
    private static String error(SourceStringReader reader) {
        try {
            var blocks = reader.getBlocks();
            if (!blocks.isEmpty() && blocks.get(0).getDiagram() instanceof net.sourceforge.plantuml.error.PSystemError err) {
                return "PlantUML cannot read it: " + String.join("; ", err.getErrorsUml().stream()
                        .map(e -> e.getError()).distinct().toList());
            }
        } catch (RuntimeException e) {
            // Fall through to the general message.
        }
        return "PlantUML cannot read it";
    }

    /**
     * What readers and the PDF need of PlantUML's SVG: no processing instruction, no text stretched to a length
     * measured by Java (the book's readers measure with their own fonts), the face named as CSS names it.
     */
    static String clean(String svg, String font) {
        String s = svg.replaceAll("<\\?plantuml[^?]*\\?>", "")
                .replaceAll(" textLength=\"[^\"]*\"", "")
                .replaceAll(" lengthAdjust=\"[^\"]*\"", "")
                .replaceAll(" data-[a-z0-9-]+=\"[^\"]*\"", "")
                // The view box is the picture's size: nothing to stretch. Without these the PDF can draw the labels
                // as text in the book's fonts (searchable, and far smaller than glyph outlines).
                .replaceFirst(" preserveAspectRatio=\"none\"", "")
                .replaceFirst(" zoomAndPan=\"[^\"]*\"", "")
                .replaceFirst(" contentStyleType=\"[^\"]*\"", "")
                .replace("font-family=\"'" + font + "'\"", "font-family=\"" + font + "\"");
        if (!s.contains("<style")) {
            s = s.replaceAll(" class=\"[^\"]*\"", "");
        }
        return s;
    }

    /** A diagram's title line, for its alt text; empty when it has none. */
    static String title(String source) {
        for (String line : source.split("\n")) {
            String l = line.strip();
            if (l.toLowerCase(Locale.ROOT).startsWith("title ")) {
                return l.substring(6).strip();
            }
        }
        return "";
    }
}
