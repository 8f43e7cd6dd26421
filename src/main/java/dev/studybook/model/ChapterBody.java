package dev.studybook.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chapter's converted content as well-formed XHTML (XML syntax, without html/body), with the places each
 * output writes its own way left open: where a link to a chapter points (the EPUB names the chapter's file, the
 * PDF is one document), where each block starts (the EPUB marks the PDF's page breaks there), and where the
 * chapter's title heading ends (the PDF puts its running headers there). Immutable.
 */
public final class ChapterBody {

    /**
     * The elements counted as blocks, in document order within a body: where the EPUB can mark a printed page's
     * start.
     */
    public static final List<String> BLOCK_ELEMENTS = List.of("p", "li", "pre", "table", "blockquote", "dt", "dd",
            "figure", "h1", "h2", "h3", "h4", "h5", "h6");

    /** A place an output fills in. */
    public sealed interface Mark permits ChapterLink, BlockStart, TitleEnd, Blank {
    }

    /**
     * The value of an {@code href} that leads into the book: a chapter by id and, unless empty, an element of it
     * by its book-wide unique id.
     */
    public record ChapterLink(String chapter, String fragment) implements Mark {
    }

    /**
     * The start of the {@code index}-th block of the chapter (as {@link #BLOCK_ELEMENTS} counts them): just
     * inside its start tag, or just before the element for a table, which takes no phrasing content.
     */
    public record BlockStart(int index) implements Mark {
    }

    /** Just after the chapter's first h1, its title. */
    public record TitleEnd() implements Mark {
    }

    /**
     * The start (or, with {@code end}, the end) of the {@code number}-th blank (1-based) of a cloze: a term the
     * reader is to recall ({@link Question.Kind#CLOZE}).
     */
    public record Blank(int number, boolean end) implements Mark {
    }

    /** How an output fills in the marks. */
    public interface Writer {
        /** The href of a link into the book, as text that is already escaped for an attribute. */
        String link(ChapterLink link);

        /** What goes at the start of a block; nothing by default. */
        default String blockStart(BlockStart block) {
            return "";
        }

        /** What goes after the title heading; nothing by default. */
        default String titleEnd() {
            return "";
        }

        /** What goes at the start or end of a blank; nothing by default, which shows the term. */
        default String blank(Blank blank) {
            return "";
        }
    }

    /**
     * The chapter id a link to the index page names: the table of contents (the EPUB's navigation document,
     * {@code nav.xhtml}; the PDF's contents page).
     */
    public static final String CONTENTS = "nav";

    /**
     * Links written as a chapter's file and fragment ({@code ch03.xhtml#x}), nothing at block starts or after the
     * title: the body as one text, for what reads it whole (the book's characters, a digest of its text).
     */
    public static final Writer FILE_LINKS = l -> Chapter.fileName(l.chapter()) + (l.fragment().isEmpty() ? "" : "#" + l.fragment());

    /** Characters that mark places in the text while it is put together; XML allows them, no book uses them. */
    static final char OPEN = '\uFDD0';
    static final char CLOSE = '\uFDD1';
    private static final Pattern PLACE = Pattern.compile(OPEN + "(\\d+)" + CLOSE);

    private final List<String> text;
    private final List<Mark> marks;

    private ChapterBody(List<String> text, List<Mark> marks) {
        this.text = List.copyOf(text);
        this.marks = List.copyOf(marks);
    }

    /** A body without marks. */
    public static ChapterBody of(String xhtml) {
        return new ChapterBody(List.of(xhtml), List.of());
    }

    /**
     * Makes a body from XHTML in which {@link #place(int)} stands for {@code marks.get(n)}: the way the
     * converter, which builds the XHTML, leaves places open.
     */
    public static ChapterBody withPlaces(String xhtml, List<Mark> marks) {
        List<String> text = new ArrayList<>();
        List<Mark> order = new ArrayList<>();
        Matcher m = PLACE.matcher(xhtml);
        int from = 0;
        while (m.find()) {
            text.add(xhtml.substring(from, m.start()));
            order.add(marks.get(Integer.parseInt(m.group(1))));
            from = m.end();
        }
        text.add(xhtml.substring(from));
        if (order.size() != marks.size()) {
            throw new IllegalArgumentException(order.size() + " places for " + marks.size() + " marks");
        }
        return new ChapterBody(text, order);
    }

    /** The text that stands for the {@code n}-th mark until the body is made. */
    public static String place(int n) {
        return OPEN + Integer.toString(n) + CLOSE;
    }

    /** Removes the characters that would be taken for places from text that comes from the author. */
    public static String withoutPlaceCharacters(String s) {
        return s.indexOf(OPEN) < 0 && s.indexOf(CLOSE) < 0 ? s : s.replace(String.valueOf(OPEN), "").replace(String.valueOf(CLOSE), "");
    }

    /** The XHTML with every mark filled in by {@code writer}. */
    public String xhtml(Writer writer) {
        StringBuilder sb = new StringBuilder(text.stream().mapToInt(String::length).sum() + marks.size() * 16);
        for (int i = 0; i < marks.size(); i++) {
            sb.append(text.get(i));
            Mark m = marks.get(i);
            if (m instanceof ChapterLink l) {
                sb.append(writer.link(l));
            } else if (m instanceof BlockStart b) {
                sb.append(writer.blockStart(b));
            } else if (m instanceof Blank b) {
                sb.append(writer.blank(b));
            } else {
                sb.append(writer.titleEnd());
            }
        }
        return sb.append(text.get(text.size() - 1)).toString();
    }

    /** The body as one text, links as files ({@link #FILE_LINKS}). */
    @Override
    public String toString() {
        return xhtml(FILE_LINKS);
    }

    /** The marks in document order. */
    public List<Mark> marks() {
        return marks;
    }

    /** About how many characters the body's XHTML has (its text without the marks), found without making it. */
    public long length() {
        long n = 0;
        for (String t : text) {
            n += t.length();
        }
        return n;
    }

    /** The number of blocks the body has. */
    public int blocks() {
        return (int) marks.stream().filter(m -> m instanceof BlockStart).count();
    }
}
