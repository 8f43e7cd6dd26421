package dev.studybook.xhtml;

import dev.studybook.io.PercentEncoding;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pictures of formulas that a web service draws from the TeX in their address
 * ({@code https://latex.codecogs.com/svg.latex?\sum_{i=1}^n&space;x_i}, Zhihu's
 * {@code https://www.zhihu.com/equation?tex=x%5E2+%2B+1}, GitHub's old {@code render/math?math=}, Google Charts'
 * {@code cht=tx}, math.now.sh, upmath): notes copied from the web are full of them, and offline they are pictures
 * a reader cannot load. Their TeX is read back from the address, so that the book typesets it as it typesets
 * {@code $…$}, without the network.
 */
final class TexAddresses {

    /** A formula read from an address: its TeX, and whether the address asked for inline math. */
    record Tex(String tex, boolean inline) {
    }

    private static final Pattern CODECOGS = Pattern.compile(
            "(?i)https?://(?:latex|www)\\.codecogs\\.com/(?:(?:svg|png|gif|pdf|emf|swf)\\.(?:latex|image|download)\\?"
                    + "|eqnedit\\.php\\?latex=)(.+)");
    private static final Pattern UPMATH = Pattern.compile("(?i)https?://i\\.upmath\\.me/(?:svg|png)/(.+)");
    /** Services whose TeX is a query parameter, form-encoded ("+" a space): host and path, then the parameter. */
    private static final Pattern FORM = Pattern.compile(
            "(?i)https?://(?:www\\.zhihu\\.com/equation|zhihu\\.com/equation|render\\.githubusercontent\\.com/render/math"
                    + "|chart\\.googleapis\\.com/chart|chart\\.apis\\.google\\.com/chart|math\\.now\\.sh/?)\\?(.+)");
    /** CodeCogs' own commands before a formula: resolution, background, font, inline mode. */
    private static final Pattern CODECOGS_PREFIX = Pattern.compile(
            "^\\s*(?:\\\\(?:dpi\\{\\d+\\}|dpi\\d+|bg_\\w+|bg\\{\\w+\\}|fg_\\w+|fn_\\w+|inline|displaystyle(?=\\s*\\\\)"
                    + "|(?:tiny|small|normal|large|Large|LARGE|huge)(?![A-Za-z]))\\s*)+");

    private TexAddresses() {
    }

    /** The TeX of a picture's address when a known service draws it; empty for any other address. */
    static Optional<Tex> of(String src) {
        String s = src.strip();
        Matcher m = CODECOGS.matcher(s);
        if (m.matches()) {
            String tex = PercentEncoding.decode(m.group(1)).replace("&space;", " ").replace("&plus;", "+");
            return codecogs(tex);
        }
        m = UPMATH.matcher(s);
        if (m.matches()) {
            return tex(PercentEncoding.decode(m.group(1)), false);
        }
        m = FORM.matcher(s);
        if (m.matches()) {
            String tex = null;
            boolean inline = false;
            for (String pair : m.group(1).split("&")) {
                int eq = pair.indexOf('=');
                String key = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
                String value = eq < 0 ? "" : PercentEncoding.decodeForm(pair.substring(eq + 1));
                switch (key) {
                    case "tex", "math", "chl", "from" -> tex = value;
                    case "inline" -> {
                        tex = value;
                        inline = true;
                    }
                    case "mode" -> inline |= value.equals("inline");
                    case "cht" -> {
                        if (!value.equals("tx")) {
                            return Optional.empty();
                        }
                    }
                    default -> {
                    }
                }
            }
            return tex == null ? Optional.empty() : tex(tex, inline);
        }
        return Optional.empty();
    }

    private static Optional<Tex> codecogs(String tex) {
        Matcher p = CODECOGS_PREFIX.matcher(tex);
        boolean inline = false;
        if (p.find()) {
            inline = p.group().contains("\\inline");
            tex = tex.substring(p.end());
        }
        return tex(tex, inline);
    }

    private static Optional<Tex> tex(String tex, boolean inline) {
        String t = tex.strip();
        if (t.startsWith("$$") && t.endsWith("$$") && t.length() > 4) {
            t = t.substring(2, t.length() - 2).strip();
        } else if (t.startsWith("$") && t.endsWith("$") && t.length() > 2) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t.isEmpty() ? Optional.empty() : Optional.of(new Tex(t, inline));
    }
}
