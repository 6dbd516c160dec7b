package org.twinbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.twinbench.data.AtomicFiles;
import org.twinbench.data.SampleData;
import org.twinbench.scenario.SampleScenarios;
import org.twinbench.scenario.ScenarioFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sample-data}: regenerates the bundled sample datasets and scenario. */
@Command(name = "sample-data", mixinStandardHelpOptions = true,
        description = "Regenerate the bundled sample datasets (loans.csv, churn.csv) and the sample scenario.")
public final class SampleDataCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
    Path out;

    @Option(names = "--seed", defaultValue = "" + SampleData.DEFAULT_SEED, paramLabel = "N",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--rows", defaultValue = "" + SampleData.DEFAULT_LOAN_ROWS, paramLabel = "N",
            description = "Rows of loans.csv (churn.csv gets half as many; default: ${DEFAULT-VALUE}).")
    int rows;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (rows < 100) {
            throw new UserInputException("--rows must be at least 100, not " + rows);
        }
        CountLimits.sampleRows(rows);
        if (out.toFile().isFile()) {
            throw new UserInputException(out + ": is a file, not a folder");
        }
        SampleData.writeLoans(out.resolve("loans.csv"), rows, seed);
        SampleData.writeChurn(out.resolve("churn.csv"), Math.max(100, rows / 2), seed);
        for (var entry : SampleScenarios.all(seed).entrySet()) {
            String scenario = ScenarioFormat.toJson(entry.getValue());
            AtomicFiles.writeText(out.resolve(entry.getKey()), w -> w.write(scenario));
        }
        PrintWriter printer = spec.commandLine().getOut();
        printer.println("wrote loans.csv (" + rows + " rows), churn.csv (" + Math.max(100, rows / 2) + " rows) and "
                + String.join(", ", SampleScenarios.all(seed).keySet()) + " to " + out);
        printer.flush();
        return TwinBenchCommand.OK;
    }
}
