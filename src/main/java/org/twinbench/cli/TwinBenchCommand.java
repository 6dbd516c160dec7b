package org.twinbench.cli;

import java.io.PrintWriter;
import org.twinbench.Version;
import org.twinbench.data.DataException;
import org.twinbench.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** The top-level {@code twinbench} command; its subcommands do the work. */
@Command(name = "twinbench", mixinStandardHelpOptions = true, versionProvider = TwinBenchCommand.VersionProvider.class,
        description = "TwinBench: a digital twin of a deployed ML model. Without a command, opens the workbench window.",
        subcommands = {SampleDataCommand.class, MetricsCommand.class, ValidateCommand.class, BenchCommand.class,
                DriftCommand.class, DetectCommand.class, TrainCommand.class, ScoreCommand.class, ExportModelCommand.class,
                RunCommand.class, SweepCommand.class, RunsCommand.class, SlicesCommand.class, QualityCommand.class,
                RobustnessCommand.class,
                CommandLine.HelpCommand.class})
public final class TwinBenchCommand implements Runnable {

    public static final int OK = 0;
    public static final int ASSERT_FAILED = 1;
    public static final int BAD_INPUT = 2;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the full stack trace of an error.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code (without exiting). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new TwinBenchCommand());
        commandLine.setExecutionExceptionHandler(TwinBenchCommand::handleFailure);
        // No file can be named with a NUL character: a usage error naming the option, not an internal error.
        commandLine.registerConverter(java.nio.file.Path.class, text -> {
            if (text.indexOf('\0') >= 0) {
                throw new CommandLine.TypeConversionException("a file name cannot hold a NUL character");
            }
            return java.nio.file.Path.of(text);
        });
        commandLine.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("twinbench: " + TerminalText.oneLine(ex.getMessage()) + " (twinbench "
                    + commandPath(ex.getCommandLine()) + "--help shows the usage)");
            err.flush();
            return BAD_INPUT;
        });
        // Whatever a command prints passes through the terminal filter (the writers set by the caller
        // are wrapped when the command runs, so a test's or the launcher's writers are covered alike).
        commandLine.setExecutionStrategy(parseResult -> {
            CommandLine root = parseResult.commandSpec().commandLine();
            root.setOut(TerminalText.writer(root.getOut()));
            root.setErr(TerminalText.writer(root.getErr()));
            return new CommandLine.RunLast().execute(parseResult);
        });
        return commandLine;
    }

    private static String commandPath(CommandLine commandLine) {
        String name = commandLine.getCommandName();
        return "twinbench".equals(name) ? "" : name + " ";
    }

    private static int handleFailure(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean verbose = parseResult.hasMatchedOption("--verbose")
                || parseResult.subcommands().stream().anyMatch(r -> r.hasMatchedOption("--verbose"));
        boolean userError = ex instanceof DataException || ex instanceof ScenarioException
                || ex instanceof UserInputException;
        String reason = userError ? ex.getMessage() : "internal error: " + ex + (verbose ? "" : " (--verbose shows details)");
        // One line per problem (the compiler lists every problem of a scenario), each quoted input on its line.
        for (String line : String.valueOf(reason).split("\n")) {
            err.println("twinbench: " + TerminalText.oneLine(line));
        }
        // A script that asked for --json gets its one JSON document even when the command is refused.
        if (matchedJson(parseResult)) {
            com.fasterxml.jackson.databind.node.ObjectNode error = Json.object();
            error.put("error", reason);
            commandLine.getOut().println(Json.write(error));
            commandLine.getOut().flush();
        }
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return BAD_INPUT;
    }

    private static boolean matchedJson(CommandLine.ParseResult result) {
        return result.hasMatchedOption("--json") || result.subcommands().stream().anyMatch(r -> matchedJson(r));
    }

    /** Reports the version written into the build. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"TwinBench " + Version.get(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
