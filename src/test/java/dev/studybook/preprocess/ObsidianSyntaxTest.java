package dev.studybook.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.testing.EpubContents;
import dev.studybook.testing.TestBooks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Obsidian vault as a book (books/dialects/obsidian-vault): wikilinks, embeds and comments, which were shown as
 * written ("[[Graphs]]", "![[tree diagram.png|120]]", "%%…%%"), and a home note of wikilinks, which listed no chapter.
 */
class ObsidianSyntaxTest {

    static final Path VAULT = TestBooks.book("dialects/obsidian-vault");

    @TempDir
    static Path out;

    static TestBooks.Built built;
    static EpubContents epub;
    static List<String> warnings;

    @BeforeAll
    static void build() throws IOException {
        built = TestBooks.build(VAULT, out, "epub");
        epub = EpubContents.read(built.output("epub"));
        warnings = built.diagnostics().warnings().stream().map(Object::toString).toList();
    }

    private static String chapter(String title) {
        return epub.text(epub.chapterFile(title));
    }

    @Test
    void aHomeNoteOfWikilinksWasNoIndexAndNowListsTheNotesAsChapters() {
        assertEquals(List.of("Graphs", "Trees and forests", "Sorting"), epub.nav().chapterLabels(), epub.nav().outline());
        assertFalse(epub.nav().outline().contains("template"), "the templates folder is no chapter: " + epub.nav().outline());
    }

    @Test
    void wikilinksWereShownInBracketsAndNowLeadToTheirChaptersAndHeadings() {
        String graphs = chapter("Graphs");
        assertFalse(graphs.replaceAll("<code[^>]*>[^<]*</code>", "").contains("[["), "only code keeps brackets: " + graphs);
        String trees = epub.chapterFile("Trees and forests");
        String sorting = epub.chapterFile("Sorting");
        assertTrue(graphs.contains("<a href=\"" + trees + "\">tree</a>"), "a bare name found in another folder: " + graphs);
        assertTrue(graphs.contains("<a href=\"" + sorting + "#quick-sort\">Sorting &gt; Quick sort</a>"),
                "a heading of another note: " + graphs);
        assertTrue(graphs.contains("<a href=\"#degree\">degree</a>"), "a heading of the same note: " + graphs);
        assertTrue(graphs.matches("(?s).*<td[^>]*><a href=\"" + trees + "\">a tree</a></td>.*"), "'\\|' in a table: " + graphs);
        assertTrue(graphs.contains("A link to Nowhere stays its text."), graphs);
        assertTrue(chapter("Sorting").contains("<a href=\"" + trees + "\">forest</a>"), "an alias in front matter: "
                + chapter("Sorting"));
        // 0boluan0/Notes_on_Economic_Statistics: ![[Recording.webm]] was read as a note ("looks binary"), [[#^id]] led nowhere.
        String graphsFile = epub.chapterFile("Graphs");
        assertTrue(chapter("Sorting").contains("<a href=\"" + graphsFile + "\">the definition</a>"), chapter("Sorting"));
        assertTrue(warnings.stream().noneMatch(w -> w.contains("purr.webm") && w.contains("embedded note")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("notes/Graphs.md:17") && w.contains("[[Nowhere]]")
                && w.contains("plain text")), warnings.toString());
    }

