package dev.studybook.load;

import dev.studybook.io.ContentFolder;
import dev.studybook.io.TextFiles;
import dev.studybook.markdown.IndexPageReader;
import dev.studybook.model.IndexPage;
import dev.studybook.preprocess.ObsidianSyntax;
import dev.studybook.preprocess.ObsidianVault;
import java.nio.file.Path;

/**
 * Index pages and chapters read for their links, as {@link IndexPageReader} reads them, with Obsidian's wikilinks
 * ({@code [[Page]]}, {@code [[Page|text]]}) seen as links to the notes they name: a vault's home note or map of
 * content is its index page. The vault is listed once, when a page first has a wikilink.
 */
final class IndexPages {

    private final ContentFolder content;
    private ObsidianVault vault;

    IndexPages(ContentFolder content) {
        this.content = content;
    }

    /** The index page in {@code file}; {@code what} names it in the message when it cannot be read. */
    IndexPage read(Path file, String what) {
        return IndexPageReader.read(links(file, TextFiles.read(file, what)));
    }

    /** {@code text}, the text of {@code file}, with its wikilinks written as Markdown links. */
    String links(Path file, String text) {
        if (!text.contains("[[") && !text.contains("%%")) {
            return text;
        }
        return ObsidianSyntax.linksAsMarkdown(text, file, this::vault);
    }

    private ObsidianVault vault() {
        if (vault == null) {
            vault = ObsidianVault.of(content);
        }
        return vault;
    }
}
