package org.twinbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.twinbench.scenario.Scenario;
import org.twinbench.scenario.ScenarioFiles;
import org.twinbench.scenario.ScenarioFormat;
import org.twinbench.scenario.ScenarioValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code validate}: checks a scenario file without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a scenario file; prints one line per problem (node <id>: <what is wrong>).",
                "Also opens the model files it names (with every check run makes) and checks that its data files"
                        + " are regular files."})
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SCENARIO", description = "A *.twin.json file.")
    Path scenarioFile;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Scenario scenario = ScenarioFormat.read(scenarioFile);
        List<String> problems = ScenarioValidator.problems(scenario);
        if (problems.isEmpty()) {
            problems = ScenarioFiles.problems(scenario, scenarioFile.toAbsolutePath().getParent());
        }
        if (problems.isEmpty()) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(TerminalText.oneLine(scenarioFile.toString()) + ": valid (" + scenario.nodes().size() + " nodes, " + scenario.edges().size()
                    + " edges)");
            out.flush();
            return TwinBenchCommand.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        for (String problem : problems) {
            err.println(TerminalText.oneLine(scenarioFile + ": " + problem));
        }
        err.flush();
        return TwinBenchCommand.BAD_INPUT;
    }
}
