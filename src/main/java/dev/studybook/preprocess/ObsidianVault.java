package dev.studybook.preprocess;

import dev.studybook.io.ContentFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files of a book's folder as Obsidian finds the target of a wikilink: {@code [[Page]]} names the note
 * {@code Page.md} wherever it lies, {@code [[folder/Page]]} the one whose path ends so, {@code [[picture.png]]} a
 * file by its full name; a name several files share is the one beside the linking note, else the one with the
 * shortest path. Names compare without case, as in Obsidian. Hidden folders ({@code .obsidian}, {@code .trash},
 * {@code .git}) and {@code node_modules} are not looked in; a name no file has may be an alias a note's front
 * matter gives ({@code aliases: [Forest]}). Thread-safe.
 */
public final class ObsidianVault {

    /** Files looked at, at most: a vault is notes, not a whole disk. */
    private static final int MAX_FILES = 200_000;
    private static final int MAX_DEPTH = 24;

    private final Path root;
    /** Lower-cased file name to the files of that name, shortest path first. */
    private final Map<String, List<Path>> byName;

    private ObsidianVault(Path root, Map<String, List<Path>> byName) {
        this.root = root;
        this.byName = byName;
    }

    /** The vault that is the content folder of {@code content}. */
    public static ObsidianVault of(ContentFolder content) {
        Path root = content.root();
        Map<String, List<Path>> byName = new HashMap<>();
        int[] count = new int[1];
        walk(content, root, 0, byName, count);
        Comparator<Path> order = Comparator.comparingInt((Path p) -> root.relativize(p).getNameCount())
                .thenComparingInt(p -> root.relativize(p).toString().length()).thenComparing(Path::toString);
        byName.values().forEach(l -> l.sort(order));
        return new ObsidianVault(root, byName);
    }

    private static void walk(ContentFolder content, Path dir, int depth, Map<String, List<Path>> byName, int[] count) {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.sorted().toList();
        } catch (IOException e) {
            return;
        }
        for (Path p : entries) {
            String n = p.getFileName().toString();
            if (n.startsWith(".") || n.equals("node_modules") || count[0] >= MAX_FILES || !content.contains(p)) {
                continue;
            }
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                if (depth < MAX_DEPTH) {
                    walk(content, p, depth + 1, byName, count);
                }
            } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                count[0]++;
                byName.computeIfAbsent(n.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(p);
            }
        }
    }

    /** Lower-cased alias to the note whose front matter gives it; read when a name is first not found. */
    private Map<String, Path> aliases;

    /**
     * The note whose front matter {@code aliases} include {@code name} (the first by path when several do), for a
     * wikilink that names no file; the notes' front matter is read once, on the first such link.
     */
    public synchronized Optional<Path> alias(String name) {
        if (aliases == null) {
            aliases = new HashMap<>();
            List<Path> notes = notes();
            for (Path p : notes) {
                try {
                    String head = readHead(p);
                    if (head.startsWith("---")) {
                        for (String a : FrontMatter.aliases(head)) {
                            aliases.putIfAbsent(a.toLowerCase(Locale.ROOT), p);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // A note that cannot be read gives no alias.
                }
            }
        }
        return Optional.ofNullable(aliases.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    /** Whether the folder is written as a vault; found on the first wikilink that names nothing. */
    private Boolean writtenAsVault;

    /**
     * Whether the folder is written as a vault: it has Obsidian's {@code .obsidian/}, or a wikilink of one of its
     * notes names a file it holds. In a folder that is no vault, {@code [[Prototype]]} that names nothing is
     * ECMAScript's notation of an internal slot, not a link (ruanyf/es6tutorial's heading "[[Notation]]" and
     * javascript.info's "[[Prototype]]" lost their brackets). The notes are read once, on the first such wikilink.
     */
    public synchronized boolean writtenAsVault() {
        if (writtenAsVault == null) {
            writtenAsVault = Files.isDirectory(root.resolve(".obsidian"), LinkOption.NOFOLLOW_LINKS) || anyLinkFound();
        }
        return writtenAsVault;
    }

    private boolean anyLinkFound() {
        List<Path> notes = notes();
        for (Path p : notes) {
            String text;
            try (var in = Files.newInputStream(p)) {
                text = new String(in.readNBytes(1024 * 1024), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                continue;
            }
            if (!text.contains("[[")) {
                continue;
            }
            java.util.regex.Matcher m = ObsidianSyntax.WIKILINK.matcher(text);
            while (m.find()) {
                String target = ObsidianSyntax.Link.parse(m.group(2)).target();
                if (!target.isBlank() && (note(target, p.getParent()).isPresent() || file(target, p.getParent()).isPresent())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The start of a note, where its front matter is: at most 64 KB. */
    private static String readHead(Path p) throws IOException {
        try (var in = Files.newInputStream(p)) {
            byte[] b = in.readNBytes(64 * 1024);
            return new String(b, java.nio.charset.StandardCharsets.UTF_8).replace("\r\n", "\n");
        }
    }

    /** The vault's folder. */
    public Path root() {
        return root;
    }

    /**
     * The note {@code target} names ({@code Page}, {@code folder/Page}, {@code Page.md}), linked from a note in
     * {@code from}: {@code target.md} first, then {@code target} as written (a picture, or a note whose name has a
     * dot); empty when the vault has neither.
     */
    public Optional<Path> note(String target, Path from) {
        Optional<Path> md = file(target + ".md", from);
        if (md.isPresent()) {
            return md;
        }
        Optional<Path> named = file(target, from);
        return named.isPresent() || target.contains("/") ? named : alias(target);
    }

    /** The file {@code target} names by its full name ({@code picture.png}, {@code attachments/picture.png}). */
    public Optional<Path> file(String target, Path from) {
        String t = target.strip().replace('\\', '/');
        while (t.startsWith("./")) {
            t = t.substring(2);
        }
        t = t.replaceFirst("^/+", "");
        if (t.isEmpty() || t.endsWith("/")) {
            return Optional.empty();
        }
        int slash = t.lastIndexOf('/');
        String name = t.substring(slash + 1).toLowerCase(Locale.ROOT);
        List<Path> named = byName.getOrDefault(name, List.of());
        if (named.isEmpty()) {
            return Optional.empty();
        }
        String suffix = "/" + t.toLowerCase(Locale.ROOT);
        Path dir = from == null ? root : from;
        List<Path> matching = new ArrayList<>();
        for (Path p : named) {
            String rel = "/" + root.relativize(p).toString().replace('\\', '/').toLowerCase(Locale.ROOT);
            // A path relative to the linking note ("../pics/a.png", "sub/Page") is taken as written.
            if (p.equals(dir.resolve(t).normalize())) {
                return Optional.of(p);
            }
            if (rel.endsWith(suffix)) {
                matching.add(p);
            }
        }
        for (Path p : matching) {
            if (dir.equals(p.getParent())) {
                return Optional.of(p);
            }
        }
        return matching.stream().findFirst();
    }

    /** The vault's notes (Markdown files), in the order of their paths. */
    private List<Path> notes() {
        List<Path> notes = new ArrayList<>();
        byName.forEach((n, files) -> {
            if (n.endsWith(".md")) {
                notes.addAll(files);
            }
        });
        notes.sort(Comparator.comparing(Path::toString));
        return notes;
    }
}
