package dev.studybook.cli;

import dev.studybook.error.ExitCode;
import dev.studybook.error.OutOfMemory;
import dev.studybook.error.StudybookException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The {@code studybook} command: parses the command line and runs a subcommand. */
@Command(name = "studybook", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Turn a folder of Markdown chapters into an EPUB for e-readers and a PDF for printing.",
        subcommands = {BuildCommand.class, CheckCommand.class, TestCommand.class, InitCommand.class, WatchCommand.class,
            AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success",
            "  1  the book's content has an error (message names file:line)",
            "  2  the command line is wrong",
            "  3  an output could not be written",
            "  4  a check found problems",
            " 70  internal error in studybook (run with --verbose and report it)",
            "130  interrupted"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Deeply nested input recurses deeply in the libraries; the command runs on a thread with room for it. */
    static final long STACK_BYTES = 512L * 1024 * 1024;

    /**
     * What studybook says when Java's heap runs out, made before any build: with the heap full, making the message
     * then failed too, and the user saw the library's stack trace (datawhalechina/pumpkin-book's PDF, 2,847 formulas).
     */
    private static final String OUT_OF_MEMORY = "error: out of memory (Java heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
            + " MB): give studybook more, e.g. STUDYBOOK_JAVA_OPTS=-Xmx2g ./studybook ..."
            + " or java -Xmx2g -jar studybook.jar ...; no output file was changed";

    public static void main(String[] args) throws InterruptedException {
        int[] code = {ExitCode.INTERNAL.code()};
        OutOfMemory.install();
        Thread t = new Thread(null, () -> {
            try {
                code[0] = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
            } catch (OutOfMemoryError e) {
                // Thrown again while the first was being reported; the build's objects are gone by now.
                System.err.println(OUT_OF_MEMORY);
                code[0] = ExitCode.INTERNAL.code();
            }
        }, "studybook", STACK_BYTES);
        t.start();
        t.join();
        System.exit(code[0]);
    }

    /** Runs studybook with {@code args}, printing to {@code out} and {@code err}; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        boolean verbose = Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v");
        quietLibraries(verbose);
        System.setProperty("java.awt.headless", "true");
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (outOfMemory(ex)) {
                commandLine.getErr().println(OUT_OF_MEMORY);
                commandLine.getErr().flush();
                return ExitCode.INTERNAL.code();
            }
            if (ex instanceof StudybookException se) {
                commandLine.getErr().println("error: " + se.oneLine());
                if (verbose && se.getCause() != null) {
                    se.getCause().printStackTrace(commandLine.getErr());
                }
                commandLine.getErr().flush();
                return se.exitCode().code();
            }
            commandLine.getErr().println("error: internal error: " + ex
                    + (verbose ? "" : " (run with --verbose for details, and report it)"));
            if (verbose) {
                ex.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return ExitCode.INTERNAL.code();
        });
        return cl.execute(args);
    }

    private static boolean outOfMemory(Throwable t) {
        for (int depth = 0; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** PDFBox, OpenHTMLtoPDF and Batik log through java.util.logging; studybook reports problems itself. */
    private static void quietLibraries(boolean verbose) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(verbose ? Level.WARNING : Level.OFF);
        if (verbose) {
            root.addHandler(new java.util.logging.ConsoleHandler());
        }
    }

    static String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        String shown = abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
        return shown.isEmpty() ? "." : shown;
    }

    /** The version from the jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"studybook " + (v == null ? "(development build)" : v)};
        }
    }
}
