package dev.studybook.testing;

import dev.studybook.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs studybook's command line in this process, as picocli's {@code execute()}, and keeps what it printed. */
public final class Cli {

    private Cli() {
    }

    public record Run(int code, String out, String err) {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }
}
