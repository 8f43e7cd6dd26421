package dev.studybook.error;

/** The process exit codes studybook documents, one per kind of failure. */
public enum ExitCode {
    /** Everything was written. */
    OK(0),
    /** The book's content is wrong: a missing chapter, a bad book.yaml, an unreadable file. */
    CONTENT(1),
    /** The command line is wrong: an unknown option or a bad value. */
    USAGE(2),
    /** An output could not be written: a read-only folder, a full disk. */
    OUTPUT(3),
    /** A check found problems (studybook test, studybook check). */
    CHECK_FAILED(4),
    /** The build was interrupted (Ctrl-C). */
    INTERRUPTED(130),
    /** A bug in studybook itself. */
    INTERNAL(70);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
