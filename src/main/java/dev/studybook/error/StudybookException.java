package dev.studybook.error;

import java.util.Optional;

/**
 * An error the user can act on: it says where (file and line when known), what went wrong
 * and what to do, and carries the exit code the command ends with.
 */
public final class StudybookException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient SourceLocation location;
    private final String hint;
    private final ExitCode exitCode;

    public StudybookException(ExitCode exitCode, SourceLocation location, String message, String hint) {
        this(exitCode, location, message, hint, null);
    }

    public StudybookException(ExitCode exitCode, SourceLocation location, String message, String hint, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.location = location;
        this.hint = hint;
    }

    /** A content error at a location, with a hint saying what to do. */
    public static StudybookException content(SourceLocation location, String message, String hint) {
        return new StudybookException(ExitCode.CONTENT, location, message, hint);
    }

    public Optional<SourceLocation> location() {
        return Optional.ofNullable(location);
    }

    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** One line: {@code file:line: message (hint)}. */
    public String oneLine() {
        StringBuilder sb = new StringBuilder();
        if (location != null) {
            sb.append(location).append(": ");
        }
        sb.append(getMessage());
        if (hint != null && !hint.isEmpty()) {
            sb.append(" (").append(hint).append(')');
        }
        return sb.toString();
    }
}
