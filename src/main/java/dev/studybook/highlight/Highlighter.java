package dev.studybook.highlight;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.swing.text.Segment;
import org.fife.ui.rsyntaxtextarea.SyntaxConstants;
import org.fife.ui.rsyntaxtextarea.Token;
import org.fife.ui.rsyntaxtextarea.TokenMaker;
import org.fife.ui.rsyntaxtextarea.TokenMakerFactory;
import org.fife.ui.rsyntaxtextarea.TokenTypes;

/**
 * Turns source code into XHTML spans whose classes name token kinds (keyword, string, comment...), using
 * RSyntaxTextArea's token makers; the stylesheet gives each class its colour, the same in EPUB and PDF.
 */
public final class Highlighter {

    private static final Map<String, String> STYLES = Map.ofEntries(
            Map.entry("go", SyntaxConstants.SYNTAX_STYLE_GO),
            Map.entry("golang", SyntaxConstants.SYNTAX_STYLE_GO),
            Map.entry("java", SyntaxConstants.SYNTAX_STYLE_JAVA),
            Map.entry("c", SyntaxConstants.SYNTAX_STYLE_C),
            Map.entry("h", SyntaxConstants.SYNTAX_STYLE_C),
            Map.entry("cpp", SyntaxConstants.SYNTAX_STYLE_CPLUSPLUS),
            Map.entry("c++", SyntaxConstants.SYNTAX_STYLE_CPLUSPLUS),
            Map.entry("cc", SyntaxConstants.SYNTAX_STYLE_CPLUSPLUS),
            Map.entry("cs", SyntaxConstants.SYNTAX_STYLE_CSHARP),
            Map.entry("csharp", SyntaxConstants.SYNTAX_STYLE_CSHARP),
            Map.entry("python", SyntaxConstants.SYNTAX_STYLE_PYTHON),
            Map.entry("py", SyntaxConstants.SYNTAX_STYLE_PYTHON),
            Map.entry("python3", SyntaxConstants.SYNTAX_STYLE_PYTHON),
            Map.entry("bash", SyntaxConstants.SYNTAX_STYLE_UNIX_SHELL),
            Map.entry("sh", SyntaxConstants.SYNTAX_STYLE_UNIX_SHELL),
            Map.entry("shell", SyntaxConstants.SYNTAX_STYLE_UNIX_SHELL),
            Map.entry("zsh", SyntaxConstants.SYNTAX_STYLE_UNIX_SHELL),
            Map.entry("console", SyntaxConstants.SYNTAX_STYLE_UNIX_SHELL),
            Map.entry("shell-session", SyntaxConstants.SYNTAX_STYLE_UNIX_SHELL),
            Map.entry("bat", SyntaxConstants.SYNTAX_STYLE_WINDOWS_BATCH),
            Map.entry("json", SyntaxConstants.SYNTAX_STYLE_JSON),
            Map.entry("jsonc", SyntaxConstants.SYNTAX_STYLE_JSON_WITH_COMMENTS),
            Map.entry("yaml", SyntaxConstants.SYNTAX_STYLE_YAML),
            Map.entry("yml", SyntaxConstants.SYNTAX_STYLE_YAML),
            Map.entry("sql", SyntaxConstants.SYNTAX_STYLE_SQL),
            Map.entry("javascript", SyntaxConstants.SYNTAX_STYLE_JAVASCRIPT),
            Map.entry("js", SyntaxConstants.SYNTAX_STYLE_JAVASCRIPT),
            Map.entry("typescript", SyntaxConstants.SYNTAX_STYLE_TYPESCRIPT),
            Map.entry("ts", SyntaxConstants.SYNTAX_STYLE_TYPESCRIPT),
            // highlight.js's aliases, which GitHub and doc sites colour: JSX and TSX as their language.
            Map.entry("jsx", SyntaxConstants.SYNTAX_STYLE_JAVASCRIPT),
            Map.entry("mjs", SyntaxConstants.SYNTAX_STYLE_JAVASCRIPT),
            Map.entry("cjs", SyntaxConstants.SYNTAX_STYLE_JAVASCRIPT),
            Map.entry("tsx", SyntaxConstants.SYNTAX_STYLE_TYPESCRIPT),
            Map.entry("mts", SyntaxConstants.SYNTAX_STYLE_TYPESCRIPT),
            Map.entry("cts", SyntaxConstants.SYNTAX_STYLE_TYPESCRIPT),
            Map.entry("kotlin", SyntaxConstants.SYNTAX_STYLE_KOTLIN),
            Map.entry("kt", SyntaxConstants.SYNTAX_STYLE_KOTLIN),
            Map.entry("rust", SyntaxConstants.SYNTAX_STYLE_RUST),
            Map.entry("rs", SyntaxConstants.SYNTAX_STYLE_RUST),
            Map.entry("xml", SyntaxConstants.SYNTAX_STYLE_XML),
            Map.entry("html", SyntaxConstants.SYNTAX_STYLE_HTML),
            Map.entry("css", SyntaxConstants.SYNTAX_STYLE_CSS),
            Map.entry("dockerfile", SyntaxConstants.SYNTAX_STYLE_DOCKERFILE),
            Map.entry("docker", SyntaxConstants.SYNTAX_STYLE_DOCKERFILE),
            Map.entry("containerfile", SyntaxConstants.SYNTAX_STYLE_DOCKERFILE),
            Map.entry("makefile", SyntaxConstants.SYNTAX_STYLE_MAKEFILE),
            Map.entry("make", SyntaxConstants.SYNTAX_STYLE_MAKEFILE),
            Map.entry("ini", SyntaxConstants.SYNTAX_STYLE_INI),
            Map.entry("toml", SyntaxConstants.SYNTAX_STYLE_INI),
            Map.entry("properties", SyntaxConstants.SYNTAX_STYLE_PROPERTIES_FILE),
            Map.entry("lua", SyntaxConstants.SYNTAX_STYLE_LUA),
            Map.entry("ruby", SyntaxConstants.SYNTAX_STYLE_RUBY),
            Map.entry("rb", SyntaxConstants.SYNTAX_STYLE_RUBY),
            Map.entry("php", SyntaxConstants.SYNTAX_STYLE_PHP),
            Map.entry("proto", SyntaxConstants.SYNTAX_STYLE_C),
            Map.entry("protobuf", SyntaxConstants.SYNTAX_STYLE_C));

