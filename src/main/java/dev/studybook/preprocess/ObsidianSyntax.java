package dev.studybook.preprocess;

import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import dev.studybook.model.SourceText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Obsidian's own syntax, as a vault of notes writes it: wikilinks {@code [[Page]]}, {@code [[Page|text]]},
 * {@code [[Page#Heading]]}, {@code [[#Heading]]}, {@code [[folder/Page]]} become Markdown links to the note's file
 * (found as Obsidian finds it, {@link ObsidianVault}), which the book then links as any other link to a chapter;
 * picture embeds {@code ![[picture.png]]}, {@code ![[picture.png|300]]} become pictures (of that width); note embeds
 * {@code ![[Note]]}, {@code ![[Note#Section]]} bring in the note's text (or that section), each line keeping the
 * place it was written, ten deep, a note never inside itself; comments {@code %%…%%} are left out. A link whose
 * note the vault does not have stays its text, with a warning; in a folder that is no vault
 * ({@link ObsidianVault#writtenAsVault}) it stays as written, brackets and all. Code spans and blocks are left as written, and so
 * are {@code [[toc]]} alone on a line and a heading's {@code [[id]]} that names no note (doc-builder's anchor).
 */
public final class ObsidianSyntax implements Preprocessor {

    /** An embed or a wikilink: {@code !?[[inside]]}, on one line, without brackets inside. */
    static final Pattern WIKILINK = Pattern.compile("(!?)\\[\\[([^\\[\\]\\n]+?)\\]\\]");
    private static final Pattern SIZE = Pattern.compile("(\\d+)(?:x(\\d+))?");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
    static final Set<String> PICTURES = Set.of("png", "jpg", "jpeg", "gif", "bmp", "svg", "webp", "avif");
    static final int MAX_DEPTH = 10;

    @Override
    public String name() {
        return "obsidian";
    }

    @Override
    public SourceText run(SourceText text, PreprocessContext context) {
        if (!text.text().contains("[[") && !text.text().contains("%%")) {
            return text;
        }
        // The vault is listed only when a wikilink is found (a chapter may have "%%" only in its code).
        Pass pass = new Pass(context::vault, text.file(), context);
        List<SourceText.Line> out = pass.lines(text.lines(), List.of(text.file()));
        if (!pass.changed) {
            return text;
        }
        SourceText.Builder b = SourceText.builder(text.file());
        out.forEach(b::add);
        return b.build();
    }

    /**
     * {@code markdown}, the text of {@code file}, with its wikilinks as Markdown links and its comments left out,
     * line for line, for reading it as an index page: a note embed is a link there, and nothing is reported (the
     * page is read again as a chapter, which reports). {@code vault} is asked for only when there is a wikilink.
     */
    public static String linksAsMarkdown(String markdown, Path file, java.util.function.Supplier<ObsidianVault> vault) {
        if (!markdown.contains("[[") && !markdown.contains("%%")) {
            return markdown;
        }
        Pass pass = new Pass(vault, file, null);
        List<SourceText.Line> out = pass.lines(SourceText.of(file, markdown).lines(), List.of(file));
        if (!pass.changed) {
            return markdown;
        }
        StringBuilder sb = new StringBuilder();
        for (SourceText.Line l : out) {
            sb.append(l.text()).append('\n');
        }
        return markdown.endsWith("\n") ? sb.toString() : sb.substring(0, sb.length() - 1);
    }

    /** One chapter's rewriting; {@code context} is null for an index page (no embeds, no warnings). */
    private static final class Pass {
        private final java.util.function.Supplier<ObsidianVault> vaultOf;
        private ObsidianVault vault;
        /** The chapter the rewritten text belongs to: links are written relative to its folder. */
        private final Path chapter;
        private final PreprocessContext context;
        boolean changed;

        Pass(java.util.function.Supplier<ObsidianVault> vault, Path chapter, PreprocessContext context) {
            this.vaultOf = vault;
            this.chapter = chapter;
            this.context = context;
        }

        /** The lines rewritten; {@code notes} are the notes being embedded, outermost first (the chapter itself). */
        List<SourceText.Line> lines(List<SourceText.Line> in, List<Path> notes) {
            List<SourceText.Line> out = new ArrayList<>(in.size());
            CodeFences fences = new CodeFences();
            boolean comment = false;
            for (SourceText.Line line : in) {
                String t = line.text();
                if (!comment && fences.inCode(t)) {
                    out.add(line);
                    continue;
                }
                if (comment || t.contains("%%")) {
                    StringBuilder kept = new StringBuilder();
                    comment = uncomment(t, comment, kept);
                    if (!kept.toString().equals(t)) {
                        changed = true;
                        // A line that was only a comment is left out; one with text keeps the text.
                        if (kept.toString().isBlank() && !t.isBlank()) {
                            continue;
                        }
                        t = kept.toString();
                    }
                }
                if (!t.contains("[[") || TocMarker.MARKER.matcher(t).matches() || headingId(t, line)) {
                    out.add(t.equals(line.text()) ? line : new SourceText.Line(t, line.file(), line.line()));
                    continue;
                }
                links(t, line, notes, out);
            }
            return out;
        }

        /**
         * Whether {@code t} is a heading ending in Hugging Face doc-builder's anchor {@code [[id]]} (left to
         * {@link HeadingAttributes}) rather than in a wikilink: the vault has no note of that name.
         */
        private boolean headingId(String t, SourceText.Line line) {
            Matcher m = HeadingAttributes.DOUBLE_BRACKET_ID.matcher(t);
            if (!m.matches()) {
                return false;
            }
            if (vault == null) {
                vault = vaultOf.get();
            }
            return vault.note(m.group(2), line.file().getParent()).isEmpty();
        }

        /**
         * {@code t} without its comments; {@code open} says whether a comment runs on from the line before. Returns
         * whether one runs on to the next line.
         */
        private static boolean uncomment(String t, boolean open, StringBuilder kept) {
            boolean[] code = CodeFences.inlineCode(t);
            int i = 0;
            while (i < t.length()) {
                if (open) {
                    int end = t.indexOf("%%", i);
                    if (end < 0) {
                        return true;
                    }
                    open = false;
                    i = end + 2;
                    continue;
                }
                int start = t.indexOf("%%", i);
                while (start >= 0 && code[start]) {
                    start = t.indexOf("%%", start + 1);
                }
                if (start < 0) {
                    kept.append(t, i, t.length());
                    return false;
                }
                kept.append(t, i, start);
                open = true;
                i = start + 2;
            }
            return open;
        }

        /** Writes line {@code t} with its wikilinks rewritten; a note embed splits it around the note's lines. */
        private void links(String t, SourceText.Line line, List<Path> notes, List<SourceText.Line> out) {
            boolean[] code = CodeFences.inlineCode(t);
            if (vault == null && WIKILINK.matcher(t).find()) {
                vault = vaultOf.get();
            }
            Matcher m = WIKILINK.matcher(t);
            StringBuilder current = new StringBuilder();
            int from = 0;
            boolean split = false;
            Path here = line.file().getParent();
            SourceLocation at = SourceLocation.of(line.file(), line.line());
            while (m.find()) {
                if (code[m.start()]) {
                    continue;
                }
                Link link = Link.parse(m.group(2));
                if (!link.target().isEmpty() && vault.note(link.target(), here).isEmpty()
                        && vault.file(link.target(), here).isEmpty() && !vault.writtenAsVault()) {
                    continue;
                }
                current.append(t, from, m.start());
                from = m.end();
                changed = true;
                if (m.group(1).isEmpty()) {
                    current.append(link(link, here, at));
                    continue;
                }
                String ext = extension(link.target());
                if (PICTURES.contains(ext)) {
                    current.append(picture(link, here, at));
                } else if (!ext.isEmpty() && !ext.equals("md") && !vault.note(link.target(), here)
                        .map(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md")).orElse(false)) {
                    // A PDF, a sound or a drawing: a link to the file, which the book shows as it shows such links.
                    Optional<Path> f = vault.file(link.target(), here);
                    current.append(f.isPresent() ? "[" + escape(link.shown()) + "](<" + relative(f.get()) + ">)"
                            : missing(link, at, "file"));
                } else {
                    List<SourceText.Line> embedded = context == null ? null : embed(link, here, at, notes);
                    if (embedded == null) {
                        current.append(link(link, here, at));
                        continue;
                    }
                    // The note's lines as blocks of their own: the text before the embed, the note, the text after.
                    if (!current.toString().isBlank()) {
                        out.add(new SourceText.Line(current.toString(), line.file(), line.line()));
                        String indent = current.toString().replaceFirst("^(\\s*(?:>\\s?)*).*$", "$1");
                        current.setLength(0);
                        current.append(indent);
                    }
                    out.add(new SourceText.Line("", line.file(), line.line()));
                    out.addAll(embedded);
                    out.add(new SourceText.Line("", line.file(), line.line()));
                    split = true;
                }
            }
            current.append(t.substring(from));
            if (!split || !current.toString().isBlank()) {
                out.add(new SourceText.Line(current.toString(), line.file(), line.line()));
            }
        }

        /** A wikilink as a Markdown link, or its text with a warning when the vault has no such note. */
        private String link(Link link, Path here, SourceLocation at) {
            String fragment = link.heading().isEmpty() ? "" : "#" + link.heading();
            if (link.target().isEmpty()) {
                return link.heading().isEmpty() ? escape(link.shown()) : "[" + escape(link.shown()) + "](<" + fragment + ">)";
            }
            Optional<Path> note = vault.note(link.target(), here);
            if (note.isEmpty()) {
                return missing(link, at, "note");
            }
            return "[" + escape(link.shown()) + "](<" + relative(note.get()) + fragment + ">)";
        }

        private String missing(Link link, SourceLocation at, String what) {
            if (context != null) {
                context.warnOnce("obsidian-missing:" + link.target().toLowerCase(Locale.ROOT), at, Diagnostics.Kind.LINK,
                        "the wikilink [[" + link.target() + "]] names no " + what + " of the vault (no file '"
                                + link.target() + (what.equals("note") && extension(link.target()).isEmpty() ? ".md" : "")
                                + "' in the content folder); it is shown as plain text");
            }
            return escape(link.shown());
        }

        /** A picture embed as a picture: {@code |300} or {@code |300x200} sizes it, other text is its description. */
        private String picture(Link link, Path here, SourceLocation at) {
            Optional<Path> file = vault.file(link.target(), here);
            if (file.isEmpty()) {
                if (context != null) {
                    context.warn(at, "the picture ![[" + link.target() + "]] is not in the vault (no file of that name in"
                            + " the content folder); it is left out");
                }
                return "";
            }
            Matcher size = SIZE.matcher(link.alias());
            String alt = size.matches() ? "" : link.alias();
            if (!size.matches()) {
                return "![" + escape(alt) + "](<" + relative(file.get()) + ">)";
            }
            StringBuilder img = new StringBuilder("<img src=\"").append(encode(relative(file.get())))
                    .append("\" alt=\"\" width=\"").append(size.group(1)).append('"');
            if (size.group(2) != null) {
                img.append(" height=\"").append(size.group(2)).append('"');
            }
            return img.append(" />").toString();
        }

        /**
         * The lines a note embed brings in: the note without its front matter, or only the section under the
         * heading it names; null (the embed becomes a link) when the note is not found, embeds itself, or embeds
         * are nested too deep, each with a warning.
         */
        private List<SourceText.Line> embed(Link link, Path here, SourceLocation at, List<Path> notes) {
            if (link.target().isEmpty()) {
                context.warn(at, "the embed ![[#" + link.heading() + "]] names a section of its own note; it is"
                        + " shown as a link");
                return null;
            }
            Optional<Path> note = vault.note(link.target(), here);
            if (note.isEmpty()) {
                return null;
            }
            if (link.block()) {
                context.warn(at, "the embed ![[" + link.target() + "#^…]] shows one paragraph of the note by its block id,"
                        + " which studybook does not look up; it is shown as a link to the note");
                return null;
            }
            if (notes.contains(note.get())) {
                List<String> chain = new ArrayList<>();
                for (Path p : notes.subList(notes.indexOf(note.get()), notes.size())) {
                    chain.add(p.getFileName().toString());
                }
                chain.add(note.get().getFileName().toString());
                context.warn(at, "the embed ![[" + link.target() + "]] would show a note inside itself ("
                        + String.join(" > ", chain) + "); it is shown as a link here");
                return null;
            }
            if (notes.size() > MAX_DEPTH) {
                context.warn(at, "note embeds are nested more than " + MAX_DEPTH + " deep; ![[" + link.target()
                        + "]] is shown as a link");
                return null;
            }
            Optional<SourceText> read = context.read(note.get().getParent(), note.get().getFileName().toString(), at,
                    "embedded note");
            if (read.isEmpty()) {
                return null;
            }
            String text = read.get().text();
            FrontMatter.Block block = FrontMatter.find(text);
            List<SourceText.Line> lines = read.get().lines();
            lines = new ArrayList<>(lines.subList(block == null ? 0 : Math.min(block.lines(), lines.size()), lines.size()));
            String heading = link.heading();
            if (!heading.isEmpty() && !heading.startsWith("^")) {
                List<SourceText.Line> section = section(lines, heading);
                if (section == null) {
                    context.warn(at, "the note '" + link.target() + "' has no heading '" + heading + "'; the whole note"
                            + " is embedded");
                } else {
                    lines = section;
                }
            }
            List<Path> inner = new ArrayList<>(notes);
            inner.add(note.get());
            return lines(lines, inner);
        }

        /** The heading named and the lines under it, to the next heading of its level or above; null when none. */
        private static List<SourceText.Line> section(List<SourceText.Line> lines, String heading) {
            CodeFences fences = new CodeFences();
            String wanted = normal(heading);
            int start = -1;
            int level = 0;
            for (int i = 0; i < lines.size(); i++) {
                String t = lines.get(i).text();
                if (fences.inCode(t)) {
                    continue;
                }
                Matcher h = HEADING.matcher(t);
                if (!h.matches()) {
                    continue;
                }
                if (start < 0) {
                    if (normal(h.group(2)).equals(wanted)) {
                        start = i;
                        level = h.group(1).length();
                    }
                } else if (h.group(1).length() <= level) {
                    return lines.subList(start, i);
                }
            }
            return start < 0 ? null : lines.subList(start, lines.size());
        }

        private static String normal(String heading) {
            return heading.replaceAll("[*_`\\[\\]]", "").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
        }

        /** The path of {@code file} relative to the chapter's folder, with forward slashes. */
        private String relative(Path file) {
            return chapter.getParent().relativize(file).toString().replace('\\', '/');
        }
    }

    /**
     * What a wikilink says: its target, the heading after {@code #}, the text after {@code |}, and whether it named
     * a block ({@code #^id}) rather than a heading.
     */
    record Link(String target, String heading, String alias, boolean block) {

        static Link parse(String inside) {
            // In a table the bar is written "\|".
            int bar = inside.indexOf('|');
            String target = bar < 0 ? inside : inside.substring(0, bar);
            String alias = bar < 0 ? "" : inside.substring(bar + 1).strip();
            if (target.endsWith("\\")) {
                target = target.substring(0, target.length() - 1);
            }
            int hash = target.indexOf('#');
            String heading = hash < 0 ? "" : target.substring(hash + 1);
            target = hash < 0 ? target : target.substring(0, hash);
            // [[Page#Part#Sub]]: the last heading is the one linked.
            heading = heading.substring(heading.lastIndexOf('#') + 1).strip();
            boolean block = heading.startsWith("^");
            if (block) {
                // A block reference (#^id) names a paragraph by an id a book does not have: the note itself.
                heading = "";
                if (alias.isEmpty() && target.isBlank()) {
                    alias = inside.substring(inside.indexOf('#') + 1).strip();
                }
            }
            return new Link(target.strip(), heading, alias, block);
        }

        /** What the reader sees: the text after the bar, else what Obsidian shows ("Page > Heading"). */
        String shown() {
            if (!alias.isEmpty()) {
                return alias;
            }
            if (target.isEmpty()) {
                return heading;
            }
            String name = target.toLowerCase(Locale.ROOT).endsWith(".md") ? target.substring(0, target.length() - 3) : target;
            return heading.isEmpty() ? name : name + " > " + heading;
        }
    }

    private static String extension(String target) {
        String name = target.substring(target.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Text shown as written inside a Markdown link's brackets. */
    private static String escape(String s) {
        return s.replaceAll("([\\\\\\[\\]*_`<>])", "\\\\$1");
    }

    /** A relative path as an HTML attribute: spaces and the characters an attribute cannot hold, escaped. */
    private static String encode(String path) {
        return path.replace("%", "%25").replace(" ", "%20").replace("\"", "%22").replace("<", "%3C").replace(">", "%3E")
                .replace("&", "%26");
    }
}
