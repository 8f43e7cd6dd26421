package dev.studybook.load;

import dev.studybook.model.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the repository a book lies in begins: the nearest folder at or above the content folder that holds
 * {@code .git}, else {@code book.toml}, {@code book.json} or {@code mkdocs.yml} (an mdBook, GitBook, HonKit or MkDocs
 * book). That folder is the
 * boundary nothing outside of is read. Also reads what the clone says of itself: its GitHub remote, its branch and
 * its GitHub Pages domain.
 */
final class BookRoot {

    /** How many folders above the content folder the repository's root is looked for (docs/book/src is three). */
    static final int MAX_LEVELS_UP = 3;

    private static final List<String> BOOK_FILES = List.of("book.toml", "book.json", "mkdocs.yml", "mkdocs.yaml");

    private BookRoot() {
    }

    /**
     * The boundary for a content folder: the root of the repository it lies in, else the nearest folder holding a
     * book.toml, book.json or mkdocs.yml, else the content folder itself. The search stops {@value #MAX_LEVELS_UP} folders up
     * and never reaches the user's home folder or the file system's root, so that a home folder kept in git does
     * not open everything in it to a book.
     */
    static Path find(Path contentDir) {
        Path dir = contentDir.toAbsolutePath().normalize();
        Path home = homeFolder();
        Path bookFile = null;
        Path p = dir;
        for (int level = 0; level <= MAX_LEVELS_UP && p != null && p.getParent() != null; level++) {
            if (home != null && (p.equals(home) || home.startsWith(p))) {
                break;
            }
            if (Files.exists(p.resolve(".git"))) {
                return p;
            }
            Path here = p;
            if (bookFile == null && BOOK_FILES.stream().anyMatch(f -> Files.isRegularFile(here.resolve(f)))) {
                bookFile = p;
            }
            p = p.getParent();
        }
        return bookFile != null ? bookFile : dir;
    }

    private static Path homeFolder() {
        String h = System.getProperty("user.home");
        if (h == null || h.isBlank()) {
            return null;
        }
        Path home = Path.of(h).toAbsolutePath().normalize();
        return home.getParent() == null ? null : home;
    }

    /**
     * The GitHub repository of a clone at {@code root}: the URL of its {@code origin} remote (else of the first remote
     * on GitHub), with the branch checked out. Only a {@code .git} folder inside the root is read; a {@code .git} file
     * (a worktree or submodule) points outside and is not followed.
     */
    static Optional<Repository> fromGit(Path root) {
        Path git = root.resolve(".git");
        if (!Files.isDirectory(git)) {
            return Optional.empty();
        }
        Optional<String> config = read(git.resolve("config"));
        if (config.isEmpty()) {
            return Optional.empty();
        }
        String remote = null;
        Optional<Repository> origin = Optional.empty();
        Optional<Repository> first = Optional.empty();
        for (String line : config.get().split("\n")) {
            String l = line.strip();
            if (l.startsWith("[")) {
                remote = l.matches("\\[remote\\s+\"[^\"]+\"\\]") ? l.replaceAll("^\\[remote\\s+\"|\"\\]$", "") : null;
            } else if (remote != null && l.toLowerCase(Locale.ROOT).matches("url\\s*=.*")) {
                Optional<Repository> r = Repository.parse(l.substring(l.indexOf('=') + 1).strip());
                if (remote.equals("origin") && origin.isEmpty()) {
                    origin = r;
                }
                if (first.isEmpty()) {
                    first = r;
                }
            }
        }
        Optional<Repository> repo = origin.isPresent() ? origin : first;
        Optional<String> head = read(git.resolve("HEAD")).map(String::strip)
                .filter(h -> h.startsWith("ref: refs/heads/")).map(h -> h.substring("ref: refs/heads/".length()));
        return repo.map(r -> head.map(r::withRef).orElse(r));
    }

    /** The custom domain a GitHub Pages site is served at: the {@code CNAME} file of the root or of its docs/ folder. */
    static Optional<String> pagesDomain(Path root) {
        for (Path p : List.of(root.resolve("CNAME"), root.resolve("docs/CNAME"))) {
            Optional<String> domain = read(p).map(s -> s.strip().toLowerCase(Locale.ROOT))
                    .filter(s -> s.matches("[a-z0-9.-]+\\.[a-z]{2,}"));
            if (domain.isPresent()) {
                return domain;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> read(Path p) {
        try {
            if (!Files.isRegularFile(p) || Files.size(p) > 1 << 20) {
                return Optional.empty();
            }
            return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
