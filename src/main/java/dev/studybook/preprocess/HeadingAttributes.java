package dev.studybook.preprocess;

import dev.studybook.model.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Attributes written after a heading, {@code ## Options {#options}} (mdBook, Pandoc, Hugo), {@code { #id .class }}
 * (MkDocs' attr_list) or {@code {: #id}} (kramdown, Jekyll): the braces are taken off the heading's text and its
 * id becomes an anchor inside the heading, so that {@code [see](#options)} leads there. Plain Markdown printed the
 * braces in the heading, the contents and the bookmarks, and links to the id led nowhere (rust-lang/rust-by-example).
 * Fumadocs writes the id in brackets, {@code ## Options [#options]}.
 */
final class HeadingAttributes implements Preprocessor {

    /** One attribute: {@code #id}, {@code .class} or {@code key=value}. */
    private static final String ATTRIBUTE = "(?:[#.][^\\s{}\"']+|[\\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\\s}]+))";
    /** An ATX heading ending in a brace of attributes (its closing #s after it are allowed). */
    static final Pattern HEADING = Pattern.compile("^( {0,3}#{1,6}[ \\t]+.*?)[ \\t]*\\{:?[ \\t]*(" + ATTRIBUTE
            + "(?:[ \\t]+" + ATTRIBUTE + ")*)[ \\t]*\\}[ \\t]*#*[ \\t]*$");
    private static final Pattern ID = Pattern.compile("(?:^|[ \\t])#([^\\s{}\"']+)");
    /**
     * Fumadocs' custom heading id, {@code ## Installation [#installation]} (vercel/swr-site: every heading of its
     * 129 pages showed "[#…]" in the text, the contents and the bookmarks).
     */
    static final Pattern BRACKET_ID = Pattern.compile("^( {0,3}#{1,6}[ \\t]+.*?)[ \\t]+\\[#([^\\s\\[\\]()]+)\\][ \\t]*#*[ \\t]*$");
    /**
     * Hugging Face doc-builder's heading id, {@code ## Behind the pipeline[[behind-the-pipeline]]}, written against
     * the text (huggingface/course: every heading showed "[[…]]" in the text, the contents and the bookmarks).
     */
    static final Pattern DOUBLE_BRACKET_ID = Pattern.compile("^( {0,3}#{1,6}[ \\t]+.*?\\S)[ \\t]*\\[\\[([A-Za-z0-9_.:-]+)\\]\\][ \\t]*#*[ \\t]*$");

    @Override
    public String name() {
        return "heading-attributes";
    }

    @Override
    public SourceText run(SourceText text, PreprocessContext context) {
        if (!text.text().contains("{") && !text.text().contains("[#") && !text.text().contains("]]")) {
            return text;
        }
        CodeFences fences = new CodeFences();
        List<SourceText.Line> out = new ArrayList<>();
        boolean changed = false;
        for (SourceText.Line l : text.lines()) {
            String s = l.text();
            Matcher m;
            if (fences.inCode(s)) {
                out.add(l);
                continue;
            }
            if (s.contains("[#") && (m = BRACKET_ID.matcher(s)).matches()) {
                out.add(new SourceText.Line(m.group(1) + " <a id=\"" + Callouts.escape(m.group(2)) + "\"></a>", l.file(),
                        l.line()));
                changed = true;
                continue;
            }
            if (s.contains("]]") && (m = DOUBLE_BRACKET_ID.matcher(s)).matches()) {
                out.add(new SourceText.Line(m.group(1) + " <a id=\"" + Callouts.escape(m.group(2)) + "\"></a>", l.file(),
                        l.line()));
                changed = true;
                continue;
            }
            if (s.indexOf('{') < 0 || !(m = HEADING.matcher(s)).matches()) {
                out.add(l);
                continue;
            }
            Matcher id = ID.matcher(m.group(2));
            String heading = m.group(1) + (id.find() ? " <a id=\"" + Callouts.escape(id.group(1)) + "\"></a>" : "");
            out.add(new SourceText.Line(heading, l.file(), l.line()));
            changed = true;
        }
        if (!changed) {
            return text;
        }
        SourceText.Builder b = SourceText.builder(text.file());
        out.forEach(b::add);
        return b.build();
    }
}
