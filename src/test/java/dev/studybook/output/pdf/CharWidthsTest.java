package dev.studybook.output.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openhtmltopdf.bidi.SimpleBidiReorderer;
import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.css.value.FontSpecification;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxFontContext;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfBoxTextRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.FSFont;
import dev.studybook.fonts.EmbeddedFont;
import dev.studybook.fonts.FontSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The PDF measures text from each character's width, kept per font (CharWidths), instead of asking PDFBox to encode
 * every piece the line breaker tries: every width, of every prefix of texts that take each of the library's paths
 * (all in the first face; a character only a fallback face has, short and from 32 characters on; characters no face
 * has; characters the library leaves out), is the library's to the dot, in each face and at several sizes.
 */
class CharWidthsTest {

    private static final List<String> TEXTS = List.of(
            "调度器负责唤醒等待中的协程，运行时会在系统调用返回后检查本地队列。",
            "runtime.Gosched() 让出处理器，然后 for { select { case <-t.C: } }",
            "// 注释：在等待队列中的 goroutine 数量 — 超过 128 时扩容 (growslice)",
            "func (p *Pool) Get() any { l, pid := p.pin(); x := l.private; l.private = nil; return x } // 取出",
            "soft\u00adhyphen and obj\ufffcect 替换",
            "emoji 🎉 与 ✅ 以及 𠀀 和 \ud800 孤立代理",
            "Ünïcödé ÀÉÎ ĀĒĪ ß ﬁ “引号” ‘单’ …… ——",
            "");

    private static final String[][] FAMILIES = {
        {FontSet.SERIF, FontSet.SANS, FontSet.EMOJI},
        {FontSet.SANS, FontSet.EMOJI},
        {FontSet.MONO, FontSet.SANS, FontSet.EMOJI},
        {FontSet.MONO},
    };

    @Test
    void everyWidthIsTheLibrarys() throws IOException {
        String all = String.join("", TEXTS);
        List<EmbeddedFont> fonts = FontSet.load(FontSet.DEFAULT_FACES).subset(all);
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        b.withW3cDocument(PdfLayout.parse("<html xmlns=\"" + PdfLayout.XHTML
                + "\"><head><title>t</title></head><body><p>字</p></body></html>"), "book:///");
        for (EmbeddedFont f : fonts) {
            b.useFont(FontSet.stream(f)::get, f.face().family(), f.face().weight(),
                    f.face().italic() ? FontStyle.ITALIC : FontStyle.NORMAL, true);
        }
        try (PdfBoxRenderer renderer = CharWidths.install(b.buildPdfRenderer(), null)) {
            // Layout sets the renderer's text renderer up (its bidi reorderer) as for a book.
            renderer.layout();
            CharWidths measured = assertInstanceOf(CharWidths.class, renderer.getSharedContext().getTextRenderer());
            PdfBoxTextRenderer library = new PdfBoxTextRenderer();
            PdfBoxFontContext context = new PdfBoxFontContext();
            library.setup(context, new SimpleBidiReorderer());
            int compared = 0;
            for (String[] families : FAMILIES) {
                for (IdentValue weight : List.of(IdentValue.FONT_WEIGHT_400, IdentValue.FONT_WEIGHT_700)) {
                    for (float size : new float[] {10.5f * 20, 12f * 20, 7.3f * 20}) {
                        FontSpecification spec = new FontSpecification();
                        spec.families = families;
                        spec.size = size;
                        spec.fontWeight = weight;
                        spec.fontStyle = IdentValue.NORMAL;
                        spec.variant = IdentValue.NORMAL;
                        FSFont font = renderer.getSharedContext().getFont(spec);
                        for (String text : TEXTS) {
                            List<Integer> expected = new ArrayList<>();
                            List<Integer> actual = new ArrayList<>();
                            for (int end = 0; end <= text.length(); end++) {
                                expected.add(library.getWidth(context, font, text.substring(0, end)));
                                actual.add(measured.getWidth(context, font, text.substring(0, end)));
                            }
                            assertEquals(expected, actual, String.join(",", families) + " " + weight + " " + size
                                    + ": " + text);
                            compared += expected.size();
                        }
                    }
                }
            }
            assertTrue(compared > 2000, "widths compared: " + compared);
        }
    }
}
