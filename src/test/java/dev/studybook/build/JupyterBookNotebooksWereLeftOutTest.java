package dev.studybook.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybook.error.Diagnostics;
import dev.studybook.error.StudybookException;
import dev.studybook.load.LoadedBook;
import dev.studybook.model.ChapterSource;
import dev.studybook.testing.EpubCheckRunner;
import dev.studybook.testing.EpubContents;
import dev.studybook.testing.PdfText;
import dev.studybook.testing.TestBooks;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Jupyter Book's {@code _toc.yml} entry, a README link or a folder of {@code .ipynb} notebooks (most of
 * executablebooks/quantecon-mini-example, jakevdp/PythonDataScienceHandbook) was named in one warning and left out:
 * a notebook is a chapter now, its Markdown cells as Markdown, its code as code, its outputs as text, tables and
 * pictures in both outputs; messages name the line of the .ipynb.
 */
class JupyterBookNotebooksWereLeftOutTest {

    @TempDir
    Path tmp;

    /** A red picture of 40 × 20 pixels, base64 as a notebook holds it. */
    private static String png() throws IOException {
        BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0xc81e1e));
        g.fillRect(0, 0, 40, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /** A notebook as Jupyter writes it (one string per source line, indented JSON). */
    private static String notebook(String png) {
        return """
                {
                 "cells": [
                  {
                   "cell_type": "markdown",
                   "metadata": {},
                   "source": [
                    "# Plotting data\\n",
                    "\\n",
                    "A [broken link](missing.md) and a {sub}`MyST` role."
                   ]
                  },
                  {
                   "cell_type": "code",
                   "execution_count": 1,
                   "metadata": {},
                   "outputs": [
                    {
                     "name": "stdout",
                     "output_type": "stream",
                     "text": [
                      "hello from stdout\\n"
                     ]
                    },
                    {
                     "data": {
                      "text/plain": [
                       "array([0, 1, 2])"
                      ]
                     },
                     "execution_count": 1,
                     "metadata": {},
                     "output_type": "execute_result"
                    }
                   ],
                   "source": [
                    "import numpy as np\\n",
                    "print('hello from stdout')\\n",
                    "np.arange(3)"
                   ]
                  },
                  {
                   "cell_type": "code",
                   "execution_count": 2,
                   "metadata": {"tags": ["remove-input"]},
                   "outputs": [
                    {
                     "data": {
                      "image/png": "PNG",
                      "text/plain": ["<Figure size 640x480 with 1 Axes>"]
                     },
                     "metadata": {},
                     "output_type": "display_data"
                    }
                   ],
                   "source": ["plt.plot(hidden_input_marker)"]
                  },
                  {
                   "cell_type": "code",
                   "execution_count": 3,
                   "metadata": {"tags": ["remove-cell"]},
                   "outputs": [],
                   "source": ["removed_cell_marker = 1"]
                  },
                  {
                   "cell_type": "code",
                   "execution_count": 4,
                   "metadata": {"tags": ["hide-input"]},
                   "outputs": [],
                   "source": ["%%bash\\n", "echo hidden_but_kept"]
                  },
                  {
                   "cell_type": "code",
                   "execution_count": 5,
                   "metadata": {},
                   "outputs": [
                    {
                     "data": {
                      "text/html": [
                       "<div>\\n",
                       "<style scoped>\\n",
                       "    .dataframe tbody tr th { vertical-align: top; }\\n",
                       "</style>\\n",
                       "<table border=\\"1\\" class=\\"dataframe\\">\\n",
                       "  <thead><tr><th></th><th>population</th></tr></thead>\\n",
                       "  <tbody><tr><th>Ohio</th><td>11536504</td></tr></tbody>\\n",
                       "</table>\\n",
                       "</div>"
                      ],
                      "text/plain": ["      population\\n", "Ohio    11536504"]
                     },
                     "execution_count": 5,
                     "metadata": {},
                     "output_type": "execute_result"
                    }
                   ],
                   "source": ["df"]
                  },
                  {
                   "cell_type": "code",
                   "execution_count": 6,
                   "metadata": {},
                   "outputs": [
                    {
                     "ename": "ZeroDivisionError",
                     "evalue": "division by zero",
                     "output_type": "error",
                     "traceback": [
                      "\\u001b[0;31mZeroDivisionError\\u001b[0m                         Traceback (most recent call last)",
                      "\\u001b[0;31mZeroDivisionError\\u001b[0m: division by zero"
                     ]
                    }
                   ],
                   "source": ["1/0"]
                  }
                 ],
                 "metadata": {
                  "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                  "language_info": {"name": "python"}
                 },
                 "nbformat": 4,
                 "nbformat_minor": 5
                }
                """.replace("\"PNG\"", "\"" + png + "\"");
    }

    private Path jupyterBook() throws IOException {
        Path book = Files.createDirectories(tmp.resolve("jb"));
        Files.writeString(book.resolve("_config.yml"), "title: Notebook Book\nauthor: Someone\n");
        Files.writeString(book.resolve("_toc.yml"), "format: jb-book\nroot: intro\nchapters:\n- file: plotting\n");
        // ProjectPythia/pythia-foundations links its notebooks by route, without extension.
        Files.writeString(book.resolve("intro.md"), "# Introduction\n\nWelcome; see [plotting](plotting).\n");
        Files.writeString(book.resolve("plotting.ipynb"), notebook(png()));
        return book;
    }

    @Test
    void aNotebookInTheTocIsAChapterWithItsCodeOutputsTableAndPictureInBothOutputs() throws IOException {
        Path book = jupyterBook();
        TestBooks.Built b = TestBooks.build(book, tmp.resolve("out"), "epub", "pdf");
        List<String> warnings = b.diagnostics().warnings().stream().map(Object::toString).toList();
        // The one warning is the broken link, on the line of the .ipynb its cell's string is on.
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("plotting.ipynb:9:") && warnings.get(0).contains("missing.md"), warnings.toString());

        EpubContents epub = EpubContents.read(b.output("epub"));
        List<String> images = epub.manifest().stream().filter(i -> i.href().startsWith("images/")).map(i -> i.href()).toList();
        assertEquals(1, images.size(), images.toString());
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(epub.bytes(images.get(0))));
        assertEquals(40, picture.getWidth());
        String chapter = epub.chapterFiles().stream().map(epub::text)
                .filter(t -> t.contains("Plotting data")).findFirst().orElseThrow();
        assertTrue(chapter.contains("lang-python") && chapter.contains("hello from stdout") && chapter.contains("array([0, 1, 2])"),
                chapter);
        assertTrue(chapter.contains("<table") && chapter.contains("11536504") && !chapter.contains("vertical-align"), chapter);
        assertTrue(chapter.contains("ZeroDivisionError: division by zero") && !chapter.contains("[0;31m"), chapter);
        // Outputs are set apart from code by notebook.css, which only a book with notebooks carries.
        assertTrue(chapter.contains("<div class=\"nb-output\">\n<pre class=\"code lang-text\"><code>hello from stdout"), chapter);
        assertTrue(epub.manifest().stream().filter(i -> i.href().endsWith(".css")).anyMatch(i -> new String(epub.bytes(i.href()),
                java.nio.charset.StandardCharsets.UTF_8).contains("div.nb-output")));
        assertTrue(chapter.contains("hidden_but_kept") && chapter.contains("lang-bash") && !chapter.contains("%%bash"), chapter);
        assertFalse(chapter.contains("removed_cell_marker") || chapter.contains("hidden_input_marker")
                || chapter.contains("Figure size"), chapter);
        assertTrue(chapter.contains("src=\"" + images.get(0) + "\""), chapter);
        EpubCheckRunner.Result check = EpubCheckRunner.check(b.output("epub"));
        assertTrue(check.clean(), check.toString());

        String text = PdfText.text(b.output("pdf"));
        assertTrue(text.contains("hello from stdout") && text.contains("11536504"), text);
        try (PDDocument pdf = Loader.loadPDF(b.output("pdf").toFile())) {
            List<String> sizes = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                for (COSName n : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(n) instanceof PDImageXObject img) {
                        sizes.add(img.getWidth() + "x" + img.getHeight());
                    }
                }
            }
            assertTrue(sizes.contains("40x20"), sizes.toString());
        }
    }

    @Test
    void aNotebookThatIsNotJsonStopsTheBuildNamingItsLine() throws IOException {
        Path book = jupyterBook();
        Files.writeString(book.resolve("plotting.ipynb"), "{\n \"cells\": [\n<<<<<<< HEAD\n ]\n}\n");
        StudybookException e = assertThrows(StudybookException.class, () -> TestBooks.load(book, new Diagnostics()));
        assertTrue(e.oneLine().contains("plotting.ipynb:3") && e.oneLine().contains("not valid JSON"), e.oneLine());
    }

    @Test
    void aFolderOfNotebooksWithoutAnIndexIsRead() throws IOException {
        Path book = Files.createDirectories(tmp.resolve("folder"));
        Files.writeString(book.resolve("01-first.ipynb"), notebook(png()).replace("# Plotting data", "# First notebook"));
        Files.writeString(book.resolve("02-second.ipynb"), notebook(png()).replace("# Plotting data", "# Second notebook"));
        LoadedBook loaded = TestBooks.load(book, new Diagnostics());
        List<String> files = loaded.chapters().stream().map(c -> c.entry().file().getFileName().toString()).toList();
        assertEquals(List.of("01-first.ipynb", "02-second.ipynb"), files);
    }

    @Test
    void aReadmeLinkingNotebooksHasThemAsChapters() throws IOException {
        Path book = Files.createDirectories(tmp.resolve("readme"));
        Files.writeString(book.resolve("README.md"), "# Course\n\n- [Plotting](notebooks/plotting.ipynb)\n- [Setup](setup.md)\n");
        Files.writeString(book.resolve("setup.md"), "# Setup\n\nInstall it.\n");
        Files.createDirectories(book.resolve("notebooks"));
        Files.writeString(book.resolve("notebooks/plotting.ipynb"), notebook(png()));
        LoadedBook loaded = TestBooks.load(book, new Diagnostics());
        List<String> files = loaded.chapters().stream().map(c -> c.entry().file().getFileName().toString()).toList();
        assertEquals(List.of("plotting.ipynb", "setup.md"), files);
        ChapterSource nb = loaded.chapters().get(0);
        // The code cell's first line is on line 36 of the .ipynb.
        int line = nb.text().text().lines().toList().indexOf("import numpy as np") + 1;
        assertEquals("plotting.ipynb:36", nb.text().locate(line).toString().replaceFirst("^.*/", ""));
    }

    @Test
    void aJupytextNotebookDropsTheCellsItsTagsRemove() throws IOException {
        Path book = Files.createDirectories(tmp.resolve("jupytext"));
        Files.writeString(book.resolve("README.md"), "# Course\n\n- [Lesson](lesson.md)\n");
        Files.writeString(book.resolve("lesson.md"), """
                ---
                jupytext:
                  text_representation:
                    format_name: myst
                kernelspec:
                  display_name: Python 3
                  language: python
                  name: python3
                ---

                # Lesson

                ```{code-cell} ipython3
                shown_marker = 1
                ```

                ```{code-cell} ipython3
                :tags: [remove-input]
                removed_marker = 2
                ```
                """);
        TestBooks.Built b = TestBooks.build(book, tmp.resolve("out-jt"), "epub");
        EpubContents epub = EpubContents.read(b.output("epub"));
        String chapter = epub.chapterFiles().stream().map(epub::text)
                .filter(t -> t.contains("Lesson")).findFirst().orElseThrow();
        assertTrue(chapter.contains("shown_marker") && chapter.contains("lang-python") && !chapter.contains("removed_marker"), chapter);
    }

    @Test
    void anOldNotebookOfNbformat3IsReadToo() throws IOException {
        // Notebooks saved before 2015 keep their cells in worksheets, code in "input", headings as cells of their own.
        Path book = Files.createDirectories(tmp.resolve("v3"));
        Files.writeString(book.resolve("README.md"), "# Course\n\n- [Old](old.ipynb)\n");
        Files.writeString(book.resolve("old.ipynb"), """
                {
                 "metadata": {"name": "old"},
                 "nbformat": 3,
                 "worksheets": [{"cells": [
                  {"cell_type": "heading", "level": 1, "metadata": {}, "source": ["Old notebook"]},
                  {"cell_type": "code", "input": ["print 1"], "language": "python", "metadata": {},
                   "outputs": [{"output_type": "pyout", "text": ["1"], "metadata": {}},
                               {"output_type": "display_data", "png": "PNG", "metadata": {}}]}
                 ]}]
                }
                """.replace("PNG", png()));
        LoadedBook loaded = TestBooks.load(book, new Diagnostics());
        String text = loaded.chapters().get(0).text().text();
        assertTrue(text.contains("# Old notebook\n") && text.contains("\nprint 1\n") && text.contains("```text\n1\n```")
                && text.contains("](data:image/png;base64,iVBOR"), text);
        assertEquals(6, loaded.chapters().get(0).text().locate(text.lines().toList().indexOf("print 1") + 1).line());
    }
}
