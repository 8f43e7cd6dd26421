package dev.studybook.xhtml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class TableWordsTest {

    private static Element table(String rows) {
        Element body = Jsoup.parse("<table><tbody>" + rows + "</tbody></table>").body();
        TableWords.mark(body);
        return body;
    }

    @Test
    void shortCellsAndShortCodeStayWholeAndLongChineseTextMayWrap() {
        Element body = table("<tr><td>调度方式</td><td>Go 1.14</td><td>mcentral</td><td>标记、清扫都与用户代码并发</td>"
                + "<td>与同进程的线程共享</td><td><code>errors.Is</code> 或者 <code>sync.Map</code></td></tr>");
        var cells = body.select("td");
        assertEquals("nw", cells.get(0).className(), "a four-character header");
        assertEquals("nw", cells.get(1).className(), "a version with its space");
        assertEquals("nw", cells.get(2).className(), "an identifier");
        assertEquals("", cells.get(3).className(), "a Chinese sentence wraps between characters");
        assertEquals("", cells.get(4).className(), "nine Chinese characters are too wide for a phone's column");
        assertEquals("", cells.get(5).className());
        assertEquals(2, cells.get(5).select("code.nw").size(), "short code in a longer cell stays whole");
    }

    @Test
    void longCodeStaysWholeOnPaperAndWrapsAtItsPunctuationOnAPhone() {
        Element body = table("<tr><td><code>errors.ErrUnsupported</code> 与 <code>GOEXPERIMENT=noswissmap</code></td>"
                + "<td><code>runtime.mapaccess1_faststr_and_more</code></td></tr>");
        var codes = body.select("code");
        assertEquals("nwp", codes.get(0).className());
        assertEquals("errors.<wbr>ErrUnsupported", codes.get(0).html());
        assertEquals("GOEXPERIMENT=<wbr>noswissmap", codes.get(1).html());
        assertEquals("", codes.get(2).className(), "longer than 24: the PDF cuts it at its punctuation too");
        assertEquals("runtime.mapaccess1_faststr_and_more", codes.get(2).text());
    }

    @Test
    void aTableWhoseWholeWordsWouldNotFitThePageKeepsThemBreakable() {
        StringBuilder row = new StringBuilder("<tr>");
        for (String w : "maxIdleConnsPerHost int http.Transport DisableKeepAlives IdleConnTimeout ResponseHeaderTimeout".split(" ")) {
            row.append("<td>").append(w).append("</td>");
        }
        Element body = table(row + "</tr>");
        assertEquals(0, body.select(".nw, .nwp").size(), body.html());
    }

    @Test
    void aLongWordOfACellsTextMayWrapAfterItsPunctuationBeforeALetterOnly() {
        Element body = table("<tr><th>逐轮比值 RWMutex/Mutex</th><td>utils.go、runtime/malloc.go</td><td>10,000,000 次</td>"
                + "<td>Mutex（ns/op）</td><td class=\"x\"><a href=\"#a\">walk/convert.go</a> 与 <code>a</code></td></tr>");
        var cells = body.select("th, td");
        assertEquals("逐轮比值 RWMutex/<wbr>Mutex", cells.get(0).html());
        assertEquals("utils.go、runtime/<wbr>malloc.go", cells.get(1).html());
        assertEquals("10,000,000 次", cells.get(2).html(), "a number stays whole");
        assertEquals("Mutex（ns/op）", cells.get(3).html(), "short words stay as they are");
        assertEquals("walk/<wbr>convert.go", cells.get(4).selectFirst("a").html());
        assertEquals("逐轮比值 RWMutex/Mutex", cells.get(0).text(), "nothing is added to the text");
    }

    @Test
    void shortCodeWithASpaceAndAHyphenStaysWholeOnAScreen() {
        Element body = table("<tr><td>默认值取自 <code>ulimit -s</code>，或 <code>go build</code></td></tr>");
        var codes = body.select("code");
        assertEquals("nws", codes.get(0).className(), "a browser would break after the hyphen");
        assertEquals("", codes.get(1).className(), "wraps at its space only");
    }

    @Test
    void anEmptyHeaderCellBecomesADataCellThatScreenReadersDoNotAnnounceAsAnEmptyHeader() {
        Element body = Jsoup.parse("<table><thead><tr><th> </th><th>类型转换 <code>T(x)</code></th></tr></thead>"
                + "<tbody><tr><td>时机</td><td>编译期</td></tr></tbody></table>").body();
        TableWords.mark(body);
        var head = body.select("thead tr").first().children();
        assertEquals("td", head.get(0).tagName(), "Ace by DAISY (axe empty-table-header) on content/'s chapter 11");
        assertEquals(true, head.get(0).hasClass("th-empty"), head.get(0).outerHtml());
        assertEquals("th", head.get(1).tagName(), "a header with text stays a header");
    }
}
