package dev.studybook.preprocess;

import dev.studybook.model.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A table of contents asked for in the text: {@code [TOC]} (Python-Markdown, Typora, many Chinese editors),
 * {@code [[toc]]} (VuePress, markdown-it-toc), {@code [toc]} and {@code ${toc}}, alone on a line. The line becomes a
 * place ({@code <div class="chapter-toc">}) that the XHTML stage fills with a linked list of the chapter's sections
 * once their ids are known.
 */
final class TocMarker implements Preprocessor {

    static final Pattern MARKER = Pattern.compile("^\\s{0,3}(?:\\[TOC\\]|\\[\\[\\s*toc\\s*\\]\\]|\\$\\{toc\\})\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** The element the XHTML stage fills. */
    static final String PLACE = "<div class=\"chapter-toc\"></div>";

    @Override
    public String name() {
        return "toc";
    }

    @Override
    public SourceText run(SourceText text, PreprocessContext context) {
        String t = text.text();
        if (!t.contains("[TOC]") && !t.contains("[toc]") && !t.contains("[[") && !t.contains("${toc}")
                && !t.contains("[Toc]")) {
            return text;
        }
        CodeFences fences = new CodeFences();
        List<SourceText.Line> out = new ArrayList<>();
        boolean changed = false;
        for (SourceText.Line l : text.lines()) {
            if (!fences.inCode(l.text()) && MARKER.matcher(l.text()).matches()) {
                changed = true;
                out.add(new SourceText.Line("", l.file(), l.line()));
                out.add(new SourceText.Line(PLACE, l.file(), l.line()));
                out.add(new SourceText.Line("", l.file(), l.line()));
            } else {
                out.add(l);
            }
        }
        if (!changed) {
            return text;
        }
        SourceText.Builder b = SourceText.builder(text.file());
        out.forEach(b::add);
        return b.build();
    }
}
