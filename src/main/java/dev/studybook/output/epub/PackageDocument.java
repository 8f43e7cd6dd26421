package dev.studybook.output.epub;

import static dev.studybook.output.Xml.text;

import dev.studybook.model.Metadata;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Writes the EPUB 3 package document (content.opf) from the book's metadata and the list of its files. */
final class PackageDocument {
    private PackageDocument() {
    }

    private static final DateTimeFormatter MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    static String write(Metadata meta, Instant modified, List<EpubOutput.Item> items, List<EpubOutput.Item> spine,
            Accessibility a11y) {
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"bookid\" xml:lang=\"")
                .append(text(meta.language())).append("\">\n");
        sb.append("<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
        sb.append("<dc:identifier id=\"bookid\">").append(text(meta.identifier())).append("</dc:identifier>\n");
        sb.append("<dc:title id=\"title\">").append(text(meta.title())).append("</dc:title>\n");
        sb.append("<meta refines=\"#title\" property=\"title-type\">main</meta>\n");
        if (!meta.subtitle().isEmpty()) {
            sb.append("<dc:title id=\"subtitle\">").append(text(meta.subtitle())).append("</dc:title>\n");
            sb.append("<meta refines=\"#subtitle\" property=\"title-type\">subtitle</meta>\n");
        }
        for (int i = 0; i < meta.authors().size(); i++) {
            String id = "creator" + (i + 1);
            sb.append("<dc:creator id=\"").append(id).append("\">").append(text(meta.authors().get(i))).append("</dc:creator>\n");
            sb.append("<meta refines=\"#").append(id).append("\" property=\"role\" scheme=\"marc:relators\">aut</meta>\n");
        }
        sb.append("<dc:language>").append(text(meta.language())).append("</dc:language>\n");
        meta.date().ifPresent(d -> sb.append("<dc:date>").append(d).append("</dc:date>\n"));
        if (!meta.description().isEmpty()) {
            sb.append("<dc:description>").append(text(meta.description())).append("</dc:description>\n");
        }
        if (a11y.features().contains("printPageNumbers")) {
            // The page-list follows the PDF edition, identified as the source of the pagination.
            sb.append("<dc:source id=\"print-source\">").append(text(meta.identifier())).append("#pdf</dc:source>\n");
            sb.append("<meta refines=\"#print-source\" property=\"source-of\">pagination</meta>\n");
        }
        sb.append("<meta property=\"dcterms:modified\">").append(MODIFIED.format(modified)).append("</meta>\n");
        for (String m : a11y.accessModes()) {
            sb.append("<meta property=\"schema:accessMode\">").append(m).append("</meta>\n");
        }
        sb.append("<meta property=\"schema:accessModeSufficient\">").append(String.join(",", a11y.sufficient())).append("</meta>\n");
        for (String f : a11y.features()) {
            sb.append("<meta property=\"schema:accessibilityFeature\">").append(f).append("</meta>\n");
        }
        sb.append("<meta property=\"schema:accessibilityHazard\">none</meta>\n");
        sb.append("<meta property=\"schema:accessibilitySummary\">").append(text(a11y.summary())).append("</meta>\n");
        sb.append("<meta property=\"dcterms:conformsTo\">").append(Accessibility.CONFORMS_TO).append("</meta>\n");
        sb.append("<meta name=\"cover\" content=\"cover-image\"/>\n");
        sb.append("<meta name=\"generator\" content=\"studybook\"/>\n");
        sb.append("</metadata>\n<manifest>\n");
        for (EpubOutput.Item item : items) {
            sb.append("<item id=\"").append(text(item.id())).append("\" href=\"").append(text(item.href()))
                    .append("\" media-type=\"").append(text(item.mediaType())).append('"');
            if (!item.properties().isEmpty()) {
                sb.append(" properties=\"").append(text(item.properties())).append('"');
            }
            if (!item.fallback().isEmpty()) {
                sb.append(" fallback=\"").append(text(item.fallback())).append('"');
            }
            sb.append("/>\n");
        }
        sb.append("</manifest>\n<spine toc=\"ncx\">\n");
        for (EpubOutput.Item item : spine) {
            sb.append("<itemref idref=\"").append(text(item.id())).append("\"/>\n");
        }
        sb.append("</spine>\n</package>\n");
        return sb.toString();
    }
}
