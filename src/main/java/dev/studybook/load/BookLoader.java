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
import dev.studybook.fonts.FontSet;
import dev.studybook.io.BookFiles;
import dev.studybook.io.ContentFolder;
import dev.studybook.io.CssReferences;
import dev.studybook.io.TextFiles;
import dev.studybook.model.ChapterSource;
import dev.studybook.model.Metadata;
import dev.studybook.model.Outline;
import dev.studybook.model.Repository;
import dev.studybook.model.SourceText;
import dev.studybook.preprocess.PreprocessContext;
import dev.studybook.preprocess.Preprocessors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a book the one way every command reads it ({@code build}, {@code check}, {@code test}, {@code watch}),
 * as mdBook's {@code MDBook::load} does: book.yaml and the settings, the index page and its chapters in order,
 * each chapter's text through the preprocessors, and the author's fonts and stylesheets. Nothing is read from
 * outside the book's boundary: the root of the repository the content folder lies in, or the content folder itself.
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
        ContentFolder content = open(dir, BookRoot.find(dir));
        BookConfig config = BookConfigReader.read(content);
        Settings settings = SettingsResolver.resolve(config, request, outputs);
        Optional<ToolConfig> tool = ToolConfig.find(dir, content.boundary(), diagnostics);
        ChapterTexts read = new ChapterTexts(diagnostics);
        Outline outline = OutlineReader.read(new OutlineReader.Inputs(content, request.index(), config, tool,
                repository(config, tool, content.boundary()), settings.skipMissing(), settings.nested(), read), diagnostics);
        List<SourceText> texts = new ArrayList<>();
        for (Outline.OutlineChapter c : outline.chapters()) {
            texts.add(c.titlePage() ? titlePage(c) : read.source(c.file()));
        }
        if (outline.metadata().language().isBlank()) {
            // Before the preprocessors, which label asides in the book's language.
            outline = outline.withMetadata(withLanguage(outline.metadata(), Languages.detect(outline, texts)));
        }
        PreprocessContext context = new PreprocessContext(content, diagnostics, outline.metadata().language());
        List<SourceText> preprocessed = preprocess(outline.chapters(), texts, context);
        List<ChapterSource> chapters = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            chapters.add(new ChapterSource(outline.chapters().get(i), preprocessed.get(i)));
        }
        context.finish();
        List<FontFace> fonts = fonts(content, config);
        List<String> css = css(content, config, diagnostics);
        if (outline.chapters().stream().anyMatch(c -> !c.titlePage() && Notebook.isNotebook(c.file()))) {
            // After the book's own and before the author's: sets a notebook cell's output apart from its code.
            css = concat(List.of(stylesheet("notebook.css")), css);
        }
        if (latinScript(outline.metadata().language())) {
            // Before the author's own, which may override them.
            fonts = concat(FontSet.LATIN_FACES, fonts);
            css = concat(List.of(LATIN_CSS.get()), css);
        }
        return new LoadedBook(settings, outline, chapters, fonts, css);
    }

    /** Preprocessing recurses (includes in includes, patterns over long lines): threads get the build thread's stack. */
    private static final long STACK_BYTES = 64L * 1024 * 1024;

    /**
     * The chapters' texts through the preprocessors, on all cores, each chapter with a context of its own whose
     * warnings said once are merged in book order; a title page is left as it is. The first chapter in book order
     * that fails gives the error, as when they were preprocessed one after another.
     */
    static List<SourceText> preprocess(List<Outline.OutlineChapter> outline, List<SourceText> texts,
            PreprocessContext context) {
        int threads = Math.max(1, Math.min(texts.size(), Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(null, r, "studybook-preprocess", STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
        try {
            List<PreprocessContext> own = new ArrayList<>();
            List<java.util.concurrent.CompletableFuture<SourceText>> tasks = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                SourceText text = texts.get(i);
                PreprocessContext chapter = context.forChapter();
                own.add(chapter);
                tasks.add(outline.get(i).titlePage() ? java.util.concurrent.CompletableFuture.completedFuture(text)
                        : java.util.concurrent.CompletableFuture.supplyAsync(dev.studybook.error.Activity.supplier(
                                SourceLocation.of(text.file()).displayPath(), () -> Preprocessors.run(text, chapter)), pool));
            }
            List<SourceText> out = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                out.add(dev.studybook.error.Tasks.join(tasks.get(i)));
                context.merge(own.get(i));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The stylesheet that sets a Latin-script book in the Latin faces. */
    private static final java.util.function.Supplier<String> LATIN_CSS = () -> stylesheet("latin.css");

    /** One of studybook's own stylesheets, from the jar. */
    private static String stylesheet(String name) {
        try (var in = BookLoader.class.getResourceAsStream("/studybook/styles/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the stylesheet " + name + " is missing from the studybook jar");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** True for a language written in Latin letters: not Chinese, Japanese or Korean (nor another script studybook knows). */
    static boolean latinScript(String language) {
        String l = language.toLowerCase(java.util.Locale.ROOT);
        return !(l.startsWith("zh") || l.startsWith("ja") || l.startsWith("ko") || l.startsWith("ru") || l.startsWith("uk")
                || l.startsWith("ar") || l.startsWith("he") || l.startsWith("fa") || l.startsWith("th") || l.startsWith("hi")
                || l.startsWith("el") || l.startsWith("bn"));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /**
     * The book's GitHub repository: book.yaml's {@code repository}, else the address in book.toml or book.json, else
     * the clone's remote; web links name the branch checked out, and a GitHub Pages custom domain (CNAME) counts as
     * the repository's site. Empty when nothing says; the index page's links may still tell.
     */
    static Optional<Repository> repository(BookConfig config, Optional<ToolConfig> tool, Path root) {
        Optional<Repository> git = BookRoot.fromGit(root);
        Optional<Repository> named = config.repository().flatMap(Repository::parse)
                .or(() -> tool.flatMap(ToolConfig::repository).flatMap(Repository::parse));
        Optional<Repository> repo = named.map(r -> git.filter(g -> g.is(r.owner(), r.name())).map(g -> r.withRef(g.ref()))
                .orElse(r)).or(() -> git);
        Optional<String> domain = BookRoot.pagesDomain(root);
        return repo.map(r -> domain.map(r::withHost).orElse(r));
    }

    /** The page of a group without a file of its own: its title, as the index page wrote it. */
    private static SourceText titlePage(Outline.OutlineChapter c) {
        String escaped = c.title().replaceAll("([\\\\`*_{}\\[\\]()#+!<>|~])", "\\\\$1");
        return SourceText.builder(c.file()).add("# " + escaped, c.file(), c.indexLine()).build();
    }

    private static Metadata withLanguage(Metadata m, String language) {
        return new Metadata(m.title(), m.subtitle(), m.authors(), language, m.identifier(), m.description(), m.date(),
                m.cover());
    }

    static ContentFolder open(Path dir, Path boundary) {
        try {
            return new ContentFolder(dir, boundary);
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
    private static List<String> css(ContentFolder content, BookConfig config, Diagnostics diagnostics) {
        Path yaml = config.file().orElse(content.root());
        List<String> out = new ArrayList<>();
        for (String css : config.css()) {
            Path p = file(content, css, SourceLocation.of(yaml), "stylesheet");
            CssReferences.Result clean = CssReferences.sanitize(TextFiles.read(p, "stylesheet"));
            if (clean.removed() > 0) {
                // Readers would fetch them (and EPUBCheck refuses remote resources): one warning per file.
                diagnostics.warn(SourceLocation.of(p), Diagnostics.Kind.CONFIG, "the stylesheet '" + css + "' refers to "
                        + "files outside the book (@import, or a remote or file: address); " + clean.removed()
                        + (clean.removed() == 1 ? " rule is" : " rules are") + " left out");
            }
            out.add(clean.css());
        }
        return out;
    }

    private static Path file(ContentFolder content, String path, SourceLocation at, String what) {
        Path p = content.resolve(content.root(), "/" + path).orElseThrow(() -> StudybookException.content(at,
                "the " + what + " '" + path + "' lies outside the content folder", "put it inside the content folder"));
        if (!Files.exists(p)) {
            throw StudybookException.content(at, "the " + what + " '" + path + "' does not exist",
                    "give its path relative to the content folder");
        }
        BookFiles.requireRegular(p, what + " '" + path + "'", at);
        return p;
    }
}