    /** Token makers are not thread-safe; one per language and thread. */
    private static final ThreadLocal<Map<String, TokenMaker>> MAKERS = ThreadLocal.withInitial(ConcurrentHashMap::new);

    private Highlighter() {
    }

    /** The canonical language for a fence's language word (matched case-insensitively), if it is highlighted. */
    public static Optional<String> language(String fenceLanguage) {
        String key = fenceLanguage == null ? "" : fenceLanguage.strip().toLowerCase(Locale.ROOT);
        return STYLES.containsKey(key) ? Optional.of(key) : Optional.empty();
    }

    /** True when the language word is known to the highlighter. */
    public static boolean supports(String fenceLanguage) {
        return language(fenceLanguage).isPresent();
    }

    /**
     * The code as escaped XHTML text with {@code <span class="…">} around tokens; plain escaped text for a
     * language the highlighter does not know.
     */
    public static String toXhtml(String code, String fenceLanguage) {
        Optional<String> lang = language(fenceLanguage);
        if (lang.isEmpty()) {
            return escape(code);
        }
        String style = STYLES.get(lang.get());
        TokenMaker maker = MAKERS.get().computeIfAbsent(style, s -> TokenMakerFactory.getDefaultInstance().getTokenMaker(s));
        StringBuilder out = new StringBuilder(code.length() * 2);
        int state = TokenTypes.NULL;
        String[] lines = code.split("\n", -1);
        boolean rust = SyntaxConstants.SYNTAX_STYLE_RUST.equals(style);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            state = appendLine(maker, lines[i].toCharArray(), 0, state, rust, out);
        }
        return out.toString();
    }

    /**
     * Appends the spans of one line from {@code from} on and returns the state the next line starts in. In Rust a
     * lifetime ({@code 'a}, {@code 'static}, a loop label) is no character literal, but the token maker reads it as
     * one that runs to the next quote or the line's end; it is set apart and the rest of the line read again.
     */
    private static int appendLine(TokenMaker maker, char[] chars, int from, int state, boolean rust, StringBuilder out) {
        Token first = maker.getTokenList(new Segment(chars, from, chars.length - from), state, from);
        for (Token t = first; t != null && t.isPaintable(); t = t.getNextToken()) {
            String text = t.getLexeme();
            if (rust && (t.getType() == TokenTypes.LITERAL_CHAR || t.getType() == TokenTypes.ERROR_CHAR)) {
                int lifetime = rustLifetimeLength(text);
                if (lifetime > 0) {
                    out.append("<span class=\"nv\">").append(escape(text.substring(0, lifetime))).append("</span>");
                    return appendLine(maker, chars, t.getOffset() + lifetime, TokenTypes.NULL, true, out);
                }
            }
            String cls = cssClass(t.getType());
            if (cls == null) {
                out.append(escape(text));
            } else {
                out.append("<span class=\"").append(cls).append("\">").append(escape(text)).append("</span>");
            }
        }
        return maker.getLastTokenTypeOnLine(new Segment(chars, from, chars.length - from), state);
    }

    private static final Pattern RUST_CHAR = Pattern.compile(
            "'(?:[^'\\\\]|\\\\(?:[nrt0\\\\'\"]|x[0-9a-fA-F]{2}|u\\{[0-9a-fA-F_]{1,8}\\}))'");
    private static final Pattern RUST_LIFETIME = Pattern.compile("'(?:r#)?[A-Za-z_][A-Za-z0-9_]*");

    /** The length of the lifetime a Rust "character literal" token starts with, or 0 when it is a character. */
    static int rustLifetimeLength(String lexeme) {
        if (RUST_CHAR.matcher(lexeme).matches()) {
            return 0;
        }
        Matcher m = RUST_LIFETIME.matcher(lexeme);
        return m.lookingAt() ? m.end() : 0;
    }

    /** Short class names in the manner of Pygments, so that one stylesheet colours every language. */
    static String cssClass(int type) {
        return switch (type) {
            case TokenTypes.COMMENT_EOL, TokenTypes.COMMENT_MULTILINE, TokenTypes.COMMENT_DOCUMENTATION,
                    TokenTypes.COMMENT_KEYWORD, TokenTypes.COMMENT_MARKUP, TokenTypes.MARKUP_COMMENT -> "c";
            case TokenTypes.RESERVED_WORD, TokenTypes.RESERVED_WORD_2 -> "k";
            case TokenTypes.DATA_TYPE -> "kt";
            case TokenTypes.LITERAL_BOOLEAN -> "kc";
            case TokenTypes.FUNCTION -> "nf";
            case TokenTypes.LITERAL_STRING_DOUBLE_QUOTE, TokenTypes.LITERAL_CHAR, TokenTypes.LITERAL_BACKQUOTE,
                    TokenTypes.ERROR_STRING_DOUBLE, TokenTypes.ERROR_CHAR -> "s";
            case TokenTypes.LITERAL_NUMBER_DECIMAL_INT, TokenTypes.LITERAL_NUMBER_FLOAT,
                    TokenTypes.LITERAL_NUMBER_HEXADECIMAL, TokenTypes.ERROR_NUMBER_FORMAT -> "m";
            case TokenTypes.OPERATOR -> "o";
            case TokenTypes.PREPROCESSOR -> "cp";
            case TokenTypes.REGEX -> "sr";
            case TokenTypes.VARIABLE -> "nv";
            case TokenTypes.ANNOTATION -> "nd";
            case TokenTypes.MARKUP_TAG_DELIMITER, TokenTypes.MARKUP_TAG_NAME -> "nt";
            case TokenTypes.MARKUP_TAG_ATTRIBUTE -> "na";
            case TokenTypes.MARKUP_TAG_ATTRIBUTE_VALUE -> "s";
            default -> null;
        };
    }

    static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (rep != null || sb != null) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                if (rep != null) {
                    sb.append(rep);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }
}
