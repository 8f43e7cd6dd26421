package dev.studybook.testing;

import com.adobe.epubcheck.api.EpubCheck;
import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import io.mola.galimatias.GalimatiasParseException;
import io.mola.galimatias.StrictErrorHandler;
import io.mola.galimatias.URL;
import io.mola.galimatias.URLParsingSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * What EPUBCheck asks of a chapter's XHTML, without building an EPUB: its RELAX NG schema for EPUB 3 content
 * documents (read from the EPUBCheck jar, through Jing) and its URL parser (galimatias, strict) for every
 * {@code href} and {@code src}. Fast enough to run for every fuzz input.
 */
public final class XhtmlContentModel {

    private static final String SCHEMA_DIR = "com/adobe/epubcheck/schema/30/";
    private static ValidationDriver driver;
    private static final List<String> errors = new ArrayList<>();
    private static final Pattern URLS = Pattern.compile("\\s(?:href|src)=\"([^\"]*)\"");

    private XhtmlContentModel() {
    }

    /** The problems EPUBCheck's content model finds in a chapter body (the XHTML inside {@code <body>}); empty when none. */
    public static synchronized List<String> problems(String bodyXhtml) {
        List<String> out = new ArrayList<>();
        String doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\""
                + " xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"zh-CN\" xml:lang=\"zh-CN\"><head><meta charset=\"utf-8\"/>"
                + "<title>t</title></head><body><section epub:type=\"chapter\" role=\"doc-chapter\">\n" + bodyXhtml
                + "\n</section></body></html>";
        try {
            errors.clear();
            driver().validate(new InputSource(new StringReader(doc)));
            out.addAll(errors);
        } catch (Exception e) {
            out.add("not parsed: " + e.getMessage());
        }
        Matcher m = URLS.matcher(bodyXhtml);
        URLParsingSettings strict = URLParsingSettings.create().withErrorHandler(StrictErrorHandler.getInstance());
        while (m.find()) {
            String url = m.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
            try {
                URL.parse(strict, URL.parse("https://book.invalid/OEBPS/ch01.xhtml"), url);
            } catch (GalimatiasParseException e) {
                out.add("\"" + url + "\" is not a valid URL (" + e.getMessage() + ")");
            }
        }
        return out;
    }

    private static ValidationDriver driver() throws Exception {
        if (driver != null) {
            return driver;
        }
        Path dir = Files.createTempDirectory("studybook-epub-schema");
        Path jar = Path.of(EpubCheck.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (JarFile j = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = j.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (!e.getName().startsWith(SCHEMA_DIR) || e.isDirectory()) {
                    continue;
                }
                Path to = dir.resolve(e.getName());
                Files.createDirectories(to.getParent());
                try (InputStream in = j.getInputStream(e)) {
                    Files.copy(in, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PropertyMapBuilder p = new PropertyMapBuilder();
        p.put(ValidateProperty.ERROR_HANDLER, new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getLineNumber() + ": " + e.getMessage());
            }
        });
        ValidationDriver d = new ValidationDriver(p.toPropertyMap(), CompactSchemaReader.getInstance());
        if (!d.loadSchema(new InputSource(dir.resolve(SCHEMA_DIR + "epub-xhtml-30.rnc").toUri().toString()))) {
            throw new IllegalStateException("EPUBCheck's XHTML schema did not load: " + errors);
        }
        driver = d;
        return d;
    }
}
