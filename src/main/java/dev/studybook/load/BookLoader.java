package dev.studybook.load;

import dev.studybook.config.BookConfig;
import dev.studybook.config.BookConfigReader;
import dev.studybook.config.OutputSpec;
import dev.studybook.config.Request;
import dev.studybook.config.Settings;
import dev.studybook.config.SettingsResolver;
import dev.studybook.error.Diagnostics;
import dev.studybook.error.SourceLocation;
import dev.studybook.error.StudybookException;
import dev.studybook.fonts.FontFace;
import dev.studybook.io.ContentFolder;
import dev.studybook.io.TextFiles;
import dev.studybook.model.ChapterSource;
import dev.studybook.model.Outline;
import dev.studybook.model.SourceText;
import dev.studybook.preprocess.PreprocessContext;
import dev.studybook.preprocess.Preprocessors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a book the one way every command reads it ({@code build}, {@code check}, {@code test}, {@code watch}),
 * as mdBook's {@code MDBook::load} does: book.yaml and the settings, the index page and its chapters in order,
 * each chapter's text through the preprocessors, and the author's fonts and stylesheets. Nothing is read from
 * outside the content folder.
 */
public final class BookLoader {

    private BookLoader() {
    }

    /** Loads the book {@code request} names; {@code outputs} are the outputs whose options book.yaml may set. */
    public static LoadedBook load(Request request, List<OutputSpec> outputs, Diagnostics diagnostics) {
        Path dir = request.contentDir().toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw StudybookException.content(SourceLocation.of(dir), "the content folder does not exist",
                    "run studybook in the book's folder, or name it with --content DIR");
        }
        ContentFolder content = open(dir);
        BookConfig config = BookConfigReader.read(dir);
        Settings settings = SettingsResolver.resolve(config, request, outputs);
        Outline outline = OutlineReader.read(content, request.index(), config, diagnostics);
        PreprocessContext context = new PreprocessContext(content, diagnostics, outline.metadata().language());
        List<ChapterSource> chapters = new ArrayList<>();
        for (Outline.OutlineChapter c : outline.chapters()) {
            SourceText text = SourceText.of(c.file(), TextFiles.read(c.file(), "chapter"));
            chapters.add(new ChapterSource(c, Preprocessors.run(text, context)));
        }
        context.finish();
        return new LoadedBook(settings, outline, chapters, fonts(content, config), css(content, config));
    }

    static ContentFolder open(Path dir) {
        try {
            return new ContentFolder(dir);
        } catch (IOException e) {
            throw StudybookException.content(SourceLocation.of(dir), "cannot open the content folder: " + e.getMessage(),
                    "check its permissions");
        }
    }

    /** The author's fonts from book.yaml, each checked to be a file of the content folder. */
    private static List<FontFace> fonts(ContentFolder content, BookConfig config) {
        List<FontFace> out = new ArrayList<>();
        Path yaml = config.file().orElse(content.root());
        int n = 0;
        for (BookConfig.FontConfig f : config.fonts()) {
            Path p = file(content, f.file(), SourceLocation.of(yaml, f.line()), "font");
            String stem = p.getFileName().toString().replaceFirst("\\.[^.]+$", "").replaceAll("[^A-Za-z0-9_-]+", "-");
            out.add(new FontFace(f.family(), f.weight(), f.italic(), "user-" + (++n) + "-" + stem + ".ttf", null, p, true));
        }
        return out;
    }

    /** The author's stylesheets from book.yaml, read from the content folder. */
    private static List<String> css(ContentFolder content, BookConfig config) {
        Path yaml = config.file().orElse(content.root());
        List<String> out = new ArrayList<>();
        for (String css : config.css()) {
            out.add(TextFiles.read(file(content, css, SourceLocation.of(yaml), "stylesheet"), "stylesheet"));
        }
        return out;
    }

    private static Path file(ContentFolder content, String path, SourceLocation at, String what) {
        Path p = content.resolve(content.root(), "/" + path).orElseThrow(() -> StudybookException.content(at,
                "the " + what + " '" + path + "' lies outside the content folder", "put it inside the content folder"));
        if (!Files.isRegularFile(p)) {
            throw StudybookException.content(at, "the " + what + " '" + path + "' does not exist",
                    "give its path relative to the content folder");
        }
        return p;
    }
}
