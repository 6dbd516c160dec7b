package org.twinbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command line in-process and captures what it prints. */
public record CliRunner(int exitCode, String out, String err) {

    public static CliRunner run(String... args) {
        CommandLine commandLine = TwinBenchCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new CliRunner(code, out.toString(), err.toString());
    }
}
