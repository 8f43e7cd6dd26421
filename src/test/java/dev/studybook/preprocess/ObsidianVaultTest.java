package dev.studybook.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.studybook.io.ContentFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which file a wikilink names, as Obsidian finds it: a vault written by the test. */
class ObsidianVaultTest {

    @TempDir
    Path vault;

    private Path write(String path, String text) throws IOException {
        Path p = vault.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void aNameSeveralNotesShareIsTheOneBesideTheLinkElseTheShortestPath() throws IOException {
        write("a/b/Page.md", "# deep");
        write("c/Page.md", "# c");
        write("z/y/x/Page.md", "# deepest");
        write("Top.md", "# top");
        write(".trash/Top.md", "# deleted");
        write(".obsidian/Page.md", "# config");
        ObsidianVault v = ObsidianVault.of(new ContentFolder(vault));
        Path root = vault.toAbsolutePath().normalize();
        assertEquals(Optional.of(root.resolve("a/b/Page.md")), v.note("Page", root.resolve("a/b")));
        assertEquals(Optional.of(root.resolve("c/Page.md")), v.note("page", root), "case aside, the shortest path");
        assertEquals(Optional.of(root.resolve("a/b/Page.md")), v.note("b/Page", root), "a path's end");
        assertEquals(Optional.of(root.resolve("Top.md")), v.note("Top", root.resolve("a")), "hidden folders are not looked in");
        assertEquals(Optional.of(root.resolve("c/Page.md")), v.note("../c/Page", root.resolve("a")), "a relative path");
        assertEquals(Optional.empty(), v.note("Nowhere", root));
    }

    @Test
    void aNoteIsFoundByAnAliasOfItsFrontMatter() throws IOException {
        write("notes/Trees.md", "---\naliases: [Forest, 树]\n---\n# Trees\n");
        write("Other.md", "---\nalias: Grove\n---\n# Other\n");
        ObsidianVault v = ObsidianVault.of(new ContentFolder(vault));
        Path root = vault.toAbsolutePath().normalize();
        assertEquals(Optional.of(root.resolve("notes/Trees.md")), v.note("forest", root));
        assertEquals(Optional.of(root.resolve("notes/Trees.md")), v.note("树", root));
        assertEquals(Optional.of(root.resolve("Other.md")), v.note("Grove", root));
    }
}
