package dev.studybook.xhtml;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * CSS selections with each query parsed once per process: jsoup parses the query string on every
 * {@code select(String)}, and the cleaner selects within every link, listing and table cell of a book.
 */
final class Select {

    private static final Map<String, Evaluator> PARSED = new ConcurrentHashMap<>();

    private Select() {
    }

    /** The elements under {@code root} (and root itself) that {@code query} matches, as {@code root.select(query)}. */
    static Elements in(Element root, String query) {
        return root.select(PARSED.computeIfAbsent(query, QueryParser::parse));
    }

    /** {@code el} or its nearest ancestor that {@code query} matches, or null, as {@code el.closest(query)}. */
    static Element closest(Element el, String query) {
        return el.closest(PARSED.computeIfAbsent(query, QueryParser::parse));
    }
}
