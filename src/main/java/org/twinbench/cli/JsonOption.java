package org.twinbench.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --json} option of every command that prints results, as a picocli mixin
 * ({@code @Mixin JsonOption json;}): the same name and help everywhere, one way to print the JSON
 * (indented, NaN and infinities as {@code null}, see {@link Json}), and the command's stdout and
 * stderr for its text.
 */
public final class JsonOption {

    @Option(names = "--json", description = "Print the result as JSON on stdout instead of text.")
    boolean enabled;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Whether {@code --json} was given. */
    public boolean enabled() {
        return enabled;
    }

    /** The command's standard output. */
    public java.io.PrintWriter out() {
        return command.commandLine().getOut();
    }

    /** The command's standard error, for one-line notes and failed gates. */
    public java.io.PrintWriter err() {
        return command.commandLine().getErr();
    }

    /** Prints {@code tree} (a Jackson node or a plain value) as JSON on the command's stdout and flushes. */
    public void print(Object tree) {
        java.io.PrintWriter out = out();
        out.println(Json.write(tree));
        out.flush();
    }
}
