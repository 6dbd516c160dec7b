package org.twinbench.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --json} option of every command that prints results, as a picocli mixin
 * ({@code @Mixin JsonOption json;}): the same name and help everywhere, and one way to print the
 * JSON (indented, NaN and infinities as {@code null}, see {@link Json}) on the command's stdout.
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

    /** Prints {@code tree} (a Jackson node or a plain value) as JSON on the command's stdout and flushes. */
    public void print(Object tree) {
        java.io.PrintWriter out = command.commandLine().getOut();
        out.println(Json.write(tree));
        out.flush();
    }
}
