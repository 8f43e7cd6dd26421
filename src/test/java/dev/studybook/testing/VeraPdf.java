package dev.studybook.testing;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Validates a PDF with veraPDF, the reference validator for PDF/A and PDF/UA. */
public final class VeraPdf {
    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private VeraPdf() {
    }

    /** The rules the PDF breaks, each with how often and one message; empty when it complies. */
    public static List<String> failures(Path pdf, PDFAFlavour flavour) throws Exception {
        try (InputStream in = Files.newInputStream(pdf);
             PDFAParser parser = Foundries.defaultInstance().createParser(in, flavour);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            Map<String, Integer> counts = new LinkedHashMap<>();
            Map<String, String> first = new LinkedHashMap<>();
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() == TestAssertion.Status.FAILED) {
                    String rule = a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber();
                    counts.merge(rule, 1, Integer::sum);
                    first.putIfAbsent(rule, a.getMessage() + " @ " + a.getLocation().getContext());
                }
            }
            List<String> out = new ArrayList<>();
            counts.forEach((rule, n) -> out.add(rule + " x" + n + ": " + first.get(rule)));
            if (out.isEmpty() && !result.isCompliant()) {
                out.add("not compliant, without a failed assertion");
            }
            return out;
        }
    }
}