    @Test
    void pictureEmbedsWereTextAndNowArePicturesOfTheirWidth() {
        String graphs = chapter("Graphs");
        assertTrue(graphs.matches("(?s).*<img src=\"[^\"]+\\.png\" alt=\"\" width=\"120\"\\s*/>.*"), graphs);
        assertEquals(2, graphs.split("<img ", -1).length - 1, graphs);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("Sorting.md:7") && w.contains("Missing picture.png")),
                warnings.toString());
        assertFalse(chapter("Sorting").contains("Missing picture"), chapter("Sorting"));
    }

    @Test
    void noteEmbedsBringInTheSectionOnceAndAnEmbedOfTheNoteItselfStops() {
        String graphs = chapter("Graphs");
        assertTrue(graphs.contains("A leaf has degree one"), "the section Leaves of Trees is embedded: " + graphs);
        assertFalse(graphs.contains("A rooted tree has one root"), "only that section: " + graphs);
        // Trees#Leaves embeds Graphs, which is the note being read: a link, not the note again.
        assertEquals(1, graphs.split("The degree of a vertex", -1).length - 1, graphs);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("notes/trees/Trees.md:13") && w.contains("would show a note inside itself")),
                warnings.toString());
        String trees = chapter("Trees and forests");
        assertTrue(trees.contains("The degree of a vertex"), "Trees embeds all of Graphs: " + trees);
        assertFalse(trees.contains("tags:") || trees.contains("aliases"), "without its front matter: " + trees);
    }

    @Test
    void commentsWereShownAndAreNowLeftOutButCodeKeepsBracketsAndPercents() {
        String graphs = chapter("Graphs");
        assertFalse(graphs.contains("check the definition") || graphs.contains("several lines"), graphs);
        assertTrue(graphs.contains(">[[not a link]]</code>") && graphs.contains(">100%%</code>"), graphs);
    }

    @Test
    void aVaultWhoseReadmeLinksToNoNoteWasRefusedAndNowReadsItsNotesInFolderOrder(@TempDir Path out2) throws IOException {
        // 0boluan0/Notes_on_Economic_Statistics: a README of two lines, the notes linked to one another only.
        TestBooks.Built b = TestBooks.build(TestBooks.book("dialects/obsidian-vault-readme-without-links"), out2, "epub");
        EpubContents e = EpubContents.read(b.output("epub"));
        assertEquals(List.of("Course notes", "Introduction", "Regression"), e.nav().chapterLabels(), e.nav().outline());
        assertTrue(e.text(e.chapterFile("Regression")).contains("<a href=\"" + e.chapterFile("Introduction")
                + "\">the introduction</a>"), e.text(e.chapterFile("Regression")));
        assertTrue(b.diagnostics().warnings().stream().anyMatch(w -> w.toString().contains("README.md links to no note")),
                b.diagnostics().warnings().toString());
    }

    @Test
    void aVaultWithoutIndexLeavesOutItsTemplatesAndTrash(@TempDir Path out2) throws IOException {
        TestBooks.Built b = TestBooks.build(TestBooks.book("dialects/obsidian-vault-without-index"), out2, "epub");
        EpubContents e = EpubContents.read(b.output("epub"));
        assertEquals(List.of("Graphs", "Trees"), e.nav().chapterLabels(), e.nav().outline());
        String graphs = e.text(e.chapterFile("Graphs"));
        assertTrue(graphs.contains("<a href=\"" + e.chapterFile("Trees") + "\">Trees</a>"), graphs);
        assertTrue(b.diagnostics().warnings().stream().anyMatch(w -> w.toString().contains("Templates/")),
                b.diagnostics().warnings().toString());
    }

    @Test
    void ecmascriptSlotsInAFolderThatIsNoVaultLostTheirBracketsAndNowStayAsWritten(@TempDir Path out2) throws IOException {
        // ruanyf/es6tutorial's heading "### [[Notation]]" became "Notation", with a warning of a missing note.
        TestBooks.Built b = TestBooks.build(TestBooks.book("dialects/ecmascript-slots-in-no-vault"), out2, "epub");
        EpubContents e = EpubContents.read(b.output("epub"));
        String text = e.text(e.chapterFile("Prototypes"));
        assertTrue(text.matches("(?s).*<h2[^>]*>\\[\\[Prototype\\]\\]</h2>.*"), text);
        assertTrue(text.contains("a hidden [[Prototype]] slot"), text);
        assertTrue(b.diagnostics().warnings().stream().noneMatch(w -> w.toString().contains("wikilink")),
                b.diagnostics().warnings().toString());
    }

    @Test
    void aVaultWithoutItsObsidianFolderStillShowsAWikilinkToNoNoteAsItsText(@TempDir Path dir) throws IOException {
        Path book = java.nio.file.Files.createDirectories(dir.resolve("vault"));
        java.nio.file.Files.writeString(book.resolve("Home.md"), "# Home\n\nSee [[Graphs]] and [[Nowhere]].\n");
        java.nio.file.Files.writeString(book.resolve("Graphs.md"), "# Graphs\n\nText.\n");
        TestBooks.Built b = TestBooks.build(book, dir.resolve("out"), "epub");
        EpubContents e = EpubContents.read(b.output("epub"));
        String home = e.text(e.chapterFile("Home"));
        assertTrue(home.contains(">Graphs</a> and Nowhere."), home);
    }
}
